"""Settings for the test suite: the project's settings with fast hashing and local mail."""

import os

os.environ.setdefault("DEBUG", "true")
os.environ.setdefault("STATICFILES_STORAGE", "django.contrib.staticfiles.storage.StaticFilesStorage")

from peercircle.settings import *  # noqa: E402,F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = BASE_DIR / "test-results" / "media"  # noqa: F405
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):  # noqa: F405
    DATABASES["default"].pop("OPTIONS", None)  # noqa: F405
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
# figures computed on every view (tests write inside transactions that never commit, so the
# freshness stamps never move); tests/reporting/test_freshness.py turns the cache on
REPORTING_CACHE_SECONDS = 0
MFA_ENCRYPTION_KEY = "bfC5Sk2-hj3HZtu-nsYbkoh1gb9TpT6FaRVWxRHQK5E="  # a fixed key for the tests only
# no heartbeat thread beside the immediate backend (tests/core/test_faults.py turns it on)
JOB_HEARTBEAT_SECONDS = 0
# every whole page served while a browser test runs is kept for the W3C HTML check (tests/e2e/markup.py)
MIDDLEWARE = ["tests.e2e.markup.PagesRecorded", *MIDDLEWARE]  # noqa: F405
