"""Issue 14: the operator's and the network's new pages in Russian and Polish, checked for
accessibility and photographed; a suspended organisation's page as its members see it."""

import pytest
from playwright.sync_api import expect

from peercircle.core.models import HelpArea
from peercircle.organisations import administration, network_services
from peercircle.organisations.roles import Role
from tests import factories
from tests.conftest import give_totp
from tests.e2e.conftest import assert_accessible, screenshot, sign_in_as

pytestmark = pytest.mark.e2e

HEADINGS = {
    "ru": {"operator": "Организации установки", "new": "Новая организация",
           "directory": "Участники сети Равные рядом", "areas": "Направления помощи сети",
           "invitation": "Равные рядом приглашает вашу организацию",
           "suspended": "Работа Свеча приостановлена"},
    "pl": {"operator": "Organizacje instalacji", "new": "Nowa organizacja",
           "directory": "Członkowie sieci Równi obok", "areas": "Obszary pomocy sieci",
           "invitation": "Równi obok zaprasza twoją organizację",
           "suspended": "Działalność Swieca jest zawieszona"},
}


@pytest.mark.parametrize("language", ["ru", "pl"])
def test_the_new_pages_in_russian_and_polish(e2e, browser, language):
    network_name = "Равные рядом" if language == "ru" else "Równi obok"
    member_name = "Свеча" if language == "ru" else "Swieca"
    operator = factories.UserFactory(is_operator=True, language=language)
    give_totp(operator)
    hub = factories.OrganisationFactory(name="Хаб" if language == "ru" else "Centrum",
                                        country="RU" if language == "ru" else "PL",
                                        inn="7707083893" if language == "ru" else "",
                                        nip="" if language == "ru" else "5260250274")
    administration.network_create(actor=operator, name=network_name, slug="net", coordinating=hub)
    member = factories.OrganisationFactory(name=member_name, slug="member")
    network_coordinator = factories.MembershipFactory(role=Role.NETWORK_COORDINATOR,
                                                      organisation=hub).user
    coordinator = factories.MembershipFactory(role=Role.COORDINATOR, organisation=member).user
    for person in (network_coordinator, coordinator):
        person.language = language
        person.save()
        give_totp(person)
    received = network_services.network_invitation_create(
        actor=network_coordinator, coordinating=hub, organisation=member,
        message="Присоединяйтесь!" if language == "ru" else "Dołączcie do nas!")
    network_services.network_help_area_add(actor=network_coordinator, coordinating=hub,
                                           name_ru="Беженцы", name_pl="Uchodźcy")
    text = HEADINGS[language]
    context = browser.new_context(locale=f"{language}-{language.upper()}")
    page = context.new_page()

    sign_in_as(page, e2e, operator)
    page.goto(e2e.url + "/operator/")
    expect(page.get_by_role("heading", name=text["operator"])).to_be_visible()
    assert_accessible(page)
    screenshot(page, f"operator-home-{language}")
    page.goto(e2e.url + "/operator/organisations/new/")
    expect(page.get_by_role("heading", name=text["new"])).to_be_visible()
    assert_accessible(page)
    screenshot(page, f"operator-new-organisation-{language}")
    page.goto(e2e.url + f"/operator/organisations/{hub.pk}/")
    assert_accessible(page)
    screenshot(page, f"operator-organisation-{language}")

    sign_in_as(page, e2e, network_coordinator)
    page.goto(e2e.url + f"/o/{hub.slug}/network/members/")
    expect(page.get_by_role("heading", name=text["directory"])).to_be_visible()
    assert_accessible(page)
    screenshot(page, f"network-directory-{language}")
    page.goto(e2e.url + f"/o/{hub.slug}/network/help-areas/")
    expect(page.get_by_role("heading", name=text["areas"])).to_be_visible()
    assert_accessible(page)
    screenshot(page, f"network-help-areas-{language}")
    page.goto(e2e.url + f"/o/{hub.slug}/network/invite/")
    assert_accessible(page)
    screenshot(page, f"network-invite-{language}")
    page.goto(e2e.url + f"/o/{hub.slug}/localities/")
    page.locator("#id_region").select_option(index=1)
    page.locator("#id_name").fill("Тольятти" if language == "ru" else "Mińsk Mazowiecki")
    page.locator("main form button[type=submit]").click()
    expect(page.get_by_role("rowheader", name="Тольятти" if language == "ru"
                            else "Mińsk Mazowiecki")).to_be_visible()
    assert_accessible(page)
    screenshot(page, f"localities-{language}")

    sign_in_as(page, e2e, coordinator)
    page.goto(e2e.url + f"/o/member/network/invitations/{received.pk}/")
    expect(page.get_by_role("heading", name=text["invitation"])).to_be_visible()
    assert_accessible(page)
    screenshot(page, f"network-invitation-{language}")

    administration.organisation_suspend(actor=operator, organisation=member,
                                        reason="Договор истёк" if language == "ru"
                                        else "Umowa wygasła")
    page.goto(e2e.url + "/o/member/")
    expect(page.get_by_role("heading", name=text["suspended"])).to_be_visible()
    assert_accessible(page)
    screenshot(page, f"organisation-suspended-{language}")
    assert HelpArea.objects.filter(network__slug="net").count() == 1
    context.close()
