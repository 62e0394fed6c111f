import pytest
from django_scopes import scopes_disabled
from playwright.sync_api import expect

from peercircle.core.models import Activity
from peercircle.organisations.roles import Role
from tests import factories
from tests.conftest import give_totp
from tests.e2e.conftest import (
    assert_accessible,
    open_menu,
    run_waiting_jobs,
    screenshot,
    sign_in_as,
)
from tests.imports.factories import consultation_csv, interrupted, upload_and_check

pytestmark = pytest.mark.e2e


def test_upload_mapping_preview_commit_progress_done(e2e, page, settings, tmp_path):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    coordinator = factories.MembershipFactory(role=Role.COORDINATOR)
    org = coordinator.organisation
    give_totp(coordinator.user)
    consultant = factories.MembershipFactory(organisation=org, role=Role.VOLUNTEER).user
    factories.BeneficiaryFactory(organisation=org, code="B-NO")
    path = tmp_path / "consultations.csv"
    path.write_bytes(consultation_csv([
        ["c-1", "05.03.2025", "45", "Телефон", consultant.email, "", "Москва", "ВИЧ"],
        ["c-2", "5 марта 2025", "0", "phone", consultant.email, "", "", ""],
        ["c-3", "5 marca 2025", "30", "phone", consultant.email, "B-NO", "", ""],
    ]))
    sign_in_as(page, e2e, coordinator.user)
    page.goto(f"{e2e.url}/o/{org.slug}/")
    open_menu(page, "Reports", "Import from spreadsheets")
    page.locator("#id_kind").select_option("consultations")
    page.locator("#id_file").set_input_files(str(path))
    page.get_by_role("button", name="Read the file").click()
    expect(page.get_by_text("The file is read.")).to_be_visible()
    expect(page.locator("#id_date")).to_have_value("Дата")
    expect(page.locator("#id_consultant")).to_have_value("Консультант")
    screenshot(page, "imports-mapping")
    page.get_by_role("button", name="Check every row").click()

    expect(page.get_by_role("progressbar")).to_be_visible()
    expect(page.get_by_text("Waiting to start")).to_be_visible()
    screenshot(page, "imports-progress")
    assert len(run_waiting_jobs()) == 1  # the bar polls, sees the end and reloads the page
    expect(page.get_by_text("Check of every row")).to_be_visible()
    expect(page.get_by_test_id("valid")).to_have_text("1")
    expect(page.get_by_test_id("rejected")).to_have_text("2")
    expect(page.get_by_text("Give a duration between 1 minute and 24 hours.")).to_be_visible()
    expect(page.get_by_text("B-NO gave no consent")).to_be_visible()
    with scopes_disabled():
        assert not Activity.objects.exists()
    assert_accessible(page)
    screenshot(page, "imports-preview")

    with page.expect_download() as download:
        page.get_by_role("link", name="Download the rejected rows").click()
    assert "Give a duration" in download.value.path().read_text(encoding="utf-8-sig")

    page.get_by_role("button", name="Import 1 row").click()
    expect(page.get_by_text("Importing")).to_be_visible()
    run_waiting_jobs()
    expect(page.get_by_role("heading", name="Imported")).to_be_visible()
    expect(page.get_by_test_id("valid")).to_have_text("1")
    with scopes_disabled():
        assert Activity.objects.get().external_id == "c-1"
    screenshot(page, "imports-done")


def test_an_interrupted_import_is_shown_and_can_be_done_again(e2e, page):
    coordinator = factories.MembershipFactory(role=Role.COORDINATOR)
    org = coordinator.organisation
    give_totp(coordinator.user)
    consultant = factories.MembershipFactory(organisation=org, role=Role.VOLUNTEER).user
    run = upload_and_check(coordinator.user, org, consultation_csv([
        ["c-1", "05.03.2025", "45", "phone", consultant.email, "", "", ""]]))
    run = interrupted(run, coordinator.user, minutes_ago=20)  # its worker was killed
    sign_in_as(page, e2e, coordinator.user)
    page.goto(f"{e2e.url}/o/{org.slug}/imports/{run.pk}/")
    expect(page.get_by_role("alert")).to_contain_text("the work was probably interrupted")
    expect(page.get_by_text("Interrupted", exact=True)).to_be_visible()
    assert_accessible(page)
    screenshot(page, "imports-interrupted")
    page.get_by_role("button", name="Check every row").click()
    page.get_by_role("button", name="Import 1 row").click()
    expect(page.get_by_role("heading", name="Imported")).to_be_visible()
    with scopes_disabled():
        assert Activity.objects.get().external_id == "c-1"
