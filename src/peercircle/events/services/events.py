"""Events, their sessions and days."""

import logging
import unicodedata

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from peercircle.core.audit import audited_save
from peercircle.events.models import (
    Event,
    EventSession,
)

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
    from peercircle.events.services.registration import waiting_list_promote

    with transaction.atomic():
        event = audited_save(event, actor=actor, organisation=event.organisation, m2m=m2m)
        # new places go to the waiting list in order, each told by e-mail
        waiting_list_promote(actor=actor, event=event, notify=not event.is_over)
    return event


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
