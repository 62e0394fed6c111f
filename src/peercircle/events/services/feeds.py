"""Private calendar feeds."""


from django.db import transaction
from django.utils import timezone

from peercircle.events.models import (
    CalendarFeed,
)


def feed_create(*, user) -> CalendarFeed:
    """A new private calendar address; any earlier one stops working."""
    with transaction.atomic():
        feed_revoke(user=user)
        return CalendarFeed.objects.create(user=user)


def feed_revoke(*, user) -> int:
    return CalendarFeed.objects.filter(user=user, revoked_at__isnull=True).update(
        revoked_at=timezone.now())
