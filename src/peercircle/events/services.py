"""Writes for events: events and their programme, registration with capacity and a waiting list,
cancellation with promotion, attendance that keeps the ledger in step, feedback, calendar plans
and private calendar feeds. Mail is sent on commit, in the registrant's language."""

import datetime
import logging
import unicodedata

from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.core.validators import validate_email
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from peercircle.core.audit import audited_bulk_create, audited_bulk_delete, audited_save
from peercircle.core.models import Activity
from peercircle.core.services import activity_record, activity_remove, activity_update
from peercircle.events.models import (
    CalendarFeed,
    CalendarPlan,
    Event,
    EventAttendance,
    EventDay,
    EventFeedback,
    EventSession,
    PlanItem,
    Registration,
)
from peercircle.people.selectors import beneficiaries_lacking_consent, beneficiary_by_code
from peercircle.people.services import require_consent

# --- calendar plans ---------------------------------------------------------------------------


def plan_create(*, actor, organisation, title: str, description: str = "") -> CalendarPlan:
    return audited_save(CalendarPlan(organisation=organisation, title=title,
                                     description=description),
                        actor=actor, organisation=organisation)


def _item_validate(*, plan, starts_on, ends_on, responsible) -> None:
    errors = {}
    if ends_on < starts_on:
        errors["ends_on"] = _("The end date cannot be before the start date.")
    if responsible is not None and not responsible.memberships.filter(
            organisation=plan.organisation, is_active=True).exists():
        errors["responsible"] = _("Choose a member of this organisation.")
    if errors:
        raise ValidationError(errors)


def plan_item_add(*, actor, plan: CalendarPlan, title: str, starts_on, ends_on, content: str = "",
                  responsible=None, status: str = PlanItem.Status.PLANNED,
                  number: int | None = None) -> PlanItem:
    _item_validate(plan=plan, starts_on=starts_on, ends_on=ends_on, responsible=responsible)
    if number is None:
        last = plan.items.order_by("-number").values_list("number", flat=True).first()
        number = (last or 0) + 1
    item = PlanItem(organisation=plan.organisation, plan=plan, number=number, title=title,
                    content=content, starts_on=starts_on, ends_on=ends_on,
                    responsible=responsible, status=status)
    return audited_save(item, actor=actor, organisation=plan.organisation)


def plan_item_update(*, actor, item: PlanItem, **fields) -> PlanItem:
    for name, value in fields.items():
        setattr(item, name, value)
    _item_validate(plan=item.plan, starts_on=item.starts_on, ends_on=item.ends_on,
                   responsible=item.responsible)
    return audited_save(item, actor=actor, organisation=item.organisation)


# --- events -----------------------------------------------------------------------------------

EVENT_M2M = ("organisers", "partners", "co_organisations")


logger = logging.getLogger(__name__)


def _has_control_characters(text: str) -> bool:
    return any(unicodedata.category(char) in ("Cc", "Cf", "Zl", "Zp") for char in text or "")


def header_safe(text: str) -> str:
    """A title as it may go into an e-mail subject or a one-line header: control characters and
    line breaks become spaces (titles saved before the rule below may still hold them)."""
    cleaned = "".join(" " if unicodedata.category(char) in ("Cc", "Cf", "Zl", "Zp") else char
                      for char in text or "")
    return " ".join(cleaned.split())


def _event_validate(event: Event, m2m: dict) -> None:
    errors = {}
    org = event.organisation
    if _has_control_characters(event.title):
        errors["title"] = _("The title must be one line without control characters.")
    if event.starts_at and event.ends_at and event.ends_at <= event.starts_at:
        errors["ends_at"] = _("The event must end after it starts.")
    if not event.venue and not event.online_url:
        errors["venue"] = _("Give a venue or an online link.")
    if event.capacity is not None and event.capacity < 1:
        errors["capacity"] = _("Give at least one place, or leave the field empty.")
    if event.plan_item_id and event.plan_item.organisation_id != org.pk:
        errors["plan_item"] = _("Choose an item of this organisation's plan.")
    if event.programme_id and event.programme.organisation_id != org.pk:
        errors["programme"] = _("Choose a programme of this organisation.")
    if not m2m.get("organisers"):
        errors["organisers"] = _("Name at least one organiser.")
    if any(p.organisation_id != org.pk for p in m2m.get("partners", [])):
        errors["partners"] = _("Choose partners of this organisation.")
    for other in m2m.get("co_organisations", []):
        if other.pk == org.pk or org.network_id is None or other.network_id != org.network_id:
            errors["co_organisations"] = _("Choose other organisations of the same network.")
    if errors:
        raise ValidationError(errors)


def event_create(*, actor, organisation, **fields) -> Event:
    m2m = {name: list(fields.pop(name, []) or []) for name in EVENT_M2M}
    if not m2m["organisers"]:
        m2m["organisers"] = [actor]
    event = Event(organisation=organisation, **fields)
    _event_validate(event, m2m)
    return audited_save(event, actor=actor, organisation=organisation, m2m=m2m)


def event_update(*, actor, event: Event, **fields) -> Event:
    m2m = {name: list(fields.pop(name)) for name in EVENT_M2M if name in fields}
    for name, value in fields.items():
        setattr(event, name, value)
    check = {name: m2m.get(name, list(getattr(event, name).all())) for name in EVENT_M2M}
    _event_validate(event, check)
    return audited_save(event, actor=actor, organisation=event.organisation, m2m=m2m)


def session_add(*, actor, event: Event, title: str, starts_at, ends_at, speakers: str = "",
                room: str = "") -> EventSession:
    if ends_at <= starts_at:
        raise ValidationError({"ends_at": _("The session must end after it starts.")})
    if starts_at < event.starts_at or ends_at > event.ends_at:
        raise ValidationError({"starts_at": _("The session must fall within the event.")})
    return audited_save(EventSession(organisation=event.organisation, event=event, title=title,
                                     starts_at=starts_at, ends_at=ends_at, speakers=speakers,
                                     room=room),
                        actor=actor, organisation=event.organisation)


# --- registration -----------------------------------------------------------------------------

class EventFull(ValidationError):
    """No place is left; the person may join the waiting list instead."""


def confirmed_count(event: Event) -> int:
    return event.registrations.filter(status=Registration.Status.CONFIRMED).count()


def places_left(event: Event) -> int | None:
    if event.capacity is None:
        return None
    return max(0, event.capacity - confirmed_count(event))


def _registration_validate(*, event: Event, full_name: str, email: str, actor,
                           beneficiary) -> tuple[str, str]:
    """The address and the name as kept, or the error a person can act on."""
    email = (email or "").strip().lower()
    full_name = (full_name or "").strip()
    try:
        validate_email(email)
    except ValidationError:
        raise ValidationError(
            {"email": _("Enter a valid e-mail address, like name@example.org.")}) from None
    if not full_name:
        raise ValidationError({"full_name": _("Tell us your name.")})
    if event.cancelled:
        raise ValidationError(_("This event is cancelled."))
    if event.is_over and actor is None:
        raise ValidationError(_("Registration is closed: the event has already taken place."))
    if beneficiary is not None and beneficiary.organisation_id != event.organisation_id:
        raise ValidationError({"beneficiary": _("Choose a beneficiary of this organisation.")})
    return email, full_name


def registration_create(*, event: Event, full_name: str, email: str, language: str = "ru",
                        site_url: str = "", join_waiting_list: bool = False, actor=None,
                        beneficiary=None, notify: bool = True,
                        resend_if_registered: bool = False, user=None) -> Registration:
    """Register a person. A full event raises `EventFull` unless the person agreed to wait.
    With `resend_if_registered` (the public page) an address already registered gets its link
    e-mailed again instead of an error, so the page never tells whether it was registered.
    Only a signed-in organiser (`actor`) may add a registration after the event (a paper list).
    `user`: the signed-in person registering themselves; their calendar feed shows it (an
    address already registered is never linked this way: its owner confirms from its link)."""
    email, full_name = _registration_validate(event=event, full_name=full_name, email=email,
                                              actor=actor, beneficiary=beneficiary)
    with transaction.atomic():
        Event.objects.select_for_update().filter(pk=event.pk).first()  # one registration at a time
        active = event.registrations.exclude(status=Registration.Status.CANCELLED)
        existing = active.filter(email=email).first()
        if existing is not None and resend_if_registered:
            if places_left(event) == 0 and not join_waiting_list:
                # The answer a new address would get at a full event: nothing told about this one.
                raise EventFull(_("All places are taken. You can join the waiting list: we will "
                                  "write to you as soon as a place becomes free."), code="full")
            # Finding 13a: the public page answers as for a new registration and the person
            # who owns the address gets their existing link again, in the language used now.
            existing.language = language[:8] or existing.language
            transaction.on_commit(lambda: _mail(existing, "confirmation"))
            return existing
        if existing is not None:
            raise ValidationError({"email": _(
                "This e-mail address is already registered for this event. The link to your "
                "registration is in the confirmation e-mail.")})
        left = places_left(event)
        if left == 0 and not join_waiting_list:
            raise EventFull(_("All places are taken. You can join the waiting list: we will "
                              "write to you as soon as a place becomes free."), code="full")
        status = (Registration.Status.WAITING if left == 0 else Registration.Status.CONFIRMED)
        registration = audited_save(
            Registration(organisation=event.organisation, event=event, full_name=full_name,
                         email=email, language=language[:8], status=status,
                         site_url=site_url.rstrip("/"), beneficiary=beneficiary,
                         user=user if user is not None and user.is_authenticated else None),
            actor=actor, organisation=event.organisation, masked=frozenset({"email", "token"}))
        if notify and not event.is_over:
            transaction.on_commit(lambda: _mail(registration, "confirmation"))
    return registration


def registration_link_account(*, registration: Registration, user) -> Registration:
    """The person holding the registration's own link (sent to its address) adds it to their
    account's calendar feed; a registration already in another account's feed stays there."""
    if registration.user_id is not None and registration.user_id != user.pk:
        raise ValidationError(_("This registration is already in another account's calendar."))
    if registration.status == Registration.Status.CANCELLED:
        raise ValidationError(_("This registration is cancelled."))
    registration.user = user
    return audited_save(registration, actor=user, organisation=registration.organisation,
                        masked=frozenset({"email", "token"}))


def registration_url(registration: Registration) -> str:
    return registration.site_url + reverse("event_registration",
                                           kwargs={"registration_token": registration.token})


SUBJECTS = {
    "confirmation": lambda r: (
        _("You are registered: %(event)s") if r.status == Registration.Status.CONFIRMED
        else _("You are on the waiting list: %(event)s")),
    "promoted": lambda r: _("A place is free for you: %(event)s"),
    "reminder": lambda r: _("Reminder: %(event)s"),
    "feedback": lambda r: _("How was it? %(event)s"),
    "cancelled": lambda r: _("Your registration is cancelled: %(event)s"),
}


def _mail(registration: Registration, kind: str) -> None:
    with translation.override(registration.language or "ru"):
        event = registration.event
        context = {"registration": registration, "event": event,
                   "url": registration_url(registration),
                   "starts": timezone.localtime(event.starts_at),
                   "ends": timezone.localtime(event.ends_at)}
        subject = header_safe(SUBJECTS[kind](registration) % {"event": header_safe(event.title)})
        body = render_to_string(f"events/email/{kind}.txt", context)
    send_mail(subject, body, None, [registration.email])


def registration_cancel(*, registration: Registration, actor=None,
                        notify: bool = True) -> Registration:
    """Cancel a registration; a freed place goes to the first person on the waiting list. Both
    people are told by e-mail unless `notify` is off (data entered on someone's behalf)."""
    if registration.status == Registration.Status.CANCELLED:
        return registration
    event = registration.event
    if event.is_over:
        raise ValidationError(_("The event has already taken place."))
    with transaction.atomic():
        Event.objects.select_for_update().filter(pk=event.pk).first()
        was_confirmed = registration.status == Registration.Status.CONFIRMED
        registration.status = Registration.Status.CANCELLED
        registration.cancelled_at = timezone.now()
        audited_save(registration, actor=actor, organisation=event.organisation,
                     masked=frozenset({"email", "token"}))
        days = set(registration.attendance.values_list("day", flat=True))
        registration.attendance.all().delete()
        for day in days:
            _ledger_sync(actor=actor, event=event, day=day)
        if notify:
            transaction.on_commit(lambda: _mail(registration, "cancelled"))
        if was_confirmed and not event.is_over:
            _promote(actor=actor, event=event, notify=notify)
    return registration


def registration_link(*, actor, registration: Registration, code: str) -> Registration:
    """Link a registration to the person's beneficiary record by the code on their card, so that
    the days they attend count them by name in the ledger; an empty code removes the link. A
    link is personal data: the person must have consented to its processing."""
    event = registration.event
    if registration.status == Registration.Status.CANCELLED:
        raise ValidationError(_("This registration is cancelled."))
    beneficiary = beneficiary_by_code(event.organisation, code) if code.strip() else None
    with transaction.atomic():
        if beneficiary is not None:
            require_consent([beneficiary])
        if registration.beneficiary_id == (beneficiary.pk if beneficiary else None):
            return registration
        registration.beneficiary = beneficiary
        # a second live link of the same person to this event is refused by the model's
        # constraint (registration_one_live_link_per_person), checked here before the write
        audited_save(registration, actor=actor, organisation=event.organisation,
                     masked=frozenset({"email", "token"}))
        for day in registration.attendance.values_list("day", flat=True):
            _ledger_sync(actor=actor, event=event, day=day)
    return registration


def _promote(*, actor, event: Event, notify: bool = True) -> None:
    while places_left(event) != 0:
        first = event.registrations.filter(status=Registration.Status.WAITING).order_by(
            "created_at", "id").first()
        if first is None:
            return
        first.status = Registration.Status.CONFIRMED
        audited_save(first, actor=actor, organisation=event.organisation,
                     masked=frozenset({"email", "token"}))
        if notify:
            transaction.on_commit(lambda r=first: _mail(r, "promoted"))


def waiting_position(registration: Registration) -> int | None:
    if registration.status != Registration.Status.WAITING:
        return None
    earlier = Q(created_at__lt=registration.created_at) | Q(created_at=registration.created_at,
                                                           id__lte=registration.id)
    return registration.event.registrations.filter(earlier,
                                                   status=Registration.Status.WAITING).count()


# --- attendance and the ledger ----------------------------------------------------------------

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
            anonymous_count=anonymous, programme=event.programme)
        EventDay.objects.create(organisation=event.organisation, event=event, day=day,
                                activity=activity)
        return
    activity_update(actor=actor, activity=ledger_day.activity, providers=providers,
                    participants=named, anonymous_count=anonymous,
                    duration_minutes=event.day_minutes, programme=event.programme)


# --- feedback ---------------------------------------------------------------------------------

def feedback_give(*, registration: Registration, rating: int, usefulness: int,
                  comment: str = "") -> EventFeedback:
    """Anonymous feedback: the answer keeps no link to the person, who may answer once."""
    event = registration.event
    if registration.status != Registration.Status.CONFIRMED:
        raise ValidationError(_("Feedback is asked from the participants of the event."))
    if not event.is_over and timezone.localdate() < event.days()[-1]:
        raise ValidationError(_("Feedback opens after the event."))
    if registration.feedback_given_at:
        raise ValidationError(_("Thank you, your feedback is already received."))
    for name, value in (("rating", rating), ("usefulness", usefulness)):
        if not 1 <= int(value) <= 5:
            raise ValidationError({name: _("Choose a mark from 1 to 5.")})
    with transaction.atomic():
        feedback = EventFeedback.objects.create(organisation=event.organisation, event=event,
                                           rating=rating, usefulness=usefulness,
                                           comment=comment.strip())
        Registration.objects.filter(pk=registration.pk).update(feedback_given_at=timezone.now())
        registration.feedback_given_at = timezone.now()
    return feedback


# --- reminders and post-event e-mails ----------------------------------------------------------

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


# --- calendar feeds ---------------------------------------------------------------------------

def feed_create(*, user) -> CalendarFeed:
    """A new private calendar address; any earlier one stops working."""
    with transaction.atomic():
        feed_revoke(user=user)
        return CalendarFeed.objects.create(user=user)


def feed_revoke(*, user) -> int:
    return CalendarFeed.objects.filter(user=user, revoked_at__isnull=True).update(
        revoked_at=timezone.now())
