"""Issue 23: every htmx swap leaves the focus inside what changed or says what changed through a
polite live region, never on the page body. One test per kind of swap the templates hold
(tests/core/test_markup.py keeps that list complete); the live search's count is in
test_lists.py, the identity panel's focus in test_accessibility.py."""

import datetime

import pytest
from django.utils import timezone
from django_scopes import scopes_disabled
from playwright.sync_api import expect

from peercircle.mentoring import services
from peercircle.mentoring.models import PairEvent
from peercircle.organisations.roles import Role
from tests import factories
from tests.conftest import give_totp
from tests.e2e.conftest import screenshot, sign_in_as
from tests.events.factories import EventFactory, RegistrationFactory
from tests.mentoring.factories import Programme, days_ago

pytestmark = pytest.mark.e2e

FOCUSED_TEXT = "document.activeElement === document.body ? null : document.activeElement.innerText"


def test_marking_attendance_keeps_the_focus_on_the_person_and_says_the_count(e2e, page):
    """The toggle replaces its own form: the new button takes the focus, pressed, and the count
    beside the list (a polite live region) says how many are present."""
    membership = factories.MembershipFactory(role=Role.VOLUNTEER, user__language="ru")
    org, volunteer = membership.organisation, membership.user
    give_totp(volunteer)
    starts = timezone.now() - datetime.timedelta(minutes=30)
    with scopes_disabled():
        event = EventFactory(organisation=org, title="Встреча клуба", starts_at=starts,
                             ends_at=starts + datetime.timedelta(hours=2), online_url="")
        event.organisers.set([volunteer])
        RegistrationFactory(event=event, full_name="Ольга Петрова")
        RegistrationFactory(event=event, full_name="Ирина Зайцева")
    sign_in_as(page, e2e, volunteer)
    page.goto(f"{e2e.url}/o/{org.slug}/events/{event.pk}/attendance/")
    count = page.locator("#present-count")
    expect(count).to_have_attribute("aria-live", "polite")
    olga = page.get_by_role("button", name="Ольга Петрова")
    olga.focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("button", name="Ольга Петрова")).to_have_attribute("aria-pressed",
                                                                                "true")
    expect(count).to_contain_text("1")
    expect(page.get_by_role("button", name="Ольга Петрова")).to_be_focused()
    page.keyboard.press("Enter")  # pressed again from where the focus was left: unmarked
    expect(page.get_by_role("button", name="Ольга Петрова")).to_have_attribute("aria-pressed",
                                                                                "false")
    expect(page.get_by_role("button", name="Ольга Петрова")).to_be_focused()
    expect(count).to_contain_text("0")
    screenshot(page, "swap-attendance-focus-ru")


def test_filtering_the_due_list_says_what_it_now_holds(e2e, page):
    """The switch stays focused while the table behind it is replaced; the announcer says the
    table's new count, in the person's language."""
    with scopes_disabled():
        world = Programme()
        late = world.pair(world.mentor("Vera Lapina"), matched=days_ago(120))
        services.pair_event_log(actor=world.curator, pair=late, kind=PairEvent.Kind.HOME_VISIT,
                                date=days_ago(50))
    world.coordinator.language = "pl"
    world.coordinator.save(update_fields=["language"])
    sign_in_as(page, e2e, world.coordinator)
    page.goto(f"{e2e.url}/o/{world.org.slug}/mentoring/due/")
    expect(page.locator("#due-table [data-announce]")).to_contain_text("zadani")
    switch = page.get_by_role("switch")
    switch.focus()
    page.keyboard.press("Space")  # only the families the coordinator curates: none
    expect(page.locator("#announcer")).to_contain_text("Nic nie czeka")
    expect(switch).to_be_focused()
    assert page.evaluate(FOCUSED_TEXT) is not None
    screenshot(page, "swap-due-filter-pl")
