import pytest
from playwright.sync_api import expect

from peercircle.organisations.roles import Role
from tests import factories
from tests.conftest import give_totp
from tests.e2e.conftest import assert_accessible, open_menu, screenshot, sign_in_as

pytestmark = pytest.mark.e2e


def test_a_supervisor_plans_and_records_an_intervision(e2e, page):
    supervisor = factories.MembershipFactory(role=Role.SUPERVISOR, user__full_name="Irina Expert")
    org = supervisor.organisation
    give_totp(supervisor.user)
    factories.MembershipFactory(role=Role.VOLUNTEER, organisation=org, user__full_name="Anna Peer")
    sign_in_as(page, e2e, supervisor.user)
    page.goto(f"{e2e.url}/o/{org.slug}/")
    open_menu(page, "My work", "Intervisions and case reviews")
    page.get_by_role("link", name="Plan a session").click()
    page.locator("#id_title").fill("Intervision: when a client cries")
    page.locator("#id_format").select_option("online")
    page.get_by_label("Anna Peer").check()
    page.locator("#id_case_summary").fill("Call her at +7 900 123 45 67")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Remove the phone number or e-mail")).to_be_visible()
    assert_accessible(page)
    page.locator("#id_case_summary").fill("A woman after a diagnosis cries at every call.")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("The session is planned.")).to_be_visible()
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("The session is recorded.")).to_be_visible()
    assert_accessible(page)
    screenshot(page, "intervision")
