"""Dates inside sentences, shown as the person's language writes them (never ISO)."""

import datetime

from django.utils import formats, timezone


def shown(value: datetime.date | datetime.datetime | None) -> str:
    """A date (or the day of a moment) in the active language's short form: 03.12.2026 in
    Russian and Polish, 12/03/2026 in English."""
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        value = timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    return formats.date_format(value, "SHORT_DATE_FORMAT")
