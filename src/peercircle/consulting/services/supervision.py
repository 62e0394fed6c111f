"""Supervision: requested by a volunteer, given by a supervisor, private to the two of them.

Managers see only counts. Topic and notes are masked in the audit log too.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, Q, QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _
from django_scopes import scope, scopes_disabled

from peercircle.consulting.models import SupervisionRequest
from peercircle.core.audit import audited_save
from peercircle.core.models import Activity
from peercircle.core.services import activity_record

PRIVATE_FIELDS = frozenset({"topic", "supervisor_notes"})
SESSION_MINUTES = 60


def _reachable(organisation) -> QuerySet[SupervisionRequest]:
    """Requests a supervisor working here may see: this organisation's, and for the network's
    coordinating organisation those of every member (supervisors serve the whole network)."""
    if organisation.coordinates_network and organisation.network_id:
        with scopes_disabled():
            return SupervisionRequest.objects.filter(
                organisation__network_id=organisation.network_id).select_related("organisation")
    return SupervisionRequest.objects.filter(organisation=organisation)


def supervision_for(*, organisation, user, pk: int) -> SupervisionRequest:
    """Only the volunteer who asked and the supervisor who took it; anyone else gets 404."""
    mine = Q(supervisor=user) | Q(volunteer=user, organisation=organisation)
    qs = _reachable(organisation).filter(mine)
    with scopes_disabled():
        return get_object_or_404(qs.select_related("volunteer", "supervisor"), pk=pk)


def open_supervision_get(*, organisation, pk: int) -> SupervisionRequest:
    qs = _reachable(organisation).filter(status=SupervisionRequest.Status.REQUESTED)
    with scopes_disabled():
        return get_object_or_404(qs, pk=pk)


def my_requests(*, organisation, user) -> QuerySet[SupervisionRequest]:
    return SupervisionRequest.objects.filter(organisation=organisation, volunteer=user)


def supervisor_queue(*, organisation, user) -> dict:
    qs = _reachable(organisation).exclude(volunteer=user).select_related("organisation")
    with scopes_disabled():
        return {
            "waiting": list(qs.filter(status=SupervisionRequest.Status.REQUESTED)
                            .order_by("created_at")),
            "scheduled": list(qs.filter(supervisor=user,
                                        status=SupervisionRequest.Status.SCHEDULED)
                              .select_related("volunteer").order_by("scheduled_for")),
        }


def supervision_counts(*, organisation) -> dict:
    year_start = timezone.localdate().replace(month=1, day=1)
    qs = SupervisionRequest.objects.filter(organisation=organisation)
    counts = dict(qs.values_list("status").annotate(n=Count("id")).order_by())
    counts["done_this_year"] = Activity.objects.filter(
        organisation=organisation, kind=Activity.Kind.SUPERVISION, date__gte=year_start).count()
    return counts


def _save(request: SupervisionRequest, actor) -> SupervisionRequest:
    return audited_save(request, actor=actor, organisation=request.organisation,
                        masked=PRIVATE_FIELDS,
                        restricted_to=(request.volunteer, request.supervisor))


def supervision_request(*, actor, organisation, topic: str, urgency: str) -> SupervisionRequest:
    if not topic.strip():
        raise ValidationError({"topic": _("Say in a few words what you would like to discuss.")})
    return _save(SupervisionRequest(organisation=organisation, volunteer=actor, topic=topic,
                                    urgency=urgency), actor)


def supervision_schedule(*, actor, supervision: SupervisionRequest,
                         scheduled_for: datetime.datetime, format: str,
                         region=None) -> SupervisionRequest:
    if supervision.volunteer_id == actor.pk:
        raise ValidationError(_("A supervisor cannot supervise their own request."))
    if supervision.status not in (SupervisionRequest.Status.REQUESTED,
                                  SupervisionRequest.Status.SCHEDULED):
        raise ValidationError(_("This supervision is already closed."))
    if supervision.supervisor_id not in (None, actor.pk):
        raise ValidationError(_("Another supervisor has taken this request."))
    if scheduled_for < timezone.now() - datetime.timedelta(hours=1):
        raise ValidationError({"scheduled_for": _("Choose a time that has not passed.")})
    supervision.supervisor, supervision.scheduled_for = actor, scheduled_for
    supervision.format, supervision.status = format, SupervisionRequest.Status.SCHEDULED
    supervision.region = region
    return _save(supervision, actor)


def supervision_complete(*, actor, supervision: SupervisionRequest, attended: bool,
                         notes: str = "") -> SupervisionRequest:
    """Record whether the session took place; one that did lands in the ledger (as a count)."""
    if supervision.supervisor_id != actor.pk or supervision.status != \
            SupervisionRequest.Status.SCHEDULED:
        raise ValidationError(_("Only a scheduled supervision can be closed by its supervisor."))
    with transaction.atomic(), scope(organisation=supervision.organisation):
        if attended:
            supervision.activity = activity_record(
                actor=actor, organisation=supervision.organisation,
                kind=Activity.Kind.SUPERVISION,
                date=min(timezone.localtime(supervision.scheduled_for).date(),
                         timezone.localdate()),
                duration_minutes=SESSION_MINUTES, format=supervision.format or "online",
                providers=[actor], anonymous_count=1, region=supervision.region)
        supervision.supervisor_notes = notes
        supervision.status = (SupervisionRequest.Status.DONE if attended
                              else SupervisionRequest.Status.CANCELLED)
        return _save(supervision, actor)
