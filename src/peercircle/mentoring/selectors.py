"""Reads of the mentoring programme: who sees which pair, candidates for a match, what is overdue,
and the programme report.

Visibility of a pair (family data):
- coordinators and staff of the organisation that runs the pair see it in full;
- coordinators and staff of the NGO named as a party in one of the pair's agreements see it in
  full, read-only, under their own organisation's address (the one cross-organisation read of this
  app, always filtered by the agreement's party), only while that agreement is in force and for
  the programme's grace period after it ends; each such read is audited in the pair's
  organisation;
- the pair's mentor and the family's curator see their own pairs;
- partner contacts see a summary of the pairs whose agreement shares it with their partner;
- everyone else gets 404, exactly as for a missing pair.
"""

import datetime
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Count, Q, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _
from django_scopes import scopes_disabled

from peercircle.core.audit import audit_record
from peercircle.core.models import AuditEntry
from peercircle.mentoring import permissions as perm
from peercircle.mentoring.models import (
    Agreement,
    ClubMeeting,
    MenteeFamily,
    Mentor,
    MentoringProgramme,
    Outcome,
    OutcomeType,
    Pair,
    PairEvent,
)
from peercircle.organisations.roles import Role

FULL, SUMMARY = "full", "summary"


def programme_of(*, organisation) -> MentoringProgramme | None:
    return (MentoringProgramme.objects.filter(organisation=organisation)
            .select_related("ngo", "school").first())


def _partner_ids(*, organisation, user) -> list[int]:
    from peercircle.organisations.models import Membership

    return list(Membership.objects.filter(
        user=user, organisation=organisation, role=Role.PARTNER, is_active=True,
        partner__isnull=False).values_list("partner_id", flat=True))


def party_pair_ids(*, organisation, today: datetime.date | None = None) -> set[int]:
    """Pairs of other organisations this NGO may read as a party to their agreement: while the
    agreement is in force, and for the running programme's grace period after it ends (its end
    date, or the day it was closed if earlier)."""
    today = today or timezone.localdate()
    with scopes_disabled():
        agreements = list(Agreement.objects.filter(ngo=organisation, starts_on__lte=today)
                          .exclude(organisation=organisation)
                          .values("pair_id", "organisation_id", "ends_on", "closed_on"))
        graces = dict(MentoringProgramme.objects.filter(
            organisation_id__in={a["organisation_id"] for a in agreements})
            .values_list("organisation_id", "party_read_grace_days"))
    readable = set()
    for agreement in agreements:
        ended = min(d for d in (agreement["ends_on"], agreement["closed_on"]) if d)
        grace = datetime.timedelta(days=graces.get(agreement["organisation_id"], 30))
        if today <= ended + grace:
            readable.add(agreement["pair_id"])
    return readable


def _party_read_audit(*, organisation, user, pairs) -> None:
    """Each read of another organisation's pair by the NGO party, audited in the pair's
    organisation: which organisation's user read it."""
    with transaction.atomic(), scopes_disabled():
        for pair in pairs:
            if pair.organisation_id == organisation.pk:
                continue
            after = {"read_by_organisation": organisation.name,
                     "read_by_organisation_slug": organisation.slug}
            audit_record(actor=user, organisation=pair.organisation,
                         action=AuditEntry.Action.CROSS_READ, instance=pair, after=after)


def _visibility(*, organisation, user, permissions) -> tuple[Q, Q]:
    """(pairs seen in full, pairs seen as a summary) for this person in this organisation."""
    full = Q(pk__in=[])
    if perm.MANAGE_MENTORING in permissions:
        full |= Q(organisation=organisation) | Q(pk__in=party_pair_ids(organisation=organisation))
    if perm.CURATE in permissions:
        full |= Q(organisation=organisation, family__curator=user)
    if perm.LOG_MENTOR_MEETING in permissions:
        full |= Q(organisation=organisation, mentor__volunteer__user=user)
    partners = _partner_ids(organisation=organisation, user=user)
    summary = Q(organisation=organisation, agreements__shared_with__in=partners,
                agreements__status=Agreement.Status.ACTIVE) if partners else Q(pk__in=[])
    return full, summary


def pairs_for(*, organisation, user, permissions) -> QuerySet[Pair]:
    """The pairs this person may see here (in full or as a summary), newest first; listing
    another organisation's pair is a read, audited there."""
    full, summary = _visibility(organisation=organisation, user=user, permissions=permissions)
    with scopes_disabled():
        ids = set(Pair.objects.filter(full | summary).values_list("pk", flat=True))
        pairs = (Pair.objects.filter(pk__in=ids)
                 .select_related("mentor__volunteer", "family__family", "family__curator",
                                 "organisation"))
        _party_read_audit(organisation=organisation, user=user,
                          pairs=[p for p in pairs if p.organisation_id != organisation.pk])
        return pairs


def pair_get_for(*, organisation, user, permissions, pk: int) -> tuple[Pair, str]:
    """A pair this person may see, and how much of it (FULL or SUMMARY); 404 otherwise.
    A read of another organisation's pair is audited there."""
    pair, level = _pair_get(organisation=organisation, user=user, permissions=permissions, pk=pk)
    if pair.organisation_id != organisation.pk:
        _party_read_audit(organisation=organisation, user=user, pairs=[pair])
    return pair, level


def _pair_get(*, organisation, user, permissions, pk: int) -> tuple[Pair, str]:
    full, summary = _visibility(organisation=organisation, user=user, permissions=permissions)
    with scopes_disabled():
        base = Pair.objects.select_related("mentor__volunteer", "family__family",
                                           "family__curator", "organisation")
        pair = base.filter(full, pk=pk).first()
        if pair is not None:
            return pair, FULL
        pair = base.filter(summary, pk=pk).first()
    if pair is None:
        raise Http404
    return pair, SUMMARY


def pair_get_to_work_on(*, organisation, user, permissions, pk: int) -> Pair:
    """A pair of this organisation the person may write to (curation, meetings, outcomes)."""
    pair, level = _pair_get(organisation=organisation, user=user, permissions=permissions, pk=pk)
    if level != FULL or pair.organisation_id != organisation.pk:
        raise Http404
    return pair


def pair_get_managed(*, organisation, pk: int) -> Pair:
    return get_object_or_404(Pair.objects.filter(organisation=organisation)
                             .select_related("mentor__volunteer", "family__family"), pk=pk)


def pair_details(pair: Pair) -> dict:
    """Everything the pair page shows, read across the running organisation's records."""
    with scopes_disabled():
        return {
            "agreements": list(pair.agreements.select_related("template", "ngo",
                                                              "legal_representative")
                               .prefetch_related("shared_with")),
            "events": list(pair.events.select_related("recorded_by")[:50]),
            "monitorings": list(pair.monitorings.all()),
            "outcomes": list(pair.outcomes.select_related("type", "confirmed_by")
                             .prefetch_related("beneficiaries")),
        }


def agreement_get_managed(*, organisation, pk: int) -> Agreement:
    return get_object_or_404(Agreement.objects.filter(organisation=organisation)
                             .select_related("pair"), pk=pk)


def mentor_list(*, organisation) -> QuerySet[Mentor]:
    return (Mentor.objects.filter(organisation=organisation)
            .select_related("volunteer", "referred_by")
            .annotate(open_pairs=Count("pairs", filter=Q(pairs__status__in=Pair.OPEN)),
                      all_pairs=Count("pairs")))


def mentor_get_for(*, organisation, pk: int) -> Mentor:
    return get_object_or_404(mentor_list(organisation=organisation), pk=pk)


def mentee_family_list(*, organisation) -> QuerySet[MenteeFamily]:
    return (MenteeFamily.objects.filter(organisation=organisation)
            .select_related("family__region", "curator")
            .annotate(open_pairs=Count("pairs", filter=Q(pairs__status__in=Pair.OPEN))))


def mentee_family_get_for(*, organisation, pk: int) -> MenteeFamily:
    return get_object_or_404(mentee_family_list(organisation=organisation), pk=pk)


def legal_representatives(family) -> QuerySet:
    from peercircle.people.models import Beneficiary

    return Beneficiary.objects.filter(family_links__family=family,
                                      family_links__is_legal_representative=True)


def club_meeting_list(*, organisation) -> QuerySet[ClubMeeting]:
    return (ClubMeeting.objects.filter(organisation=organisation)
            .prefetch_related("attendees__volunteer"))


def outcome_types(*, programme) -> QuerySet[OutcomeType]:
    return OutcomeType.objects.filter(programme=programme)


# ---------------------------------------------------------------- matching


@dataclass
class Candidate:
    mentor: Mentor
    open_pairs: int
    limit: int
    same_region: bool
    completed: int
    reasons: list[str] = field(default_factory=list)

    @property
    def available(self) -> bool:
        return self.open_pairs < self.limit


def match_candidates(*, programme: MentoringProgramme, family: MenteeFamily) -> list[Candidate]:
    """Admitted mentors with the criteria a coordinator weighs: region, experience, availability.
    Available mentors come first, then those of the family's region, then the experienced."""
    mentors = (mentor_list(organisation=programme.organisation)
               .filter(admitted_on__isnull=False)
               .annotate(completed=Count("pairs", filter=Q(pairs__status=Pair.Status.COMPLETED)))
               .prefetch_related("volunteer__regions"))
    region = family.family.region_id
    candidates = []
    for mentor in mentors:
        same = region is not None and any(r.pk == region for r in mentor.volunteer.regions.all())
        candidate = Candidate(mentor, mentor.open_pairs, programme.max_families_per_mentor, same,
                              mentor.completed)
        if mentor.is_peer_mentor:
            candidate.reasons.append(_("Peer mentor: overcame a similar situation"))
        if mentor.completed:
            candidate.reasons.append(_("%(count)d pairs completed") % {"count": mentor.completed})
        candidates.append(candidate)
    candidates.sort(key=lambda c: (not c.available, not c.same_region, -c.completed,
                                   c.open_pairs, str(c.mentor)))
    return candidates


# ---------------------------------------------------------------- cadences and overdue work


@dataclass
class Due:
    pair: Pair
    kind: str
    label: str
    due_on: datetime.date
    overdue: bool

    @property
    def days(self) -> int:
        return abs((timezone.localdate() - self.due_on).days)


CADENCES = [  # (what, programme field with the interval in days)
    (PairEvent.Kind.HOME_VISIT, "home_visit_days"),
    (PairEvent.Kind.CURATOR_MEETING, "curator_meeting_days"),
    ("monitoring", "monitoring_days"),
    (PairEvent.Kind.CASE_COUNCIL, "council_days"),
]


def _labels() -> dict[str, str]:
    return {
        PairEvent.Kind.HOME_VISIT: _("Monthly home visit"),
        PairEvent.Kind.CURATOR_MEETING: _("Meeting with the mentor"),
        "monitoring": _("Relationship monitoring"),
        PairEvent.Kind.CASE_COUNCIL: _("Case council"),
        "expiry": _("Agreement expires"),
        "expired": _("Agreement expired"),
    }


def _last_dates(pairs: list[Pair]) -> dict[tuple[int, str], datetime.date]:
    from django.db.models import Max

    last = {}
    rows = (PairEvent.objects.filter(pair__in=pairs).values("pair_id", "kind")
            .annotate(last=Max("date")))
    for row in rows:
        last[(row["pair_id"], row["kind"])] = row["last"]
    from peercircle.mentoring.models import Monitoring

    for row in Monitoring.objects.filter(pair__in=pairs).values("pair_id").annotate(
            last=Max("date")):
        last[(row["pair_id"], "monitoring")] = row["last"]
    return last


def due_list(*, organisation, curator=None, today: datetime.date | None = None,
             overdue_only: bool = False) -> list[Due]:
    """What is due or overdue on the active pairs of this organisation (or of one curator):
    home visits, curator–mentor meetings, monitoring and case councils by the programme's
    cadences, counted from the last one or the agreement's start; and agreements that expire
    within the warning period or have expired."""
    today = today or timezone.localdate()
    programme = programme_of(organisation=organisation)
    if programme is None:
        return []
    pairs = Pair.objects.filter(organisation=organisation, status=Pair.Status.ACTIVE)
    if curator is not None:
        pairs = pairs.filter(family__curator=curator)
    pairs = list(pairs.select_related("mentor__volunteer", "family__family", "family__curator"))
    agreements = {a.pair_id: a for a in Agreement.objects.filter(
        pair__in=pairs, status=Agreement.Status.ACTIVE)}
    last = _last_dates(pairs)
    labels, result = _labels(), []
    for pair in pairs:
        agreement = agreements.get(pair.pk)
        start = min(a.starts_on for a in [agreement] if a) if agreement else pair.matched_on
        for kind, interval_field in CADENCES:
            due_on = (last.get((pair.pk, kind)) or start) + datetime.timedelta(
                days=getattr(programme, interval_field))
            if due_on < today or (not overdue_only and due_on <= today):
                result.append(Due(pair, kind, labels[kind], due_on, due_on < today))
        if agreement is not None:
            warn_from = agreement.ends_on - datetime.timedelta(days=programme.expiry_warning_days)
            if agreement.ends_on < today:
                result.append(Due(pair, "expired", labels["expired"], agreement.ends_on, True))
            elif warn_from <= today:
                result.append(Due(pair, "expiry", labels["expiry"], agreement.ends_on, False))
    result.sort(key=lambda d: (not d.overdue, d.due_on, d.pair.pk))
    return result


# ---------------------------------------------------------------- programme report


@dataclass
class OutcomeRow:
    type: OutcomeType
    count: int


@dataclass
class Report:
    start: datetime.date
    end: datetime.date
    mentors: int
    ngo_representatives: int
    active_citizens: int
    peer_mentors: int
    families: int
    mentors_continuing: int
    mentors_completed: int
    mentors_ended_early: int
    pairs_active: int
    pairs_active_under_year: int
    pairs_completed: int
    pairs_ended_early: int
    positive: list[OutcomeRow]
    negative: list[OutcomeRow]

    def rows(self) -> list[tuple[str, int]]:
        """The report as (label, figure) rows: the page, CSV and XLSX all use these."""
        rows = [
            (_("Mentors"), self.mentors),
            (_("— NGO representatives"), self.ngo_representatives),
            (_("— active citizens"), self.active_citizens),
            (_("— of them peer mentors (former beneficiaries)"), self.peer_mentors),
            (_("Families with a mentor"), self.families),
            (_("Mentors continuing (a pair active at the end of the period)"),
             self.mentors_continuing),
            (_("Mentors who completed their pairs (situation stable)"), self.mentors_completed),
            (_("Mentors whose pairs ended early"), self.mentors_ended_early),
            (_("Pairs active at the end of the period"), self.pairs_active),
            (_("— of them active for less than one year"), self.pairs_active_under_year),
            (_("Pairs completed"), self.pairs_completed),
            (_("Pairs ended early"), self.pairs_ended_early),
        ]
        rows += [(_("Positive: %(name)s (%(unit)s)") % {"name": r.type.name,
                                                          "unit": r.type.get_unit_display()},
                  r.count) for r in self.positive]
        rows += [(_("Negative: %(name)s (%(unit)s)") % {"name": r.type.name,
                                                          "unit": r.type.get_unit_display()},
                  r.count) for r in self.negative]
        return rows


def _outcome_rows(organisation, start, end) -> tuple[list[OutcomeRow], list[OutcomeRow]]:
    outcomes = Outcome.objects.filter(organisation=organisation, date__gte=start, date__lte=end)
    positive, negative = [], []
    for outcome_type in OutcomeType.objects.filter(organisation=organisation):
        of_type = outcomes.filter(type=outcome_type)
        if outcome_type.unit == OutcomeType.Unit.PEOPLE:
            count = of_type.values("beneficiaries").exclude(beneficiaries=None).distinct().count()
        else:
            count = of_type.values("family").distinct().count()
        if not count and not outcome_type.is_active:
            continue
        row = OutcomeRow(outcome_type, count)
        (positive if outcome_type.direction == OutcomeType.Direction.POSITIVE
         else negative).append(row)
    return positive, negative


def first_match_on(*, organisation) -> datetime.date | None:
    """When the programme's first pair was matched: the report's default period starts there."""
    first = Pair.objects.filter(organisation=organisation).order_by("matched_on").first()
    return first.matched_on if first else None


def programme_report(*, organisation, start: datetime.date, end: datetime.date) -> Report:
    """Mentors by origin, families, continuing and completed pairs and outcome counts for pairs
    that were open at any time in [start, end]; outcomes dated in the period."""
    pairs = list(Pair.objects.filter(organisation=organisation, matched_on__lte=end)
                 .filter(Q(closed_on__isnull=True) | Q(closed_on__gte=start))
                 .select_related("mentor"))
    open_at_end = [p for p in pairs if p.closed_on is None or p.closed_on > end]
    closed = [p for p in pairs if p not in open_at_end]
    mentors = {p.mentor_id: p.mentor for p in pairs}
    continuing = {p.mentor_id for p in open_at_end}
    completed = {p.mentor_id for p in closed if p.status == Pair.Status.COMPLETED} - continuing
    ended = {p.mentor_id for p in closed} - continuing - completed
    year_ago = end - datetime.timedelta(days=365)
    positive, negative = _outcome_rows(organisation, start, end)
    return Report(
        start=start, end=end, mentors=len(mentors),
        ngo_representatives=sum(m.origin == Mentor.Origin.NGO_REPRESENTATIVE
                                for m in mentors.values()),
        active_citizens=sum(m.origin == Mentor.Origin.ACTIVE_CITIZEN for m in mentors.values()),
        peer_mentors=sum(m.is_peer_mentor for m in mentors.values()),
        families=len({p.family_id for p in pairs}),
        mentors_continuing=len(continuing), mentors_completed=len(completed),
        mentors_ended_early=len(ended), pairs_active=len(open_at_end),
        pairs_active_under_year=sum(p.matched_on > year_ago for p in open_at_end),
        pairs_completed=sum(p.status == Pair.Status.COMPLETED for p in closed),
        pairs_ended_early=sum(p.status == Pair.Status.ENDED_EARLY for p in closed),
        positive=positive, negative=negative,
    )
