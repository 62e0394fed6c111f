"""A coordinator's tour: profile, members and invitations, partners, families, ledger, audit."""

import re

import pytest
from django.core import mail
from django_scopes import scopes_disabled
from playwright.sync_api import expect

from peercircle.core.models import Activity
from peercircle.organisations.models import Invitation, Partner
from peercircle.organisations.roles import Role
from peercircle.people.models import FamilyMember
from tests import factories
from tests.conftest import give_totp
from tests.e2e.conftest import assert_accessible, open_menu, screenshot, sign_in_as

pytestmark = pytest.mark.e2e


@pytest.fixture
def coordinator_page(e2e, page):
    membership = factories.MembershipFactory(role=Role.COORDINATOR,
                                             organisation__name="Тёплый дом")
    give_totp(membership.user)
    sign_in_as(page, e2e, membership.user)
    page.base = f"{e2e.url}/o/{membership.organisation.slug}"
    page.organisation = membership.organisation
    page.user = membership.user
    return page


def test_profile_edit(coordinator_page):
    page = coordinator_page
    page.goto(page.base + "/profile/edit/")
    page.locator("#id_name").fill("")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("This field is required.")).to_be_visible()
    page.locator("#id_name").fill("Тёплый дом — сообщество замещающих семей")
    page.get_by_label("Regions served").select_option(label="Udmurt Republic")
    page.get_by_label("Foster and guardian families").check()
    page.get_by_label("Udmurt", exact=True).check()
    page.get_by_label("In person").check()
    page.get_by_label("Website").fill("teply-dom.example.org")
    assert_accessible(page)
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("The profile is saved.")).to_be_visible()
    expect(page.get_by_text("Udmurt Republic")).to_be_visible()
    assert_accessible(page)
    screenshot(page, "organisation-profile")


def test_invite_a_member_and_accept(coordinator_page, browser, e2e):
    page = coordinator_page
    page.goto(page.base + "/members/")
    page.get_by_role("link", name="Invite a person").click()
    page.get_by_label("E-mail").fill("not an address")
    page.get_by_label("Role").select_option("volunteer")
    page.get_by_role("button", name="Send the invitation").click()
    expect(page.get_by_text("Enter a valid email address.")).to_be_visible()
    assert_accessible(page)
    screenshot(page, "invite-error")
    page.get_by_label("E-mail").fill("mentor@example.org")
    page.get_by_label("Volunteer works as").select_option("mentor")
    page.get_by_label("Language of the invitation").select_option("en")
    page.get_by_role("button", name="Send the invitation").click()
    expect(page.get_by_text("The invitation is sent to mentor@example.org.")).to_be_visible()
    expect(page.get_by_text("Invitations waiting")).to_be_visible()
    assert_accessible(page)
    screenshot(page, "members")
    with scopes_disabled():
        token = Invitation.objects.get(email="mentor@example.org").token
    assert any(token in message.body for message in mail.outbox)

    newcomer = browser.new_page()
    newcomer.goto(f"{e2e.url}/invitations/{token}/")
    newcomer.get_by_label("Your name").fill("Maria Mentor")
    newcomer.locator("#id_password1").fill("a-long-passphrase-9")
    newcomer.get_by_label("Password again").fill("a-long-passphrase-8")
    newcomer.get_by_role("button", name="Accept the invitation").click()
    expect(newcomer.get_by_text("The two passwords differ.")).to_be_visible()
    assert_accessible(newcomer)
    screenshot(newcomer, "invitation-accept-error")
    newcomer.locator("#id_password1").fill("a-long-passphrase-9")
    newcomer.get_by_label("Password again").fill("a-long-passphrase-9")
    newcomer.get_by_role("button", name="Accept the invitation").click()
    expect(newcomer.get_by_role("heading", name="Тёплый дом")).to_be_visible()
    newcomer.close()


def test_partners(coordinator_page):
    page = coordinator_page
    page.goto(page.base + "/partners/")
    page.get_by_role("link", name="Add a partner").click()
    page.get_by_label("Name").fill("Republican children's library")
    page.get_by_label("Role").select_option("library")
    page.get_by_label("What we do together").fill("Reading club for foster families")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("cell", name="Republican children's library")).to_be_visible()
    assert_accessible(page)
    screenshot(page, "partners")
    with scopes_disabled():
        assert Partner.objects.get().role == "library"


def test_family_with_household(coordinator_page):
    page = coordinator_page
    org = page.organisation
    parent = factories.BeneficiaryFactory(organisation=org, code="B-PARENT")
    factories.BeneficiaryFactory(organisation=org, code="B-CHILD")
    page.goto(page.base + "/families/")
    page.get_by_role("link", name="New family").click()
    page.get_by_label("Family code").fill("F-001")
    page.get_by_label("Foster and guardian families").check()
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("heading", name="Family F-001")).to_be_visible()
    page.get_by_label("Person (code)").select_option(label="B-CHILD")
    page.get_by_label("Relation").select_option("child")
    page.get_by_label("Legal representative").check()
    page.get_by_role("button", name="Add to the family").click()
    expect(page.get_by_text("A child cannot be the family's legal representative.")).to_be_visible()
    page.get_by_label("Person (code)").select_option(label="B-PARENT")
    page.get_by_label("Relation").select_option("guardian")
    page.get_by_role("button", name="Add to the family").click()
    expect(page.get_by_text("The person is added to the family.")).to_be_visible()
    assert_accessible(page)
    screenshot(page, "family")
    with scopes_disabled():
        assert FamilyMember.objects.get().beneficiary == parent


def test_log_work_and_read_the_audit_log(coordinator_page):
    page = coordinator_page
    org = page.organisation
    factories.BeneficiaryFactory(organisation=org, code="B-NOCONSENT")
    page.goto(page.base + "/activities/")
    page.get_by_role("link", name="Log work").click()
    page.get_by_label("Duration, minutes").fill("45")
    page.get_by_label("Format").select_option("phone")
    page.get_by_label("Named participants (codes)").select_option(label="B-NOCONSENT")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text(re.compile("B-NOCONSENT gave no consent"))).to_be_visible()
    assert_accessible(page)
    screenshot(page, "log-work-refused")
    page.get_by_label("Named participants (codes)").select_option([])
    page.get_by_label("Anonymous participants").fill("3")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("The work is logged.")).to_be_visible()
    expect(page.get_by_text("1 activity, 45 minutes in all.")).to_be_visible()
    assert_accessible(page)
    screenshot(page, "activities")
    with scopes_disabled():
        assert Activity.objects.count() == 1

    open_menu(page, "Organisation", "Audit log")
    expect(page.get_by_role("cell", name="Consultation", exact=False).first).to_be_visible()
    page.get_by_label("Action").select_option("create")
    page.get_by_role("button", name="Filter").click()
    expect(page.get_by_role("cell", name=page.user.full_name).first).to_be_visible()
    assert_accessible(page)
    screenshot(page, "audit-log")


def test_an_invited_staff_member_sets_up_the_authenticator_and_an_intruder_cannot(
        coordinator_page, browser, e2e):
    """Issue 11 finding 4: staff need a second factor; the first one is bound to the invitation."""
    page = coordinator_page
    page.goto(page.base + "/members/invite/")
    page.get_by_label("E-mail").fill("staff.member@example.org")
    page.get_by_label("Role").select_option("staff")
    page.get_by_label("Language of the invitation").select_option("ru")
    page.get_by_role("button", name="Send the invitation").click()
    expect(page.get_by_text("The invitation is sent to staff.member@example.org.")).to_be_visible()
    with scopes_disabled():
        token = Invitation.objects.get(email="staff.member@example.org").token

    newcomer = browser.new_context(locale="ru-RU").new_page()
    newcomer.goto(f"{e2e.url}/invitations/{token}/")
    newcomer.get_by_label("Ваше имя").fill("Нина Волкова")
    newcomer.locator("#id_password1").fill("a-long-passphrase-9")
    newcomer.locator("#id_password2").fill("a-long-passphrase-9")
    newcomer.get_by_role("button", name="Принять приглашение").click()
    expect(newcomer).to_have_url(re.compile("/accounts/2fa/totp/activate/"))

    intruder = browser.new_context(locale="ru-RU").new_page()
    intruder.goto(e2e.url + "/accounts/login/")
    intruder.locator("#id_login").fill("staff.member@example.org")
    intruder.locator("#id_password").fill("a-long-passphrase-9")
    intruder.locator("main form button[type=submit], form.login button[type=submit]").last.click()
    expect(intruder).to_have_url(re.compile("/two-factor/from-invitation/"))
    expect(intruder.get_by_role("heading", level=1)).to_contain_text("приглашени")
    intruder.goto(e2e.url + "/accounts/2fa/totp/activate/")
    expect(intruder).to_have_url(re.compile("/two-factor/from-invitation/"))
    assert_accessible(intruder)
    screenshot(intruder, "two-factor-from-invitation-ru")
    intruder.close()
    newcomer.close()


def test_a_volunteer_is_invited_from_their_record_and_meets_it(coordinator_page, browser, e2e):
    """Issue 14: apply (public page) → screen → invite from the record → accept → linked."""
    page = coordinator_page
    org = page.organisation
    page.goto(f"{e2e.url}/apply/{org.slug}/")
    page.get_by_label("Your name").fill("Ольга Смирнова")
    page.get_by_label("E-mail").fill("olga@example.org")
    page.get_by_label("Why would you like to volunteer with us?").fill("Сама прошла через это.")
    page.locator("#id_consent").check()
    page.locator("main form button[type=submit]").click()
    expect(page).to_have_url(re.compile("/thanks/"))
    page.goto(page.base + "/volunteers/")
    page.get_by_role("link", name="Ольга Смирнова").click()
    page.get_by_role("link", name="Record the screening").click()
    page.get_by_label("Accept").check()
    page.get_by_role("button", name="Save").click()
    page.get_by_role("link", name="Invite to PeerCircle").click()
    page.get_by_label("Volunteer works as").select_option("peer_consultant")
    page.get_by_label("Language of the invitation").select_option("ru")
    assert_accessible(page)
    screenshot(page, "volunteer-invite")
    page.get_by_role("button", name="Send the invitation").click()
    expect(page.locator("#account")).to_contain_text("not accepted yet")
    with scopes_disabled():
        token = Invitation.objects.get(email="olga@example.org").token
    newcomer = browser.new_context(locale="ru-RU").new_page()
    newcomer.goto(f"{e2e.url}/invitations/{token}/")
    newcomer.get_by_label("Ваше имя").fill("Ольга Смирнова")
    newcomer.locator("#id_password1").fill("a-long-passphrase-9")
    newcomer.locator("#id_password2").fill("a-long-passphrase-9")
    newcomer.get_by_role("button", name="Принять приглашение").click()
    expect(newcomer.get_by_role("heading", name="Тёплый дом")).to_be_visible()
    newcomer.close()
    page.reload()
    expect(page.locator("#account")).to_contain_text("Linked to the account of Ольга Смирнова")
    assert_accessible(page)
    screenshot(page, "volunteer-linked")


def test_a_request_for_help_is_closed_with_how_it_ended(coordinator_page, e2e):
    """Issue 14: requests end (helped, referred elsewhere, no answer, duplicate) and reopen."""
    page = coordinator_page
    org = page.organisation
    page.goto(f"{e2e.url}/request/{org.slug}/")
    page.get_by_label("How may we call you?").fill("Anna")
    page.locator("#id_phone").fill("+7 900 100 20 30")
    page.locator("#id_need").select_option(index=1)
    page.locator("#id_consent").check()
    page.locator("main form button[type=submit]").click()
    expect(page).to_have_url(re.compile("/thanks/"))
    page.goto(page.base + "/requests/")
    page.locator("table tbody a").first.click()
    page.get_by_label("How did it end?").select_option("helped")
    page.get_by_role("button", name="Close the request").click()
    expect(page.locator("#request-status")).to_contain_text("Helped")
    assert_accessible(page)
    screenshot(page, "request-closed")
    page.get_by_role("button", name="Reopen the request").click()
    expect(page.locator("#request-status")).to_contain_text("New")


def test_a_coordinator_starts_a_programme_with_a_target(coordinator_page):
    """Issue 14: programmes are created on a page (with the per-consultant target) and archived."""
    page = coordinator_page
    page.goto(page.base + "/programmes/")
    page.get_by_role("link", name="New programme").click()
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("This field is required.").first).to_be_visible()
    page.get_by_label("Name").fill("Равный консультант")
    page.get_by_label("Kind").select_option("peer_consulting")
    page.get_by_label("Consultations each consultant is expected to give").fill("20")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("cell", name="Равный консультант", exact=True)).to_be_visible()
    page.get_by_role("button", name="RU").click()
    expect(page.get_by_role("heading", name="Программы")).to_be_visible()
    assert_accessible(page)
    screenshot(page, "programmes-ru")
