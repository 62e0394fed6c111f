"""Registration with capacity and a waiting list, cancellation with promotion, and the e-mails of a
registration."""


from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.core.validators import validate_email
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from peercircle.core.audit import audited_save
from peercircle.events.models import (
    Event,
    Registration,
)
from peercircle.events.services.attendance import _ledger_sync
from peercircle.events.services.events import header_safe
from peercircle.people.selectors import beneficiary_by_code
from peercircle.people.services import require_consent


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
        _promote(actor=actor, event=event, notify=notify)  # nobody new before those waiting
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


def waiting_list_promote(*, actor, event: Event, notify: bool = True) -> None:
    """Give every free place to the waiting list, first come first served (with the e-mail)."""
    _promote(actor=actor, event=event, notify=notify)


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
