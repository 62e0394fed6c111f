"""`peercircle db_worker`: django-tasks-db's worker, made to outlive faults.

- The database going away (stopped, restarted, network) no longer ends the process: the worker
  waits with a growing pause (1 s … 30 s) and goes on when the database is back.
- It records a heartbeat (core.WorkerHeartbeat) that `/health/` and `peercircle health` read,
  and sweeps jobs whose worker died (core.jobs.jobs_sweep) when it starts and twice per
  JOB_STALE_SECONDS.
- SIGTERM (a service manager stopping it) finishes the current job, then exits; a second signal
  stops at once, and the sweep of the next worker retries the job it left.
"""

import logging
import os
import socket
import threading
import time

from django.db import InterfaceError, OperationalError, close_old_connections, connections
from django.utils import timezone
from django_tasks_db.management.commands import db_worker as base

logger = logging.getLogger("peercircle.worker")

BEAT_SECONDS = 10
MAX_PAUSE_SECONDS = 30


def sweep_seconds() -> float:
    """Sweep twice per JOB_STALE_SECONDS: a dead worker's job is taken up within 1.5 times it."""
    from peercircle.core.jobs import stale_seconds

    return max(1.0, stale_seconds() / 2)


def _beat(worker_id: str, started_at) -> None:
    from peercircle.core.models import WorkerHeartbeat

    WorkerHeartbeat.objects.update_or_create(
        worker_id=worker_id,
        defaults={"beat_at": timezone.now(), "host": socket.gethostname()[:100],
                  "pid": os.getpid(), "started_at": started_at})


def _sweep() -> None:
    from peercircle.core.jobs import jobs_sweep

    retried, failed = jobs_sweep()
    if retried or failed:
        logger.warning("Jobs whose worker stopped: %s retried, %s failed", len(retried), len(failed))


class ResilientWorker(base.Worker):
    def _keep_beating(self, stop: threading.Event) -> None:
        started_at, last_sweep = timezone.now(), 0.0
        while not stop.is_set():
            try:
                _beat(self.worker_id, started_at)
                if time.monotonic() - last_sweep >= sweep_seconds():
                    _sweep()
                    last_sweep = time.monotonic()
            except Exception:  # noqa: BLE001 - the database may be away: beat again later
                logger.warning("Worker heartbeat not written", exc_info=True)
                connections.close_all()
            finally:
                close_old_connections()
            stop.wait(min(BEAT_SECONDS, sweep_seconds()))
        connections.close_all()

    def run(self) -> None:
        stop = threading.Event()
        beating = threading.Thread(target=self._keep_beating, args=(stop,), daemon=True,
                                   name="peercircle-worker-heartbeat")
        beating.start()
        pause = 1.0
        try:
            while self.running:
                try:
                    super().run()
                    return  # --batch or --max-tasks reached
                except (OperationalError, InterfaceError) as error:
                    if not self.running:
                        return
                    logger.warning("Database unreachable (%s); trying again in %.0f s",
                                   error.__class__.__name__, pause)
                    connections.close_all()
                    time.sleep(pause)
                    pause = min(pause * 2, MAX_PAUSE_SECONDS)
        finally:
            stop.set()


class Command(base.Command):
    help = ("Run the background worker: it survives database outages, beats for the health "
            "check and retries jobs whose worker died.")

    def handle(self, *args, **options):
        built = base.Worker
        base.Worker = ResilientWorker  # the worker class django-tasks-db's command builds
        try:
            super().handle(*args, **options)
        finally:
            base.Worker = built
