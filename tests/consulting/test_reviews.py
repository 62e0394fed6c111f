import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django_scopes import scope

from peercircle.consulting.services import reviews
from peercircle.core.models import Activity
from peercircle.organisations.roles import Role
from tests import factories
from tests.clock import today

pytestmark = pytest.mark.django_db


@pytest.fixture
def team(member):
    return {role: member(role) for role in (Role.SUPERVISOR, Role.VOLUNTEER, Role.COORDINATOR)}


def _plan(org, team, **extra):
    values = dict(actor=team[Role.SUPERVISOR], organisation=org, kind="intervision",
                  title="Boundaries", date=today(), duration_minutes=90, format="online",
                  participants=[team[Role.VOLUNTEER]])
    values.update(extra)
    return reviews.review_plan(**values)


def test_a_held_session_lands_in_the_ledger_as_a_head_count(org, team):
    with scope(organisation=org):
        review = _plan(org, team)
        reviews.review_hold(actor=team[Role.SUPERVISOR], review=review,
                            attended=[team[Role.VOLUNTEER], team[Role.COORDINATOR]])
        activity = Activity.objects.get(kind="intervision")
        assert activity.anonymous_count == 2 and activity.mode == "group"
        with pytest.raises(ValidationError, match="already recorded"):
            reviews.review_hold(actor=team[Role.SUPERVISOR], review=review,
                                attended=[team[Role.VOLUNTEER]])


def test_a_case_summary_must_not_identify_anyone(org, team):
    identity = factories.IdentityFactory(beneficiary__organisation=org, full_name="Vera Testova")
    with scope(organisation=org):
        for text in ("Call her on +7 900 123 45 67", "mail vera@example.org",
                     "Vera Testova says she cannot sleep"):
            with pytest.raises(ValidationError):
                _plan(org, team, case_summary=text)
        _plan(org, team, case_summary="A mother of two after a diagnosis; fear of relapse.")
    assert identity.full_name == "Vera Testova"


def test_a_future_session_cannot_be_recorded(org, team):
    with scope(organisation=org):
        review = _plan(org, team, date=today() + datetime.timedelta(days=3))
        with pytest.raises(ValidationError, match="before its date"):
            reviews.review_hold(actor=team[Role.SUPERVISOR], review=review,
                                attended=[team[Role.VOLUNTEER]])


def test_volunteers_see_only_the_sessions_they_take_part_in(client_for, org, team, member):
    with scope(organisation=org):
        mine = _plan(org, team, title="Mine")
        other = _plan(org, team, title="Not mine", participants=[])
    client = client_for(team[Role.VOLUNTEER])
    page = client.get(reverse("consulting:reviews", kwargs={"org": org.slug})).content.decode()
    assert "Mine" in page and "Not mine" not in page
    url = reverse("consulting:review_detail", kwargs={"org": org.slug, "review_pk": other.pk})
    assert client.get(url).status_code == 404
    url = reverse("consulting:review_detail", kwargs={"org": org.slug, "review_pk": mine.pk})
    assert client.get(url).status_code == 200


def test_who_sees_and_records_a_review_as_object_permissions(org, team, member):
    """Issue 13 item 7: the group's people see their session; planners record it, once."""
    from peercircle.consulting.rules import ReviewAccess, review_rules
    from peercircle.core.access import ROLE_PERMISSIONS

    outsider = member(Role.VOLUNTEER)
    with scope(organisation=org):
        review = _plan(org, team)

        def can(rule, role, user):
            access = ReviewAccess(review, ROLE_PERMISSIONS[role])
            return review_rules.test_rule(rule, user, access)

        assert can("see", Role.VOLUNTEER, team[Role.VOLUNTEER])
        assert not can("see", Role.VOLUNTEER, outsider)
        assert not can("record", Role.VOLUNTEER, team[Role.VOLUNTEER])
        assert can("record", Role.SUPERVISOR, team[Role.SUPERVISOR])
        reviews.review_hold(actor=team[Role.SUPERVISOR], review=review,
                            attended=[team[Role.VOLUNTEER]])
        review.refresh_from_db()
        assert not can("record", Role.SUPERVISOR, team[Role.SUPERVISOR])
