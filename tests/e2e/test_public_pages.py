"""Public pages in a real browser: the one 429 page (in Polish and Russian), the honeypot
out of sight, and the Content-Security-Policy keeping pages whole (bars sized from static code)."""

import datetime

import pytest
from django.core.cache import cache
from django.utils import timezone
from django_scopes import scopes_disabled
from playwright.sync_api import expect

from tests import factories
from tests.e2e.conftest import assert_accessible, screenshot, sign_in_as

pytestmark = pytest.mark.e2e


def _over_the_limit(url_name: str, organisation) -> None:
    """As if this browser had already sent the form as often as the page allows."""
    cache.set(f"ratelimit:{url_name}:public_organisation:{organisation.pk}:post:127.0.0.1",
              100, timeout=3600)


@pytest.mark.parametrize("locale,heading,text", [
    ("pl-PL", "Spróbuj później", "zbyt wiele żądań"),
    ("ru-RU", "Попробуйте позже", "слишком много запросов"),
])
def test_item_3_a_person_over_the_limit_sees_the_one_translated_page(e2e, browser, locale,
                                                                     heading, text):
    org = factories.OrganisationFactory(name="Stowarzyszenie «Razem»")
    context = browser.new_context(locale=locale, viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(f"{e2e.url}/apply/{org.slug}/")
    honeypot = page.locator("input[name=website]")
    expect(honeypot).to_have_count(1)
    expect(honeypot).not_to_be_in_viewport()
    _over_the_limit("volunteer_apply", org)
    page.locator("main form button[type=submit]").click()
    expect(page.get_by_role("heading", name=heading)).to_be_visible()
    expect(page.get_by_text(text)).to_be_visible()
    assert_accessible(page)
    screenshot(page, f"public_429_{locale[:2]}")
    context.close()


def test_finding_15_bars_and_timelines_keep_their_sizes_under_the_policy(e2e, page):
    from tests.events.factories import PlanItemFactory

    membership = factories.MembershipFactory(role="coordinator")
    from tests.conftest import give_totp

    give_totp(membership.user)
    today = timezone.localdate()
    with scopes_disabled():
        item = PlanItemFactory(plan__organisation=membership.organisation, number=1,
                               title="Round table", starts_on=today - datetime.timedelta(days=30),
                               ends_on=today + datetime.timedelta(days=30), status="in_progress")
    sign_in_as(page, e2e, membership.user)
    page.goto(f"{e2e.url}/o/{membership.organisation.slug}/plans/{item.plan.pk}/")
    bar = page.locator(".timeline-bar").first
    expect(bar).to_be_visible()
    track = page.locator(".timeline-track").first.bounding_box()
    box = bar.bounding_box()
    # sized by peercircle.js from data-left/data-width: neither zero-width nor the whole track
    assert 0 < box["width"] < track["width"]
    assert box["x"] >= track["x"]


def test_finding_13b_a_coordinator_finds_the_earlier_record_of_a_returning_applicant(e2e, browser):
    from peercircle.volunteers.models import Stage, Volunteer
    from tests.conftest import give_totp

    membership = factories.MembershipFactory(role="coordinator", user__language="pl")
    give_totp(membership.user)
    org = membership.organisation
    with scopes_disabled():
        earlier = factories.VolunteerFactory(organisation=org, full_name="Anna Kowalska",
                                             email="anna@example.org", stage=Stage.LEFT)
    applicant = browser.new_context(locale="pl-PL")
    form = applicant.new_page()
    form.goto(f"{e2e.url}/apply/{org.slug}/")
    form.locator("input[name=full_name]").fill("Anna Kowalska-Nowak")
    form.locator("input[name=email]").fill("anna@example.org")
    form.locator("textarea[name=motivation]").fill("Wracam, by pomagać.")
    form.locator("input[name=consent]").check()
    form.locator("main form button[type=submit]").click()
    expect(form.get_by_role("heading", name="Dziękujemy")).to_be_visible()
    applicant.close()
    with scopes_disabled():
        new = Volunteer.objects.get(full_name="Anna Kowalska-Nowak")
        earlier.refresh_from_db()
    assert earlier.stage == Stage.LEFT and earlier.full_name == "Anna Kowalska"
    coordinator = browser.new_context(locale="pl-PL", viewport={"width": 1280, "height": 900})
    page = coordinator.new_page()
    sign_in_as(page, e2e, membership.user)
    page.goto(f"{e2e.url}/o/{org.slug}/volunteers/{new.pk}/")
    note = page.locator("#possible-duplicate")
    expect(note).to_contain_text("możliwy duplikat rekordu")
    assert_accessible(page)
    screenshot(page, "volunteer_possible_duplicate_pl")
    note.get_by_role("link", name="Anna Kowalska").click()
    expect(page.get_by_role("heading", name="Anna Kowalska")).to_be_visible()
    expect(page.locator("#later-applications")).to_contain_text("Anna Kowalska-Nowak")
    coordinator.close()
