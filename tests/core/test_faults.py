"""Issue 22: work that survives faults — heartbeats, the sweep of jobs whose worker died,
retries and their limit, atomic claiming, a worker that outlives the database, files written
whole or not at all, a cleanup that never removes a file a record points to, error pages people
can read, and a health check."""

import datetime
import errno
import logging
import os
import time

import pytest
from django.core.files.base import ContentFile
from django.db import OperationalError
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django_scopes import scope, scopes_disabled

from peercircle.core import jobs
from peercircle.core.cleanup import TEMP_PREFIX, files_cleanup
from peercircle.core.errors import StorageFull
from peercircle.core.models import Job, WorkerHeartbeat
from peercircle.core.storage import SafeFileSystemStorage
from tests.imports import jobtasks

pytestmark = pytest.mark.django_db

DUMMY = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.FILE_UPLOAD_TEMP_DIR = str(tmp_path / "tmp")
    os.makedirs(settings.FILE_UPLOAD_TEMP_DIR)


def _queued(org, user, task=jobtasks.counted, **params):
    """A job as the web server leaves it: recorded and queued (the dummy backend only queues)."""
    with scope(organisation=org):
        return jobs.job_start(actor=user, organisation=org, kind="test", permission="",
                              task=task, title="A test job", **params)


def _worker_died(job, *, seconds_ago=120, attempts=1):
    """The worker running the job was killed: the job stays running, its heartbeat stops."""
    beat = timezone.now() - datetime.timedelta(seconds=seconds_ago)
    with scopes_disabled():
        Job.objects.filter(pk=job.pk).update(status=Job.Status.RUNNING, heartbeat_at=beat,
                                             started_at=beat, attempts=attempts)


def _reload(job):
    with scopes_disabled():
        return Job.objects.get(pk=job.pk)


# -- claiming and heartbeats --

def test_a_job_is_claimed_once_however_many_workers_take_its_task(org, coordinator, settings):
    settings.TASKS = DUMMY
    job = _queued(org, coordinator)
    jobtasks.RUNS.clear()
    assert jobs.job_run.call(job.pk) == Job.Status.DONE
    assert jobs.job_run.call(job.pk) == Job.Status.DONE  # a second worker with the same task
    assert jobtasks.RUNS == [job.pk]
    assert _reload(job).attempts == 1


def test_a_running_job_beats_while_its_function_works(org, coordinator, settings,
                                                      transactional_db):
    settings.TASKS = DUMMY
    settings.JOB_HEARTBEAT_SECONDS = 0.05
    job = _queued(org, coordinator, task=jobtasks.sleep_a_little, seconds=0.5)
    with scopes_disabled():
        Job.objects.filter(pk=job.pk).update(heartbeat_at=None)
    started = timezone.now()
    jobs.job_run.call(job.pk)
    # the heartbeat moved after the start, while the function slept without reporting progress
    seen = []
    original = jobs._beat

    def watch(pk):
        original(pk)
        seen.append(_reload(job).heartbeat_at)

    job2 = _queued(org, coordinator, task=jobtasks.sleep_a_little, seconds=0.4)
    jobs._beat = watch
    try:
        jobs.job_run.call(job2.pk)
    finally:
        jobs._beat = original
    assert len(seen) >= 3 and all(at and at > started for at in seen)


# -- the sweep, retries and their limit --

def test_a_job_whose_worker_died_is_retried_then_failed_with_what_to_do(org, coordinator,
                                                                       settings):
    settings.TASKS = DUMMY
    settings.JOB_MAX_ATTEMPTS = 3
    coordinator.language = "pl"
    coordinator.save(update_fields=["language"])
    job = _queued(org, coordinator)
    fresh = _queued(org, coordinator)
    _worker_died(job, attempts=1)
    _worker_died(fresh, seconds_ago=5)  # beating a moment ago: alive, left alone
    assert jobs.jobs_sweep() == ([job.pk], [])
    job = _reload(job)
    assert job.status == Job.Status.RETRYING
    assert job.message.startswith("Praca została przerwana (próba 1 z 3)")
    assert _reload(fresh).status == Job.Status.RUNNING
    assert jobs.jobs_sweep() == ([], [])  # a retrying job is not swept twice
    # the retry runs (a worker picks the task up again) and finishes
    assert jobs.job_run.call(job.pk) == Job.Status.DONE
    assert _reload(job).attempts == 2

    # the last attempt dies too: failed, with what to do, never "running"
    dead = _queued(org, coordinator)
    _worker_died(dead, attempts=3)
    assert jobs.jobs_sweep() == ([], [dead.pk])
    dead = _reload(dead)
    assert dead.status == Job.Status.FAILED and dead.finished_at
    assert "„Uruchom ponownie”" in dead.message


def test_work_that_is_not_safe_to_repeat_is_failed_not_retried(org, coordinator, settings):
    settings.TASKS = DUMMY
    with scope(organisation=org):
        job = jobs.job_start(actor=coordinator, organisation=org, kind="test", permission="",
                             task=jobtasks.counted, retryable=False)
    _worker_died(job)
    assert jobs.jobs_sweep() == ([], [job.pk])


def test_the_database_going_away_under_a_job_retries_it(org, coordinator, settings):
    settings.TASKS = DUMMY
    job = _queued(org, coordinator, task=jobtasks.database_gone)
    assert jobs.job_run.call(job.pk) == Job.Status.RUNNING  # (its in-memory copy)
    assert _reload(job).status == Job.Status.RETRYING


def test_a_job_kind_that_no_longer_exists_fails_with_a_reason(org, coordinator, settings):
    settings.TASKS = DUMMY
    job = _queued(org, coordinator)
    with scopes_disabled():
        Job.objects.filter(pk=job.pk).update(task="peercircle.gone.after_an_upgrade")
    jobs.job_run.call(job.pk)
    job = _reload(job)
    assert job.status == Job.Status.FAILED
    assert "no longer exists" in job.message


def test_the_job_page_tells_the_truth_and_offers_to_run_again(org, coordinator, settings,
                                                              client_for):
    settings.TASKS = DUMMY
    settings.JOB_MAX_ATTEMPTS = 1
    job = _queued(org, coordinator)
    _worker_died(job, attempts=1)
    client = client_for(coordinator)
    url = reverse("core:job_detail", kwargs={"org": org.slug, "job_pk": job.pk})
    page = client.get(url).content.decode()
    assert "Failed" in page and "Run again" in page
    assert "the work goes on" not in page  # never beside a failed status
    again = client.post(reverse("core:job_run_again", kwargs={"org": org.slug, "job_pk": job.pk}))
    with scopes_disabled():
        newest = Job.objects.latest("pk")
    assert again.status_code == 302 and newest.pk != job.pk
    assert (newest.task, newest.params, newest.status) == (job.task, job.params, Job.Status.QUEUED)


# -- the worker outlives the database --

def test_the_worker_waits_for_the_database_instead_of_exiting(monkeypatch):
    from django_tasks_db.management.commands import db_worker as base

    from peercircle.core.management.commands import db_worker

    outages = iter([OperationalError("could not connect to server"),
                    OperationalError("could not connect to server"), None])

    def run(self):
        outage = next(outages)
        if outage:
            raise outage

    pauses = []
    monkeypatch.setattr(base.Worker, "run", run)
    monkeypatch.setattr(db_worker.time, "sleep", pauses.append)
    monkeypatch.setattr(db_worker.ResilientWorker, "_keep_beating", lambda self, stop: None)
    worker = db_worker.ResilientWorker(
        queue_names=["default"], interval=0, batch=False, backend_name="default",
        startup_delay=False, max_tasks=None, worker_id="w1", excluded_queue_names=[])
    worker.run()  # returns normally once the database is back
    assert pauses == [1.0, 2.0]


def test_the_worker_beats_for_the_health_check(client, db):
    from peercircle.core.management.commands.db_worker import _beat

    _beat("worker-1", timezone.now())
    answer = client.get("/health/")
    assert answer.status_code == 200
    report = answer.json()
    assert report["ok"] and report["database"]["ok"] and report["cache"]["ok"]
    assert report["worker"]["last_heartbeat_seconds_ago"] <= 1
    assert report["queue"] == {"ok": True, "depth": 0, "oldest_seconds": None}


def test_health_fails_when_work_waits_and_no_worker_beats(client, org, coordinator, settings):
    from django.core.management import call_command

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.backend.DatabaseBackend"}}
    WorkerHeartbeat.objects.create(worker_id="old", started_at=timezone.now(),
                                   beat_at=timezone.now() - datetime.timedelta(minutes=10))
    _queued(org, coordinator)
    answer = client.get("/health/")
    assert answer.status_code == 503
    report = answer.json()
    assert not report["worker"]["ok"] and report["queue"]["depth"] == 1
    with pytest.raises(SystemExit):
        call_command("health")


# -- files: whole or nothing, and a cleanup that keeps what records point to --

class _FillsTheDisk(ContentFile):
    def chunks(self, chunk_size=None):
        yield b"x" * 1000
        raise OSError(errno.ENOSPC, "No space left on device")


def test_a_full_disk_leaves_no_partial_file(settings):
    storage = SafeFileSystemStorage(location=settings.MEDIA_ROOT)
    with pytest.raises(StorageFull):
        storage.save("documents/consent.pdf", _FillsTheDisk(b"", name="consent.pdf"))
    assert list((settings.MEDIA_ROOT / "documents").iterdir()) == []
    assert storage.save("documents/consent.pdf", ContentFile(b"%PDF")) == "documents/consent.pdf"


@pytest.mark.parametrize("fault", ["refused before reading", "full while writing"])
def test_a_full_disk_creates_no_record_and_answers_in_the_persons_language(
        fault, org, member, settings, monkeypatch, caplog):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from peercircle.core import storage
    from peercircle.imports.models import ImportRun

    if fault == "refused before reading":
        monkeypatch.setattr(storage, "free_bytes", lambda path: 10)
    else:
        def full(descriptor):
            raise OSError(errno.ENOSPC, "No space left on device")

        monkeypatch.setattr(storage.os, "fsync", full)
    coordinator = member("coordinator")
    coordinator.language = "ru"
    coordinator.save(update_fields=["language"])
    client = Client(raise_request_exception=False)
    client.force_login(coordinator)
    with caplog.at_level(logging.ERROR, logger="peercircle.errors"):
        answer = client.post(reverse("imports:list", kwargs={"org": org.slug}), {
            "kind": "consultations",
            "file": SimpleUploadedFile("calls.csv", b"date;minutes\n" * 400)})
    assert answer.status_code == 507
    page = answer.content.decode()
    assert "Нет места для сохранения файлов" in page and 'lang="ru"' in page
    reference = page.split('translate="no">')[1].split("<")[0]
    assert reference in caplog.text
    with scopes_disabled():
        assert not ImportRun.objects.exists()
    left = [p for p in settings.MEDIA_ROOT.rglob("*") if p.is_file()] \
        if settings.MEDIA_ROOT.exists() else []
    assert left == []


def test_the_cleanup_removes_orphans_and_never_a_file_a_record_points_to(org, coordinator,
                                                                        settings, tmp_path):
    with scope(organisation=org):
        job = jobs.job_start(actor=coordinator, organisation=org, kind="test", permission="",
                             task=jobtasks.count_to, n=2)
    kept = settings.MEDIA_ROOT / job.result.name
    orphan = settings.MEDIA_ROOT / "jobs" / "report-2.xlsx"
    empty = settings.MEDIA_ROOT / "jobs" / "report-3.xlsx"
    young = settings.MEDIA_ROOT / "jobs" / "being-written.partial"
    rejected = tmp_path / "tmp" / f"{TEMP_PREFIX}rejected-abc.csv"
    for path in (orphan, empty, young, rejected):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"" if path == empty else b"data")
    old = time.time() - 2 * 24 * 3600
    for path in (kept, orphan, empty, rejected):
        os.utime(path, (old, old))
    removed = {path for path, _size in files_cleanup(dry_run=True)}
    assert removed == {str(orphan), str(empty), str(rejected)}
    assert orphan.exists()  # a dry run removes nothing
    files_cleanup()
    assert kept.exists() and young.exists()
    assert not orphan.exists() and not empty.exists() and not rejected.exists()


# -- error pages people can read --

@pytest.mark.parametrize("language,title", [
    ("ru", "Сервис ненадолго недоступен"), ("pl", "Usługa jest chwilowo niedostępna"),
    ("en", "The service is briefly unavailable")])
def test_a_database_outage_answers_503_in_the_persons_language(language, title, monkeypatch,
                                                               caplog, db):
    from peercircle.accounts import views

    def unreachable(request):
        raise OperationalError("could not connect to server: Connection refused")

    monkeypatch.setattr(views, "home", unreachable)
    import importlib

    from django.urls import clear_url_caches

    import peercircle.urls
    importlib.reload(peercircle.urls)
    clear_url_caches()
    try:
        client = Client(raise_request_exception=False)
        client.cookies["peercircle_language"] = language
        with caplog.at_level(logging.ERROR, logger="peercircle.errors"):
            answer = client.get("/")
        assert answer.status_code == 503 and answer["Retry-After"] == "30"
        page = answer.content.decode()
        assert title in page and f'lang="{language}"' in page
        reference = page.split('translate="no">')[1].split("<")[0]
        assert len(reference) == 8 and reference in caplog.text
    finally:
        monkeypatch.undo()
        importlib.reload(peercircle.urls)
        clear_url_caches()


def test_any_other_error_answers_500_in_the_site_layout(monkeypatch, db):
    from peercircle.core import errors

    request = Client().get("/accounts/login/").wsgi_request
    request.COOKIES["peercircle_language"] = "pl"
    try:
        raise RuntimeError("a bug")
    except RuntimeError:
        answer = errors.server_error(request)
    assert answer.status_code == 500
    page = answer.content.decode()
    assert "Coś poszło nie tak na serwerze" in page and "<footer" in page

    monkeypatch.setattr(errors, "render_to_string", lambda *a, **k: 1 / 0)
    try:
        raise RuntimeError("a bug")
    except RuntimeError:
        answer = errors.server_error(request)
    page = answer.content.decode()
    assert answer.status_code == 500 and 'lang="ru"' in page and 'lang="pl"' in page
