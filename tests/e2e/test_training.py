import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from peercircle.organisations.roles import Role
from peercircle.volunteers.models import Stage
from tests import factories
from tests.conftest import give_totp
from tests.e2e.conftest import assert_accessible, open_menu, screenshot, sign_in_as

pytestmark = pytest.mark.e2e


def test_a_coordinator_runs_a_course_with_attendance_and_hours(e2e, page):
    coordinator = factories.MembershipFactory(role=Role.COORDINATOR)
    org = coordinator.organisation
    give_totp(coordinator.user)
    factories.VolunteerFactory(organisation=org, full_name="Olga Petrova", stage=Stage.SCREENED)
    sign_in_as(page, e2e, coordinator.user)
    page.goto(f"{e2e.url}/o/{org.slug}/")
    open_menu(page, "Organisation", "Training")
    page.get_by_role("link", name="New course").click()
    page.locator("#id_title").fill("Mentor School")
    page.locator("#id_minimum_hours").fill("3")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("The course is created.")).to_be_visible()
    page.locator("#id_enrol-volunteer").select_option(label="Olga Petrova")
    page.get_by_role("button", name="Enrol").click()
    expect(page.get_by_text("The volunteer is enrolled.")).to_be_visible()
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    page.locator("#id_session-topic").fill("Boundaries of a mentor")
    page.locator("#id_session-date").fill(yesterday.isoformat())
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("The session is planned.")).to_be_visible()
    page.get_by_role("link", name="Mark attendance Boundaries of a mentor").click()
    page.get_by_label("Olga Petrova").check()
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Attendance is recorded.")).to_be_visible()
    expect(page.get_by_role("cell", name="3.0 / 3.0")).to_be_visible()
    page.get_by_role("button", name="Mark completed Olga Petrova").click()
    expect(page.get_by_text("The course is marked as completed.")).to_be_visible()
    assert_accessible(page)
    screenshot(page, "course")
