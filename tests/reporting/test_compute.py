"""Every metric kind computed against a hand-counted fixture entered through the services."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from django_scopes import scope

from peercircle.core import metrics
from peercircle.core.models import Region
from peercircle.organisations.roles import Role
from peercircle.people.models import FamilyMember
from peercircle.reporting import compute, services
from peercircle.training import services as training
from peercircle.volunteers.models import Stage
from tests import factories
from tests.reporting.factories import ProjectFactory, consenting, log

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(org, other_org, member):
    """Hand-counted: see the comment of each activity."""
    coordinator = member(Role.COORDINATOR)
    u1, u2, u3 = (member(Role.VOLUNTEER) for _ in range(3))
    r1, r2 = Region.objects.get(code="ru-ud"), Region.objects.get(code="ru-sam")
    with scope(organisation=org):
        b1, b2, b3, b4 = consenting(org, 4)
        f1 = factories.FamilyFactory(organisation=org, code="F-1")
        f2 = factories.FamilyFactory(organisation=org, code="F-2")
        for family, person in ((f1, b1), (f1, b2), (f2, b3)):
            FamilyMember.objects.create(organisation=org, family=family, beneficiary=person,
                                        relation="parent")
        programme = factories.ProgrammeFactory(organisation=org)
        # a1..a3 consultations in the period; a4 supervision; a5 group session; a6 too old
        log(coordinator, org, days_ago=10, providers=[u1], participants=[b1], region=r1,
            programme=programme)                                                     # a1 60'
        log(coordinator, org, days_ago=100, minutes=30, fmt="online", providers=[u1],
            participants=[b1, b2], region=r2)                                        # a2 30'
        log(coordinator, org, days_ago=5, minutes=45, providers=[u2], participants=[b3],
            anonymous=2, region=r1)                                                  # a3 45'
        log(coordinator, org, "supervision", days_ago=3, minutes=90, fmt="online",
            providers=[u2], anonymous=1)                                             # a4 90'
        log(coordinator, org, "group_session", days_ago=7, minutes=120, fmt="in_person",
            providers=[u3], participants=[b4], anonymous=5, region=r1)               # a5 120'
        log(coordinator, org, days_ago=400, providers=[u1], participants=[b1])       # a6 old
        course = training.course_create(actor=coordinator, organisation=org, title="School")
        for user in (u1, u2):
            volunteer = factories.VolunteerFactory(organisation=org, user=user,
                                                   stage=Stage.SCREENED)
            enrolment = training.enrol(actor=coordinator, course=course, volunteer=volunteer)
            training.enrolment_complete(actor=coordinator, enrolment=enrolment)
        factories.VolunteerFactory(organisation=org, stage=Stage.SCREENED)  # never trained
    with scope(organisation=other_org):
        stranger = member(Role.COORDINATOR, organisation=other_org)
        log(stranger, other_org, days_ago=2, anonymous=3)  # another organisation: never counted
    project = ProjectFactory(organisation=org)
    return {"org": org, "coordinator": coordinator, "project": project,
            "programme": programme, "r1": r1, "r2": r2, "users": (u1, u2, u3)}


def value(world, metric, **filters):
    target = filters.pop("target", Decimal(10))
    with scope(organisation=world["org"]):
        indicator = services.indicator_save(actor=world["coordinator"], project=world["project"],
                                            name=metric, metric=metric, target=target, **filters)
        result = compute.project_results(world["project"], [indicator])[0]
    return result


@pytest.mark.parametrize(("metric", "filters", "expected"), [
    ("activities", {"kinds": ["consultation"]}, 3),
    ("activities", {}, 5),
    ("activities", {"kinds": ["consultation"], "format": "phone"}, 2),
    ("activities", {"kinds": ["consultation"], "region": "r1"}, 2),
    ("activities", {"programme": "programme"}, 1),
    ("hours", {"kinds": ["consultation"]}, Decimal("2.25")),
    ("hours", {}, Decimal("5.75")),
    ("participants", {"kinds": ["consultation"]}, 6),
    ("participants", {"kinds": ["group_session"]}, 6),
    ("beneficiaries", {}, 4),
    ("beneficiaries", {"format": "phone"}, 2),
    ("families", {}, 2),
    ("families", {"region": "r2"}, 1),
    ("volunteers_active", {"kinds": ["consultation"]}, 2),
    ("volunteers_active", {}, 3),
    ("regions", {"kinds": ["consultation"]}, 2),
    ("volunteers_trained", {}, 2),
    ("trained_reaching", {"kinds": ["consultation"], "threshold": 2}, 1),
    ("trained_reaching", {"kinds": ["consultation"], "threshold": 1}, 2),
])
def test_every_metric_counts_the_hand_counted_figure(world, metric, filters, expected):
    filters = {k: world[v] if k in ("region", "programme") else v for k, v in filters.items()}
    assert value(world, metric, **filters).actual == expected


def test_the_composite_says_how_many_of_the_trained_reached_it(world):
    result = value(world, "trained_reaching", kinds=["consultation"], threshold=2)
    assert result.note == "1 of 2 trained people reached 2."


def test_an_indicator_period_narrows_the_project_period(world):
    today = timezone.localdate()
    result = value(world, "activities", kinds=["consultation"],
                   starts_on=today - datetime.timedelta(days=30), ends_on=today)
    assert result.actual == 2


def test_breakdown_per_region_with_targets(world):
    result = value(world, "activities", kinds=["consultation"], breakdown="region",
                   breakdown_targets={"ru-ud": 4, "ru-sam": 1})
    assert [(g.key, g.actual, g.target, g.percent) for g in result.groups] == [
        ("ru-sam", 1, 1, 100), ("ru-ud", 2, 4, 50)]
    assert result.groups[1].label == "Udmurt Republic"


def test_breakdown_per_quarter(world):
    today = timezone.localdate()
    expected: dict[str, int] = {}
    for days in (10, 100, 5):
        day = today - datetime.timedelta(days=days)
        key = f"{day.year}-Q{(day.month - 1) // 3 + 1}"
        expected[key] = expected.get(key, 0) + 1
    result = value(world, "activities", kinds=["consultation"], breakdown="quarter")
    assert {g.key: g.actual for g in result.groups} == expected
    assert sum(g.actual for g in result.groups) == result.actual == 3


def test_a_whole_indicator_set_is_a_few_queries(world, django_assert_max_num_queries):
    with scope(organisation=world["org"]):
        for metric in ("activities", "hours", "participants", "beneficiaries", "families",
                       "volunteers_active", "regions", "volunteers_trained"):
            for n in range(3):
                services.indicator_save(actor=world["coordinator"], project=world["project"],
                                        name=f"{metric} {n}", metric=metric, target=Decimal(5))
        indicators = list(world["project"].indicators.select_related("project", "region"))
        with django_assert_max_num_queries(6):
            results = compute.project_results(world["project"], indicators)
    assert len(results) == 24


@pytest.mark.parametrize(("filters", "field", "message"), [
    ({"metric": "volunteers_trained", "kinds": ["consultation"]}, "kinds",
     "“kinds of activity” does not apply to “Volunteers who completed training”."),
    ({"metric": "activities", "target": Decimal(0)}, "target",
     "The target must be greater than zero."),
    ({"metric": "activities", "target": Decimal(-3)}, "target",
     "The target must be greater than zero."),
    ({"metric": "activities", "starts_on": datetime.date(2026, 5, 1),
      "ends_on": datetime.date(2026, 4, 1)}, "ends_on",
     "The end of the period cannot be before its start."),
    ({"metric": "trained_reaching"}, "threshold", "Say how many each person must reach."),
    ({"metric": "activities", "threshold": 3}, "threshold",
     "“at least, per person” does not apply to “Activities held (count)”."),
    ({"metric": "volunteers_trained", "breakdown": "region"}, "breakdown",
     "“Volunteers who completed training” cannot be broken down this way."),
    ({"metric": "activities", "breakdown": "quarter", "breakdown_targets": {"spring": 3}},
     "breakdown_targets", "“spring” is not a quarter; write it as 2025-Q1."),
    ({"metric": "activities", "breakdown_targets": {"2025-Q1": 3}}, "breakdown_targets",
     "Choose a breakdown before giving targets per region or quarter."),
    ({"metric": "activities", "kinds": ["picnic"]}, "kinds", "Unknown kind of activity: picnic."),
    ({"metric": "nonsense"}, "metric", "Choose what the indicator counts."),
])
def test_a_bad_definition_gets_a_clear_message(world, filters, field, message):
    data = {"name": "x", "target": Decimal(5), **filters}
    with scope(organisation=world["org"]), pytest.raises(ValidationError) as error:
        services.indicator_save(actor=world["coordinator"], project=world["project"], **data)
    assert error.value.message_dict[field] == [message]
    with scope(organisation=world["org"]):
        assert not world["project"].indicators.exists()


def test_another_organisations_programme_is_refused(world, other_org):
    with scope(organisation=other_org):
        foreign = factories.ProgrammeFactory(organisation=other_org)
    with scope(organisation=world["org"]), pytest.raises(ValidationError) as error:
        services.indicator_save(actor=world["coordinator"], project=world["project"], name="x",
                                metric="activities", target=Decimal(5), programme=foreign)
    assert "programme" in error.value.message_dict


def test_project_period_end_before_start_is_refused(world):
    with scope(organisation=world["org"]), pytest.raises(ValidationError) as error:
        services.project_save(actor=world["coordinator"], organisation=world["org"], title="P",
                              starts_on=datetime.date(2025, 12, 1),
                              ends_on=datetime.date(2025, 2, 1))
    assert error.value.message_dict["ends_on"] == [
        "The end of the period cannot be before its start."]


def test_every_registered_metric_is_tested():
    tested = {"activities", "hours", "participants", "beneficiaries", "families",
              "volunteers_active", "regions", "volunteers_trained", "trained_reaching"}
    from tests.reporting import test_other_apps

    assert set(metrics.REGISTRY) <= tested | test_other_apps.TESTED
