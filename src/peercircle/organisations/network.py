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

from peercircle.core.models import Activity
from peercircle.organisations.models import Membership, Organisation
from peercircle.organisations.roles import Role
from peercircle.organisations.selectors import network_members
from peercircle.people.models import Beneficiary


def suppress(count: int) -> str:
    """Counts from 1 to threshold-1 are shown as "<threshold" so nobody can be singled out."""
    threshold = settings.SMALL_NUMBER_THRESHOLD
    if 0 < count < threshold:
        return f"<{threshold}"
    return str(count)


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


def network_figures(*, organisation: Organisation) -> dict:
    members = list(network_members(organisation=organisation))
    member_ids = [m.pk for m in members]
    since = timezone.localdate() - datetime.timedelta(days=365)
    with scopes_disabled():
        volunteers = _counts_by_region(Membership, member_ids, "organisation__regions__code",
                                       {"role": Role.VOLUNTEER, "is_active": True})
        beneficiaries = _counts_by_region(Beneficiary, member_ids, "region__code")
        activities = _counts_by_region(Activity, member_ids, "region__code",
                                       {"date__gte": since})
    regions: dict[str, tuple[str, int]] = {}
    for member in members:
        for region in member.regions.all():
            label, n = regions.get(region.code, (region.name, 0))
            regions[region.code] = (label, n + 1)
    rows = [
        NetworkRow(label, n, suppress(volunteers.get(code, 0)),
                   suppress(beneficiaries.get(code, 0)), suppress(activities.get(code, 0)))
        for code, (label, n) in sorted(regions.items(), key=lambda item: item[1][0])
    ]
    with scopes_disabled():
        total = NetworkRow(
            _("All member organisations"), len(members),
            suppress(Membership.objects.filter(organisation_id__in=member_ids,
                                               role=Role.VOLUNTEER, is_active=True).count()),
            suppress(Beneficiary.objects.filter(organisation_id__in=member_ids).count()),
            suppress(Activity.objects.filter(organisation_id__in=member_ids,
                                             date__gte=since).count()),
        )
    return {"rows": rows, "total": total, "member_count": len(members),
            "threshold": settings.SMALL_NUMBER_THRESHOLD}
