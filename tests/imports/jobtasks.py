"""Task functions the job tests run through core.jobs (importable by dotted path)."""

from django.utils.translation import gettext as _

from peercircle.core.jobs import JobError, job_finish, job_progress


def count_to(job, *, n):
    for done in range(1, n + 1):
        job_progress(job, done, n)
    job_finish(job, "count.csv", "".join(f"{i}\n" for i in range(1, n + 1)))


def refuse(job):
    raise JobError(_("Nothing to do"))


def crash(job):
    raise RuntimeError("secret traceback detail")


def quiet(job, *, label):
    job_progress(job, 1, 2)


def sleep_quietly(job, *, seconds):
    """A task that never reports progress: only the alarm stops it."""
    import time

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        time.sleep(0.01)


RUNS = []


def counted(job):
    """Records each run: a job claimed twice would run twice."""
    RUNS.append(job.pk)


def database_gone(job):
    from django.db import OperationalError

    raise OperationalError("server closed the connection unexpectedly")


def sleep_a_little(job, *, seconds):
    import time

    time.sleep(seconds)
