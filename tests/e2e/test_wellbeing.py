import pytest
from playwright.sync_api import expect

from peercircle.organisations.roles import Role
from peercircle.wellbeing.instrument import ITEMS
from tests import factories
from tests.e2e.conftest import assert_accessible, screenshot, sign_in_as

pytestmark = pytest.mark.e2e


def test_a_volunteer_takes_the_self_check_and_asks_for_support(e2e, page):
    membership = factories.MembershipFactory(role=Role.VOLUNTEER)
    sign_in_as(page, e2e, membership.user)
    page.goto(f"{e2e.url}/o/{membership.organisation.slug}/wellbeing/")
    page.get_by_role("link", name="Take the self-check").click()
    assert_accessible(page)
    for code, *_rest in ITEMS:
        value = "0" if code == "w7" else "75"
        page.locator(f"input[name={code}][value='{value}']").check()
    screenshot(page, "self-check")
    page.get_by_role("button", name="See my result").click()
    expect(page.get_by_role("heading", name="You are carrying a lot right now")).to_be_visible()
    assert_accessible(page)
    screenshot(page, "self-check-result")
    page.get_by_label("I would like to pause my volunteering for a while").check()
    page.get_by_role("button", name="Tell my coordinator I need support").click()
    expect(page.get_by_text("Your coordinator knows you asked for support.")).to_be_visible()
    expect(page.get_by_role("img", name="My scores over time")).to_be_visible()
    assert_accessible(page)
    screenshot(page, "wellbeing-trend")
