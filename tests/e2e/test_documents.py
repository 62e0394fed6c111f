import pytest
from playwright.sync_api import expect

from peercircle.organisations.roles import Role
from tests import factories
from tests.conftest import give_totp
from tests.e2e.conftest import assert_accessible, screenshot, sign_in_as

pytestmark = pytest.mark.e2e


def test_a_document_is_published_and_acknowledged(e2e, page, browser):
    coordinator = factories.MembershipFactory(role=Role.COORDINATOR)
    org = coordinator.organisation
    give_totp(coordinator.user)
    volunteer = factories.MembershipFactory(role=Role.VOLUNTEER, organisation=org)
    sign_in_as(page, e2e, coordinator.user)
    page.goto(f"{e2e.url}/o/{org.slug}/documents/")
    page.get_by_role("link", name="Publish a document").click()
    page.locator("#id_title").fill("Ethics code of peer consultants")
    page.locator("#id_kind").select_option("ethics_code")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("This field is required.")).to_be_visible()
    page.locator("#id_text").fill("We respect every person.\n\nWe keep confidentiality.")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("The document is published.")).to_be_visible()
    expect(page.get_by_text("Not yet: 2 people")).to_be_visible()

    other = browser.new_page()
    sign_in_as(other, e2e, volunteer.user)
    other.goto(f"{e2e.url}/o/{org.slug}/")
    other.get_by_role("link", name="Read and acknowledge: Ethics code of peer consultants.").click()
    other.get_by_role("button", name="I have read it and accept it").click()
    expect(other.get_by_text("You have acknowledged this version.")).to_be_visible()
    assert_accessible(other)
    screenshot(other, "document-acknowledged")
    other.close()

    page.reload()
    expect(page.get_by_text("Acknowledged: 1 person")).to_be_visible()
    screenshot(page, "document-signatures")
    assert_accessible(page)


def test_a_member_adopts_the_network_code_and_the_network_sees_it(e2e, page, browser):
    """Issue 14: which member adopted which version of a network document, and when."""
    from peercircle.library import services

    network = factories.NetworkFactory()
    hub = factories.OrganisationFactory(network=network, coordinates_network=True, name="Сеть")
    ngo = factories.OrganisationFactory(network=network, name="Тёплый дом")
    hub_coordinator = factories.MembershipFactory(role=Role.NETWORK_COORDINATOR, organisation=hub)
    ngo_coordinator = factories.MembershipFactory(role=Role.COORDINATOR, organisation=ngo)
    for membership in (hub_coordinator, ngo_coordinator):
        give_totp(membership.user)
    document = services.document_publish(actor=hub_coordinator.user, organisation=hub,
                                         title="Этический кодекс", kind="ethics_code",
                                         text="Мы уважаем каждого.", for_network=True)
    sign_in_as(page, e2e, ngo_coordinator.user)
    page.goto(f"{e2e.url}/o/{ngo.slug}/documents/{document.pk}/")
    page.get_by_role("button", name="Adopt version 1 for our organisation").click()
    expect(page.get_by_text("Your organisation has adopted this version.")).to_be_visible()
    other = browser.new_page()
    sign_in_as(other, e2e, hub_coordinator.user)
    other.goto(f"{e2e.url}/o/{hub.slug}/documents/{document.pk}/")
    table = other.locator("#network-adoption")
    expect(table).to_contain_text("Тёплый дом")
    expect(table.get_by_role("row", name="Тёплый дом")).to_contain_text("1")
    expect(table).not_to_contain_text("Сеть")  # the publisher is not listed among the members
    other.get_by_role("button", name="PL").click()
    assert_accessible(other)
    screenshot(other, "network-adoption-pl")
    other.close()
