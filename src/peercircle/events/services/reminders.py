"""Reminders before an event and requests for feedback after it."""

import datetime

from django.db import transaction
from django.utils import timezone

from peercircle.events.models import (
    Event,
    EventAttendance,
    Registration,
)
from peercircle.events.services.events import logger
from peercircle.events.services.registration import _mail


def _send_claimed(registration: Registration, kind: str, field: str, failed: list | None) -> int:
    """Send one e-mail of a batch after its row was claimed. A failure is logged, the claim
    released (the next run tries again) and the registration added to `failed`; it never stops
    the batch. Returns 1 when sent, 0 when not."""
    try:
        _mail(registration, kind)
    except Exception:
        logger.exception("Sending the %s e-mail of registration %s failed", kind, registration.pk)
        Registration.objects.filter(pk=registration.pk).update(**{field: None})
        if failed is not None:
            failed.append(registration.pk)
        return 0
    return 1


def reminders_send(*, organisation, hours: int, now=None, failed: list | None = None) -> int:
    """Remind confirmed registrants of events starting within `hours`; each is reminded once.
    Registrations whose e-mail could not be sent are appended to `failed`."""
    now = now or timezone.now()
    due = Registration.objects.filter(
        organisation=organisation, status=Registration.Status.CONFIRMED,
        reminder_sent_at__isnull=True, event__cancelled=False,
        event__starts_at__gt=now, event__starts_at__lte=now + datetime.timedelta(hours=hours),
    ).select_related("event")
    sent = 0
    for registration in due:
        with transaction.atomic():
            # Claim the row first, so that two runs at once never send the same reminder twice.
            claimed = Registration.objects.filter(pk=registration.pk,
                                                  reminder_sent_at__isnull=True).update(
                reminder_sent_at=now)
        if claimed:
            sent += _send_claimed(registration, "reminder", "reminder_sent_at", failed)
    return sent


def feedback_requests_send(*, organisation, days: int = 7, now=None,
                           failed: list | None = None) -> int:
    """Ask the people who came (or, when nobody was marked, every confirmed registrant) of events
    that ended in the last `days` days for feedback; each is asked once."""
    now = now or timezone.now()
    events = Event.objects.filter(organisation=organisation, cancelled=False, ends_at__lte=now,
                                  ends_at__gt=now - datetime.timedelta(days=days))
    sent = 0
    for event in events:
        people = event.registrations.filter(status=Registration.Status.CONFIRMED,
                                            feedback_requested_at__isnull=True)
        if EventAttendance.objects.filter(registration__event=event).exists():
            people = people.filter(attendance__isnull=False).distinct()
        for registration in people:
            with transaction.atomic():
                claimed = Registration.objects.filter(
                    pk=registration.pk, feedback_requested_at__isnull=True).update(
                    feedback_requested_at=now)
            if claimed:
                sent += _send_claimed(registration, "feedback", "feedback_requested_at", failed)
    return sent
