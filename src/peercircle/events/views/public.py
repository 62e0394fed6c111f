"""Public pages (outside /o/<org>/): registration, the registrant's own page, calendar files and
feeds."""


from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django_scopes import scope

from peercircle.core.access import public_organisation_view, public_view
from peercircle.core.forms import call_service
from peercircle.core.ratelimit import limited_response
from peercircle.events import ical, selectors, services
from peercircle.events.forms import (
    FeedbackForm,
    RegistrationForm,
)
from peercircle.events.models import Registration
from peercircle.events.views.common import PUBLIC_POST_RATE, PUBLIC_READ_RATE, _ics_response, _limited


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
