"""A coordinator, working in Russian, gives a person their data and then erases it."""

import json

import pytest
from django_scopes import scopes_disabled
from playwright.sync_api import expect

from peercircle.core.models import Activity
from peercircle.organisations.roles import Role
from peercircle.people.models import BeneficiaryIdentity
from tests import factories
from tests.conftest import give_totp
from tests.e2e.conftest import assert_accessible, screenshot, settled, sign_in_as

pytestmark = pytest.mark.e2e


@pytest.fixture
def russian_coordinator(e2e, page):
    membership = factories.MembershipFactory(role=Role.COORDINATOR,
                                             organisation__name="Тёплый дом",
                                             user__language="ru")
    give_totp(membership.user)
    sign_in_as(page, e2e, membership.user)
    page.base = f"{e2e.url}/o/{membership.organisation.slug}"
    page.organisation = membership.organisation
    page.user = membership.user
    return page


def test_export_then_erase_in_russian(russian_coordinator):
    page = russian_coordinator
    person = factories.BeneficiaryFactory(organisation=page.organisation, code="B-MARIA1")
    factories.ConsentFactory(beneficiary=person)
    factories.IdentityFactory(beneficiary=person, full_name="Мария Петрова")
    activity = factories.ActivityFactory(organisation=page.organisation, recorded_by=page.user)
    activity.participants.add(person)
    page.goto(f"{page.base}/beneficiaries/{person.pk}/")
    page.get_by_role("link", name="Сформировать данные человека").click()
    settled(page)
    expect(page.get_by_role("heading", name="Все данные, которые мы храним о человеке")).to_be_visible()
    page.get_by_label("Формат").select_option("json")
    assert_accessible(page)
    with page.expect_download() as download:
        page.get_by_role("button", name="Сформировать документ").click()
    data = json.loads(download.value.path().read_text())
    assert data["sections"]["identity"]["items"][0]["full_name"] == "Мария Петрова"
    assert len(data["sections"]["activities"]["items"]) == 1

    page.goto(f"{page.base}/beneficiaries/{person.pk}/")
    page.get_by_role("link", name="Удалить данные человека").click()
    settled(page)
    page.get_by_label("Для подтверждения введите код записи").fill("B-OTHER")
    page.get_by_role("button", name="Удалить сейчас").click()
    expect(page.get_by_text("Код не совпадает с кодом этой записи.")).to_be_visible()
    assert_accessible(page)
    screenshot(page, "subject-erase-ru")
    page.get_by_label("Для подтверждения введите код записи").fill("B-MARIA1")
    page.get_by_role("button", name="Удалить сейчас").click()
    settled(page)
    expect(page.get_by_text("Данные человека удалены", exact=False).first).to_be_visible()
    expect(page.get_by_role("link", name="Удалить данные человека")).to_have_count(0)
    expect(page.get_by_role("button", name="Показать имя и контакты")).to_have_count(0)
    assert_accessible(page)
    screenshot(page, "subject-erased-ru")
    with scopes_disabled():
        assert not BeneficiaryIdentity.objects.exists()
        assert list(Activity.objects.get().participants.values_list("pk", flat=True)) == [
            person.pk]


def test_periods_and_register_of_processing_in_polish(e2e, page):
    membership = factories.MembershipFactory(role=Role.COORDINATOR,
                                             organisation__name="Klub Samopomocy Razem",
                                             user__language="pl")
    give_totp(membership.user)
    sign_in_as(page, e2e, membership.user)
    page.goto(f"{e2e.url}/o/{membership.organisation.slug}/data-protection/")
    page.get_by_label("dni od wycofania zgody do usunięcia").fill("45")
    page.get_by_role("button", name="Zapisz").click()
    expect(page.get_by_text("Prawo rosyjskie (152-FZ) dopuszcza najwyżej 30 dni od wycofania zgody "
                            "do zniszczenia danych.")).to_be_visible()
    page.get_by_label("dni od wycofania zgody do usunięcia").fill("14")
    page.get_by_label("dni przechowywania rekordów po ostatniej pracy").fill("730")
    page.get_by_role("button", name="Zapisz").click()
    expect(page.get_by_text("Okresy przechowywania i usuwania danych zostały zapisane.")).to_be_visible()
    page.get_by_role("link", name="Rejestr czynności przetwarzania").click()
    settled(page)
    expect(page.get_by_role("heading", name="Rejestr czynności przetwarzania")).to_be_visible()
    expect(page.get_by_role("rowheader", name="Imię i nazwisko oraz dane kontaktowe")).to_be_visible()
    expect(page.get_by_text("730 dni po ostatnim działaniu", exact=False).first).to_be_visible()
    assert_accessible(page)
    screenshot(page, "processing-register-pl")
