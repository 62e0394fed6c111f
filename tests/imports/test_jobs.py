import pytest
from django.urls import reverse
from django_scopes import scope, scopes_disabled

from peercircle.core.jobs import job_get_for, job_start
from peercircle.core.models import Job
from tests.imports import jobtasks

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def test_a_job_runs_reports_progress_and_keeps_its_file(org, coordinator):
    with scope(organisation=org):
        job = job_start(actor=coordinator, organisation=org, kind="test", permission="",
                        task=jobtasks.count_to, n=5)
    assert job.status == Job.Status.DONE
    assert (job.done, job.total, job.percent) == (5, 5, 100)
    assert job.result_name == "count.csv"
    assert job.result.read().decode() == "1\n2\n3\n4\n5\n"
    assert job.task == "tests.imports.jobtasks.count_to"
    assert job.params == {"n": 5}


def test_job_error_is_shown_and_other_errors_are_not(org, coordinator):
    with scope(organisation=org):
        refused = job_start(actor=coordinator, organisation=org, kind="test", permission="",
                        task=jobtasks.refuse)
        crashed = job_start(actor=coordinator, organisation=org, kind="test", permission="",
                            task="tests.imports.jobtasks.crash")
    assert (refused.status, refused.message) == (Job.Status.FAILED, "Nothing to do")
    assert crashed.status == Job.Status.FAILED
    assert "secret" not in crashed.message and crashed.message


def test_a_job_that_does_not_finish_itself_is_done_when_it_returns(org, coordinator):
    with scope(organisation=org):
        job = job_start(actor=coordinator, organisation=org, kind="test", permission="",
                        task=jobtasks.quiet, label="x")
    assert job.status == Job.Status.DONE and job.percent == 100 and not job.result


def test_an_unknown_task_is_refused_at_once(org, coordinator):
    with pytest.raises(ImportError), scope(organisation=org):
        job_start(actor=coordinator, organisation=org, kind="test", permission="",
                        task="tests.imports.jobtasks.nope")


def test_job_pages_are_the_starters_only(org, member, client_for):
    starter = member("coordinator")
    colleague = member("coordinator")
    with scope(organisation=org):
        job = job_start(actor=starter, organisation=org, kind="test", permission="",
                        task=jobtasks.count_to, n=3)
    kwargs = {"org": org.slug, "job_pk": job.pk}
    client = client_for(starter)
    page = client.get(reverse("core:job_detail", kwargs=kwargs)).content.decode()
    assert "100%" in page and "Download count.csv" in page
    partial = client.get(reverse("core:job_progress", kwargs=kwargs) + "?reload=1",
                         HTTP_HX_REQUEST="true")
    assert partial["HX-Refresh"] == "true"
    download = client.get(reverse("core:job_download", kwargs=kwargs))
    assert b"".join(download.streaming_content) == b"1\n2\n3\n"
    assert "attachment" in download["Content-Disposition"]
    client.logout()
    client = client_for(colleague)
    for name in ("core:job_detail", "core:job_progress", "core:job_download"):
        assert client.get(reverse(name, kwargs=kwargs)).status_code == 404


def test_a_running_job_polls_until_it_ends(org, coordinator, client_for):
    with scopes_disabled():
        job = Job.objects.create(organisation=org, user=coordinator, kind="test", task="x",
                                 status=Job.Status.RUNNING, done=3, total=12)
    html = client_for(coordinator).get(
        reverse("core:job_progress", kwargs={"org": org.slug, "job_pk": job.pk})).content.decode()
    assert 'hx-trigger="every 1s"' in html and "25%" in html and "3 of 12" in html
    assert job_get_for(organisation=org, user=coordinator, pk=job.pk) == job


def test_finding_17_a_result_file_goes_with_the_role_that_produced_it(org, member, client_for):
    """A person who lost the role that produced a report no longer opens or downloads it."""
    from peercircle.organisations.models import Membership
    from peercircle.reporting.permissions import EXPORT_REPORTS

    starter = member("coordinator")
    with scope(organisation=org):
        job = job_start(actor=starter, organisation=org, kind="report_csv", permission=EXPORT_REPORTS,
                        task=jobtasks.count_to, n=3)
    kwargs = {"org": org.slug, "job_pk": job.pk}
    client = client_for(starter)
    assert client.get(reverse("core:job_download", kwargs=kwargs)).status_code == 200
    with scopes_disabled():
        Membership.objects.filter(user=starter, organisation=org).update(role="volunteer")
    for name in ("core:job_detail", "core:job_progress", "core:job_download"):
        assert client.get(reverse(name, kwargs=kwargs)).status_code == 404


def test_a_job_past_its_wall_clock_budget_is_stopped_and_says_so(org, coordinator, settings):
    settings.JOB_MAX_SECONDS = 0
    with scope(organisation=org):
        reported = job_start(actor=coordinator, organisation=org, kind="test", permission="",
                             task=jobtasks.count_to, n=5)
        silent = job_start(actor=coordinator, organisation=org, kind="test", permission="",
                           task=jobtasks.sleep_quietly, seconds=5)
    for job in (reported, silent):
        assert job.status == Job.Status.FAILED
        assert "took longer than" in job.message
    assert not reported.result
