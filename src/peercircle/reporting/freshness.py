"""A project's figures kept until the records behind them change: the cache key holds the
project, its indicators, the language, the day and the freshness stamps (core/freshness.py) of
every organisation it counts. A dashboard opened again before anything changed is served from
the cache; the first view after a change computes the figures afresh."""

import datetime
import hashlib
import json

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone, translation

from peercircle.core.freshness import stamps


def cached(key_parts: list, organisation_ids: list[int], compute, freeze, thaw):
    """`compute()`'s value, kept in the cache until an organisation's stamp moves."""
    seconds = settings.REPORTING_CACHE_SECONDS
    if not seconds:
        return compute()
    parts = [key_parts, sorted(stamps(organisation_ids).items()), sorted(organisation_ids),
             translation.get_language(), timezone.localdate()]
    digest = hashlib.sha256(json.dumps(parts, default=_plain, sort_keys=True).encode())
    key = f"reporting:{digest.hexdigest()}"
    stored = cache.get(key)
    if stored is not None:
        return thaw(stored)
    value = compute()
    cache.set(key, freeze(value), seconds)
    return value


def _plain(value):
    if isinstance(value, datetime.date | datetime.datetime):
        return value.isoformat()
    return str(value)
