"""Network statistics: the work of a network's member organisations by region, help area and
kind of programme, de-identified (counts only): released for whole calendar months only, every
count through core/disclosure.py ("<5", else rounded to a multiple of 5), so that subtracting two
releases never gives a small count away (docs/adr/0004-disclosure-control-survives-differencing.md).

Like organisations/network.py this reads across organisations with scopes disabled, always
restricted to the members of the network the organisation coordinates, and returns counts only.
"""

import datetime
from dataclasses import dataclass

from django.db.models import Count, Sum
from django.utils.translation import gettext as _
from django_scopes import scopes_disabled

from peercircle.core.disclosure import whole_months
from peercircle.core.models import Activity, HelpArea, Programme, Region
from peercircle.organisations.network import suppress, suppress_columns
from peercircle.organisations.selectors import network_members

DIMENSIONS = {
    "region": ("region__code", "activity__region__code"),
    "help_area": ("help_areas__code", "activity__help_areas__code"),
    "programme": ("programme__kind", "activity__programme__kind"),
}


@dataclass
class StatsRow:
    label: str
    organisations: int
    activities: str
    people: str
    volunteers: str
    hours: str


def _labels(dimension: str) -> dict:
    if dimension == "region":
        return {r.code: r.name for r in Region.objects.all()}
    if dimension == "help_area":
        return {h.code: h.name for h in HelpArea.objects.all()}
    return dict(Programme.Kind.choices)


def _dimension_counts(dimension: str, member_ids: list[int], start, end) -> list[tuple]:
    """(label, organisations, [activities, people, volunteers, hours]) per group, unsuppressed."""
    key, through_key = DIMENSIONS[dimension]
    activities = Activity.objects.filter(organisation_id__in=member_ids, date__gte=start,
                                         date__lte=end)
    main = {r[key]: r for r in activities.values(key).annotate(
        n=Count("id"), orgs=Count("organisation_id", distinct=True),
        minutes=Sum("duration_minutes")).order_by()}
    through_filter = {"activity__organisation_id__in": member_ids, "activity__date__gte": start,
                      "activity__date__lte": end}
    people = dict(Activity.participants.through.objects.filter(**through_filter)
                  .values_list(through_key).annotate(n=Count("beneficiary_id", distinct=True))
                  .order_by())
    volunteers = dict(Activity.providers.through.objects.filter(**through_filter)
                      .values_list(through_key).annotate(n=Count("user_id", distinct=True))
                      .order_by())
    labels = _labels(dimension)
    rows = [(str(labels.get(code, code)) if code else _("Not given"), r["orgs"],
             [r["n"], people.get(code, 0), volunteers.get(code, 0),
              round((r["minutes"] or 0) / 60)])
            for code, r in main.items()]
    return sorted(rows, key=lambda row: (row[0] == _("Not given"), row[0]))


def _total_counts(member_ids: list[int], start, end) -> tuple[int, list[int]]:
    activities = Activity.objects.filter(organisation_id__in=member_ids, date__gte=start,
                                         date__lte=end)
    row = activities.aggregate(n=Count("id"), orgs=Count("organisation_id", distinct=True),
                               minutes=Sum("duration_minutes"))
    through = {"activity__in": activities}
    people = (Activity.participants.through.objects.filter(**through)
              .aggregate(n=Count("beneficiary_id", distinct=True))["n"])
    volunteers = (Activity.providers.through.objects.filter(**through)
                  .aggregate(n=Count("user_id", distinct=True))["n"])
    return row["orgs"], [row["n"], people, volunteers, round((row["minutes"] or 0) / 60)]


def _suppressed(counts: list[tuple], total: list[int]) -> list[StatsRow]:
    """Small numbers "<5", and a second count hidden wherever the total would reveal one."""
    shown, _total = suppress_columns([cells for _label, _orgs, cells in counts], total)
    return [StatsRow(label, orgs, *cells)
            for (label, orgs, _cells), cells in zip(counts, shown, strict=True)]


def network_stats(*, organisation, start: datetime.date, end: datetime.date) -> dict:
    """Figures of the network this organisation coordinates (empty when it coordinates none),
    for the whole calendar months the period touches."""
    start, end = whole_months(start, end)
    member_ids = list(network_members(organisation=organisation).values_list("pk", flat=True))
    if not member_ids:
        return {"tables": {d: [] for d in DIMENSIONS}, "total": None, "member_count": 0,
                "start": start, "end": end}
    with scopes_disabled():
        orgs, total = _total_counts(member_ids, start, end)
        tables = {dimension: _suppressed(_dimension_counts(dimension, member_ids, start, end),
                                         total)
                  for dimension in DIMENSIONS}
    total_row = StatsRow(_("All member organisations"), orgs, *(suppress(v) for v in total))
    return {"tables": tables, "total": total_row, "member_count": len(member_ids),
            "start": start, "end": end}


def stats_columns() -> list[str]:
    return [_("Group"), _("Organisations"), _("Activities"), _("People reached"),
            _("People who gave the work"), _("Hours")]


def stats_rows(stats: dict, dimension: str) -> list[list]:
    rows = stats["tables"][dimension] + ([stats["total"]] if stats["total"] else [])
    return [[r.label, r.organisations, r.activities, r.people, r.volunteers, r.hours]
            for r in rows]
