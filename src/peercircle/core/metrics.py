"""The registry of metrics an indicator can count (reporting computes them). A metric names
its source (a table), the filters that make sense for it and the aggregate expression it adds to
that source's one query.

The ledger's metrics are declared here; every other app declares its own in its `hooks` module
(`register_source`, `register`): outcomes (mentoring), events, initiatives and clubs (groups),
training completions (training). An indicator set never depends on an app that is not installed.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.db.models import Count, Q, Sum
from django.utils.translation import gettext_lazy as _

ACTIVITY_FILTERS = frozenset({"kinds", "programme", "format", "region", "member", "period"})
PERIOD_ONLY = frozenset({"member", "period"})
FILTER_LABELS = {
    "kinds": _("kinds of activity"), "programme": _("programme"), "format": _("format"),
    "region": _("region"), "member": _("only this organisation"), "period": _("period"),
    "outcome_types": _("types of outcome"), "threshold": _("at least, per person"),
}


@dataclass(frozen=True)
class Source:
    """A table metrics count in, with how it reaches the ledger's filters."""

    model: Callable  # returns the model (lazy)
    prefix: str  # path from this source to the activity ("" or "activity__")
    date: str  # date field path
    activity: bool = True  # activity filters (kind, programme, format, region) apply
    org: str = "organisation_id"
    outcomes: bool = False  # the outcome-type filter applies
    exclude: dict | None = None  # rows that never count (cancelled events, initiatives)


SOURCES: dict[str, Source] = {}


def register_source(name: str, source: Source) -> None:
    SOURCES[name] = source


def _activity():
    from peercircle.core.models import Activity

    return Activity


register_source("activity", Source(_activity, "", "date"))
register_source("participant", Source(lambda: _activity().participants.through, "activity__",
                                      "activity__date", org="activity__organisation_id"))
# families join the family links: a query of their own, so that the join never multiplies the
# rows the other participant counts read
register_source("participant_family", Source(lambda: _activity().participants.through,
                                             "activity__", "activity__date",
                                             org="activity__organisation_id"))
register_source("provider", Source(lambda: _activity().providers.through, "activity__",
                                   "activity__date", org="activity__organisation_id"))


@dataclass(frozen=True)
class Part:
    """One aggregate over one source; a metric's value is the sum of its parts."""

    source: str
    expression: Callable[[Q], object]
    divide: int = 1  # minutes -> hours


@dataclass(frozen=True)
class Metric:
    code: str
    label: str
    parts: tuple[Part, ...]
    filters: frozenset[str] = ACTIVITY_FILTERS
    breakdowns: frozenset[str] = frozenset({"region", "quarter"})
    drill: str = "activities"  # what the records behind the figure are
    needs_threshold: bool = False
    needs_outcome_types: bool = False
    decimals: int = 0
    custom: Callable | None = field(default=None)
    # how core/disclosure.py treats its figures when they count other organisations' records:
    # "people" (always controlled), "work" (when narrowed), "exact" (things, helpers' progress)
    disclosure: str = "work"


def _hours(q: Q):
    return Sum("duration_minutes", filter=q)


REGISTRY: dict[str, Metric] = {}


def register(metric: Metric) -> None:
    REGISTRY[metric.code] = metric


register(Metric("activities", _("Activities held (count)"),
                (Part("activity", lambda q: Count("id", filter=q)),)))
register(Metric("hours", _("Hours of work"), (Part("activity", _hours, 60),), decimals=1))
register(Metric("participants", _("Participants (named and anonymous)"),
                (Part("activity", lambda q: Sum("anonymous_count", filter=q)),
                 Part("participant", lambda q: Count("id", filter=q))), disclosure="people"))
register(Metric("beneficiaries", _("Distinct people reached"),
                (Part("participant", lambda q: Count("beneficiary_id", filter=q, distinct=True)),
                 # anonymous repeat callers, each counted once by their contact code
                 Part("activity", lambda q: Count("contact_code", distinct=True,
                                                  filter=q & ~Q(contact_code="")))),
                drill="beneficiaries", disclosure="people"))
register(Metric("families", _("Distinct families reached"),
                (Part("participant_family", lambda q: Count("beneficiary__family_links__family_id",
                                                     filter=q, distinct=True)),),
                drill="families", disclosure="people"))
register(Metric("volunteers_active", _("Distinct people who gave the work"),
                (Part("provider", lambda q: Count("user_id", filter=q, distinct=True)),),
                drill="providers", disclosure="exact"))
register(Metric("regions", _("Distinct regions reached"),
                (Part("activity", lambda q: Count("region_id", filter=q, distinct=True)),),
                breakdowns=frozenset({"quarter"}), disclosure="exact"))
def choices() -> list[tuple[str, str]]:
    return [(code, metric.label) for code, metric in REGISTRY.items()]


def get(code: str) -> Metric | None:
    return REGISTRY.get(code)

