"""Reads for events and calendar plans; `*_get_for` answer 404 for missing and foreign alike."""

from django.db.models import Avg, Count, Q, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django_scopes import scopes_disabled

from peercircle.events.models import (
    CalendarFeed,
    CalendarPlan,
    Event,
    EventFeedback,
    PlanItem,
    Registration,
)


def event_list(*, organisation) -> QuerySet[Event]:
    return Event.objects.filter(organisation=organisation).annotate(
        confirmed=Count("registrations", filter=Q(registrations__status="confirmed")),
        waiting=Count("registrations", filter=Q(registrations__status="waiting")),
    )


def upcoming_and_past(*, organisation) -> tuple[list[Event], list[Event]]:
    now = timezone.now()
    events = event_list(organisation=organisation)
    upcoming = list(events.filter(ends_at__gt=now).order_by("starts_at", "id"))
    past = list(events.filter(ends_at__lte=now).order_by("-starts_at", "-id")[:50])
    return upcoming, past


def event_get_for(*, organisation, pk: int) -> Event:
    return get_object_or_404(event_list(organisation=organisation), pk=pk)


def event_get_for_attendance(*, actor, organisation, permissions, pk: int) -> Event:
    """An event whose registrants and attendance this person may see and mark: those who manage
    the organisation's events, or one of the event's own organisers. Anyone else gets 404, as if
    the event had no registrant list (finding 14)."""
    from peercircle.events import permissions as perm

    event = event_get_for(organisation=organisation, pk=pk)
    if perm.MANAGE_EVENTS in permissions:
        return event
    if perm.MARK_ATTENDANCE in permissions and event.organisers.filter(pk=actor.pk).exists():
        return event
    raise Http404


def public_event_get(*, organisation, pk: int) -> Event:
    return get_object_or_404(Event.objects.filter(organisation=organisation, is_public=True),
                             pk=pk)


def registration_get_for(*, event: Event, pk: int) -> Registration:
    return get_object_or_404(event.registrations.all(), pk=pk)


def registrations_of(event: Event) -> QuerySet[Registration]:
    return event.registrations.order_by("status", "created_at", "id").prefetch_related(
        "attendance")


def registration_by_token(token: str) -> Registration | None:
    """The one registration a cancellation link opens (the token is the only key needed)."""
    with scopes_disabled():
        return (Registration.objects.select_related("event", "organisation")
                .filter(token=token).first())


def feedback_summary(event: Event) -> dict:
    answers = EventFeedback.objects.filter(event=event)
    figures = answers.aggregate(count=Count("id"), rating=Avg("rating"),
                                usefulness=Avg("usefulness"))
    distribution = []
    for mark in range(1, 6):
        distribution.append({"mark": mark,
                             "rating": answers.filter(rating=mark).count(),
                             "usefulness": answers.filter(usefulness=mark).count()})
    return {"count": figures["count"], "rating": figures["rating"],
            "usefulness": figures["usefulness"], "distribution": distribution,
            "comments": [a.comment for a in answers if a.comment]}


def plan_list(*, organisation) -> QuerySet[CalendarPlan]:
    return CalendarPlan.objects.filter(organisation=organisation).annotate(
        item_count=Count("items"))


def plan_get_for(*, organisation, pk: int) -> CalendarPlan:
    return get_object_or_404(plan_list(organisation=organisation), pk=pk)


def plan_item_get_for(*, organisation, pk: int) -> PlanItem:
    return get_object_or_404(PlanItem.objects.filter(organisation=organisation)
                             .select_related("plan"), pk=pk)


def plan_items(plan: CalendarPlan) -> list[PlanItem]:
    return list(plan.items.select_related("responsible").prefetch_related("events"))


def feed_active(user) -> CalendarFeed | None:
    return CalendarFeed.objects.filter(user=user, revoked_at__isnull=True).first()


def feed_events(token: str) -> list[Event] | None:
    """Events of every organisation the feed's owner registered for or runs; None for an unknown
    or revoked address. The owner's memberships bound it: only their organisations are read."""
    with scopes_disabled():
        feed = CalendarFeed.objects.select_related("user").filter(
            token=token, revoked_at__isnull=True).first()
        if feed is None:
            return None
        user = feed.user
        organisations = user.memberships.filter(is_active=True).values("organisation_id")
        # Finding 8: the registrations linked to the account (made while signed in, or confirmed
        # from their own link), never those that merely share an address with it
        registered = Registration.objects.filter(user=user).exclude(
            status=Registration.Status.CANCELLED).values("event_id")
        confirmed = set(Registration.objects.filter(
            user=user, status=Registration.Status.CONFIRMED,
        ).values_list("event_id", flat=True))
        events = list(Event.objects.filter(
            Q(pk__in=registered) | Q(organisers=user, organisation__in=organisations),
        ).distinct().select_related("organisation").order_by("starts_at"))
        organising = set(Event.objects.filter(
            organisers=user, organisation__in=organisations).values_list("pk", flat=True))
        for event in events:
            # Finding 7: the online link only for confirmed registrants and the event's organisers.
            event.feed_with_link = event.pk in confirmed or event.pk in organising
        return events


def plan_figures(plan: CalendarPlan) -> dict:
    """What a grant report counts for a calendar plan: events held (not cancelled, already
    ended) and participants (distinct people marked present at least once at those events)."""
    held = Event.objects.filter(plan_item__plan=plan, cancelled=False, ends_at__lte=timezone.now())
    participants = Registration.objects.filter(
        event__in=held, status=Registration.Status.CONFIRMED, attendance__isnull=False,
    ).values("email").distinct().count()
    return {"events_held": held.count(), "participants": participants}


def feedback_open(registration: Registration) -> bool:
    """Whether the registration's page asks for feedback: a confirmed participant who has not
    answered yet, from the last day of the event (services.feedback_give applies the same)."""
    return (registration.status == Registration.Status.CONFIRMED
            and not registration.feedback_given_at
            and timezone.localdate() >= registration.event.days()[-1])
