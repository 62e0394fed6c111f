"""Attendance by day, and the one ledger row per event day kept in step with it."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from peercircle.core.audit import audited_bulk_create, audited_bulk_delete
from peercircle.core.models import Activity
from peercircle.core.services import activity_record, activity_remove, activity_update
from peercircle.events.models import (
    Event,
    EventAttendance,
    EventDay,
    Registration,
)
from peercircle.people.selectors import beneficiaries_lacking_consent


def attendance_set(*, actor, registration: Registration, day: datetime.date,
                   present: bool) -> bool:
    """Mark a registered person present or absent on one day of the event; the ledger row of
    that day is created, updated or removed to match. Returns whether the person is present."""
    attendance_mark(actor=actor, event=registration.event, day=day, registrations=[registration],
                    present=present)
    return present


def attendance_mark(*, actor, event: Event, day: datetime.date, registrations,
                    present: bool) -> int:
    """Mark several registered people present (or absent) on one day of the event at once; the
    day's ledger row is brought in line once. Returns how many marks changed."""
    registrations = list(registrations)
    if any(r.event_id != event.pk for r in registrations):
        raise ValidationError(_("Attendance is marked only for people registered for this event."))
    if any(r.status != Registration.Status.CONFIRMED for r in registrations):
        raise ValidationError(_("Attendance is marked only for confirmed registrations."))
    if event.cancelled:
        raise ValidationError(_("This event is cancelled."))
    if day not in event.days():
        raise ValidationError(_("This day is not a day of the event."))
    if day > timezone.localdate():
        raise ValidationError(_("Attendance cannot be marked before the day of the event."))
    with transaction.atomic():
        Event.objects.select_for_update().filter(pk=event.pk).first()
        marked = {mark.registration_id: mark for mark in EventAttendance.objects.filter(
            registration__in=registrations, day=day).select_related("registration__event")}
        if present:  # marks are written in bulk: 200 people cost what 11 do
            new = [EventAttendance(organisation=event.organisation, registration=registration,
                                   day=day)
                   for registration in {r.pk: r for r in registrations}.values()
                   if registration.pk not in marked]
            changed = len(audited_bulk_create(new, actor=actor, organisation=event.organisation))
        else:
            changed = audited_bulk_delete(list(marked.values()), actor=actor,
                                          organisation=event.organisation)
        if changed:
            _ledger_sync(actor=actor, event=event, day=day)
    return changed


def _ledger_sync(*, actor, event: Event, day: datetime.date) -> None:
    """One ledger activity per event and day: named beneficiaries with consent are participants,
    every other person present is counted anonymously; the organisers are the providers."""
    present = list(Registration.objects.filter(
        event=event, attendance__day=day, status=Registration.Status.CONFIRMED,
    ).select_related("beneficiary"))
    named = [r.beneficiary for r in present if r.beneficiary is not None]
    lacking = {b.pk for b in beneficiaries_lacking_consent(named, purpose="data_processing")}
    named = [b for b in named if b.pk not in lacking]
    anonymous = len(present) - len(named)
    providers = list(event.organisers.all()) or ([actor] if actor else [])
    ledger_day = EventDay.objects.filter(event=event, day=day).select_related("activity").first()
    if not present:
        if ledger_day is not None:
            activity = ledger_day.activity
            ledger_day.delete()
            activity_remove(actor=actor, activity=activity,
                            before={"event": event.pk, "day": str(day)})
        return
    if ledger_day is None:
        activity = activity_record(
            actor=actor, organisation=event.organisation, kind=Activity.Kind.EVENT_SESSION,
            mode=Activity.Mode.GROUP, date=day, duration_minutes=event.day_minutes,
            format=event.format, providers=providers, participants=named,
            anonymous_count=anonymous, programme=event.programme, region=event.region)
        EventDay.objects.create(organisation=event.organisation, event=event, day=day,
                                activity=activity)
        return
    activity_update(actor=actor, activity=ledger_day.activity, providers=providers,
                    participants=named, anonymous_count=anonymous,
                    duration_minutes=event.day_minutes, programme=event.programme,
                    region=event.region)
