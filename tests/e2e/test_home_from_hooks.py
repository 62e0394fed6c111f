"""The home page and the menu are assembled from the apps' hooks (core.registry): a coordinator
with something waiting in every app sees the reminders in the registered order, in Russian."""

import pytest
from django.urls import reverse
from django_scopes import scopes_disabled
from playwright.sync_api import expect

from peercircle.organisations.roles import Role
from tests import factories
from tests.conftest import give_totp
from tests.e2e.conftest import assert_accessible, screenshot, settled, sign_in_as

pytestmark = pytest.mark.e2e


def test_coordinator_home_lists_every_apps_reminders_in_order(e2e, page):
    network = factories.NetworkFactory(name="Равные рядом")
    org = factories.OrganisationFactory(name="Тёплый дом", network=network,
                                        coordinates_network=True)
    membership = factories.MembershipFactory(role=Role.COORDINATOR, organisation=org,
                                             user__language="ru")
    give_totp(membership.user)
    with scopes_disabled():
        factories.HelpRequestFactory(beneficiary__organisation=org, crisis_flag=True)
        factories.HelpRequestFactory(beneficiary__organisation=org)
        factories.VolunteerFactory(organisation=org)
        factories.SupportRequestFactory(organisation=org)
    sign_in_as(page, e2e, membership.user)
    page.goto(f"{e2e.url}/o/{org.slug}/")
    settled(page)
    expect(page.get_by_role("heading", name="Тёплый дом")).to_be_visible()
    def url(name):
        return reverse(name, kwargs={"org": org.slug})

    cards = page.locator(".card a").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    assert cards == [url("people:beneficiary_list"),
                     url("people:family_list"), url("core:activity_list"),
                     url("organisations:members")], cards
    todos = page.locator("#todo-heading ~ * a").evaluate_all(
        "links => links.map(a => a.getAttribute('href'))")
    assert todos == [
        url("people:beneficiary_list"),  # beneficiaries without consent (people)
        url("organisations:profile_edit"),  # the organisation's profile (organisations)
        url("consulting:queue"), url("consulting:queue"),  # crisis, then calm (consulting)
        url("volunteers:list") + "?stage=applied",  # applications (volunteers)
        url("wellbeing:support_requests"),  # support requests (wellbeing)
    ], todos
    navigation = page.get_by_role("navigation", name="Главное меню")
    navigation.get_by_role("button", name="Программы").click()
    assert_accessible(page)
    screenshot(page, "home-coordinator-from-hooks-ru")
