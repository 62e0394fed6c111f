"""Issue 12 item 4: the top bar fits at 1280 px for a person in several organisations with long
names and full menus, in Russian and Polish; below the breakpoint it collapses cleanly."""

import pytest
from playwright.sync_api import expect

from peercircle.organisations.roles import Role
from tests import factories
from tests.conftest import give_totp
from tests.e2e.conftest import screenshot, sign_in_as

pytestmark = pytest.mark.e2e

NAMES = ["АНО «Рядом» — центр поддержки равных консультантов",
         "Gminny Ośrodek Pomocy Społecznej „Razem” w Mińsku Mazowieckim",
         "Ресурсный центр пациентских НКО «Вместе»"]


def _overflow(page) -> dict:
    return page.evaluate("""() => {
        const width = document.documentElement.clientWidth;
        const outside = [...document.querySelectorAll('header nav a, header nav button')]
            .filter(e => e.offsetParent !== null)
            .map(e => e.getBoundingClientRect())
            .filter(r => r.right > width + 1 || r.left < -1).length;
        return {scroll: document.documentElement.scrollWidth, width, outside};
    }""")


@pytest.mark.parametrize("language", ["ru", "pl"])
def test_the_top_bar_fits_at_1280_for_someone_in_several_organisations(e2e, browser, language):
    network = factories.NetworkFactory()
    user = factories.UserFactory(language=language, full_name="Александра Константинопольская")
    give_totp(user)
    for index, name in enumerate(NAMES):
        org = factories.OrganisationFactory(name=name, network=network,
                                            coordinates_network=index == 0)
        factories.MembershipFactory(user=user, organisation=org, role=Role.COORDINATOR)
        if index == 0:
            factories.MembershipFactory(user=user, organisation=org,
                                        role=Role.NETWORK_COORDINATOR)
            first = org
    for width, height in ((1280, 720), (1536, 864), (1024, 768)):
        context = browser.new_context(viewport={"width": width, "height": height},
                                      locale=f"{language}-{language.upper()}")
        page = context.new_page()
        sign_in_as(page, e2e, user)
        page.goto(f"{e2e.url}/o/{first.slug}/")
        measured = _overflow(page)
        screenshot(page, f"top-bar-{width}-{language}")
        assert measured["scroll"] <= measured["width"], (width, measured)
        assert measured["outside"] == 0, (width, measured)
        if width >= 1200:
            expect(page.locator("#user-menu")).to_be_in_viewport()
            expect(page.locator("#language-switch")).to_be_in_viewport()
        screenshot(page, f"top-bar-{width}-{language}")
        context.close()
