"""Issue 12 item 7: the lists people work in search as they type, sort by column, filter by
chip and page, with the state in the URL, and never scroll sideways on a phone."""

import re

import pytest
from django_scopes import scope
from playwright.sync_api import expect

from peercircle.organisations.roles import Role
from tests import factories
from tests.conftest import give_totp
from tests.e2e.conftest import assert_accessible, screenshot, sign_in_as

pytestmark = pytest.mark.e2e


@pytest.mark.parametrize("language", ["ru", "pl"])
def test_a_coordinator_finds_people_on_a_phone(e2e, browser, language):
    membership = factories.MembershipFactory(role=Role.COORDINATOR)
    user = membership.user
    user.language = language
    user.save()
    give_totp(user)
    org = membership.organisation
    with scope(organisation=org):
        people = [factories.BeneficiaryFactory(organisation=org, code=f"B-{n:03d}",
                                               birth_year=1960 + n) for n in range(55)]
        factories.ConsentFactory(beneficiary=people[7])
        factories.VolunteerFactory(organisation=org, full_name="Ольга Смирнова")
    context = browser.new_context(viewport={"width": 390, "height": 844},
                                  locale=f"{language}-{language.upper()}")
    page = context.new_page()
    sign_in_as(page, e2e, user)
    page.goto(f"{e2e.url}/o/{org.slug}/beneficiaries/")
    wide = page.evaluate("document.documentElement.scrollWidth > window.innerWidth")
    assert not wide
    count = page.locator("#results [data-announce]")
    expect(count).to_contain_text("55")
    page.locator("#list-search").fill("B-00")
    expect(count).to_contain_text("10")  # refreshed in place as one types
    # and said to a screen reader through the page's one live region (issue 23)
    expect(page.locator("#announcer")).to_contain_text("10")
    expect(page.locator("#list-search")).to_be_focused()  # the search box keeps the focus
    expect(page).to_have_url(re.compile(r"q=B-00"))
    page.locator("#results thead a").nth(1).click()  # year of birth, ascending
    expect(page.locator("#results tbody tr").first).to_contain_text("B-000")
    page.locator("#results thead a").nth(1).click()  # and descending
    expect(page.locator("#results tbody tr").first).to_contain_text("B-009")
    expect(page).to_have_url(re.compile(r"q=B-00.*sort=-birth_year|sort=-birth_year.*q=B-00"))
    page.locator("ul[aria-label] a").first.click()  # the "with consent" chip
    expect(count).to_contain_text("1")
    expect(page.locator("#results tbody tr")).to_have_count(1)
    assert not page.evaluate("document.documentElement.scrollWidth > window.innerWidth")
    assert_accessible(page)
    screenshot(page, f"beneficiary-list-phone-{language}")
    page.goto(f"{e2e.url}/o/{org.slug}/volunteers/")
    page.locator("#list-search").fill("Ольга")
    expect(page.locator("#results tbody tr")).to_have_count(1)
    screenshot(page, f"volunteer-list-phone-{language}")
    wide = page.evaluate("""() => [...document.querySelectorAll('body *')]
        .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1
                && !e.closest('.table-responsive'))
        .map(e => e.tagName + '.' + e.className).slice(0, 5)""")
    assert wide == []
    assert not page.evaluate("document.documentElement.scrollWidth > window.innerWidth")
    context.close()


def test_a_long_picker_narrows_as_one_types(e2e, page):
    membership = factories.MembershipFactory(role=Role.STAFF)
    give_totp(membership.user)
    sign_in_as(page, e2e, membership.user)
    page.goto(f"{e2e.url}/o/{membership.organisation.slug}/beneficiaries/new/")
    box = page.get_by_role("searchbox", name="Type to narrow the list")
    box.fill("sverd")
    visible = page.locator("#id_region option:not([hidden])")
    expect(visible).to_have_count(2)  # the empty choice and Sverdlovsk Oblast
    page.locator("#id_region").select_option(label="Sverdlovsk Oblast")
    assert_accessible(page)
    screenshot(page, "picker-narrowed")
