"""Metrics over the mentoring, events and groups apps: outcomes of given types, events held,
event participants, community initiatives and their participants, clubs running.

Each is registered only when its app's model exists, so the reporting app never breaks
because another app is missing or changes shape."""

from django.apps import apps
from django.db.models import Count, Q, Sum
from django.utils.translation import gettext_lazy as _

from peercircle.reporting import metrics
from peercircle.reporting.metrics import Metric, Part

PERIOD = metrics.PERIOD_ONLY


def _model(label: str):
    try:
        return apps.get_model(label)
    except LookupError:
        return None


def _has(label: str, *fields: str) -> bool:
    model = _model(label)
    if model is None:
        return False
    names = {f.name for f in model._meta.get_fields()}
    return all(name in names for name in fields)


def clubs_running(org_ids, indicator) -> int:
    """Clubs founded by the end of the period and not closed before its start."""
    start, end = indicator.period
    ids = [indicator.member_id] if indicator.member_id else org_ids
    return (_model("groups.Club").objects.filter(organisation_id__in=ids)
            .filter(Q(founded_on__isnull=True) | Q(founded_on__lte=end))
            .filter(Q(closed_on__isnull=True) | Q(closed_on__gte=start)).count())


def _outcomes(sources: dict, source_class) -> None:
    if _has("mentoring.Outcome", "type", "date", "family"):
        sources["outcome"] = source_class(lambda: _model("mentoring.Outcome"), "", "date",
                                          activity=False, outcomes=True)
        metrics.register(Metric("outcomes", _("Outcomes of given types"),
                                (Part("outcome", lambda q: Count("id", filter=q)),),
                                filters=PERIOD | {"outcome_types"},
                                breakdowns=frozenset({"quarter"}), drill="outcomes",
                                needs_outcome_types=True, disclosure="people"))
        metrics.register(Metric("outcome_families", _("Families with outcomes of given types"),
                                (Part("outcome", lambda q: Count("family_id", filter=q,
                                                                 distinct=True)),),
                                filters=PERIOD | {"outcome_types"},
                                breakdowns=frozenset({"quarter"}), drill="outcomes",
                                needs_outcome_types=True, disclosure="people"))


def _events(sources: dict, source_class) -> None:
    if _has("events.Event", "starts_at", "cancelled"):
        sources["event"] = source_class(lambda: _model("events.Event"), "", "starts_at__date",
                                         activity=False, exclude={"cancelled": True})
        metrics.register(Metric("events_held", _("Events held"),
                                (Part("event", lambda q: Count("id", filter=q)),),
                                filters=PERIOD, breakdowns=frozenset(), drill="events",
                                disclosure="exact"))


def _event_attendance(sources: dict, source_class) -> None:
    if _has("events.EventAttendance", "registration", "day"):
        sources["event_attendance"] = source_class(
            lambda: _model("events.EventAttendance"), "", "day", activity=False)
        metrics.register(Metric("event_participants", _("Event participants (distinct)"),
                                (Part("event_attendance", lambda q: Count(
                                    "registration_id", filter=q, distinct=True)),),
                                filters=PERIOD, breakdowns=frozenset(), drill="events",
                                disclosure="people"))


def _initiatives(sources: dict, source_class) -> None:
    if _has("groups.Initiative", "starts_on", "participants", "anonymous_participants"):
        initiative = _model("groups.Initiative")
        sources["initiative"] = source_class(lambda: initiative, "", "starts_on",
                                             activity=False, exclude={"status": "cancelled"})
        sources["initiative_participant"] = source_class(
            lambda: initiative.participants.through, "", "initiative__starts_on",
            activity=False, org="initiative__organisation_id",
            exclude={"initiative__status": "cancelled"})
        metrics.register(Metric("initiatives", _("Community initiatives"),
                                (Part("initiative", lambda q: Count("id", filter=q)),),
                                filters=PERIOD, breakdowns=frozenset(), drill="initiatives",
                                disclosure="exact"))
        metrics.register(Metric(
            "initiative_participants", _("Participants of community initiatives"),
            (Part("initiative", lambda q: Sum("anonymous_participants", filter=q)),
             Part("initiative_participant", lambda q: Count("id", filter=q))),
            filters=PERIOD, breakdowns=frozenset(), drill="initiatives", disclosure="people"))


def register(sources: dict, source_class) -> None:
    """Add the sources and metrics whose models exist (called once by compute.py)."""
    for add in (_outcomes, _events, _event_attendance, _initiatives):
        add(sources, source_class)
    if _has("groups.Club", "founded_on", "closed_on"):
        metrics.register(Metric("clubs", _("Clubs running"), (), filters=PERIOD,
                                breakdowns=frozenset(), drill="clubs", custom=clubs_running,
                                disclosure="exact"))
