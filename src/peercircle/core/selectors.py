"""Reads of the ledger and the audit log."""


from django.db.models import Count, QuerySet, Sum

from peercircle.core.models import Activity, AuditEntry, Programme
from peercircle.core.permissions import VIEW_ALL_ACTIVITIES


def activity_list(*, organisation, user, permissions) -> QuerySet[Activity]:
    """The ledger as this person may see it: all of it, or only the work they did."""
    qs = Activity.objects.filter(organisation=organisation).select_related("programme", "region")
    qs = qs.prefetch_related("providers").annotate(named_count=Count("participants"))
    qs = qs.order_by("-date", "-id")
    if VIEW_ALL_ACTIVITIES not in permissions:
        qs = qs.filter(providers=user)
    return qs


def activity_totals(qs: QuerySet[Activity]) -> dict:
    totals = qs.order_by().aggregate(
        count=Count("id", distinct=True), minutes=Sum("duration_minutes")
    )
    totals["minutes"] = totals["minutes"] or 0
    return totals


def audit_list(*, organisation) -> QuerySet[AuditEntry]:
    return AuditEntry.objects.filter(organisation=organisation).select_related("actor")


def programme_list(*, organisation) -> QuerySet[Programme]:
    return Programme.objects.filter(organisation=organisation)
