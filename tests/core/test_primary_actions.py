"""Issue 12 item 3: every role's home page starts with its main actions — log a consultation,
log a meeting, log a session, mark attendance — one tap from the home page on a phone."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from django_scopes import scope

from peercircle.core.access import permissions_for_roles
from peercircle.core.dashboard import dashboard_for
from peercircle.organisations.roles import Role
from tests import factories
from tests.access.samples import mentoring as mentoring_samples

pytestmark = pytest.mark.django_db


def _actions(user, org) -> list[str]:
    roles = set(user.memberships.filter(organisation=org).values_list("role", flat=True))
    with scope(organisation=org):
        context = dashboard_for(user=user, organisation=org,
                                permissions=permissions_for_roles(roles))
    return [label for label, _url in context["actions"]]


def test_a_peer_consultant_logs_a_consultation_from_the_top_of_home(client, org, member):
    consultant = member(Role.VOLUNTEER, volunteer_kind="peer_consultant")
    client.force_login(consultant)
    page = client.get(reverse("core:dashboard", kwargs={"org": org.slug})).content.decode()
    button = page.index(reverse("consulting:consultation_new", kwargs={"org": org.slug}))
    assert button < page.index('id="figures-heading"')  # before the figures, first on a phone


def test_an_animator_logs_a_session_and_is_not_offered_consultations(org, member):
    from peercircle.groups.models import Club, SelfHelpGroup

    animator = member(Role.VOLUNTEER, volunteer_kind="animator")
    with scope(organisation=org):
        club = Club.objects.create(organisation=org, name="Klub", kind="self_help",
                                   locality="Latowicz")
        group = SelfHelpGroup.objects.create(organisation=org, club=club, name="Grupa wsparcia",
                                             topic="Praca", started_on=timezone.localdate())
        group.animators.add(animator)
    assert _actions(animator, org) == ["Log a session: Grupa wsparcia"]


def test_a_mentor_logs_a_meeting_with_each_family(org, member):
    sample = mentoring_samples.samples(org)
    from peercircle.mentoring.models import Pair

    with scope(organisation=org):
        pair = Pair.objects.get(pk=sample["pair_pk"])
        from peercircle.volunteers.services import volunteer_link_account

        mentor_user = member(Role.VOLUNTEER, volunteer_kind="mentor")
        volunteer_link_account(actor=member(Role.COORDINATOR), volunteer=pair.mentor.volunteer,
                               user=mentor_user)
    actions = _actions(mentor_user, org)
    assert actions == [f"Log a meeting: {pair.family}"]


def test_on_the_day_of_an_event_its_attendance_comes_first(org, member):
    from tests.events.factories import EventFactory

    coordinator = member(Role.COORDINATOR)
    now = timezone.now()
    with scope(organisation=org):
        EventFactory(organisation=org, title="Семинар", starts_at=now,
                     ends_at=now + datetime.timedelta(hours=2))
        EventFactory(organisation=org, title="Завтра", starts_at=now + datetime.timedelta(days=2),
                     ends_at=now + datetime.timedelta(days=2, hours=2))
    assert _actions(coordinator, org) == ["Log a consultation", "Mark attendance: Семинар"]


def test_a_partner_contact_has_no_main_action(org, member):
    partner = factories.MembershipFactory(organisation=org, role=Role.PARTNER,
                                          partner=factories.PartnerFactory(organisation=org)).user
    assert _actions(partner, org) == []
