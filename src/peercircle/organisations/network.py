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
from peercircle.core.models import Activity
from peercircle.organisations.models import Membership, Organisation
from peercircle.organisations.roles import Role
from peercircle.organisations.selectors import network_members


def suppress(count: int) -> str:
    """Counts from 1 to threshold-1 are shown as "<threshold" so nobody can be singled out."""
    threshold = settings.SMALL_NUMBER_THRESHOLD
    if 0 < count < threshold:
        return f"<{threshold}"
    return str(count)


def suppress_columns(rows: list[list[int]], total: list[int]) -> tuple[list[list[str]], list[str]]:
    """Suppress a table's small counts, column by column, against its shown total.

    Counts from 1 to threshold-1 are "<threshold" (primary). Where that hides exactly one count of
    a column and the total stays shown, the total minus the other counts would give the hidden
    one away, so the smallest other non-zero count of the column is hidden too (secondary
    suppression), shown as a word that says so rather than a false "<threshold".
    """
    shown = [[suppress(v) for v in row] for row in rows]
    threshold = settings.SMALL_NUMBER_THRESHOLD
    for column, value in enumerate(total):
        if 0 < value < threshold:
            continue  # the total is hidden itself: nothing to subtract from
        small = [i for i, row in enumerate(rows) if 0 < row[column] < threshold]
        others = [i for i, row in enumerate(rows) if row[column] >= threshold]
        if len(small) == 1 and others:
            partner = min(others, key=lambda i: rows[i][column])
            shown[partner][column] = str(_("hidden"))
    return shown, [suppress(v) for v in total]


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
    since = timezone.localdate() - datetime.timedelta(days=365)
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
