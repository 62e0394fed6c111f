"""What the events app adds to the whole (core.registry): its role grants, and its home-page items and
menu entries where it has them."""

from django.db.models import Count
from django.utils.translation import gettext_lazy as _l

from peercircle.core import metrics, registry
from peercircle.core.dashboard import Todo
from peercircle.core.roles import Role
from peercircle.events import dashboard
from peercircle.events import permissions as perm

registry.grant_table({
    Role.NETWORK_COORDINATOR: {
        perm.MANAGE_EVENTS,
        perm.MANAGE_PLANS,
        perm.VIEW_EVENTS,
        perm.VIEW_FEEDBACK,
        perm.VIEW_PLANS,
    },
    Role.COORDINATOR: {
        perm.MANAGE_EVENTS,
        perm.MANAGE_PLANS,
        perm.MARK_ATTENDANCE,
        perm.VIEW_EVENTS,
        perm.VIEW_FEEDBACK,
        perm.VIEW_PLANS,
    },
    Role.STAFF: {
        perm.MANAGE_EVENTS,
        perm.MANAGE_PLANS,
        perm.MARK_ATTENDANCE,
        perm.VIEW_EVENTS,
        perm.VIEW_FEEDBACK,
        perm.VIEW_PLANS,
    },
    Role.SUPERVISOR: {
        perm.VIEW_EVENTS,
        perm.VIEW_PLANS,
    },
    Role.VOLUNTEER: {
        perm.MARK_ATTENDANCE,
        perm.VIEW_EVENTS,
    },
    Role.PARTNER: {
        perm.VIEW_EVENTS,
    },
})


@registry.home(130)
def reminders(*, user, organisation, permissions, cards, todos) -> None:
    todos.extend(Todo(text, url) for text, url in dashboard.reminders(
        user=user, organisation=organisation, permissions=permissions))

registry.menu("programmes", 150, _l("Events"), "events:list", perm.VIEW_EVENTS)
registry.menu("programmes", 160, _l("Calendar plans"), "events:plans", perm.VIEW_PLANS)


# Reporting metrics over events (core.metrics; computed by reporting)
def _event():
    from peercircle.events.models import Event

    return Event


def _attendance():
    from peercircle.events.models import EventAttendance

    return EventAttendance


metrics.register_source("event", metrics.Source(_event, "", "starts_at__date", activity=False,
                                                exclude={"cancelled": True}))
metrics.register_source("event_attendance", metrics.Source(_attendance, "", "day",
                                                           activity=False))
metrics.register(metrics.Metric(
    "events_held", _l("Events held"), (metrics.Part("event", lambda q: Count("id", filter=q)),),
    filters=metrics.PERIOD_ONLY, breakdowns=frozenset(), drill="events", disclosure="exact"))
metrics.register(metrics.Metric(
    "event_participants", _l("Event participants (distinct)"),
    (metrics.Part("event_attendance",
                  lambda q: Count("registration_id", filter=q, distinct=True)),),
    filters=metrics.PERIOD_ONLY, breakdowns=frozenset(), drill="events", disclosure="people"))


@registry.primary_actions(40)
def mark_attendance(*, user, organisation, permissions) -> list[tuple[str, str]]:
    """On the day of an event, whoever marks attendance finds it first."""
    import datetime

    from django.utils import timezone
    from django.utils.translation import gettext as _

    from peercircle.core.dashboard import org_url
    from peercircle.events.models import Event

    if perm.MARK_ATTENDANCE not in permissions:
        return []
    now = timezone.now()
    start_of_day = timezone.localtime(now).replace(hour=0, minute=0, second=0, microsecond=0)
    today = Event.objects.filter(organisation=organisation, cancelled=False,
                                 starts_at__lt=start_of_day + datetime.timedelta(days=1),
                                 ends_at__gte=start_of_day)
    return [(_("Mark attendance: %(event)s") % {"event": event.title},
             org_url("events:attendance", organisation, event_pk=event.pk))
            for event in today.order_by("starts_at")[:2]]
