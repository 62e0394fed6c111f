import datetime

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST
from django_scopes import scope

from peercircle.core.access import organisation_view, public_organisation_view, public_view
from peercircle.core.forms import call_service, submit
from peercircle.core.ratelimit import limited_response, over_limit
from peercircle.events import ical, selectors, services
from peercircle.events import permissions as perm
from peercircle.events.forms import (
    EventForm,
    FeedbackForm,
    PlanForm,
    PlanItemForm,
    RegistrationForm,
    SessionForm,
)
from peercircle.events.models import Registration

PUBLIC_POST_RATE = "10/h"
PUBLIC_READ_RATE = "120/10m"


def _to_event(event):
    return redirect("events:detail", org=event.organisation.slug, event_pk=event.pk)


def _limited(request, kind: str) -> bool:
    """Token pages: a generous limit for reading, a tight one for sending forms."""
    return (over_limit(request, f"{kind}:read", PUBLIC_READ_RATE)
            or (request.method == "POST" and over_limit(request, kind, PUBLIC_POST_RATE)))


def _ics_response(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


# --- events inside the organisation -----------------------------------------------------------

@organisation_view(perm.VIEW_EVENTS)
def event_list(request, org):
    upcoming, past = selectors.upcoming_and_past(organisation=request.organisation)
    return render(request, "events/event_list.html", {
        "upcoming": upcoming, "past": past,
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
        "audience", "is_public", "programme", "plan_item", "cancelled")}
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


# --- attendance on a phone --------------------------------------------------------------------

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


# --- feedback results -------------------------------------------------------------------------

CHART_WIDTH, BAR_HEIGHT = 480, 22


@organisation_view(perm.VIEW_FEEDBACK)
def feedback_results(request, org, event_pk):
    event = selectors.event_get_for(organisation=request.organisation, pk=event_pk)
    summary = selectors.feedback_summary(event)
    largest = max([row["rating"] for row in summary["distribution"]] + [1])
    bars = []
    for index, row in enumerate(reversed(summary["distribution"])):
        y = 10 + index * (BAR_HEIGHT + 10)
        bars.append({"mark": row["mark"], "count": row["rating"], "y": y, "text_y": y + 16,
                     "width": round(row["rating"] / largest * (CHART_WIDTH - 120), 1)})
    return render(request, "events/feedback_results.html", {
        "event": event, "summary": summary, "bars": bars,
        "chart_height": 20 + 5 * (BAR_HEIGHT + 10), "chart_width": CHART_WIDTH})


# --- private calendar feed --------------------------------------------------------------------

@organisation_view(perm.VIEW_EVENTS)
def feed(request, org):
    if request.method == "POST":
        if request.POST.get("action") == "revoke":
            services.feed_revoke(user=request.user)
            messages.success(request, _("The calendar address is switched off."))
        else:
            services.feed_create(user=request.user)
            messages.success(request, _("A new calendar address is ready; any earlier one no "
                                        "longer works."))
        return redirect("events:feed", org=org)
    active = selectors.feed_active(request.user)
    url = active and request.build_absolute_uri(reverse("event_feed", kwargs={
        "feed_token": active.token}))
    return render(request, "events/feed.html", {"feed": active, "url": url})


# --- calendar plans ---------------------------------------------------------------------------

@organisation_view(perm.VIEW_PLANS)
def plan_list(request, org):
    manage = perm.MANAGE_PLANS in request.permissions
    form = PlanForm(request.POST or None) if manage else None
    done = form and submit(request, form, services.plan_create, actor=request.user,
                           organisation=request.organisation,
                           success=_("The calendar plan is created."),
                           then=lambda plan: redirect("events:plan", org=org, plan_pk=plan.pk))
    return done or render(request, "events/plan_list.html", {
        "plans": selectors.plan_list(organisation=request.organisation), "form": form})


@organisation_view(perm.VIEW_PLANS)
def plan_detail(request, org, plan_pk):
    plan = selectors.plan_get_for(organisation=request.organisation, pk=plan_pk)
    manage = perm.MANAGE_PLANS in request.permissions
    form = PlanItemForm(request.POST or None, organisation=request.organisation) if manage else None
    done = form and submit(request, form, services.plan_item_add, actor=request.user, plan=plan,
                           success=_("The item is added to the plan."),
                           then=lambda _i: redirect("events:plan", org=org, plan_pk=plan.pk))
    items = selectors.plan_items(plan)
    return done or render(request, "events/plan_detail.html", {
        "plan": plan, "items": items, "form": form, "can_manage": manage,
        "timeline": _timeline(items), "today": timezone.localdate(),
        "overdue": sum(1 for item in items if item.is_overdue)})


def _timeline(items) -> dict | None:
    """Positions of the items on a shared time axis, in per cent, with month ticks."""
    if not items:
        return None
    first = min(item.starts_on for item in items).replace(day=1)
    last = max(item.ends_on for item in items)
    span = max((last - first).days + 1, 1)
    rows = []
    for item in items:
        left = (item.starts_on - first).days / span * 100
        width = max(((item.ends_on - item.starts_on).days + 1) / span * 100, 1.5)
        rows.append({"item": item, "left": round(left, 2), "width": round(min(width, 100 - left),
                                                                           2)})
    months, month = [], first
    while month <= last:
        months.append({"date": month, "left": round((month - first).days / span * 100, 2)})
        month = (month.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)
    today = timezone.localdate()
    today_left = round((today - first).days / span * 100, 2) if first <= today <= last else None
    return {"rows": rows, "months": months, "today_left": today_left}


@organisation_view(perm.MANAGE_PLANS)
def plan_item_edit(request, org, item_pk):
    item = selectors.plan_item_get_for(organisation=request.organisation, pk=item_pk)
    initial = {name: getattr(item, name) for name in (
        "title", "content", "starts_on", "ends_on", "responsible", "status")}
    form = PlanItemForm(request.POST or None, organisation=request.organisation, initial=initial)
    done = submit(request, form, services.plan_item_update, actor=request.user, item=item,
                  success=_("The plan item is saved."),
                  then=lambda _i: redirect("events:plan", org=org, plan_pk=item.plan_id))
    return done or render(request, "form_page.html", {
        "form": form, "title": str(item),
        "cancel_url": reverse("events:plan", kwargs={"org": org, "plan_pk": item.plan_id})})


# --- public pages (outside /o/<org>/) ---------------------------------------------------------

@public_organisation_view(post_rate=PUBLIC_POST_RATE, read_rate=PUBLIC_READ_RATE)
def register(request, organisation_slug, event_pk):
    """The public registration page: rate-limited, honeypot, capacity and a waiting list."""
    organisation = request.public_organisation
    event = selectors.public_event_get(organisation=organisation, pk=event_pk)
    form = RegistrationForm(request.POST or None)
    if request.method == "POST":
        if form.is_spam:
            return render(request, "events/public_thanks.html", {"event": event})
        if form.is_valid():
            registration = call_service(
                form, services.registration_create, event=event,
                full_name=form.cleaned_data["full_name"], email=form.cleaned_data["email"],
                join_waiting_list=form.cleaned_data["join_waiting_list"],
                language=translation.get_language() or "ru",
                site_url=request.build_absolute_uri("/"), resend_if_registered=True,
                user=request.user)
            if registration:
                # The same answer whether the address was new or already registered, and the
                # same as a filled honeypot: the link goes only to the address (finding 13a).
                return render(request, "events/public_thanks.html", {"event": event})
    return render(request, "events/public_register.html", {
        "event": event, "form": form, "places_left": services.places_left(event),
        "sessions": event.sessions.all(), "partners": event.partners.all(),
        "co_organisations": event.co_organisations.all()})


@public_organisation_view(read_rate=PUBLIC_READ_RATE)
def public_ics(request, organisation_slug, event_pk):
    organisation = request.public_organisation
    event = selectors.public_event_get(organisation=organisation, pk=event_pk)
    url = request.build_absolute_uri(reverse("event_register", kwargs={
        "organisation_slug": organisation.slug, "event_pk": event.pk}))
    return _ics_response(ical.events_ics([event], name=event.title, url_for=lambda _e: url),
                         f"event-{event.pk}.ics")


@public_view
def registration_page(request, registration_token):
    """The registrant's own page (the link in every e-mail): status, cancellation, feedback."""
    if _limited(request, "event-registration"):
        return limited_response(request)
    registration = selectors.registration_by_token(registration_token)
    if registration is None:
        raise Http404
    with scope(organisation=registration.organisation):
        event = registration.event
        feedback_open = selectors.feedback_open(registration)
        form = FeedbackForm(request.POST or None) if feedback_open else None
        if request.method == "POST":
            action = request.POST.get("action")
            if action == "cancel":
                try:
                    services.registration_cancel(registration=registration)
                except ValidationError as error:
                    messages.error(request, " ".join(error.messages))
                else:
                    messages.success(request, _("Your registration is cancelled."))
                return redirect("event_registration", registration_token=registration_token)
            if action == "link" and request.user.is_authenticated:
                try:
                    services.registration_link_account(registration=registration,
                                                       user=request.user)
                except ValidationError as error:
                    messages.error(request, " ".join(error.messages))
                else:
                    messages.success(request, _("The event is in your calendar feed now."))
                return redirect("event_registration", registration_token=registration_token)
            if action == "feedback" and form is not None and form.is_valid():
                if call_service(form, services.feedback_give, registration=registration,
                                **form.cleaned_data):
                    messages.success(request, _("Thank you for your feedback."))
                    return redirect("event_registration", registration_token=registration_token)
        return render(request, "events/public_registration.html", {
            "registration": registration, "event": event, "form": form,
            "position": services.waiting_position(registration),
            "places_left": services.places_left(event),
            "can_cancel": (registration.status != Registration.Status.CANCELLED
                           and not event.is_over)})


@public_view
def calendar_feed(request, feed_token):
    if _limited(request, "event-feed"):
        return limited_response(request)
    events = selectors.feed_events(feed_token)
    if events is None:
        raise Http404
    with_link = {event.pk for event in events if getattr(event, "feed_with_link", False)}
    return _ics_response(ical.events_ics(events, name="PeerCircle",
                                         link_for=lambda event: event.pk in with_link),
                         "peercircle.ics")
