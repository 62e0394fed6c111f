import pytest
from django_scopes import scopes_disabled
from playwright.sync_api import expect

from peercircle.consulting.models import CrisisTerm, HelpRequest
from peercircle.core.models import HelpArea
from peercircle.organisations.roles import Role
from tests import factories
from tests.conftest import give_totp
from tests.e2e.conftest import assert_accessible, screenshot, settled, sign_in_as

pytestmark = pytest.mark.e2e


def test_finding_5_a_network_adds_a_word_and_a_request_typed_without_diacritics_is_flagged(
        e2e, page):
    network = factories.NetworkFactory(name="Sieć Razem")
    hub = factories.OrganisationFactory(network=network, coordinates_network=True,
                                        languages=["pl"], emergency_info="Numer alarmowy 112.")
    user = factories.MembershipFactory(role=Role.NETWORK_COORDINATOR, organisation=hub).user
    user.language = "pl"
    user.save(update_fields=["language"])
    give_totp(user)
    sign_in_as(page, e2e, user)
    page.goto(f"{e2e.url}/o/{hub.slug}/network/crisis-words/")
    expect(page.get_by_text("samobójstwo")).to_be_visible()  # the shipped Polish list
    page.locator("select[name=language]").select_option("pl")
    page.locator("input[name=term]").fill("Nie dam rady")
    page.locator("form:has(input[name=term]) button[type=submit]").click()
    settled(page)
    # the word is listed in its own language, and marked so for a screen reader
    expect(page.locator('li [lang="pl"]', has_text="nie dam rady")).to_be_visible()
    assert_accessible(page)
    screenshot(page, "crisis-words-pl")
    assert CrisisTerm.objects.filter(network=network, term="nie dam rady").exists()
    hub.help_areas.add(HelpArea.objects.get(code="oncology"))
    public = page.context.new_page()
    public.goto(f"{e2e.url}/request/{hub.slug}/")
    public.locator("input[name=name]").fill("Ania")
    public.locator("input[name=phone]").fill("+48 600 100 200")
    public.locator("select[name=need]").select_option(index=1)
    public.locator("select[name=format]").select_option("phone")
    public.locator("textarea[name=message]").fill("Juz NIE DAM RADY, chce sie zabic")
    public.locator("input[name=consent]").check()
    public.get_by_role("button", name="Wyślij zgłoszenie").click()
    expect(public.get_by_text("Numer alarmowy 112.")).to_be_visible()
    with scopes_disabled():
        flagged = HelpRequest.objects.get()
    assert flagged.crisis_flag
    assert flagged.crisis_terms == ["nie dam rady", "zabić się"]
