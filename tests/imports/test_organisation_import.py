"""Bulk onboarding: a network imports its member organisations and their coordinators are
invited (issue 14). Identifiers checked as the operator's form checks them; all or nothing;
the same file imports once."""

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse
from django_scopes import scope, scopes_disabled

from peercircle.imports import services
from peercircle.imports.models import ImportRun
from peercircle.organisations.models import Invitation, Organisation
from tests import factories
from tests.imports.factories import consultation_csv, upload, upload_and_check

pytestmark = pytest.mark.django_db

HEADERS = ["Название", "ИНН", "ОГРН", "Город", "Регион", "E-mail координатора", "Язык"]
GOOD = [
    ["Свеча", "7707083893", "1027700132195", "Казань", "Республика Татарстан",
     "svecha@example.org", "ru"],
    ["Путь домой", "", "", "Самара", "Самарская область", "put@example.org", "русский"],
]


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.SITE_URL = "https://peercircle.example"


@pytest.fixture
def hub(db):
    return factories.OrganisationFactory(slug="hub", network=factories.NetworkFactory(),
                                         coordinates_network=True)


def _commit(run, coordinator, capture):
    with scope(organisation=run.organisation), capture(execute=True):
        services.import_commit(actor=coordinator, run=run)
    run.refresh_from_db()
    return run


def test_a_network_imports_its_members_and_their_coordinators_are_invited(
        hub, member, django_capture_on_commit_callbacks):
    coordinator = member("network_coordinator", organisation=hub)
    run = upload_and_check(coordinator, hub, consultation_csv(GOOD, headers=HEADERS),
                           name="members.csv", kind="organisations")
    assert run.mapping["coordinator_email"] == "E-mail координатора"
    assert (run.summary["valid"], run.summary["rejected"]) == (2, 0)
    assert not Organisation.objects.filter(network=hub.network).exclude(pk=hub.pk).exists()
    run = _commit(run, coordinator, django_capture_on_commit_callbacks)
    assert run.status == ImportRun.Status.IMPORTED
    svecha = Organisation.objects.get(inn="7707083893")
    assert svecha.network == hub.network and not svecha.coordinates_network
    assert [r.code for r in svecha.regions.all()] == ["ru-ta"]
    with scopes_disabled():
        invitation = Invitation.objects.get(email="svecha@example.org")
    assert invitation.organisation == svecha and invitation.role == "coordinator"
    sent = {m.to[0]: m for m in mail.outbox}
    assert set(sent) == {"svecha@example.org", "put@example.org"}
    assert f"https://peercircle.example/invitations/{invitation.token}/" in sent[
        "svecha@example.org"].body

    again = upload_and_check(coordinator, hub, consultation_csv(GOOD, headers=HEADERS),
                             name="members.csv", kind="organisations")
    assert (again.summary["valid"], again.summary["skipped"]) == (0, 2)  # imports once


def test_a_file_with_a_bad_row_imports_nothing_and_names_each_problem(
        hub, member, django_capture_on_commit_callbacks):
    coordinator = member("network_coordinator", organisation=hub)
    rows = GOOD + [["Ошибка", "7707083894", "", "", "", "not-an-email", ""],
                   ["Свеча", "7707083893", "", "", "", "x@example.org", ""]]
    run = upload_and_check(coordinator, hub, consultation_csv(rows, headers=HEADERS),
                           name="members.csv", kind="organisations")
    errors = {number: errors for number, _who, errors in run.summary["errors"]}
    assert "INN is not valid" in " ".join(errors[4])
    assert any("E-mail" in e for e in errors[4])
    assert errors[5] == ["Repeats row 2 of the file."]
    with pytest.raises(ValidationError, match="whole or not at all"), scope(organisation=hub):
        services.import_commit(actor=coordinator, run=run)
    assert not Organisation.objects.filter(network=hub.network).exclude(pk=hub.pk).exists()
    assert not mail.outbox


def test_only_a_coordinating_organisation_is_offered_the_kind(org, member, client):
    coordinator = member("coordinator")
    with scope(organisation=org), pytest.raises(ValidationError):
        services.import_upload(actor=coordinator, organisation=org, kind="organisations",
                               file=upload("m.csv", consultation_csv(GOOD, headers=HEADERS)))
    client.force_login(coordinator)
    page = client.get(reverse("imports:list", kwargs={"org": org.slug})).content.decode()
    assert 'value="organisations"' not in page
    assert 'value="volunteers"' in page
