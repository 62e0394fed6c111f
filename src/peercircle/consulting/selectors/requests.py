"""Reads for intake and routing: the queue, consultants' free capacity, proposals."""

import datetime
from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone

from peercircle.consulting.models import HelpRequest
from peercircle.consulting.routing import Need, Offer, score
from peercircle.volunteers.models import Stage, Volunteer

LOAD_WINDOW = datetime.timedelta(days=7)


def request_queue(*, organisation, status: str = "") -> QuerySet[HelpRequest]:
    qs = HelpRequest.objects.filter(organisation=organisation).select_related(
        "beneficiary", "need", "region", "assigned_to")
    return qs.filter(status=status) if status else qs


def request_get_for(*, organisation, pk: int) -> HelpRequest:
    return get_object_or_404(request_queue(organisation=organisation), pk=pk)


def need_of(help_request: HelpRequest) -> Need:
    return Need(help_request.pk, help_request.need_id, help_request.language,
                help_request.region_id, help_request.format)


def consultants_with_load(*, organisation) -> QuerySet[Volunteer]:
    """Active (not paused) consultants with the number of requests given to them this week."""
    since = timezone.now() - LOAD_WINDOW
    return (
        Volunteer.objects.filter(organisation=organisation, stage=Stage.ACTIVE)
        .prefetch_related("lived_experience", "help_areas", "regions")
        .annotate(load=Count("assigned_requests",
                             filter=Q(assigned_requests__assigned_at__gte=since)))
    )


def offer_of(volunteer: Volunteer) -> Offer:
    return Offer(
        id=volunteer.pk,
        lived=frozenset(a.pk for a in volunteer.lived_experience.all()),
        helps=frozenset(a.pk for a in volunteer.help_areas.all()),
        languages=frozenset(volunteer.languages),
        regions=frozenset(r.pk for r in volunteer.regions.all()),
        formats=frozenset(volunteer.formats),
        remaining=volunteer.weekly_capacity - volunteer.load,
    )


def offers_for(*, organisation) -> tuple[list[Offer], dict[int, Volunteer]]:
    volunteers = {v.pk: v for v in consultants_with_load(organisation=organisation)}
    return [offer_of(v) for v in volunteers.values()], volunteers


@dataclass
class Proposal:
    volunteer: Volunteer
    points: int
    reasons: list[str]
    load: int
    capacity: int


def proposals(help_request: HelpRequest, *, limit: int = 5) -> list[Proposal]:
    """The best-fit consultants with free capacity, best first, with why they fit."""
    need = need_of(help_request)
    found = []
    for volunteer in consultants_with_load(organisation=help_request.organisation):
        offer = offer_of(volunteer)
        points, reasons = score(need, offer)
        if points and offer.remaining > 0:
            found.append(Proposal(volunteer, points, reasons, volunteer.load,
                                  volunteer.weekly_capacity))
    found.sort(key=lambda p: (-p.points, p.load / max(p.capacity, 1), p.volunteer.full_name))
    return found[:limit]


def bulk_proposal(*, organisation) -> tuple[list[tuple[HelpRequest, Volunteer, int]], int]:
    """The optimal plan for every new request without signs of crisis, and how many stay."""
    from peercircle.consulting.routing import bulk_plan

    waiting = list(request_queue(organisation=organisation, status=HelpRequest.Status.NEW)
                   .filter(crisis_flag=False))
    offers, volunteers = offers_for(organisation=organisation)
    needs = [need_of(r) for r in waiting]
    plan = bulk_plan(needs, offers)
    offer_by_id = {o.id: o for o in offers}
    rows = [(r, volunteers[plan[r.pk]], score(n, offer_by_id[plan[r.pk]])[0])
            for r, n in zip(waiting, needs, strict=True) if r.pk in plan]
    return rows, len(waiting) - len(rows)


def request_outcomes(*, organisation) -> list[tuple[str, int]]:
    """How the organisation's closed requests ended: (label, count) for every reason."""
    from django.db.models import Count

    counts = dict(HelpRequest.objects.filter(organisation=organisation,
                                             status=HelpRequest.Status.CLOSED)
                  .values_list("close_reason").annotate(n=Count("id")))
    return [(label, counts.get(value, 0)) for value, label in HelpRequest.CloseReason.choices]
