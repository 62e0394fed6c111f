"""The project dashboard, drill-down with access rights, exports, the json command."""

import io
import json
from decimal import Decimal

import openpyxl
import pytest
from django.core.management import call_command
from django.urls import reverse
from django_scopes import scope, scopes_disabled
from pypdf import PdfReader

from peercircle.core.models import Job
from peercircle.organisations.roles import Role
from peercircle.people.models import Beneficiary
from peercircle.reporting import services
from tests import factories
from tests.reporting.factories import ProjectFactory, consenting, log

pytestmark = pytest.mark.django_db


@pytest.fixture
def project(org, coordinator):
    project = ProjectFactory(organisation=org, title="Равные Здесь: устойчивость и качество",
                             funder="Фонд президентских грантов")
    with scope(organisation=org):
        people = consenting(org, 3)
        for person in people:
            log(coordinator, org, participants=[person])
        log(coordinator, org, "supervision", anonymous=1)
        services.indicator_save(actor=coordinator, project=project, name="Konsultacje indywidualne",
                                metric="activities", target=Decimal(6), kinds=["consultation"])
        services.indicator_save(actor=coordinator, project=project, name="Люди, получившие помощь",
                                metric="beneficiaries", target=Decimal(3))
    return project


def url(name, project, **kwargs):
    return reverse(f"reporting:{name}", kwargs={"org": project.organisation.slug,
                                                "project_pk": project.pk, **kwargs})


def test_the_dashboard_shows_progress_chart_and_its_table(client_for, coordinator, project):
    page = client_for(coordinator).get(url("project", project)).content.decode()
    assert "Konsultacje indywidualne" in page
    assert 'aria-valuenow="50"' in page and 'aria-valuenow="100"' in page
    assert "<svg" in page and "<desc" in page and "The chart's figures" in page


def test_drill_down_lists_codes_only_for_those_who_may_see_them(client_for, member, coordinator,
                                                                 project):
    with scope(organisation=project.organisation):
        indicator = project.indicators.get(metric="beneficiaries")
        codes = list(Beneficiary.objects.filter(organisation=project.organisation)
                     .values_list("code", flat=True))
    assert len(codes) == 3
    page = client_for(coordinator).get(url("indicator", project, indicator_pk=indicator.pk))
    text = page.content.decode()
    for code in codes:
        assert code in text
    assert "Vera" not in text
    hub_person = member(Role.NETWORK_COORDINATOR)
    text = client_for(hub_person).get(url("indicator", project, indicator_pk=indicator.pk)) \
        .content.decode()
    assert "Your role does not give access" in text
    for code in codes:
        assert code not in text
    refused = client_for(hub_person).get(url("indicator_csv", project, indicator_pk=indicator.pk))
    assert refused.status_code == 302 and "text/csv" not in refused.get("Content-Type", "")


def test_a_volunteer_cannot_open_projects(client_for, member, project):
    volunteer = member(Role.VOLUNTEER)
    assert client_for(volunteer).get(url("project", project)).status_code == 403


def test_indicator_form_shows_clear_messages(client_for, coordinator, project):
    response = client_for(coordinator).post(url("indicator_new", project), {
        "name": "Bad", "metric": "volunteers_trained", "target": "0", "kinds": ["consultation"],
        "starts_on": "2026-05-01", "ends_on": "2026-04-01", "breakdown_targets": "nonsense"})
    text = response.content.decode()
    assert response.status_code == 200
    assert "Line 1: write “key = number”" in text
    response = client_for(coordinator).post(url("indicator_new", project), {
        "name": "Bad", "metric": "volunteers_trained", "target": "0", "kinds": ["consultation"],
        "starts_on": "2026-05-01", "ends_on": "2026-04-01"})
    text = response.content.decode()
    assert "The target must be greater than zero." in text
    assert "does not apply to" in text
    assert "The end of the period cannot be before its start." in text


def test_xlsx_export_runs_as_a_job_with_a_native_chart(client_for, coordinator, project):
    response = client_for(coordinator).post(url("project_export", project, report_format="xlsx"))
    assert response.status_code == 302
    with scopes_disabled():
        job = Job.objects.get(kind="report_xlsx")
    assert job.status == Job.Status.DONE
    book = openpyxl.load_workbook(io.BytesIO(job.result.read()))
    sheet = book.worksheets[0]
    assert sheet["A1"].value == project.title
    assert [c.value for c in sheet[4]][:3] == ["Konsultacje indywidualne", 6, 3]
    assert len(sheet._charts) == 1
    download = client_for(coordinator).get(reverse("core:job_download", kwargs={
        "org": project.organisation.slug, "job_pk": job.pk}))
    assert download.status_code == 200


def test_pdf_export_prints_cyrillic_and_polish(client_for, coordinator, project):
    client_for(coordinator).post(url("project_export", project, report_format="pdf"))
    with scopes_disabled():
        job = Job.objects.get(kind="report_pdf")
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(job.result.read())).pages)
    assert "Равные Здесь" in text
    assert "Konsultacje indywidualne" in text
    assert "Люди, получившие помощь" in text


def test_csv_is_safe_from_formulas(client_for, coordinator, project):
    with scope(organisation=project.organisation):
        services.indicator_save(actor=coordinator, project=project, name="=HYPERLINK(\"x\")",
                                metric="activities", target=Decimal(1))
    text = client_for(coordinator).get(url("project_csv", project)).content.decode("utf-8-sig")
    assert "'=HYPERLINK" in text
    assert "Konsultacje indywidualne;6;3;50" in text


def test_json_command_prints_target_and_actual(project):
    out = io.StringIO()
    call_command("report", str(project.pk), "--format", "json", stdout=out)
    data = json.loads(out.getvalue())
    assert data["project"]["title"] == project.title
    assert [(i["name"], i["target"], i["actual"]) for i in data["indicators"]] == [
        ("Konsultacje indywidualne", 6, 3), ("Люди, получившие помощь", 3, 3)]


def test_a_shipped_set_is_added_from_the_page(client_for, coordinator, project):
    response = client_for(coordinator).post(url("template_apply", project),
                                            {"set-template": "peers_here"})
    assert response.status_code == 302
    with scope(organisation=project.organisation):
        names = list(project.indicators.values_list("name", flat=True))
    assert "Individual supervisions" in names and "Case reviews" in names


def test_another_organisation_cannot_be_counted(org, coordinator):
    other = factories.OrganisationFactory()
    with scope(organisation=org), pytest.raises(Exception, match="member organisations"):
        services.project_save(actor=coordinator, organisation=org, title="P",
                              starts_on="2025-01-01", ends_on="2025-12-31",
                              member_organisations=[other])
