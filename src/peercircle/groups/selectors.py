"""Reads for clubs and groups. Group membership is private to the group's animators and to
the people who manage clubs; everyone else gets 404 for it."""

import datetime
from collections import Counter
from decimal import Decimal

from django.db.models import Count, Q, QuerySet, Sum
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django_scopes import scopes_disabled

from peercircle.core.disclosure import disclose
from peercircle.groups.models import (
    AnimatorCurriculum,
    Club,
    GroupMember,
    GroupSession,
    Initiative,
    Practice,
    SelfHelpGroup,
)
from peercircle.groups.permissions import MANAGE_CLUBS, MANAGE_INITIATIVES
from peercircle.organisations.selectors import network_members


def club_list(*, organisation) -> QuerySet[Club]:
    return (Club.objects.filter(organisation=organisation)
            .select_related("host", "region")
            .annotate(group_count=Count("groups", filter=Q(groups__ended_on__isnull=True),
                                        distinct=True),
                      coalition_count=Count("coalition", distinct=True))
            .order_by("locality", "name"))


def club_get_for(*, organisation, pk: int) -> Club:
    return get_object_or_404(Club.objects.filter(organisation=organisation)
                             .select_related("host", "region"), pk=pk)


def clubs_by_locality(*, organisation) -> list[tuple[str, list[Club]]]:
    grouped: dict[str, list[Club]] = {}
    for club in club_list(organisation=organisation):
        grouped.setdefault(club.locality, []).append(club)
    return list(grouped.items())


def group_get_for(*, organisation, pk: int) -> SelfHelpGroup:
    return get_object_or_404(SelfHelpGroup.objects.filter(organisation=organisation)
                             .select_related("club", "club__region"), pk=pk)


def sees_members(*, user, group: SelfHelpGroup, permissions) -> bool:
    return MANAGE_CLUBS in permissions or group.animators.filter(pk=user.pk).exists()


def sees_names(*, user, group: SelfHelpGroup) -> bool:
    """The names members go by in the group are for the group's own animators only: a
    coordinator managing clubs sees who belongs by code, as everyone else does."""
    return group.animators.filter(pk=user.pk).exists()


def group_get_for_animator(*, organisation, user, permissions, pk: int) -> SelfHelpGroup:
    """The group, for its animators and club managers only: 404 for anyone else."""
    group = group_get_for(organisation=organisation, pk=pk)
    if not sees_members(user=user, group=group, permissions=permissions):
        raise Http404
    return group


def current_members(group: SelfHelpGroup, on: datetime.date | None = None) -> QuerySet:
    on = on or timezone.localdate()
    return (group.members.filter(joined_on__lte=on)
            .filter(Q(left_on__isnull=True) | Q(left_on__gte=on)).select_related("beneficiary"))


def member_get_for(*, group: SelfHelpGroup, pk: int) -> GroupMember:
    return get_object_or_404(group.members.select_related("beneficiary"), pk=pk)


def group_sessions(group: SelfHelpGroup) -> QuerySet[GroupSession]:
    return (group.sessions.select_related("activity")
            .annotate(named=Count("activity__participants", distinct=True))
            .order_by("-activity__date", "-id"))


def my_groups(*, organisation, user) -> QuerySet[SelfHelpGroup]:
    return (SelfHelpGroup.objects.filter(organisation=organisation, animators=user,
                                         ended_on__isnull=True)
            .select_related("club").order_by("club__locality", "name"))


def curriculum_of(*, organisation) -> AnimatorCurriculum | None:
    return (AnimatorCurriculum.objects.filter(organisation=organisation)
            .select_related("course").first())


def curriculum_status(*, organisation, users) -> dict[int, dict]:
    """For each user (animator): their enrolment in the animator curriculum, hours attended and
    completion date; users not enrolled are absent."""
    curriculum = curriculum_of(organisation=organisation)
    if curriculum is None:
        return {}
    enrolments = (curriculum.course.enrolments.filter(volunteer__user__in=list(users))
                  .annotate(minutes=Sum("attendance__session__duration_minutes"))
                  .values("volunteer__user_id", "completed_on", "minutes"))
    return {e["volunteer__user_id"]: {
        "completed_on": e["completed_on"],
        "hours": (Decimal(e["minutes"] or 0) / 60).quantize(Decimal("0.1")),
        "needed": curriculum.course.minimum_hours} for e in enrolments}


def animators(*, organisation) -> list[dict]:
    """Everyone who animates a club or a group here, with their clubs, groups and curriculum."""
    clubs = Club.objects.filter(organisation=organisation).prefetch_related("animators")
    groups = SelfHelpGroup.objects.filter(organisation=organisation, ended_on__isnull=True
                                          ).prefetch_related("animators")
    people: dict[int, dict] = {}
    for club in clubs:
        for user in club.animators.all():
            people.setdefault(user.pk, {"user": user, "clubs": [], "groups": []})["clubs"].append(
                club)
    for group in groups:
        for user in group.animators.all():
            people.setdefault(user.pk, {"user": user, "clubs": [], "groups": []})[
                "groups"].append(group)
    status = curriculum_status(organisation=organisation,
                               users=[p["user"] for p in people.values()])
    rows = sorted(people.values(), key=lambda p: p["user"].full_name)
    for row in rows:
        row["curriculum"] = status.get(row["user"].pk)
    return rows


def practices_for(*, organisation) -> QuerySet[Practice]:
    """The organisation's own write-ups and those shared by the other organisations of its
    network (a cross-organisation read of shared texts only)."""
    with scopes_disabled():
        mine = Q(organisation=organisation)
        if organisation.network_id:
            mine |= Q(shared_with_network=True, organisation__network_id=organisation.network_id)
        return Practice.objects.filter(mine).select_related("organisation", "club", "author")


def practice_get_for(*, organisation, pk: int) -> Practice:
    with scopes_disabled():
        return get_object_or_404(practices_for(organisation=organisation), pk=pk)


def initiative_list(*, organisation, status: str = "") -> QuerySet[Initiative]:
    qs = (Initiative.objects.filter(organisation=organisation).select_related("club")
          .annotate(named=Count("participants", distinct=True)))
    return qs.filter(status=status) if status else qs


def initiative_get_for(*, organisation, pk: int) -> Initiative:
    return get_object_or_404(initiative_list(organisation=organisation), pk=pk)


def initiative_totals(*, organisation) -> dict:
    rows = list(initiative_list(organisation=organisation).values(
        "status", "named", "anonymous_participants"))
    return {"count": len(rows),
            "participants": sum(r["named"] + r["anonymous_participants"] for r in rows),
            "by_status": _by_status(rows)}


def _by_status(rows) -> list[tuple[str, int]]:
    counts = Counter(r["status"] for r in rows)
    return [(label, counts.get(value, 0)) for value, label in Initiative.Status.choices]


def can_see_participants(permissions) -> bool:
    return MANAGE_INITIATIVES in permissions


def _members_or_404(organisation):
    members = list(network_members(organisation=organisation))
    if not members:
        raise Http404
    return members


def network_clubs(*, organisation) -> dict:
    """Clubs, groups and coalitions of every member organisation, per locality; people are
    counted, never listed, and small numbers are suppressed."""
    members = _members_or_404(organisation)
    since = timezone.localdate() - datetime.timedelta(days=365)
    with scopes_disabled():
        clubs = list(Club.objects.filter(organisation__in=members, closed_on__isnull=True)
                     .select_related("organisation")
                     .annotate(group_count=Count("groups", distinct=True,
                                                 filter=Q(groups__ended_on__isnull=True)),
                               coalition_count=Count("coalition", distinct=True))
                     .order_by("locality", "name"))
        sessions = dict(GroupSession.objects.filter(organisation__in=members,
                                                    activity__date__gte=since)
                        .values_list("group__club").annotate(n=Count("id")).order_by())
        people = dict(GroupMember.objects.filter(organisation__in=members, left_on__isnull=True)
                      .values_list("group__club").annotate(
                          n=Count("beneficiary", distinct=True)).order_by())
    localities: dict[tuple, dict] = {}
    for club in clubs:
        club.sessions_year = sessions.get(club.pk, 0)
        club.members_shown = disclose(people.get(club.pk, 0),
                                      controlled=club.organisation_id != organisation.pk)
        row = localities.setdefault((club.locality, club.organisation.name), {
            "locality": club.locality, "organisation": club.organisation, "clubs": [],
            "groups": 0, "coalition": 0})
        row["clubs"].append(club)
        row["groups"] += club.group_count
        row["coalition"] += club.coalition_count
    return {"localities": list(localities.values()), "club_count": len(clubs),
            "group_count": sum(c.group_count for c in clubs),
            "coalition_count": sum(c.coalition_count for c in clubs),
            "in_network": sum(1 for c in clubs if c.joined_network_on)}


def network_initiatives(*, organisation) -> dict:
    """The network's initiatives: count, participants (suppressed), by status, per organisation."""
    members = _members_or_404(organisation)
    with scopes_disabled():
        rows = list(Initiative.objects.filter(organisation__in=members)
                    .annotate(named=Count("participants", distinct=True))
                    .values("organisation_id", "status", "named", "anonymous_participants"))
    per_org = []
    for member in members:
        mine = [r for r in rows if r["organisation_id"] == member.pk]
        if not mine:
            continue
        people = sum(r["named"] + r["anonymous_participants"] for r in mine)
        per_org.append({"organisation": member, "count": len(mine),
                        "participants": disclose(people,
                                                 controlled=member.pk != organisation.pk),
                        "by_status": _by_status(mine)})
    people = sum(r["named"] + r["anonymous_participants"] for r in rows)
    return {"count": len(rows), "participants": disclose(people), "by_status": _by_status(rows),
            "per_organisation": per_org, "statuses": Initiative.Status.choices}
