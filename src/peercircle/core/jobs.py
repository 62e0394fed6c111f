"""Background jobs: long work (imports, long exports) run by a worker, with progress and a result file.

The whole API (keep to it; it does not change):

    from peercircle.core.jobs import JobError, job_finish, job_progress, job_start

    job = job_start(actor=request.user, organisation=request.organisation, kind="report_xlsx",
                    permission=perm.EXPORT_REPORTS,
                    task="peercircle.reporting.exports.build_xlsx", project_pk=7)
    return redirect("core:job_detail", org=org, job_pk=job.pk)

    # peercircle/reporting/exports.py — a plain function, called by the worker as task(job, **params)
    def build_xlsx(job, *, project_pk):
        for done, row in enumerate(rows, 1):
            ...
            job_progress(job, done, len(rows))        # cheap: written at most every 0.5 s
        job_finish(job, "report.xlsx", content)       # bytes or str; the user downloads it
        # or: raise JobError(_("The project has no data yet."))   -> shown to the user, status failed

- `job_start(*, actor, organisation, kind, permission, task, title, **params) -> Job` records the
  job and enqueues it; `title` names it for the person (the job page's heading, their list of
  recent jobs). `permission` is the one the page starting it requires: the job's pages and result
  file are given to its starter only while they still hold it (a person who lost the role that
  produced a report no longer downloads it).
  `task` is a function or its dotted path; `params` must be JSON values (pks, strings, numbers).
  With the immediate backend (tests) the job has already run when `job_start` returns.
- The worker calls `task(job, **params)` inside `django_scopes.scope(organisation=job.organisation)`
  and with the interface language of the person who started it, so `gettext` speaks their language.
- `job_progress(job, done, total=None)` reports progress (shown as a bar that HTMX polls). Inside a
  transaction it is written through a connection of its own on PostgreSQL, so the bar moves while
  the transaction runs; on SQLite (one writer at a time) it shows at the commit.
- `job_finish(job, file_name=None, content=None, *, message="")` stores the result file (optional)
  and marks the job done. A task that returns without calling it is marked done too.
- `raise JobError(message)` marks the job failed with that message; any other exception marks it
  failed with a generic message (the traceback goes to the log, never to the page).
- Pages: `core:job_detail` (progress, the person's recent jobs by name, and the download, which
  starts by itself when a job the page was watching ends with a file),
  `core:job_progress` (the polled partial),
  `core:job_download`; all `/o/<org>/jobs/<job_pk>/…`, open to the person who started the job only.
  Embed the bar in your own page with
  `{% include "core/partials/job_progress.html" with job=job reload=True %}` (`reload`: the whole
  page reloads when the job ends, so that your page can show its result).
- `job_get_for(*, organisation, user, pk)` returns the person's job or raises Http404.

Backend: settings.TASKS uses django-tasks-db (`peercircle db_worker` runs the worker; `make demo`
starts one beside the web server); the test settings use the immediate backend.
"""

import logging
import signal
import threading
import time
from collections.abc import Callable
from contextlib import contextmanager

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import (
    DEFAULT_DB_ALIAS,
    DatabaseError,
    InterfaceError,
    OperationalError,
    connection,
    connections,
)
from django.db.models import F, Q
from django.http import Http404
from django.utils import timezone, translation
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _
from django_scopes import scope, scopes_disabled
from django_tasks import task

from peercircle.core.models import Job

logger = logging.getLogger(__name__)

PROGRESS_INTERVAL_SECONDS = 0.5
DEFAULT_MAX_SECONDS = 30 * 60


class JobError(Exception):
    """A failure the person should read (already translated)."""


def _task_path(function: Callable | str) -> str:
    if isinstance(function, str):
        return function
    return f"{function.__module__}.{function.__qualname__}"


def job_start(*, actor, organisation, kind: str, permission: str, task: Callable | str,
              title: str = "", retryable: bool = True, **params) -> Job:
    path = _task_path(task)
    import_string(path)  # fail now, in the request, rather than later in the worker
    job = Job.objects.create(organisation=organisation, user=actor, kind=kind, title=title[:200],
                             task=path, permission=permission, params=params, total=0,
                             retryable=retryable)
    job_run.enqueue(job.pk)
    job.refresh_from_db()
    return job


def job_again(*, actor, job: Job) -> Job:
    """"Run again": a new job doing what a failed one was asked to do."""
    return job_start(actor=actor, organisation=job.organisation, kind=job.kind,
                     permission=job.permission, task=job.task, title=job.title,
                     retryable=job.retryable, **job.params)


# -- faults: heartbeats, the sweep of jobs whose worker died, retries with backoff ----------------

def _setting(name: str, default):
    return getattr(settings, name, default)


def stale_seconds() -> int:
    """A running job whose heartbeat is older than this lost its worker (JOB_STALE_SECONDS)."""
    return _setting("JOB_STALE_SECONDS", 60)


def heartbeat_seconds() -> float:
    """How often a running job beats (JOB_HEARTBEAT_SECONDS; 0 turns the beating thread off,
    progress reports still beat)."""
    return _setting("JOB_HEARTBEAT_SECONDS", 10)


def max_attempts() -> int:
    return _setting("JOB_MAX_ATTEMPTS", 3)


def backoff_seconds(attempt: int) -> int:
    """Pause before attempt `attempt + 1`: 10 s, 60 s, 5 min…"""
    steps = _setting("JOB_RETRY_BACKOFF_SECONDS", (10, 60, 300))
    return steps[min(attempt, len(steps)) - 1] if attempt else 0


def _enqueue(job_pk: int, delay: int = 0) -> None:
    from django_tasks import task_backends

    backend = task_backends[job_run.backend]
    if delay and backend.supports_defer:
        job_run.using(run_after=timezone.now() + timezone.timedelta(seconds=delay)).enqueue(job_pk)
    else:
        job_run.enqueue(job_pk)


def job_retry_or_fail(job: Job, *, expected_status: str = Job.Status.RUNNING) -> str:
    """The job's worker stopped (or the database went away under it): start it again after a
    pause when it is safe to repeat and attempts remain, else fail it with what to do. The change
    is conditional on the status seen, so two sweeps never both act on one job."""
    now = timezone.now()
    with translation.override(getattr(job.user, "language", "") or "en"), scopes_disabled():
        if job.retryable and job.attempts < max_attempts():
            changed = Job.objects.filter(pk=job.pk, status=expected_status).update(
                status=Job.Status.RETRYING, updated_at=now, message=_(
                    "The work was interrupted (attempt %(attempt)s of %(limit)s); it starts "
                    "again by itself in a moment. Nothing was half-saved.")
                % {"attempt": job.attempts, "limit": max_attempts()})
            if changed:
                _enqueue(job.pk, backoff_seconds(job.attempts))
                return Job.Status.RETRYING
        else:
            changed = Job.objects.filter(pk=job.pk, status=expected_status).update(
                status=Job.Status.FAILED, updated_at=now, finished_at=now, message=_(
                    "The work was interrupted %(attempts)s times and was stopped; nothing was "
                    "changed. Use “Run again”, and tell the platform's administrator if it keeps "
                    "happening.") % {"attempts": job.attempts})
            if changed:
                return Job.Status.FAILED
    return ""


def jobs_sweep(*, pks=None) -> tuple[list[int], list[int]]:
    """Running jobs whose heartbeat stopped more than `stale_seconds()` ago: retried or failed.
    Runs when a worker starts, every minute in it, with `peercircle jobs_sweep`, and for one job
    whenever its page is looked at (so the page never says "running" for a dead job)."""
    limit = timezone.now() - timezone.timedelta(seconds=stale_seconds())
    with scopes_disabled():
        stale = Job.objects.filter(status=Job.Status.RUNNING).filter(
            Q(heartbeat_at__lt=limit) | Q(heartbeat_at__isnull=True, started_at__lt=limit))
        if pks is not None:
            stale = stale.filter(pk__in=pks)
        stale = list(stale.select_related("user"))
    retried, failed = [], []
    for job in stale:
        outcome = job_retry_or_fail(job)
        (retried if outcome == Job.Status.RETRYING else failed if outcome else []).append(job.pk)
    return retried, failed


def _beat(job_pk: int) -> None:
    with scopes_disabled():
        Job.objects.filter(pk=job_pk, status=Job.Status.RUNNING).update(
            heartbeat_at=timezone.now())


@contextmanager
def _heartbeat(job: Job):
    """A thread that beats for the job while its function runs (a long step without progress
    reports still shows a live worker); it stops with the job."""
    every = heartbeat_seconds()
    if not every:
        yield
        return
    stop = threading.Event()

    def beat():
        try:
            while not stop.wait(every):
                try:
                    _beat(job.pk)
                except DatabaseError:
                    logger.warning("Job %s: heartbeat not written", job.pk, exc_info=True)
        finally:
            connections.close_all()

    thread = threading.Thread(target=beat, daemon=True, name=f"peercircle-job-{job.pk}-heartbeat")
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join(timeout=every + 5)


def _update(job: Job, **fields) -> None:
    for name, value in fields.items():
        setattr(job, name, value)
    with scopes_disabled():
        Job.objects.filter(pk=job.pk).update(updated_at=timezone.now(), **fields)


def job_progress(job: Job, done: int, total: int | None = None) -> None:
    now = time.monotonic()
    if now > getattr(job, "_deadline", now):
        raise JobOverTime(over_time_message())
    last = getattr(job, "_progress_written_at", 0.0)
    fields = {"done": done, "heartbeat_at": timezone.now()}
    if total is not None:
        fields["total"] = total
    finished_step = total is not None and done >= total
    for name, value in fields.items():
        setattr(job, name, value)
    if now - last < PROGRESS_INTERVAL_SECONDS and not finished_step:
        return
    job._progress_written_at = now
    if connection.in_atomic_block and connection.vendor != "sqlite":
        # Inside the writing transaction: report through a connection of its own, so that the bar
        # moves before the commit. (SQLite allows one writer: there it moves at the commit.)
        try:
            _side_update(job, **fields)
            return
        except DatabaseError:
            logger.warning("Job %s: progress kept for the commit", job.pk, exc_info=True)
    _update(job, **fields)


def _side_update(job: Job, **fields) -> None:
    side = getattr(job, "_side_connection", None)
    if side is None:
        side = job._side_connection = connections.create_connection(DEFAULT_DB_ALIAS)
    table = connection.ops.quote_name(Job._meta.db_table)
    names = ", ".join(f"{connection.ops.quote_name(name)} = %s" for name in fields)
    with side.cursor() as cursor:
        cursor.execute(f"UPDATE {table} SET {names} WHERE id = %s", [*fields.values(), job.pk])


def _side_close(job: Job) -> None:
    side = getattr(job, "_side_connection", None)
    if side is not None:
        side.close()
        job._side_connection = None


def job_finish(job: Job, file_name: str | None = None, content: bytes | str | None = None, *,
               message: str = "") -> None:
    if file_name and content is not None:
        data = content.encode("utf-8") if isinstance(content, str) else content
        job.result.save(file_name, ContentFile(data), save=False)
        job.result_name = file_name
    total = job.total or job.done
    _update(job, status=Job.Status.DONE, done=total, total=total, message=message,
            result=job.result.name or "", result_name=job.result_name,
            finished_at=timezone.now())


def job_fail(job: Job, message: str) -> None:
    _update(job, status=Job.Status.FAILED, message=message, finished_at=timezone.now())


def max_seconds() -> int:
    """Every job's wall-clock budget (settings.JOB_MAX_SECONDS)."""
    return getattr(settings, "JOB_MAX_SECONDS", DEFAULT_MAX_SECONDS)


def over_time_message() -> str:
    return _("The work took longer than %(minutes)s minutes and was stopped; nothing was "
             "changed. Try again with less data, or tell the platform's administrator.") % {
        "minutes": max(1, max_seconds() // 60)}


class JobOverTime(JobError):
    """The job ran past its wall-clock budget."""


def _over_time(signum, frame):
    raise JobOverTime(over_time_message())


@contextmanager
def _wall_clock(job: Job):
    """Stop the job when its budget is spent: at its next progress report (any thread), and by
    an alarm when the worker runs it in its main thread (a task that never reports progress)."""
    job._deadline = time.monotonic() + max_seconds()
    alarm = threading.current_thread() is threading.main_thread() and hasattr(signal, "setitimer")
    if alarm:
        previous = signal.signal(signal.SIGALRM, _over_time)
        signal.setitimer(signal.ITIMER_REAL, max(max_seconds(), 0.001))
    try:
        yield
    finally:
        if alarm:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)


TRANSIENT = (OperationalError, InterfaceError)  # the database went away: worth another attempt


@task()
def job_run(job_pk: int) -> str:
    """The one django-tasks task: claims the job (atomically: two workers never run one job),
    runs its function in its organisation's scope with a heartbeat, and ends it truthfully."""
    now = timezone.now()
    with scopes_disabled():
        claimed = Job.objects.filter(
            pk=job_pk, status__in=(Job.Status.QUEUED, Job.Status.RETRYING)).update(
            status=Job.Status.RUNNING, started_at=now, heartbeat_at=now, updated_at=now,
            attempts=F("attempts") + 1)
        job = Job.objects.select_related("organisation", "user").filter(pk=job_pk).first()
    if job is None:
        return "missing"
    if not claimed:
        return job.status  # finished, or another worker runs it
    language = getattr(job.user, "language", "") or "en"
    with translation.override(language), scope(organisation=job.organisation):
        try:
            function = import_string(job.task)
        except ImportError:
            logger.error("Job %s: its kind no longer exists (%s)", job.pk, job.task)
            job_fail(job, _("This kind of work no longer exists in this version of PeerCircle; "
                            "nothing was changed. Start it again from its page."))
            return job.status
        try:
            with _wall_clock(job), _heartbeat(job):
                function(job, **job.params)
        except JobError as error:
            job_fail(job, str(error))
        except TRANSIENT:
            logger.warning("Job %s: the database went away; trying again", job.pk, exc_info=True)
            connections.close_all()
            try:
                job_retry_or_fail(job)
            except DatabaseError:  # still away: the sweep will find it without a heartbeat
                logger.warning("Job %s: left for the sweep", job.pk)
        except Exception:
            logger.exception("Job %s (%s) failed", job.pk, job.task)
            job_fail(job, _("Something went wrong. Nothing was changed; please try again or "
                            "tell the platform's administrator."))
        else:
            if job.status != Job.Status.DONE:
                job_finish(job)
        finally:
            _side_close(job)
    return job.status


def job_get_for(*, organisation, user, pk, permissions=None) -> Job:
    """The person's job; 404 for anyone else's, and (given the person's `permissions` in the
    organisation) for a job whose permission they no longer hold."""
    with scopes_disabled():
        job = job_list_for(organisation=organisation, user=user,
                           permissions=permissions).filter(pk=pk).first()
    if job is None:
        raise Http404
    return job


def _still_permitted(permissions) -> Q:
    """A job is given to its starter only while they hold the permission that produced it."""
    return Q(permission="") | Q(permission__in=list(permissions))


def job_list_for(*, organisation, user, kind: str | None = None, permissions=None):
    jobs = Job.objects.filter(organisation=organisation, user=user).select_related("organisation")
    if permissions is not None:
        jobs = jobs.filter(_still_permitted(permissions))
    return jobs.filter(kind=kind) if kind else jobs


def job_told_truthfully(job: Job) -> Job:
    """The job as its pages must show it: one still "running" whose worker died is retried or
    failed first (jobs_sweep), so no page says "running" for a dead job."""
    if job.status == Job.Status.RUNNING and any(jobs_sweep(pks=[job.pk])):
        with scopes_disabled():
            job.refresh_from_db()
    return job
