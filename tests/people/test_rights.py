"""Data-subject rights: access and portability, erasure, withdrawal, retention, the register."""

import datetime
import json

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils import timezone
from django_scopes import scope

from peercircle.core import subject_registry as registry
from peercircle.core.models import Activity, AuditEntry
from peercircle.core.services import activity_record
from peercircle.people import services as people_services
from peercircle.people.models import Beneficiary, BeneficiaryIdentity, Consent
from peercircle.people.rights import selectors, services
from tests import factories

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate


@pytest.fixture
def scoped(org):
    with scope(organisation=org):
        yield org


def _person(org, actor, *, name="Vera Ivanova", given_days_ago=200):
    """A beneficiary recorded through the pages' services: consent, identity, one activity."""
    beneficiary = people_services.beneficiary_create(actor=actor, organisation=org,
                                                     birth_year=1984, gender="female")
    people_services.consent_give(
        actor=actor, beneficiary=beneficiary, purpose=Consent.Purpose.DATA_PROCESSING,
        given_on=TODAY() - datetime.timedelta(days=given_days_ago),
        method=Consent.Method.SIGNED_PAPER, given_by="the beneficiary Vera Ivanova",
        document=ContentFile(b"%PDF-1.4 signed", name="consent.pdf"))
    people_services.identity_save(actor=actor, beneficiary=beneficiary, full_name=name,
                                  phone="+7 900 111-22-33", email="vera@example.org")
    return beneficiary


def _activity(org, actor, beneficiary, *, days_ago=10):
    return activity_record(actor=actor, organisation=org, kind=Activity.Kind.CONSULTATION,
                           date=TODAY() - datetime.timedelta(days=days_ago),
                           duration_minutes=45, format="phone", providers=[actor],
                           participants=[beneficiary])


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def test_every_app_contributes_its_part_through_the_registry():
    keys = {provider.key for provider in registry.providers()}
    assert {"record", "identity", "consents", "activities", "help_requests", "registrations",
            "groups", "mentoring", "projects"} <= keys


def test_the_export_holds_identity_consents_activities_and_requests(scoped, coordinator, media):
    beneficiary = _person(scoped, coordinator)
    _activity(scoped, coordinator, beneficiary)
    factories.HelpRequestFactory(beneficiary=beneficiary, message="I need to talk", language="pl")
    export = services.subject_export(actor=coordinator, beneficiary=beneficiary, fmt="json",
                                     language="pl")
    data = json.loads(export.content)
    sections = data["sections"]
    assert data["code"] == beneficiary.code and data["language"] == "pl"
    assert sections["identity"]["items"][0]["full_name"] == "Vera Ivanova"
    assert sections["consents"]["items"][0]["purpose"] == "Przetwarzanie danych osobowych"
    assert sections["activities"]["items"][0]["duration_minutes"] == 45
    assert sections["help_requests"]["items"][0]["message"] == "I need to talk"
    assert sections["identity"]["title"] == "Imię i nazwisko oraz dane kontaktowe"
    assert export.filename.endswith(".json")


def test_the_export_is_audited_like_opening_the_identity(scoped, coordinator, media):
    beneficiary = _person(scoped, coordinator)
    services.subject_export(actor=coordinator, beneficiary=beneficiary, fmt="pdf", language="ru")
    entry = AuditEntry.objects.get(action=AuditEntry.Action.VIEW_IDENTITY)
    assert entry.actor == coordinator and entry.object_id == str(beneficiary.pk)
    assert entry.after == {"export": "pdf", "language": "ru"}


def test_the_pdf_export_is_a_pdf_in_the_persons_language(scoped, coordinator, media):
    beneficiary = _person(scoped, coordinator)
    export = services.subject_export(actor=coordinator, beneficiary=beneficiary, fmt="pdf",
                                     language="ru")
    assert export.content.startswith(b"%PDF") and export.content_type == "application/pdf"


def test_an_unknown_export_format_is_refused_and_not_audited(scoped, coordinator, media):
    beneficiary = _person(scoped, coordinator)
    with pytest.raises(ValidationError):
        services.subject_export(actor=coordinator, beneficiary=beneficiary, fmt="xml",
                                language="ru")
    assert not AuditEntry.objects.filter(action=AuditEntry.Action.VIEW_IDENTITY).exists()


def test_the_persons_language_is_the_one_they_last_wrote_in(scoped, coordinator):
    beneficiary = factories.BeneficiaryFactory(organisation=scoped)
    assert selectors.subject_language(beneficiary) == "en"
    factories.HelpRequestFactory(beneficiary=beneficiary, language="pl")
    assert selectors.subject_language(beneficiary) == "pl"


def test_erasure_destroys_identity_free_text_and_files_but_keeps_the_work(
        scoped, coordinator, media, django_capture_on_commit_callbacks):
    beneficiary = _person(scoped, coordinator)
    activity = _activity(scoped, coordinator, beneficiary)
    request = factories.HelpRequestFactory(beneficiary=beneficiary, message="Call me, Vera")
    document = Consent.objects.get(beneficiary=beneficiary).document.name
    old_code = beneficiary.code
    assert (media / document).exists()
    with django_capture_on_commit_callbacks(execute=True):
        erasure = services.subject_erase(actor=coordinator, beneficiary=beneficiary)
    beneficiary.refresh_from_db()
    assert beneficiary.code == erasure.code != old_code and beneficiary.anonymised_on == TODAY()
    assert beneficiary.birth_year is None and beneficiary.gender == ""
    assert not BeneficiaryIdentity.objects.exists()
    consent = Consent.objects.get(beneficiary=beneficiary)
    assert consent.given_by == "" and not consent.document and consent.withdrawn_on == TODAY()
    assert not (media / document).exists()
    request.refresh_from_db()
    assert request.message == "" and request.need_id
    assert list(activity.participants.all()) == [beneficiary]


def test_erasure_leaves_an_audit_entry_and_an_audit_log_without_personal_data(
        scoped, coordinator, media):
    beneficiary = _person(scoped, coordinator)
    old_code = beneficiary.code
    services.subject_erase(actor=coordinator, beneficiary=beneficiary)
    entry = AuditEntry.objects.get(action=AuditEntry.Action.DELETE)
    assert entry.actor == coordinator and entry.after["anonymised"] is True
    everything = json.dumps([[e.object_repr, e.before, e.after]
                             for e in AuditEntry.objects.all()], ensure_ascii=False)
    assert old_code not in everything
    assert "Vera" not in everything and "consent.pdf" not in everything


def test_an_erased_record_takes_no_new_identity_or_consent(scoped, coordinator, media):
    beneficiary = _person(scoped, coordinator)
    services.subject_erase(actor=coordinator, beneficiary=beneficiary)
    with pytest.raises(ValidationError):
        people_services.identity_save(actor=coordinator, beneficiary=beneficiary, full_name="X")
    with pytest.raises(ValidationError):
        services.subject_erase(actor=coordinator, beneficiary=beneficiary)


def test_withdrawal_schedules_erasure_after_the_organisations_delay(scoped, coordinator, media):
    beneficiary = _person(scoped, coordinator)
    assert selectors.erasure_due_on(beneficiary) is None
    consent = Consent.objects.get(beneficiary=beneficiary)
    people_services.consent_withdraw(actor=coordinator, consent=consent, withdrawn_on=TODAY())
    assert selectors.erasure_due_on(beneficiary) == TODAY() + datetime.timedelta(days=30)
    scoped.erasure_delay_days = 10
    assert selectors.erasure_due_on(beneficiary) == TODAY() + datetime.timedelta(days=10)


def test_retention_run_erases_withdrawals_past_their_delay_only(scoped, coordinator, media):
    due = _person(scoped, coordinator, name="Due Person")
    waiting = _person(scoped, coordinator, name="Waiting Person")
    kept = _person(scoped, coordinator, name="Kept Person")
    for person, days_ago in ((due, 31), (waiting, 5)):
        consent = Consent.objects.get(beneficiary=person)
        people_services.consent_withdraw(actor=coordinator, consent=consent,
                                         withdrawn_on=TODAY() - datetime.timedelta(days=days_ago))
    [report] = services.retention_run(organisations=[scoped])
    assert len(report.withdrawals) == 1 and report.expired == [] and report.failed == []
    for person in (due, waiting, kept):
        person.refresh_from_db()
    assert due.anonymised_on and not waiting.anonymised_on and not kept.anonymised_on
    assert list(BeneficiaryIdentity.objects.values_list("full_name", flat=True).order_by(
        "full_name")) == ["Kept Person", "Waiting Person"]


def test_retention_run_erases_records_past_the_period_after_the_last_work(
        scoped, coordinator, media):
    old = _person(scoped, coordinator, name="Old Person")
    recent = _person(scoped, coordinator, name="Recent Person")
    Beneficiary.objects.filter(pk__in=[old.pk, recent.pk]).update(
        created_at=timezone.now() - datetime.timedelta(days=900))
    _activity(scoped, coordinator, old, days_ago=400)
    _activity(scoped, coordinator, recent, days_ago=100)
    scoped.record_retention_days = 365
    scoped.save()
    [report] = services.retention_run(organisations=[scoped], dry_run=True)
    assert report.expired == [Beneficiary.objects.get(pk=old.pk).code]
    assert not Beneficiary.objects.filter(anonymised_on__isnull=False).exists()
    [report] = services.retention_run(organisations=[scoped])
    assert len(report.expired) == 1
    assert Beneficiary.objects.get(pk=old.pk).anonymised_on
    assert not Beneficiary.objects.get(pk=recent.pk).anonymised_on


def test_a_project_that_counts_the_work_keeps_the_record_until_it_ends(
        scoped, coordinator, media):
    from tests.reporting.factories import IndicatorFactory

    person = _person(scoped, coordinator)
    Beneficiary.objects.filter(pk=person.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=900))
    _activity(scoped, coordinator, person, days_ago=400)
    indicator = IndicatorFactory(project__organisation=scoped, metric="beneficiaries")
    project = indicator.project
    project.starts_on = TODAY() - datetime.timedelta(days=500)
    project.ends_on = TODAY() - datetime.timedelta(days=100)
    project.save()
    scoped.record_retention_days = 365
    scoped.save()
    person.refresh_from_db()
    assert selectors.retention_due_on(person) == project.ends_on + datetime.timedelta(days=365)
    [report] = services.retention_run(organisations=[scoped])
    assert report.expired == []


def test_one_failing_record_does_not_stop_the_retention_run(
        scoped, coordinator, media, monkeypatch):
    first = _person(scoped, coordinator, name="First")
    second = _person(scoped, coordinator, name="Second")
    for person in (first, second):
        consent = Consent.objects.get(beneficiary=person)
        people_services.consent_withdraw(actor=coordinator, consent=consent,
                                         withdrawn_on=TODAY() - datetime.timedelta(days=40))
    real = services.subject_erase

    def failing(*, actor, beneficiary, reason):
        if beneficiary.pk == first.pk:
            raise RuntimeError("disk full")
        return real(actor=actor, beneficiary=beneficiary, reason=reason)

    monkeypatch.setattr(services, "subject_erase", failing)
    [report] = services.retention_run(organisations=[scoped])
    assert report.failed == [first.code] and len(report.withdrawals) == 1
    second.refresh_from_db()
    assert second.anonymised_on


def test_the_erasure_delay_cannot_exceed_thirty_days(scoped, coordinator):
    with pytest.raises(ValidationError):
        services.data_protection_update(actor=coordinator, organisation=scoped,
                                        erasure_delay_days=31, record_retention_days=100)
    services.data_protection_update(actor=coordinator, organisation=scoped,
                                    erasure_delay_days=14, record_retention_days=100)
    scoped.refresh_from_db()
    assert (scoped.erasure_delay_days, scoped.record_retention_days) == (14, 100)


def test_the_register_of_processing_says_what_why_how_long_and_who(scoped):
    scoped.record_retention_days = 730
    rows = {row.title: row for row in selectors.processing_register(organisation=scoped)}
    identity = rows["Name and contacts"]
    assert "Organisation coordinator" in identity.roles and "Staff member" in identity.roles
    assert "Volunteer" not in identity.roles and "Supervisor or curator" not in identity.roles
    assert "730" in identity.period and "30" in identity.period
    assert "730" not in rows["Training"].period
    assert identity.kept and identity.purpose


def test_the_register_is_written_in_the_organisations_languages(scoped):
    from django.utils import translation

    with translation.override("ru"):
        titles = [row.title for row in selectors.processing_register(organisation=scoped)]
    assert "Имя и контакты" in titles


def test_the_register_lists_each_processing_once(scoped):
    titles = [row.title for row in selectors.processing_register(organisation=scoped)]
    assert titles.count("Work given") == 1
