"""Erasing a beneficiary of the demo changes no indicator of any demo project."""

import datetime

import pytest
from django.utils import timezone
from django_scopes import scope, scopes_disabled

from peercircle.core.models import Activity
from peercircle.core.services import activity_record
from peercircle.demo import demo_load
from peercircle.events import services as event_services
from peercircle.mentoring.models import Outcome
from peercircle.organisations.models import Membership
from peercircle.people import services as people_services
from peercircle.people.models import Beneficiary, BeneficiaryIdentity, Consent
from peercircle.people.rights import services
from peercircle.reporting import compute
from peercircle.reporting.models import Project

pytestmark = pytest.mark.django_db


def _all_indicators() -> dict:
    with scopes_disabled():
        projects = list(Project.objects.select_related("organisation", "programme"))
        return {(r.indicator.pk, r.indicator.name): (r.actual, [(g.key, g.actual)
                                                              for g in r.groups])
                for project in projects for r in compute.project_results(project)}


def _an_indicator_for_every_metric(project, actor) -> None:
    """The demo projects plus one indicator of each metric that counts people, on the person's
    project, so that every figure the person is part of is compared."""
    from decimal import Decimal

    from peercircle.core import metrics
    from peercircle.reporting.services import indicator_save

    for code, metric in metrics.REGISTRY.items():
        data = {"name": f"Every {code}", "metric": code, "target": Decimal(10)}
        if metric.needs_threshold:
            data["threshold"] = 1
        if metric.needs_outcome_types:
            data["outcome_types"] = ["direction:positive", "direction:negative"]
        indicator_save(actor=actor, project=project, **data)
        if "quarter" in metric.breakdowns:
            indicator_save(actor=actor, project=project, breakdown="quarter",
                           **data | {"name": f"Every {code} by quarter"})


def _person_with_everything():
    """A mentored family member with an outcome, given consent, a consultation in the ledger
    and a registration (attended) for an event: every kind of record the figures count."""
    with scopes_disabled():
        person = (Beneficiary.objects.filter(
            pk__in=Outcome.beneficiaries.through.objects.values("beneficiary_id"))
            .select_related("organisation").order_by("code").first())
        organisation = person.organisation
        coordinator = Membership.objects.filter(organisation=organisation,
                                                role="coordinator").first().user
    day = timezone.localdate() - datetime.timedelta(days=3)
    with scope(organisation=organisation):
        people_services.consent_give(
            actor=coordinator, beneficiary=person, purpose=Consent.Purpose.DATA_PROCESSING,
            given_on=day, method=Consent.Method.SIGNED_PAPER, given_by="legal representative")
        people_services.identity_save(actor=coordinator, beneficiary=person,
                                      full_name="Мария Петрова", phone="+7 900 555-44-33")
        activity_record(actor=coordinator, organisation=organisation,
                        kind=Activity.Kind.MENTOR_MEETING, date=day, duration_minutes=60,
                        format="in_person", providers=[coordinator], participants=[person])
        start = timezone.make_aware(datetime.datetime.combine(day, datetime.time(11)))
        event = event_services.event_create(
            actor=coordinator, organisation=organisation, title="Клуб наставников",
            kind="club_meeting", starts_at=start, ends_at=start + datetime.timedelta(hours=2),
            venue="Ангарск")
        registration = event_services.registration_create(
            event=event, full_name="Мария Петрова", email="maria@example.org",
            actor=coordinator, notify=False)
        event_services.registration_link(actor=coordinator, registration=registration,
                                         code=person.code)
        event_services.attendance_set(actor=coordinator, registration=registration, day=day,
                                      present=True)
        _an_indicator_for_every_metric(
            Project.objects.get(organisation=organisation), coordinator)
    return person, coordinator


def test_erasing_a_demo_beneficiary_keeps_every_indicator_of_the_demo_projects():
    demo_load()
    person, coordinator = _person_with_everything()
    before = _all_indicators()
    with scope(organisation=person.organisation):
        counted = {"activities": Activity.objects.filter(participants=person).count(),
                   "registrations": person.event_registrations.count()}
        assert counted == {"activities": 2, "registrations": 1}  # the visit and the event day
        services.subject_erase(actor=coordinator, beneficiary=person)
    assert _all_indicators() == before
    with scope(organisation=person.organisation):
        person.refresh_from_db()
        assert person.anonymised_on and not BeneficiaryIdentity.objects.filter(
            beneficiary=person).exists()
        assert person.event_registrations.get().full_name == "—"
    assert any(actual for actual, _groups in before.values())
