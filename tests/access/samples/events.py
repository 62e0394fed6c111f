"""Access-matrix samples of the events app."""

from peercircle.events.models import CalendarFeed
from peercircle.organisations.models import Membership


def samples(org) -> dict:
    from tests.events.factories import EventFactory, PlanItemFactory, RegistrationFactory

    event = EventFactory(organisation=org)
    registration = RegistrationFactory(event=event)
    item = PlanItemFactory(plan__organisation=org)
    member = Membership.objects.filter(organisation=org).first()
    feed = CalendarFeed.objects.create(user=member.user) if member else None
    return {
        "event_pk": event.pk,
        "registration_pk": registration.pk,
        "registration_token": registration.token,
        "plan_pk": item.plan.pk,
        "item_pk": item.pk,
        "feed_token": feed.token if feed else "unknown-feed",
    }
