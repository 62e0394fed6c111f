import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from peercircle.organisations.roles import Role
from tests import factories
from tests.conftest import give_totp
from tests.e2e.conftest import assert_accessible, screenshot, sign_in_as

pytestmark = pytest.mark.e2e
TOPIC = "I froze when a client cried."


def test_a_volunteer_asks_for_supervision_and_a_supervisor_schedules_it(e2e, page, browser):
    volunteer = factories.MembershipFactory(role=Role.VOLUNTEER)
    org = volunteer.organisation
    supervisor = factories.MembershipFactory(role=Role.SUPERVISOR, organisation=org)
    give_totp(supervisor.user)
    sign_in_as(page, e2e, volunteer.user)
    page.goto(f"{e2e.url}/o/{org.slug}/supervision/")
    page.get_by_role("link", name="Ask for supervision").click()
    page.get_by_role("button", name="Send the request").click()
    expect(page.get_by_text("This field is required.")).to_be_visible()
    page.get_by_label("What would you like to discuss?").fill(TOPIC)
    page.get_by_label("How soon?").select_option("soon")
    assert_accessible(page)
    page.get_by_role("button", name="Send the request").click()
    expect(page.get_by_text("Your request is sent.")).to_be_visible()
    expect(page.get_by_text(TOPIC)).to_be_visible()
    screenshot(page, "supervision-requested")

    other = browser.new_page()
    sign_in_as(other, e2e, supervisor.user)
    other.goto(f"{e2e.url}/o/{org.slug}/supervision/")
    expect(other.get_by_text(TOPIC)).to_have_count(0)
    other.get_by_role("link", name="Take and schedule").click()
    when = timezone.localtime() + datetime.timedelta(days=1)
    other.get_by_label("Date and time").fill(when.strftime("%Y-%m-%dT%H:%M"))
    other.get_by_label("Format").select_option("online")
    other.get_by_role("button", name="Save").click()
    expect(other.get_by_text("The supervision is scheduled.")).to_be_visible()
    expect(other.get_by_text(TOPIC)).to_be_visible()
    assert_accessible(other)
    screenshot(other, "supervision-scheduled")
    other.close()
