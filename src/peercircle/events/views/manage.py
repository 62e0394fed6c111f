"""Events inside the organisation: list, create, edit, sessions, registrants."""


from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from peercircle.core.access import organisation_view
from peercircle.core.forms import submit
from peercircle.events import ical, selectors, services
from peercircle.events import permissions as perm
from peercircle.events.forms import (
    EventForm,
    SessionForm,
)
from peercircle.events.views.common import _ics_response, _to_event


@organisation_view(perm.VIEW_EVENTS)
def event_list(request, org):
    from django.utils import timezone

    from peercircle.core.listing import Chip, Column, listing
    from peercircle.events.models import Event

    now = timezone.now()
    chips = (Chip("when", "coming", _("Coming up"), lambda q: q.filter(ends_at__gt=now)),
             Chip("when", "past", _("Past events"), lambda q: q.filter(ends_at__lte=now))) + tuple(
        Chip("kind", value, label, lambda q, value=value: q.filter(kind=value))
        for value, label in Event.Kind.choices)
    events = listing(
        request, selectors.event_list(organisation=request.organisation),
        search_fields=("title",), search_label=_("Search by title"), default_order="-starts_at",
        chips=chips, columns=[Column(_("Event"), "title"), Column(_("When"), "starts_at")])
    upcoming, past = selectors.upcoming_and_past(organisation=request.organisation)
    return render(request, "events/event_list.html", {
        "listing": events, "upcoming": upcoming, "past": past,
        "can_manage": perm.MANAGE_EVENTS in request.permissions})


def _event_form_page(request, form, heading, event=None):
    return render(request, "events/event_form.html", {"form": form, "title": heading,
                                                      "event": event})


@organisation_view(perm.MANAGE_EVENTS)
def event_new(request, org):
    form = EventForm(request.POST or None, organisation=request.organisation,
                     initial={"organisers": [request.user]})
    done = submit(request, form, services.event_create, actor=request.user,
                  organisation=request.organisation, success=_("The event is created."),
                  then=_to_event)
    return done or _event_form_page(request, form, _("New event"))


@organisation_view(perm.MANAGE_EVENTS)
def event_edit(request, org, event_pk):
    event = selectors.event_get_for(organisation=request.organisation, pk=event_pk)
    initial = {name: getattr(event, name) for name in (
        "title", "kind", "description", "minutes_per_day", "venue", "online_url", "capacity",
        "audience", "is_public", "programme", "plan_item", "cancelled", "region")}
    initial.update({"starts_at": timezone.localtime(event.starts_at),
                    "ends_at": timezone.localtime(event.ends_at),
                    "organisers": list(event.organisers.all()),
                    "partners": list(event.partners.all()),
                    "co_organisations": list(event.co_organisations.all())})
    form = EventForm(request.POST or None, organisation=request.organisation, initial=initial)
    done = submit(request, form, services.event_update, actor=request.user, event=event,
                  success=_("The event is saved."), then=_to_event)
    return done or _event_form_page(request, form, _("Edit the event"), event)


@organisation_view(perm.VIEW_EVENTS)
def event_detail(request, org, event_pk):
    event = selectors.event_get_for(organisation=request.organisation, pk=event_pk)
    manage = perm.MANAGE_EVENTS in request.permissions
    session_form = SessionForm(request.POST or None) if manage else None
    done = session_form and submit(request, session_form, services.session_add,
                                   actor=request.user, event=event,
                                   success=_("The session is added to the programme."),
                                   then=lambda _s: _to_event(event))
    public_url = request.build_absolute_uri(reverse("event_register", kwargs={
        "organisation_slug": event.organisation.slug, "event_pk": event.pk}))
    return done or render(request, "events/event_detail.html", {
        "event": event, "can_manage": manage, "session_form": session_form,
        "can_mark": manage or (perm.MARK_ATTENDANCE in request.permissions
                               and event.organisers.filter(pk=request.user.pk).exists()),
        "can_see_feedback": perm.VIEW_FEEDBACK in request.permissions,
        "registrations": selectors.registrations_of(event) if manage else None,
        "places_left": services.places_left(event), "public_url": public_url,
        "sessions": event.sessions.all(), "partners": event.partners.all(),
        "co_organisations": event.co_organisations.all(), "organisers": event.organisers.all()})


@require_POST
@organisation_view(perm.MANAGE_EVENTS)
def registration_cancel(request, org, event_pk, registration_pk):
    event = selectors.event_get_for(organisation=request.organisation, pk=event_pk)
    registration = selectors.registration_get_for(event=event, pk=registration_pk)
    try:
        services.registration_cancel(registration=registration, actor=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The registration is cancelled."))
    return _to_event(event)


@require_POST
@organisation_view(perm.MANAGE_EVENTS)
def registration_link(request, org, event_pk, registration_pk):
    """Link a registered person to their beneficiary record by card code, or remove the link."""
    event = selectors.event_get_for(organisation=request.organisation, pk=event_pk)
    registration = selectors.registration_get_for(event=event, pk=registration_pk)
    code = request.POST.get("code", "")[:64]
    try:
        services.registration_link(actor=request.user, registration=registration, code=code)
    except ValidationError as error:
        messages.error(request, _("%(name)s: %(error)s") % {
            "name": registration.full_name, "error": " ".join(error.messages)})
    else:
        messages.success(request, (_("%(name)s is linked to the beneficiary record.") if code.strip()
                                   else _("The link of %(name)s to a beneficiary record is removed."))
                         % {"name": registration.full_name})
    return _to_event(event)


@organisation_view(perm.VIEW_EVENTS)
def event_ics(request, org, event_pk):
    event = selectors.event_get_for(organisation=request.organisation, pk=event_pk)
    url = request.build_absolute_uri(reverse("events:detail", kwargs={
        "org": org, "event_pk": event.pk}))
    return _ics_response(ical.events_ics([event], name=event.title, url_for=lambda _e: url,
                                         link_for=lambda _e: True),
                         f"event-{event.pk}.ics")
