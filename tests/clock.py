"""Dates for tests, read when a test runs rather than when its module is imported.

A module-level ``TODAY`` goes stale when the suite runs across midnight in the project's time zone,
and the services (which read the clock themselves) then disagree with the test about what today is.
"""
import datetime

from django.utils import timezone


def today() -> datetime.date:
    return timezone.localdate()


def yesterday() -> datetime.date:
    return today() - datetime.timedelta(days=1)
