"""De-identified figures across a network's member organisations, small numbers suppressed.

This is the only place where a query crosses organisations: it returns counts, never records.
"""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext as _
from django_scopes import scopes_disabled

from peercircle.core import registry
from peercircle.core.disclosure import disclose, whole_months
from peercircle.core.models import Activity
from peercircle.organisations.models import Membership, Organisation
from peercircle.organisations.roles import Role
from peercircle.organisations.selectors import network_members


def suppress(count: int) -> str:
    """A count about people of other organisations as released: "<5" for 1–4, else rounded to
    a multiple of 5 (see core/disclosure.py, the one rule every release path uses)."""
    return disclose(count)


def suppress_columns(rows: list[list[int]], total: list[int]) -> tuple[list[list[str]], list[str]]:
    """A table's counts and its total, each released through `disclose`.

    Every released figure is "<5" or a multiple of 5, so the total less the shown rows (or one
    period less another) can never give a count from 1 to 4 away: no secondary suppression is
    needed (docs/adr/0004-disclosure-control-survives-differencing.md).
    """
    return [[suppress(v) for v in row] for row in rows], [suppress(v) for v in total]


@dataclass
class NetworkRow:
    label: str
    organisations: int
    volunteers: str
    beneficiaries: str
    activities: str


def _counts_by_region(model, member_ids, path: str, extra=None) -> dict:
    qs = model.objects.filter(organisation_id__in=member_ids, **(extra or {}))
    return dict(qs.values_list(path).annotate(n=Count("id", distinct=True)).order_by())


def _nothing(member_ids) -> tuple[dict[str, int], int]:
    return {}, 0


def network_figures(*, organisation: Organisation) -> dict:
    members = list(network_members(organisation=organisation))
    member_ids = [m.pk for m in members]
    today = timezone.localdate()
    since = whole_months(today - datetime.timedelta(days=365), today)[0]  # whole months only
    with scopes_disabled():
        volunteers = _counts_by_region(Membership, member_ids, "organisation__regions__code",
                                       {"role": Role.VOLUNTEER, "is_active": True})
        # contributed by the people app (core.registry.network_count): organisations sits below it
        beneficiaries, beneficiaries_total = registry.network_counts.get(
            "beneficiaries", _nothing)(member_ids)
        activities = _counts_by_region(Activity, member_ids, "region__code",
                                       {"date__gte": since})
    regions: dict[str, tuple[str, int]] = {}
    for member in members:
        for region in member.regions.all():
            label, n = regions.get(region.code, (region.name, 0))
            regions[region.code] = (label, n + 1)
    ordered = sorted(regions.items(), key=lambda item: item[1][0])
    counts = [[volunteers.get(code, 0), beneficiaries.get(code, 0), activities.get(code, 0)]
              for code, _region in ordered]
    with scopes_disabled():
        totals = [
            Membership.objects.filter(organisation_id__in=member_ids, role=Role.VOLUNTEER,
                                      is_active=True).count(),
            beneficiaries_total,
            Activity.objects.filter(organisation_id__in=member_ids, date__gte=since).count(),
        ]
    shown, total_shown = suppress_columns(counts, totals)
    rows = [NetworkRow(label, n, *cells)
            for (_code, (label, n)), cells in zip(ordered, shown, strict=True)]
    total = NetworkRow(_("All member organisations"), len(members), *total_shown)
    return {"rows": rows, "total": total, "member_count": len(members),
            "threshold": settings.SMALL_NUMBER_THRESHOLD}
