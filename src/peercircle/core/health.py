"""What a monitoring tool polls (`/health/`, `peercircle health`): the database, the cache, the
background worker's last heartbeat and the queue's depth and oldest waiting item.

Healthy means the database and the cache answer and a worker beat within WORKER_STALE_SECONDS
(or nothing waits for one). The answer carries no record of any organisation.
"""

import time
import uuid

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache

from peercircle.core.access import public_view

WORKER_STALE_SECONDS = 120


def _database() -> dict:
    started = time.monotonic()
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError as error:
        return {"ok": False, "error": error.__class__.__name__}
    return {"ok": True, "ms": round((time.monotonic() - started) * 1000, 1)}


def _cache() -> dict:
    key, value = "peercircle-health", uuid.uuid4().hex
    try:
        cache.set(key, value, 30)
        return {"ok": cache.get(key) == value}
    except Exception as error:  # noqa: BLE001 - any cache failure is reported, not raised
        return {"ok": False, "error": error.__class__.__name__}


def _worker_and_queue(database_ok: bool) -> tuple[dict, dict]:
    if not database_ok:
        return {"ok": False, "error": "database"}, {"ok": False, "error": "database"}
    from django_tasks_db.models import DBTaskResult

    from peercircle.core.models import WorkerHeartbeat

    now = timezone.now()
    stale_after = getattr(settings, "WORKER_STALE_SECONDS", WORKER_STALE_SECONDS)
    last = WorkerHeartbeat.objects.order_by("-beat_at").values_list("beat_at", flat=True).first()
    ready = DBTaskResult.objects.ready()
    depth = ready.count()
    oldest = ready.order_by("enqueued_at").values_list("enqueued_at", flat=True).first()
    age = round((now - last).total_seconds()) if last else None
    worker_ok = (age is not None and age <= stale_after) or depth == 0
    worker = {"ok": worker_ok, "last_heartbeat_seconds_ago": age}
    queue = {"ok": True, "depth": depth,
             "oldest_seconds": round((now - oldest).total_seconds()) if oldest else None}
    return worker, queue


def health_report() -> dict:
    database = _database()
    worker, queue = _worker_and_queue(database["ok"])
    checks = {"database": database, "cache": _cache(), "worker": worker, "queue": queue}
    return {"ok": all(check["ok"] for check in checks.values()), **checks}


@public_view
@never_cache
def health(request):
    """/health/: 200 when healthy, 503 otherwise; JSON for a monitoring tool."""
    report = health_report()
    return JsonResponse(report, status=200 if report["ok"] else 503)
