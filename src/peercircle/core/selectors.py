"""Reads of the ledger and the audit log."""


from django.db.models import Count, Q, QuerySet, Sum
from django.utils import timezone

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


def audit_list(*, organisation, user) -> QuerySet[AuditEntry]:
    """The log as this person may read it: general entries, and restricted entries
    (supervision, wellbeing) only where they are the person concerned."""
    concerned = Q(subject=user) | Q(co_subject=user) if user.is_authenticated else Q(pk=None)
    qs = AuditEntry.objects.filter(organisation=organisation)
    qs = qs.filter(Q(category=AuditEntry.Category.GENERAL) | concerned)
    return qs.select_related("actor")


def audit_restricted_hidden_count(*, organisation, user) -> int:
    """How many restricted entries this month the person may not read: a count, no more
    (no actor, record, action or filter applies to it)."""
    month_start = timezone.localtime().replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    qs = AuditEntry.objects.filter(organisation=organisation,
                                   category=AuditEntry.Category.RESTRICTED, at__gte=month_start)
    if user.is_authenticated:
        qs = qs.exclude(Q(subject=user) | Q(co_subject=user))
    return qs.count()


def programme_list(*, organisation, archived: bool = False) -> QuerySet[Programme]:
    """The organisation's running programmes (what forms offer); with `archived`, every one."""
    programmes = Programme.objects.filter(organisation=organisation)
    return programmes if archived else programmes.filter(archived_on__isnull=True)


def programme_get_for(*, organisation, pk: int) -> Programme:
    from django.shortcuts import get_object_or_404

    return get_object_or_404(programme_list(organisation=organisation, archived=True), pk=pk)
