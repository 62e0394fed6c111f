"""Metrics of the mentoring, events and groups apps, against hand-counted fixtures entered
through their services (registered when their models exist)."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone
from django_scopes import scopes_disabled

from peercircle.events import services as events
from peercircle.groups.models import Initiative
from peercircle.mentoring import services as mentoring
from peercircle.mentoring.models import OutcomeType
from peercircle.reporting import compute, services
from tests.events.factories import EventFactory, RegistrationFactory
from tests.groups.factories import ClubFactory, InitiativeFactory
from tests.mentoring.factories import Programme, days_ago
from tests.reporting.factories import ProjectFactory, consenting

TESTED = {"outcomes", "outcome_families", "events_held", "event_participants", "initiatives",
          "initiative_participants", "clubs"}
pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _unscoped(db):
    with scopes_disabled():
        yield


def figure(project, actor, metric, **filters):
    indicator = services.indicator_save(actor=actor, project=project, name=metric, metric=metric,
                                        target=Decimal(5), **filters)
    return compute.project_results(project, [indicator])[0].actual


def test_outcomes_of_given_types_and_directions():
    p = Programme()
    kinds = {t.code: t for t in OutcomeType.objects.filter(organisation=p.org)}
    pairs = [p.pair(p.mentor(f"Mentor {n}")) for n in range(3)]
    for pair in pairs:  # three families with better housing
        mentoring.outcome_record(actor=p.coordinator, pair=pair, type=kinds["housing_improved"],
                                 date=days_ago(10))
    mentoring.outcome_record(actor=p.coordinator, pair=pairs[0],
                             type=kinds["official_employment"], date=days_ago(5))
    mentoring.outcome_record(actor=p.coordinator, pair=pairs[1],
                             type=kinds["no_positive_dynamics"], date=days_ago(5))
    early = p.pair(p.mentor("Early mentor"), matched=days_ago(400))
    mentoring.outcome_record(actor=p.coordinator, pair=early,
                             type=kinds["housing_improved"], date=days_ago(300))  # too early
    project = ProjectFactory(organisation=p.org)
    assert figure(project, p.coordinator, "outcomes", outcome_types=["housing_improved"]) == 3
    assert figure(project, p.coordinator, "outcomes",
                  outcome_types=["direction:positive"]) == 4
    assert figure(project, p.coordinator, "outcome_families",
                  outcome_types=["direction:positive"]) == 3
    assert figure(project, p.coordinator, "outcomes",
                  outcome_types=["direction:negative"]) == 1


def test_events_held_and_their_participants(org, coordinator):
    yesterday = timezone.now() - datetime.timedelta(days=1)
    webinar = EventFactory(organisation=org, starts_at=yesterday,
                           ends_at=yesterday + datetime.timedelta(hours=2))
    EventFactory(organisation=org, starts_at=yesterday - datetime.timedelta(days=2),
                 ends_at=yesterday - datetime.timedelta(days=2) + datetime.timedelta(hours=1))
    EventFactory(organisation=org, starts_at=yesterday, ends_at=yesterday, cancelled=True)
    EventFactory(organisation=org, starts_at=yesterday - datetime.timedelta(days=500),
                 ends_at=yesterday - datetime.timedelta(days=500))  # before the project
    day = timezone.localtime(yesterday).date()
    for n in range(4):
        registration = RegistrationFactory(event=webinar)
        events.attendance_set(actor=coordinator, registration=registration, day=day,
                              present=n < 3)
    project = ProjectFactory(organisation=org)
    assert figure(project, coordinator, "events_held") == 2
    assert figure(project, coordinator, "event_participants") == 3


def test_initiatives_and_their_participants(org, coordinator):
    people = consenting(org, 2)
    first = InitiativeFactory(organisation=org, anonymous_participants=10)
    first.participants.set(people)
    InitiativeFactory(organisation=org, anonymous_participants=7)
    InitiativeFactory(organisation=org, anonymous_participants=50,
                      status=Initiative.Status.CANCELLED)
    InitiativeFactory(organisation=org, anonymous_participants=9,
                      starts_on=timezone.localdate() - datetime.timedelta(days=400))
    project = ProjectFactory(organisation=org)
    assert figure(project, coordinator, "initiatives") == 2
    assert figure(project, coordinator, "initiative_participants") == 19


def test_clubs_running_in_the_period(org, coordinator):
    today = timezone.localdate()
    ClubFactory(organisation=org, founded_on=today - datetime.timedelta(days=500))
    ClubFactory(organisation=org, founded_on=today - datetime.timedelta(days=30))
    ClubFactory(organisation=org, founded_on=today - datetime.timedelta(days=600),
                closed_on=today - datetime.timedelta(days=300))  # closed before the project
    project = ProjectFactory(organisation=org)
    assert figure(project, coordinator, "clubs") == 2
