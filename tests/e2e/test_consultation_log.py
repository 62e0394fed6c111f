import pytest
from django_scopes import scopes_disabled
from playwright.sync_api import expect

from peercircle.core.models import Activity
from peercircle.organisations.roles import Role
from tests import factories
from tests.e2e.conftest import assert_accessible, screenshot, sign_in_as

pytestmark = pytest.mark.e2e


@pytest.fixture
def phone_page(e2e, browser):
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="en-GB",
                                  is_mobile=True, has_touch=True)
    page = context.new_page()
    page.set_default_timeout(15_000)
    membership = factories.MembershipFactory(role=Role.VOLUNTEER)
    factories.ProgrammeFactory(organisation=membership.organisation, name="Patients' team",
                               target_per_provider=20)
    sign_in_as(page, e2e, membership.user)
    page.base = f"{e2e.url}/o/{membership.organisation.slug}"
    yield page
    context.close()


def _count():
    with scopes_disabled():
        return Activity.objects.count()


def test_a_consultation_is_logged_in_a_few_taps(phone_page):
    page = phone_page
    page.goto(page.base + "/consultations/new/")
    page.get_by_label("Phone", exact=True).check()
    page.get_by_label("Oncology").check()
    assert_accessible(page)
    screenshot(page, "consultation-phone")
    page.get_by_role("button", name="Save and add another").click()
    expect(page.get_by_text("The consultation is saved.")).to_be_visible()
    page.get_by_label("Chat or messenger").check()
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.get_by_text("Patients' team: 2 of 20 consultations")).to_be_visible()
    expect(page.get_by_text("2 consultations in all.")).to_be_visible()
    assert_accessible(page)
    screenshot(page, "my-consultations-phone")
    assert _count() == 2


def test_a_consultation_survives_a_lost_connection_and_is_sent_once(phone_page):
    page = phone_page
    page.goto(page.base + "/consultations/new/")
    page.get_by_label("Phone", exact=True).check()
    page.context.set_offline(True)
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.get_by_text("No connection: the consultation is kept on this device")).to_be_visible()
    screenshot(page, "consultation-offline")
    assert _count() == 0
    queued = page.evaluate("JSON.parse(localStorage.getItem('peercircle-offline-queue')).length")
    assert queued == 1
    page.context.set_offline(False)
    page.evaluate("window.dispatchEvent(new Event('online'))")
    expect(page.get_by_text("Consultations kept on this device have been sent.")).to_be_visible()
    assert _count() == 1
    # The same item sent again (a retry after a lost answer) is still recorded once.
    page.evaluate("window.dispatchEvent(new Event('online'))")
    page.reload()
    assert _count() == 1
