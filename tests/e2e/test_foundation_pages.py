import re

import pytest
from allauth.mfa.models import Authenticator
from django_scopes import scopes_disabled
from playwright.sync_api import expect

from peercircle.core.models import AuditEntry
from peercircle.organisations.roles import Role
from peercircle.people.models import BeneficiaryIdentity
from tests import factories
from tests.conftest import give_totp
from tests.e2e.conftest import assert_accessible, open_menu, screenshot, sign_in_as, totp_now

pytestmark = pytest.mark.e2e


def _login_form(page, url, email):
    page.goto(url + "/accounts/login/")
    page.get_by_label(re.compile("^e-?mail", re.I)).fill(email)
    page.get_by_label("Password").fill(factories.PASSWORD)
    page.get_by_role("button", name="Sign In").click()


def test_login_and_language_switch(e2e, page):
    membership = factories.MembershipFactory(role=Role.VOLUNTEER, organisation__name="Тёплый дом")
    _login_form(page, e2e.url, membership.user.email)
    expect(page.get_by_role("heading", name="Тёплый дом")).to_be_visible()
    expect(page.get_by_text("My activities this month")).to_be_visible()
    assert_accessible(page)
    screenshot(page, "login-volunteer-home-en")
    page.get_by_role("button", name="RU").click()
    expect(page.locator("html")).to_have_attribute("lang", "ru")
    expect(page.get_by_role("heading", name="Тёплый дом")).to_be_visible()
    expect(page.get_by_role("heading", name="Что сделать дальше")).to_be_visible()
    screenshot(page, "volunteer-home-ru")
    page.get_by_role("button", name="PL").click()
    expect(page.locator("html")).to_have_attribute("lang", "pl")
    assert_accessible(page)
    screenshot(page, "volunteer-home-pl")


def test_wrong_password_gives_a_clear_message(e2e, page):
    user = factories.UserFactory()
    page.goto(e2e.url + "/accounts/login/")
    page.get_by_label(re.compile("^e-?mail", re.I)).fill(user.email)
    page.get_by_label("Password").fill("not the password")
    page.get_by_role("button", name="Sign In").click()
    expect(page.get_by_text(re.compile("not correct", re.I))).to_be_visible()
    assert_accessible(page)
    screenshot(page, "login-error")


@pytest.mark.parametrize("width,height", [(390, 844), (1280, 720)])
def test_a_coordinator_sets_up_two_factor_at_first_sign_in(e2e, page, width, height):
    """Issue 12 items 10, 11: one styled flow in the person's language — the password once,
    the QR code with its key in readable groups, a numeric code field, recovery codes that can be
    downloaded and a way on; the sign-in message in the person's language."""
    page.set_viewport_size({"width": width, "height": height})
    membership = factories.MembershipFactory(role=Role.COORDINATOR, user__language="ru")
    page.goto(e2e.url + "/accounts/login/")  # the browser asks for English
    expect(page.get_by_role("link", name=re.compile("sign up", re.I))).to_have_count(0)
    expect(page.get_by_text("There is no open registration")).to_be_visible()
    page.locator("#id_login").fill(membership.user.email)
    page.locator("#id_password").fill(factories.PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    # straight to the set-up: the password just typed is not asked for again
    expect(page).to_have_url(re.compile("/accounts/2fa/totp/activate/"))
    expect(page.locator("html")).to_have_attribute("lang", "ru")
    expect(page.get_by_text(f"Успешный вход под именем {membership.user.full_name}")).to_be_visible()
    expect(page.get_by_role("heading", level=1)).to_have_text("Настройте приложение-аутентификатор")
    expect(page.get_by_role("img", name="QR-код для приложения-аутентификатора")).to_be_visible()
    key = page.locator("#setup-key").inner_text()
    assert re.fullmatch(r"([A-Z2-7]{4} )+[A-Z2-7]{1,4}", key), key
    code = page.get_by_label("Шестизначный код, который сейчас показывает приложение")
    expect(code).to_have_attribute("inputmode", "numeric")
    expect(code).to_have_attribute("autocomplete", "one-time-code")
    expect(code).to_have_class(re.compile("form-control"))
    assert_accessible(page)
    screenshot(page, f"two-factor-setup-ru-{width}")
    code.fill("000000")
    page.get_by_role("button", name="Включить двухфакторный вход").click()
    expect(page.get_by_text("Неверный код.")).to_be_visible()
    assert not Authenticator.objects.filter(user=membership.user).exists()
    key = page.locator("#setup-key").inner_text()
    typed = totp_now(key.replace(" ", ""))
    code.fill(f"{typed[:3]} {typed[3:]}")  # as read off the phone, with its space
    page.get_by_role("button", name="Включить двухфакторный вход").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Сохраните резервные коды")
    expect(page.locator(".recovery-codes li")).to_have_count(10)
    assert_accessible(page)
    screenshot(page, f"two-factor-recovery-codes-ru-{width}")
    with page.expect_download() as download:
        page.get_by_role("link", name="Скачать коды").click()
    first = page.locator(".recovery-codes li").first.inner_text()
    assert first in download.value.path().read_text()
    page.get_by_role("link", name="Коды сохранены, продолжить").click()
    expect(page.get_by_role("heading", name=membership.organisation.name)).to_be_visible()
    assert Authenticator.objects.filter(user=membership.user, type="totp").exists()

    # the next sign-in asks for the code on a styled, numeric field
    page.goto(e2e.url + "/accounts/logout/")
    page.locator("main form button[type=submit]").click()
    page.locator("#id_login").fill(membership.user.email)
    page.locator("#id_password").fill(factories.PASSWORD)
    # signed out, the browser remembers the person's language
    page.get_by_role("button", name="Войти").click()
    code = page.get_by_label("Код из приложения-аутентификатора или резервный код")
    expect(code).to_have_attribute("inputmode", "numeric")
    screenshot(page, f"two-factor-sign-in-ru-{width}")
    code.fill(first)  # a recovery code works once
    page.get_by_role("button", name="Войти").click()
    expect(page.get_by_role("heading", name=membership.organisation.name)).to_be_visible()


@pytest.mark.parametrize("role", [r.value for r in Role])
def test_home_page_per_role(e2e, page, role):
    network = factories.NetworkFactory(name="Равные рядом")
    org = factories.OrganisationFactory(name="АНО «Рядом»", network=network,
                                        coordinates_network=True)
    for _ in range(3):
        factories.BeneficiaryFactory(organisation=org)
    user = factories.MembershipFactory(role=role, organisation=org).user
    give_totp(user)
    sign_in_as(page, e2e, user)
    page.goto(f"{e2e.url}/o/{org.slug}/")
    expect(page.get_by_role("heading", name="АНО «Рядом»")).to_be_visible()
    expect(page.get_by_role("heading", name="Next things to do")).to_be_visible()
    if role in (Role.COORDINATOR, Role.STAFF):
        expect(page.get_by_text("3 beneficiaries have no recorded consent")).to_be_visible()
    if role == Role.NETWORK_COORDINATOR:
        open_menu(page, "Organisation", "Network")
        expect(page.get_by_text("All member organisations")).to_be_visible()
    assert_accessible(page)
    screenshot(page, f"home-{role}")


def test_beneficiary_create_consent_and_open_identity(e2e, page):
    membership = factories.MembershipFactory(role=Role.STAFF)
    give_totp(membership.user)
    org = membership.organisation
    factories.PartnerFactory(organisation=org, name="City library")
    sign_in_as(page, e2e, membership.user)
    page.goto(f"{e2e.url}/o/{org.slug}/beneficiaries/")
    page.get_by_role("link", name="New beneficiary").click()
    page.get_by_label("Year of birth").fill("3000")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Give a year of birth between 1900 and this year.")).to_be_visible()
    page.get_by_label("Year of birth").fill("1984")
    page.get_by_label("Oncology").check()
    page.get_by_role("button", name="Save").click()
    # issue 12 item 5: one guided flow — record, then consent, then name and contacts
    expect(page.get_by_role("heading", name=re.compile(r"^Consent of B-"))).to_be_visible()
    expect(page.locator('[aria-current="step"]')).to_contain_text("Consent")
    screenshot(page, "beneficiary-step-consent")
    page.get_by_label("Purpose").select_option("data_processing")
    page.get_by_label("How it was given").select_option("signed_paper")
    page.get_by_label("Given by").fill("beneficiary")
    assert_accessible(page)
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("The consent is recorded.")).to_be_visible()
    expect(page.locator('[aria-current="step"]')).to_contain_text("Name and contacts")
    page.get_by_label("Full name").fill("Vera Ivanova")
    page.get_by_label("Phone").fill("+7 900 123-45-67")
    assert_accessible(page)
    screenshot(page, "beneficiary-step-identity")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("The name and contacts are saved.")).to_be_visible()
    expect(page.get_by_text("Vera Ivanova")).to_have_count(0)
    screenshot(page, "beneficiary-detail")

    page.get_by_role("button", name="Show name and contacts").click()
    expect(page.get_by_text("Vera Ivanova")).to_be_visible()
    assert_accessible(page)
    screenshot(page, "identity-opened")
    with scopes_disabled():
        assert BeneficiaryIdentity.objects.get().full_name == "Vera Ivanova"
        assert AuditEntry.objects.filter(action="view_identity", actor=membership.user).count() == 1


def test_a_person_signs_in_with_a_code_sent_by_e_mail(e2e, page):
    """Issue 11 finding 6: a locked password never locks a person out for good."""
    from django.core import mail

    membership = factories.MembershipFactory(role=Role.VOLUNTEER, organisation__name="Тёплый дом")
    page.goto(e2e.url + "/accounts/login/")
    page.get_by_role("link", name=re.compile("sign-in code", re.I)).click()
    page.get_by_label(re.compile("^e-?mail", re.I)).fill(membership.user.email)
    page.get_by_role("button", name=re.compile("code", re.I)).click()
    expect(page).to_have_url(re.compile("/accounts/login/code/confirm/"))
    assert_accessible(page)
    screenshot(page, "login-code-confirm")
    code = re.search(r"^\s*([A-Z0-9]{4}-[A-Z0-9]{4})\s*$", mail.outbox[-1].body, re.M).group(1)
    page.get_by_label(re.compile("code", re.I)).fill(code)
    page.get_by_role("button", name="Confirm").click()
    expect(page.get_by_role("heading", name="Тёплый дом")).to_be_visible()


def test_a_name_is_not_asked_for_before_consent(e2e, page):
    """Issue 12 item 5: no form to type a name into that could not be saved; the record stays
    when a step is skipped."""
    membership = factories.MembershipFactory(role=Role.STAFF)
    give_totp(membership.user)
    org = membership.organisation
    sign_in_as(page, e2e, membership.user)
    page.goto(f"{e2e.url}/o/{org.slug}/beneficiaries/new/")
    page.get_by_label("Year of birth").fill("1990")
    page.get_by_role("button", name="Save").click()
    page.get_by_role("link", name="Skip this step: the record is kept").click()
    expect(page.get_by_role("heading", name=re.compile(r"^B-"))).to_be_visible()
    page.get_by_role("link", name="Edit name and contacts").click()
    expect(page.get_by_text("no active consent")).to_be_visible()
    expect(page.get_by_label("Full name")).to_have_count(0)
    page.get_by_role("link", name="Record the consent").click()
    expect(page.locator('[aria-current="step"]')).to_contain_text("Consent")
