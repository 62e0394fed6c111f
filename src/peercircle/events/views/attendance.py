"""Attendance on a phone: one tap per person and day."""

import datetime

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from peercircle.core.access import organisation_view
from peercircle.events import permissions as perm
from peercircle.events import selectors, services
from peercircle.events.models import Registration


def _chosen_day(event, value) -> datetime.date:
    days = event.days()
    try:
        day = datetime.date.fromisoformat(value or "")
    except ValueError:
        day = None
    if day in days:
        return day
    today = timezone.localdate()
    return today if today in days else days[0]


def _event_for_attendance(request, event_pk):
    return selectors.event_get_for_attendance(actor=request.user,
                                              organisation=request.organisation,
                                              permissions=request.permissions, pk=event_pk)


def _to_attendance(org: str, event, day: datetime.date):
    return redirect(reverse("events:attendance", kwargs={"org": org, "event_pk": event.pk})
                    + f"?day={day.isoformat()}")


@organisation_view(perm.MARK_ATTENDANCE, relationship=True)
def attendance(request, org, event_pk):
    event = _event_for_attendance(request, event_pk)
    day = _chosen_day(event, request.GET.get("day"))
    people = list(event.registrations.filter(status=Registration.Status.CONFIRMED)
                  .order_by("full_name", "id"))
    present = set(event.registrations.filter(attendance__day=day).values_list("pk", flat=True))
    return render(request, "events/attendance.html", {
        "event": event, "day": day, "days": event.days(), "people": people,
        "present": present, "present_count": len(present),
        "can_mark_day": day <= timezone.localdate() and not event.cancelled})


@require_POST
@organisation_view(perm.MARK_ATTENDANCE, relationship=True)
def attendance_toggle(request, org, event_pk, registration_pk):
    event = _event_for_attendance(request, event_pk)
    registration = selectors.registration_get_for(event=event, pk=registration_pk)
    day = _chosen_day(event, request.POST.get("day"))
    error = ""
    try:
        services.attendance_set(actor=request.user, registration=registration, day=day,
                                present=request.POST.get("present") == "1")
    except ValidationError as exc:
        error = " ".join(exc.messages)
    is_present = registration.attendance.filter(day=day).exists()
    if request.htmx:
        count = event.registrations.filter(attendance__day=day).count()
        return render(request, "events/partials/attendance_toggle.html", {
            "event": event, "person": registration, "day": day, "is_present": is_present,
            "error": error, "present_count": count, "oob_count": True, "can_mark_day": True})
    if error:
        messages.error(request, error)
    return _to_attendance(org, event, day)


@require_POST
@organisation_view(perm.MARK_ATTENDANCE, relationship=True)
def attendance_all(request, org, event_pk):
    """Everyone confirmed is marked present on the chosen day; absences are then unmarked one by
    one, which is quicker than the other way round at a well-attended meeting."""
    event = _event_for_attendance(request, event_pk)
    day = _chosen_day(event, request.POST.get("day"))
    people = event.registrations.filter(status=Registration.Status.CONFIRMED)
    try:
        changed = services.attendance_mark(actor=request.user, event=event, day=day,
                                           registrations=people, present=True)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, ngettext("%(count)d more person is marked present.",
                                           "%(count)d more people are marked present.",
                                           changed) % {"count": changed})
    return _to_attendance(org, event, day)
