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
from django.db import DEFAULT_DB_ALIAS, DatabaseError, connection, connections
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
              title: str = "", **params) -> Job:
    path = _task_path(task)
    import_string(path)  # fail now, in the request, rather than later in the worker
    job = Job.objects.create(organisation=organisation, user=actor, kind=kind, title=title[:200],
                             task=path, permission=permission, params=params, total=0)
    job_run.enqueue(job.pk)
    job.refresh_from_db()
    return job


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
    fields = {"done": done}
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


@task()
def job_run(job_pk: int) -> str:
    """The one django-tasks task: runs the job's function in its organisation's scope."""
    with scopes_disabled():
        job = Job.objects.select_related("organisation", "user").get(pk=job_pk)
    if job.finished:
        return job.status
    language = getattr(job.user, "language", "") or "en"
    with translation.override(language), scope(organisation=job.organisation):
        _update(job, status=Job.Status.RUNNING, started_at=timezone.now())
        try:
            with _wall_clock(job):
                import_string(job.task)(job, **job.params)
        except JobError as error:
            job_fail(job, str(error))
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
        job = Job.objects.filter(organisation=organisation, user=user, pk=pk).first()
    if job is None or (permissions is not None and job.permission and job.permission not in permissions):
        raise Http404
    return job


def job_list_for(*, organisation, user, kind: str | None = None):
    jobs = Job.objects.filter(organisation=organisation, user=user)
    return jobs.filter(kind=kind) if kind else jobs
