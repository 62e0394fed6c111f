import pytest
from django_scopes import scopes_disabled
from playwright.sync_api import expect

from peercircle.organisations.roles import Role
from peercircle.volunteers.models import Stage, Volunteer
from tests import factories
from tests.conftest import give_totp
from tests.e2e.conftest import assert_accessible, open_menu, screenshot, sign_in_as

pytestmark = pytest.mark.e2e


def test_a_person_applies_on_a_phone(e2e, browser):
    org = factories.OrganisationFactory(name="Ассоциация пациентов «Свет»")
    factories.QuestionFactory(organisation=org, label="Which city do you live in?", required=True)
    phone = browser.new_context(viewport={"width": 390, "height": 844}, locale="en-GB",
                                is_mobile=True, has_touch=True)
    page = phone.new_page()
    page.goto(f"{e2e.url}/apply/{org.slug}/")
    expect(page.get_by_role("heading", name="Become a volunteer")).to_be_visible()
    page.get_by_label("Your name").fill("Olga Petrova")
    page.get_by_label("E-mail").fill("olga@example")
    page.get_by_label("Why would you like to volunteer with us?").fill("I went through it myself.")
    page.get_by_label("Oncology").check()
    page.get_by_label("Russian").check()
    page.get_by_role("button", name="Send the application").click()
    expect(page.get_by_text("Enter a valid email address.")).to_be_visible()
    expect(page.get_by_text("This field is required.").first).to_be_visible()
    assert_accessible(page)
    screenshot(page, "apply-phone-errors")
    page.get_by_label("E-mail").fill("olga@example.org")
    page.get_by_label("Which city do you live in?").fill("Kazan")
    page.get_by_label("I agree that the organisation keeps my answers").check()
    page.get_by_role("button", name="Send the application").click()
    expect(page.get_by_role("heading", name="Thank you")).to_be_visible()
    assert_accessible(page)
    screenshot(page, "apply-phone-thanks")
    phone.close()
    with scopes_disabled():
        volunteer = Volunteer.objects.get()
    assert volunteer.stage == Stage.APPLIED
    assert volunteer.answers == [{"question": "Which city do you live in?", "answer": "Kazan"}]


def test_a_coordinator_screens_and_activates_a_volunteer(e2e, page):
    membership = factories.MembershipFactory(role=Role.COORDINATOR)
    give_totp(membership.user)
    org = membership.organisation
    factories.VolunteerFactory(organisation=org, full_name="Olga Petrova",
                               motivation="I went through it myself.")
    sign_in_as(page, e2e, membership.user)
    page.goto(f"{e2e.url}/o/{org.slug}/")
    open_menu(page, "Organisation", "Volunteers")
    page.get_by_role("link", name="Applied 1").click()
    page.get_by_role("link", name="Olga Petrova").click()
    page.get_by_role("link", name="Record the screening").click()
    page.get_by_label("Interview notes").fill("Calm, five years in remission, speaks Tatar.")
    page.get_by_label("Decline").check()
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Say why the volunteer leaves.")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Accept").check()
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("The screening is recorded.")).to_be_visible()

    page.get_by_role("link", name="Change stage").click()
    page.get_by_label("New stage").select_option("active")
    page.get_by_role("button", name="Save").click()
    page.get_by_role("link", name="Edit profile").click()
    page.get_by_label("Consultations a week").fill("3")
    page.locator("fieldset", has_text="Lived experience").get_by_label("Oncology").check()
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("The profile is saved.")).to_be_visible()
    expect(page.get_by_text("Screened → Active")).to_be_visible()
    assert_accessible(page)
    screenshot(page, "volunteer-detail")
    with scopes_disabled():
        volunteer = Volunteer.objects.get()
    assert volunteer.stage == Stage.ACTIVE and volunteer.weekly_capacity == 3


def test_a_coordinator_adds_a_question_to_the_application_form(e2e, page):
    membership = factories.MembershipFactory(role=Role.COORDINATOR)
    give_totp(membership.user)
    sign_in_as(page, e2e, membership.user)
    page.goto(f"{e2e.url}/o/{membership.organisation.slug}/volunteers/application-form/")
    page.locator("#id_label").fill("Have you been a patient yourself?")
    page.get_by_label("Kind of answer").select_option("yes_no")
    page.get_by_role("button", name="Add").click()
    expect(page.get_by_text("The question is added to the form.")).to_be_visible()
    assert_accessible(page)
    screenshot(page, "application-form-questions")
    page.goto(f"{e2e.url}/apply/{membership.organisation.slug}/")
    expect(page.get_by_label("Have you been a patient yourself?")).to_be_visible()
