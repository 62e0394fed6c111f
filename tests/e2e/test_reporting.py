"""Browser tests: a coordinator builds a project's indicators, reads the dashboard, drills down;
a network coordinator reads the de-identified network statistics."""

import datetime

import pytest
from django.utils import timezone
from django_scopes import scope
from playwright.sync_api import expect

from peercircle.core.models import Region
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
from tests.reporting.factories import IndicatorFactory, ProjectFactory, consenting, log

pytestmark = pytest.mark.e2e


def test_a_coordinator_follows_a_project_from_targets_to_records(e2e, page, settings):
    settings.REPORTING_CACHE_SECONDS = 600  # as deployed: figures kept until records change
    coordinator = factories.MembershipFactory(role=Role.COORDINATOR)
    org = coordinator.organisation
    give_totp(coordinator.user)
    with scope(organisation=org):
        people = consenting(org, 3)
        for person in people:
            log(coordinator.user, org, participants=[person])
        log(coordinator.user, org, "supervision", anonymous=1)
    sign_in_as(page, e2e, coordinator.user)
    page.goto(f"{e2e.url}/o/{org.slug}/")
    open_menu(page, "Reports", "Projects and indicators")
    page.get_by_role("link", name="New project").click()
    page.locator("#id_title").fill("Развитие сообщества замещающих родителей")
    today = timezone.localdate()
    page.locator("#id_starts_on").fill((today - datetime.timedelta(days=100)).isoformat())
    page.locator("#id_ends_on").fill((today + datetime.timedelta(days=100)).isoformat())
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("The project is saved.")).to_be_visible()
    page.get_by_label("Indicator set").select_option("peers_here")
    page.get_by_role("button", name="Add the indicators").click()
    expect(page.get_by_text("4 indicators are added.")).to_be_visible()
    page.get_by_role("link", name="New indicator").click()
    page.locator("#id_name").fill("Individual consultations")
    page.locator("#id_metric").select_option("activities")
    page.get_by_label("Consultation", exact=True).check()
    page.locator("#id_target").fill("0")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("The target must be greater than zero.")).to_be_visible()
    page.locator("#id_target").fill("6")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("The indicator is saved.")).to_be_visible()
    expect(page.get_by_role("progressbar", name="Individual consultations")).to_have_attribute(
        "aria-valuenow", "50")
    expect(page.get_by_role("img", name="Share of each indicator's target reached")).to_be_visible()
    assert_accessible(page)
    screenshot(page, "reporting-dashboard")
    with scope(organisation=org):
        log(coordinator.user, org, participants=[people[0]])  # committed: the figures move
    page.reload()
    expect(page.get_by_role("progressbar", name="Individual consultations")).to_have_attribute(
        "aria-valuenow", "66")
    page.get_by_role("link", name="4: the records behind “Individual consultations”").click()
    expect(page.get_by_role("heading", name="The records behind the figure")).to_be_visible()
    with scope(organisation=org):
        for person in people:
            expect(page.get_by_role("cell", name=person.code).first).to_be_visible()
    assert_accessible(page)
    screenshot(page, "reporting-drill-down")


@pytest.mark.parametrize("width,height", [(390, 844), (1280, 720)])
def test_a_report_downloads_by_itself_when_its_job_ends(e2e, page, settings, width, height):
    """Issue 12 item 12: no second click — the file arrives when the background job finishes; the
    job is named after the report, and the page keeps the link and lists the person's jobs."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    page.set_viewport_size({"width": width, "height": height})
    coordinator = factories.MembershipFactory(role=Role.COORDINATOR, user__language="pl",
                                              organisation__country="PL")
    org = coordinator.organisation
    give_totp(coordinator.user)
    project = ProjectFactory(organisation=org, title="Kluby seniora 2026")
    IndicatorFactory(project=project, name="Spotkania klubów", target=4)
    with scope(organisation=org):
        log(coordinator.user, org, participants=consenting(org, 1))
    sign_in_as(page, e2e, coordinator.user)
    page.goto(f"{e2e.url}/o/{org.slug}/projects/{project.pk}/")
    page.get_by_role("button", name="Excel (XLSX)").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Raport „Kluby seniora 2026”, XLSX")
    expect(page.get_by_text("Oczekuje na rozpoczęcie")).to_be_visible()
    with page.expect_download() as download:
        assert len(run_waiting_jobs()) == 1  # the worker's part; the page is watching
    assert download.value.suggested_filename.endswith(".xlsx")
    expect(page.get_by_role("link", name="Pobierz")).to_be_visible()  # kept for a second try
    # the page's live region said the job's end (once, not at every refresh; issue 23)
    expect(page.locator("#announcer")).to_have_text("Zakończone")
    page.goto(f"{e2e.url}/o/{org.slug}/projects/{project.pk}/")
    page.get_by_role("button", name="PDF").click()
    expect(page.get_by_role("heading", name="Twoje ostatnie zadania")).to_be_visible()
    expect(page.get_by_role("link", name="Raport „Kluby seniora 2026”, XLSX")).to_be_visible()
    assert_accessible(page)
    screenshot(page, f"report-job-named-pl-{width}")
    with page.expect_download() as download:
        run_waiting_jobs()
    assert download.value.suggested_filename.endswith(".pdf")


def test_a_network_coordinator_reads_suppressed_network_figures(e2e, page):
    network = factories.NetworkFactory()
    hub = factories.OrganisationFactory(network=network, coordinates_network=True)
    ngo = factories.OrganisationFactory(network=network)
    keeper = factories.MembershipFactory(role=Role.NETWORK_COORDINATOR, organisation=hub).user
    give_totp(keeper)
    worker = factories.MembershipFactory(role=Role.COORDINATOR, organisation=ngo).user
    udmurtia = Region.objects.get(code="ru-ud")
    with scope(organisation=ngo):
        for person in consenting(ngo, 7):
            log(worker, ngo, participants=[person], region=udmurtia)
        log(worker, ngo, "group_session", anonymous=4,
            region=Region.objects.get(code="ru-sam"))
    sign_in_as(page, e2e, keeper)
    page.goto(f"{e2e.url}/o/{hub.slug}/")
    open_menu(page, "Reports", "Network statistics")
    expect(page.get_by_role("heading", name="Network statistics")).to_be_visible()
    row = page.get_by_role("table", name="By region").get_by_role("row", name="Udmurt Republic")
    # Requirement changed (finding 11): 7 activities, people and hours are released as 5,
    # and no count needs hiding as "hidden" any more
    expect(row.get_by_role("cell", name="5", exact=True)).to_have_count(3)
    expect(row.get_by_role("cell", name="hidden")).to_have_count(0)
    expect(page.get_by_role("table", name="By region").get_by_role(
        "row", name="Samara Oblast")).to_contain_text("<5")
    expect(page.get_by_text("figures cover whole calendar months only")).to_be_visible()
    expect(page.get_by_label("From")).to_have_attribute("type", "month")
    assert_accessible(page)
    screenshot(page, "reporting-network")
