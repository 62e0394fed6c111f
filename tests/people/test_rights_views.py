"""Pages of data-subject rights and the commands that do the same."""

import datetime
import io
import json

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone
from django_scopes import scope, scopes_disabled

from peercircle.core.models import AuditEntry
from peercircle.people.models import Beneficiary, BeneficiaryIdentity, Consent
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def person(org):
    beneficiary = factories.BeneficiaryFactory(organisation=org, code="B-VERA01")
    factories.ConsentFactory(beneficiary=beneficiary)
    factories.IdentityFactory(beneficiary=beneficiary, full_name="Вера Иванова")
    return beneficiary


def _url(name, person):
    return reverse(f"people:{name}", kwargs={"org": person.organisation.slug,
                                              "beneficiary_pk": person.pk})


def test_a_coordinator_downloads_the_json_and_the_production_is_audited(
        client_for, coordinator, person):
    response = client_for(coordinator).post(_url("subject_export", person),
                                            {"format": "json", "language": "ru"})
    assert response.status_code == 200 and response["Content-Type"] == "application/json"
    data = json.loads(response.content)
    assert data["sections"]["identity"]["items"][0]["full_name"] == "Вера Иванова"
    assert data["sections"]["identity"]["title"] == "Имя и контакты"
    with scopes_disabled():
        entry = AuditEntry.objects.get(action=AuditEntry.Action.VIEW_IDENTITY)
    assert entry.actor == coordinator and entry.object_id == str(person.pk)


def test_showing_the_export_form_writes_nothing(client_for, coordinator, person):
    response = client_for(coordinator).get(_url("subject_export", person))
    assert response.status_code == 200
    with scopes_disabled():
        assert not AuditEntry.objects.exists()


def test_staff_may_open_identities_but_not_produce_or_erase(client_for, member, person):
    client = client_for(member("staff"))
    assert client.post(_url("subject_export", person), {"format": "json",
                                                        "language": "ru"}).status_code == 403
    assert client.post(_url("subject_erase", person),
                       {"confirm_code": person.code}).status_code == 403
    with scopes_disabled():
        assert BeneficiaryIdentity.objects.filter(beneficiary=person).exists()


def test_erasure_needs_the_code_typed_to_confirm(client_for, coordinator, person):
    client = client_for(coordinator)
    response = client.post(_url("subject_erase", person), {"confirm_code": "B-OTHER"})
    assert response.status_code == 200
    assert "The code does not match this record." in response.content.decode()
    with scopes_disabled():
        assert BeneficiaryIdentity.objects.filter(beneficiary=person).exists()
    response = client.post(_url("subject_erase", person), {"confirm_code": "b-vera01"})
    assert response.status_code == 302
    with scopes_disabled():
        person.refresh_from_db()
        assert person.anonymised_on and not BeneficiaryIdentity.objects.exists()
    page = client.get(response["Location"]).content.decode()
    assert person.code in page and "Erase the person" not in page


def test_the_record_page_says_when_a_withdrawal_will_erase_the_data(
        client_for, coordinator, person):
    with scope(organisation=person.organisation):
        Consent.objects.filter(beneficiary=person).update(withdrawn_on=timezone.localdate())
    page = client_for(coordinator).get(
        reverse("people:beneficiary_detail", kwargs={"org": person.organisation.slug,
                                                     "beneficiary_pk": person.pk}))
    due = timezone.localdate() + datetime.timedelta(days=30)
    from django.utils.formats import date_format

    assert "will be destroyed" in page.content.decode()
    assert date_format(due, "SHORT_DATE_FORMAT") in page.content.decode()


def test_a_coordinator_sets_the_periods_and_a_longer_delay_is_refused(client_for, coordinator, org):
    client = client_for(coordinator)
    url = reverse("people:data_protection", kwargs={"org": org.slug})
    response = client.post(url, {"erasure_delay_days": 45, "record_retention_days": 365,
                                 "import_file_retention_days": 30})
    assert response.status_code == 200 and "152-FZ" in response.content.decode()
    assert client.post(url, {"erasure_delay_days": 20,
                             "record_retention_days": 365,
                             "import_file_retention_days": 7}).status_code == 302
    org.refresh_from_db()
    assert (org.erasure_delay_days, org.record_retention_days, org.import_file_retention_days) == (20, 365, 7)


def test_the_register_of_processing_is_a_page_and_a_pdf_in_polish(client_for, member, org):
    staff = member("staff")
    staff.language = "pl"
    staff.save()
    client = client_for(staff)
    url = reverse("people:processing_register", kwargs={"org": org.slug})
    page = client.get(url, HTTP_ACCEPT_LANGUAGE="pl").content.decode()
    assert "Rejestr czynności przetwarzania" in page and "Imię i nazwisko" in page
    pdf = client.get(url + "?download=pdf")
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")


def test_subject_export_command_writes_json_or_pdf_by_extension(person, tmp_path):
    target = tmp_path / "vera.json"
    call_command("subject_export", str(target), org=person.organisation.slug, code="b-vera01",
                 stdout=io.StringIO())
    data = json.loads(target.read_text())
    assert data["code"] == "B-VERA01" and data["sections"]["identity"]["items"]
    pdf = tmp_path / "vera.pdf"
    call_command("subject_export", str(pdf), org=person.organisation.slug, code="B-VERA01",
                 language="pl", stdout=io.StringIO())
    assert pdf.read_bytes().startswith(b"%PDF")
    with scopes_disabled():
        assert AuditEntry.objects.filter(action=AuditEntry.Action.VIEW_IDENTITY).count() == 2
    with pytest.raises(CommandError):
        call_command("subject_export", str(tmp_path / "vera.xml"),
                     org=person.organisation.slug, code="B-VERA01")
    with pytest.raises(CommandError):
        call_command("subject_export", str(target), org=person.organisation.slug, code="B-NONE")


def test_subject_erase_command_anonymises_the_record(person):
    out = io.StringIO()
    call_command("subject_erase", org=person.organisation.slug, code="B-VERA01", stdout=out)
    with scopes_disabled():
        person.refresh_from_db()
        assert person.anonymised_on and person.code in out.getvalue()
        assert not BeneficiaryIdentity.objects.exists()
    with pytest.raises(CommandError):
        call_command("subject_erase", org=person.organisation.slug, code=person.code)


def test_retention_run_command_reports_what_it_did(person, other_org):
    with scopes_disabled():
        Consent.objects.filter(beneficiary=person).update(
            withdrawn_on=timezone.localdate() - datetime.timedelta(days=31))
    out = io.StringIO()
    call_command("retention_run", dry_run=True, stdout=out)
    assert "alpha: would erase 1 after withdrawal, 0 past retention; 0 failed" in out.getvalue()
    assert "beta: would erase 0" in out.getvalue()
    with scopes_disabled():
        assert not Beneficiary.objects.filter(anonymised_on__isnull=False).exists()
    out = io.StringIO()
    call_command("retention_run", org="alpha", stdout=out)
    assert "alpha: erased 1 after withdrawal" in out.getvalue()
    with scopes_disabled():
        assert Beneficiary.objects.get(pk=person.pk).anonymised_on


def test_a_coordinator_produces_a_volunteers_data_without_their_private_self_checks(
        client_for, coordinator, org):
    volunteer = factories.VolunteerFactory(organisation=org, full_name="Ольга Смирнова",
                                           motivation="I was helped myself")
    detail = client_for(coordinator).get(reverse("volunteers:detail", kwargs={
        "org": org.slug, "volunteer_pk": volunteer.pk})).content.decode()
    url = reverse("volunteers:export", kwargs={"org": org.slug,
                                                     "volunteer_pk": volunteer.pk})
    assert url in detail
    response = client_for(coordinator).post(url, {"format": "json", "language": "pl"})
    data = json.loads(response.content)
    assert data["sections"]["volunteer"]["items"][0]["motivation"] == "I was helped myself"
    assert set(data["sections"]) == {"volunteer", "volunteer_history", "training",
                                     "volunteer_work"}
    with scopes_disabled():
        entry = AuditEntry.objects.get(action=AuditEntry.Action.VIEW_IDENTITY)
    assert entry.object_type == "volunteers.Volunteer" and entry.actor == coordinator


def test_a_coordinator_produces_a_members_data_with_the_work_they_gave(
        client_for, coordinator, member, org):
    colleague = member("volunteer")
    activity = factories.ActivityFactory(organisation=org, recorded_by=colleague)
    activity.providers.add(colleague)
    client = client_for(coordinator)
    members = client.get(reverse("organisations:members", kwargs={"org": org.slug}))
    with scopes_disabled():
        membership = colleague.memberships.get(organisation=org)
    url = reverse("people:member_export", kwargs={"org": org.slug,
                                                  "membership_pk": membership.pk})
    assert url in members.content.decode()
    data = json.loads(client.post(url, {"format": "json", "language": "en"}).content)
    assert data["sections"]["member"]["items"][0]["email"] == colleague.email
    assert data["sections"]["member"]["items"][1]["role"] == "Volunteer"
    assert len(data["sections"]["member_work"]["items"]) == 1
    with scopes_disabled():
        assert AuditEntry.objects.get(action=AuditEntry.Action.VIEW_IDENTITY).object_type == (
            "organisations.Membership")
