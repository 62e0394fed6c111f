import pytest
from django_scopes import scope, scopes_disabled
from playwright.sync_api import expect

from peercircle.consulting.models import HelpRequest
from peercircle.core.models import HelpArea
from peercircle.organisations.roles import Role
from peercircle.volunteers.models import Stage
from tests import factories
from tests.conftest import give_totp
from tests.e2e.conftest import assert_accessible, screenshot, sign_in_as

pytestmark = pytest.mark.e2e


def _phone(browser):
    return browser.new_context(viewport={"width": 390, "height": 844}, locale="en-GB",
                               is_mobile=True, has_touch=True).new_page()


def _fill_request(page, message):
    page.get_by_label("How may we call you?").fill("Anna")
    page.get_by_label("Phone").fill("+7 900 123-45-67")
    page.get_by_label("What is your situation about?").select_option(label="Oncology")
    page.get_by_label("How would you like to talk?").select_option("phone")
    page.get_by_label("What would you like to talk about? (optional)").fill(message)
    page.get_by_label("I agree that the organisation keeps these details").check()
    page.get_by_role("button", name="Send the request").click()


def test_a_request_with_crisis_words_shows_emergency_contacts(e2e, browser):
    org = factories.OrganisationFactory(name="Ассоциация «Свет»",
                                        emergency_info="Crisis line 8-800-2000-122")
    page = _phone(browser)
    page.goto(f"{e2e.url}/request/{org.slug}/")
    expect(page.get_by_text("This is not an emergency service.")).to_be_visible()
    page.get_by_role("button", name="Send the request").click()
    expect(page.get_by_text("This field is required.").first).to_be_visible()
    assert_accessible(page)
    _fill_request(page, "I do not want to live any more, I want to die")
    expect(page.get_by_role("heading", name="Please get help right now")).to_be_visible()
    expect(page.get_by_text("Crisis line 8-800-2000-122")).to_be_visible()
    assert_accessible(page)
    screenshot(page, "request-crisis-phone")
    with scopes_disabled():
        assert HelpRequest.objects.get().crisis_flag


def test_a_coordinator_routes_a_request_with_one_click(e2e, page):
    membership = factories.MembershipFactory(role=Role.COORDINATOR)
    give_totp(membership.user)
    org = membership.organisation
    factories.available_consultant(org, "Irina Lived", capacity=2, lived=True)
    factories.available_consultant(org, "Pavel Helper", capacity=4)
    public = page.context.browser.new_page()
    public.goto(f"{e2e.url}/request/{org.slug}/")
    public.locator("#id_language").select_option("ru")
    _fill_request(public, "Мне поставили диагноз")
    expect(public.get_by_role("heading", name="Thank you")).to_be_visible()
    public.close()

    sign_in_as(page, e2e, membership.user)
    page.goto(f"{e2e.url}/o/{org.slug}/requests/")
    page.get_by_role("cell").get_by_role("link").first.click()
    expect(page.locator("main .list-group-item").first).to_contain_text("Irina Lived")
    expect(page.get_by_text("lived experience of this need, same language, preferred format")).to_be_visible()
    expect(page.get_by_text("0 of 2 this week")).to_be_visible()
    assert_accessible(page)
    screenshot(page, "routing-proposals")
    page.get_by_role("button", name="Assign Irina Lived").click()
    expect(page.get_by_text("The request is given to Irina Lived.")).to_be_visible()
    with scopes_disabled():
        assert HelpRequest.objects.get().assigned_to.full_name == "Irina Lived"


def test_a_coordinator_reviews_and_confirms_bulk_routing(e2e, page):
    membership = factories.MembershipFactory(role=Role.COORDINATOR)
    give_totp(membership.user)
    org = membership.organisation
    oncology = HelpArea.objects.get(code="oncology")
    with scope(organisation=org):
        volunteer = factories.VolunteerFactory(organisation=org, full_name="Olga", languages=["ru"],
                                               stage=Stage.ACTIVE, weekly_capacity=2)
        volunteer.lived_experience.add(oncology)
        for _ in range(3):
            factories.HelpRequestFactory(beneficiary__organisation=org)
    sign_in_as(page, e2e, membership.user)
    page.goto(f"{e2e.url}/o/{org.slug}/requests/")
    page.get_by_role("link", name="Route the whole queue").click()
    expect(page.get_by_text("1 request stays in the queue")).to_be_visible()
    assert_accessible(page)
    screenshot(page, "bulk-routing")
    page.get_by_role("button", name="Confirm the plan").click()
    expect(page.get_by_text("2 requests are assigned.")).to_be_visible()
    with scopes_disabled():
        assert HelpRequest.objects.filter(status="assigned").count() == 2


def test_a_crisis_request_is_given_to_a_peer_only_with_the_professionals_confirmation(e2e, page):
    """Issue 12 item 13."""
    membership = factories.MembershipFactory(role=Role.COORDINATOR)
    give_totp(membership.user)
    org = membership.organisation
    factories.available_consultant(org, "Irina Lived", languages=["en"])
    public = page.context.browser.new_page()
    public.goto(f"{e2e.url}/request/{org.slug}/")
    _fill_request(public, "I do not want to live any more, I want to die")
    public.close()
    sign_in_as(page, e2e, membership.user)
    page.goto(f"{e2e.url}/o/{org.slug}/requests/?status=all")
    page.locator("#results tbody a").first.click()
    page.get_by_role("button", name="Assign Irina Lived").click()  # refused by the browser
    with scopes_disabled():
        assert HelpRequest.objects.get().assigned_to is None
    page.get_by_label("A professional has been involved").check()
    assert_accessible(page)
    screenshot(page, "crisis-assign-confirmation")
    page.get_by_role("button", name="Assign Irina Lived").click()
    expect(page.get_by_text("The request is given to Irina Lived.")).to_be_visible()
    expect(page.get_by_text("A professional was involved: confirmed by")).to_be_visible()
