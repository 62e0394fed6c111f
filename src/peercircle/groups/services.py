"""Writes for clubs and groups: atomic, audited, with clear messages for bad input."""

import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from peercircle.core.audit import audited_save
from peercircle.core.models import Activity, Programme
from peercircle.core.services import activity_record
from peercircle.groups.curriculum import CURRICULUM_DESCRIPTION, CURRICULUM_TITLE, TOPICS
from peercircle.groups.models import (
    AnimatorCurriculum,
    Club,
    CoalitionPartner,
    GroupMember,
    GroupSession,
    Initiative,
    Practice,
    SelfHelpGroup,
)
from peercircle.organisations.models import Membership
from peercircle.organisations.roles import Role
from peercircle.people.selectors import beneficiary_by_code
from peercircle.people.services import require_consent

ANIMATOR_ROLES = (Role.VOLUNTEER, Role.COORDINATOR, Role.STAFF, Role.SUPERVISOR)


def _check_animators(organisation, people, field: str = "animators") -> list:
    people = list(people)
    members = set(Membership.objects.filter(
        organisation=organisation, is_active=True, role__in=ANIMATOR_ROLES,
        user__in=people).values_list("user_id", flat=True))
    if any(person.pk not in members for person in people):
        raise ValidationError({field: _("Choose people who are active members of this "
                                        "organisation.")})
    return people


def _check_period(start, end, *, start_field: str, end_field: str) -> None:
    if start and end and end < start:
        raise ValidationError({end_field: _("The end cannot be before the start.")})


def _check_partner(organisation, partner, field: str) -> None:
    if partner is not None and partner.organisation_id != organisation.pk:
        raise ValidationError({field: _("Choose a partner of this organisation.")})


def _club_fill(club: Club, *, actor, animators, **fields) -> Club:
    _check_partner(club.organisation, fields.get("host"), "host")
    today = timezone.localdate()
    for name in ("founded_on", "joined_network_on"):
        if fields.get(name) and fields[name] > today:
            raise ValidationError({name: _("This date cannot be in the future.")})
    _check_period(fields.get("founded_on"), fields.get("closed_on"), start_field="founded_on",
                  end_field="closed_on")
    animators = _check_animators(club.organisation, animators)
    for name, value in fields.items():
        setattr(club, name, value)
    if Club.objects.filter(organisation=club.organisation, name=club.name).exclude(
            pk=club.pk).exists():
        raise ValidationError({"name": _("There is already a club with this name.")})
    return audited_save(club, actor=actor, organisation=club.organisation,
                        m2m={"animators": animators})


def club_create(*, actor, organisation, name: str, kind: str, locality: str, region=None,
                host=None, description: str = "", animators=(), founded_on=None,
                joined_network_on=None) -> Club:
    return _club_fill(Club(organisation=organisation), actor=actor, animators=animators,
                      name=name, kind=kind, locality=locality, region=region, host=host,
                      description=description, founded_on=founded_on,
                      joined_network_on=joined_network_on)


def club_update(*, actor, club: Club, name: str, kind: str, locality: str, region=None,
                host=None, description: str = "", animators=(), founded_on=None,
                joined_network_on=None, closed_on=None) -> Club:
    return _club_fill(club, actor=actor, animators=animators, name=name, kind=kind,
                      locality=locality, region=region, host=host, description=description,
                      founded_on=founded_on, joined_network_on=joined_network_on,
                      closed_on=closed_on)


def coalition_partner_add(*, actor, club: Club, partner, role: str,
                          joined_on: datetime.date) -> CoalitionPartner:
    _check_partner(club.organisation, partner, "partner")
    if joined_on > timezone.localdate():
        raise ValidationError({"joined_on": _("This date cannot be in the future.")})
    if CoalitionPartner.objects.filter(club=club, partner=partner).exists():
        raise ValidationError({"partner": _("This partner is already in the club's coalition.")})
    link = CoalitionPartner(organisation=club.organisation, club=club, partner=partner,
                            role=role, joined_on=joined_on)
    return audited_save(link, actor=actor, organisation=club.organisation)


def group_create(*, actor, club: Club, name: str, topic: str, started_on: datetime.date,
                 animators, is_open: bool = True, schedule: str = "") -> SelfHelpGroup:
    animators = _check_animators(club.organisation, animators)
    if not animators:
        raise ValidationError({"animators": _("A group needs at least one animator.")})
    if club.closed_on:
        raise ValidationError(_("The club is closed: new groups cannot start in it."))
    if SelfHelpGroup.objects.filter(club=club, name=name).exists():
        raise ValidationError({"name": _("The club already has a group with this name.")})
    group = SelfHelpGroup(organisation=club.organisation, club=club, name=name, topic=topic,
                          is_open=is_open, schedule=schedule, started_on=started_on)
    return audited_save(group, actor=actor, organisation=club.organisation,
                        m2m={"animators": animators})


def group_end(*, actor, group: SelfHelpGroup, ended_on: datetime.date) -> SelfHelpGroup:
    if ended_on < group.started_on:
        raise ValidationError({"ended_on": _("The end cannot be before the start.")})
    if ended_on > timezone.localdate():
        raise ValidationError({"ended_on": _("This date cannot be in the future.")})
    group.ended_on = ended_on
    return audited_save(group, actor=actor, organisation=group.organisation)


def group_member_add(*, actor, group: SelfHelpGroup, code: str,
                     joined_on: datetime.date | None = None, known_as: str = "") -> GroupMember:
    """Add a person by code; membership is personal data, so it needs their consent. `known_as`
    is how the group calls them, for its animators' eyes only."""
    joined_on = joined_on or timezone.localdate()
    beneficiary = beneficiary_by_code(group.organisation, code)
    if joined_on > timezone.localdate():
        raise ValidationError({"joined_on": _("This date cannot be in the future.")})
    with transaction.atomic():
        require_consent([beneficiary])
        member = GroupMember.objects.filter(group=group, beneficiary=beneficiary).first()
        if member is not None and member.left_on is None:
            raise ValidationError({"code": _("This person is already a member of the group.")})
        member = member or GroupMember(organisation=group.organisation, group=group,
                                       beneficiary=beneficiary)
        member.joined_on, member.left_on = joined_on, None
        member.known_as = known_as.strip() or member.known_as
        return audited_save(member, actor=actor, organisation=group.organisation,
                            masked=GroupMember.MASKED)


def group_member_rename(*, actor, member: GroupMember, known_as: str) -> GroupMember:
    """The name or nickname the group uses for a member (empty: the code only)."""
    member.known_as = known_as.strip()
    return audited_save(member, actor=actor, organisation=member.organisation,
                        masked=GroupMember.MASKED)


def group_member_leave(*, actor, member: GroupMember,
                       left_on: datetime.date | None = None) -> GroupMember:
    left_on = left_on or timezone.localdate()
    if left_on < member.joined_on:
        raise ValidationError(_("A person cannot leave before joining."))
    member.left_on = left_on
    return audited_save(member, actor=actor, organisation=member.organisation,
                        masked=GroupMember.MASKED)


def _group_programme(organisation):
    return Programme.objects.filter(organisation=organisation,
                                    kind=Programme.Kind.SELF_HELP).first()


def _session_validate(group: SelfHelpGroup, date, present, anonymous_count: int) -> None:
    if date < group.started_on:
        raise ValidationError({"date": _("The group had not started on this date.")})
    if group.ended_on and date > group.ended_on:
        raise ValidationError({"date": _("The group had already ended on this date.")})
    if anonymous_count < 0:
        raise ValidationError({"anonymous_count": _("The head-count cannot be negative.")})
    if anonymous_count and not group.is_open:
        raise ValidationError({"anonymous_count": _(
            "A closed group has no unregistered guests: mark the members who came.")})
    current = {m.pk for m in group.members.filter(joined_on__lte=date).exclude(
        left_on__lt=date)}
    if any(m.group_id != group.pk or m.pk not in current for m in present):
        raise ValidationError({"present": _("Only members of the group on that date can be "
                                            "marked present.")})
    if not present and not anonymous_count:
        raise ValidationError({"present": _("Mark who came or give the number of people who "
                                            "did not register.")})


def group_session_log(*, actor, group: SelfHelpGroup, date: datetime.date,
                      duration_minutes: int, format: str, present=(), anonymous_count: int = 0,
                      topic: str = "", client_key=None) -> GroupSession:
    """Log a meeting: named attendance of members plus a head-count, one ledger row."""
    present = list(present)
    anonymous_count = anonymous_count or 0
    if client_key is not None:
        earlier = GroupSession.objects.filter(group=group, activity__client_key=client_key).first()
        if earlier is not None:
            return earlier
    _session_validate(group, date, present, anonymous_count)
    animators = list(group.animators.all())
    providers = [actor] if actor in animators or not animators else animators
    with transaction.atomic():
        activity = activity_record(
            actor=actor, organisation=group.organisation, kind=Activity.Kind.GROUP_SESSION,
            mode=Activity.Mode.GROUP, date=date, duration_minutes=duration_minutes,
            format=format, providers=providers, participants=[m.beneficiary for m in present],
            anonymous_count=anonymous_count, programme=_group_programme(group.organisation),
            region=group.club.region, client_key=client_key)
        session = GroupSession(organisation=group.organisation, group=group, activity=activity,
                               topic=topic)
        return audited_save(session, actor=actor, organisation=group.organisation)


def animator_curriculum_create(*, actor, organisation, starts_on: datetime.date,
                               format: str, session_minutes: int = 180) -> AnimatorCurriculum:
    """Create the animator curriculum (seed 004) as a training course, one session a week per
    topic, in the language of the person who creates it."""
    from peercircle.training.services import course_create, session_plan

    if AnimatorCurriculum.objects.filter(organisation=organisation).exists():
        raise ValidationError(_("The animator curriculum already exists."))
    if not 30 <= session_minutes <= 480:
        raise ValidationError({"session_minutes": _("Give between 30 and 480 minutes.")})
    hours = Decimal(len(TOPICS) * session_minutes) / 60
    with transaction.atomic():
        course = course_create(actor=actor, organisation=organisation,
                               title=str(CURRICULUM_TITLE),
                               description=str(CURRICULUM_DESCRIPTION),
                               minimum_hours=(hours * Decimal("0.8")).quantize(Decimal("0.1")))
        for week, topic in enumerate(TOPICS):
            session_plan(actor=actor, course=course, topic=str(topic),
                         date=starts_on + datetime.timedelta(weeks=week),
                         duration_minutes=session_minutes, format=format)
        return audited_save(AnimatorCurriculum(organisation=organisation, course=course),
                            actor=actor, organisation=organisation)


def practice_share(*, actor, organisation, title: str, text: str, club=None,
                   shared_with_network: bool = True) -> Practice:
    from peercircle.consulting.services.reviews import summary_check

    if club is not None and club.organisation_id != organisation.pk:
        raise ValidationError({"club": _("Choose a club of this organisation.")})
    try:
        summary_check(organisation=organisation, text=f"{title}\n{text}")
    except ValidationError as error:
        raise ValidationError({"text": error.message_dict["case_summary"]}) from error
    practice = Practice(organisation=organisation, title=title, text=text, club=club,
                        shared_with_network=shared_with_network, author=actor)
    return audited_save(practice, actor=actor, organisation=organisation)


def _initiative_fill(initiative: Initiative, *, actor, team, **fields) -> Initiative:
    team = _check_animators(initiative.organisation, team, field="team")
    if not team:
        raise ValidationError({"team": _("An initiative needs a team of at least one person.")})
    club = fields.get("club")
    if club is not None and club.organisation_id != initiative.organisation_id:
        raise ValidationError({"club": _("Choose a club of this organisation.")})
    _check_period(fields["starts_on"], fields.get("ends_on"), start_field="starts_on",
                  end_field="ends_on")
    if fields.get("status") == Initiative.Status.COMPLETED:
        if fields["starts_on"] > timezone.localdate():
            raise ValidationError({"status": _("An initiative that has not started cannot be "
                                               "completed.")})
    for name, value in fields.items():
        setattr(initiative, name, value)
    return audited_save(initiative, actor=actor, organisation=initiative.organisation,
                        m2m={"team": team})


def initiative_create(*, actor, organisation, title: str, goal: str, starts_on, team,
                      ends_on=None, locality: str = "", club=None, region=None,
                      status: str = Initiative.Status.PLANNED, anonymous_participants: int = 0,
                      results: str = "") -> Initiative:
    return _initiative_fill(Initiative(organisation=organisation), actor=actor, team=team,
                            title=title, goal=goal, starts_on=starts_on, ends_on=ends_on,
                            locality=locality, club=club, region=region, status=status,
                            anonymous_participants=anonymous_participants or 0, results=results)


def initiative_update(*, actor, initiative: Initiative, title: str, goal: str, starts_on, team,
                      ends_on=None, locality: str = "", club=None, region=None,
                      status: str = Initiative.Status.PLANNED, anonymous_participants: int = 0,
                      results: str = "") -> Initiative:
    return _initiative_fill(initiative, actor=actor, team=team, title=title, goal=goal,
                            starts_on=starts_on, ends_on=ends_on, locality=locality, club=club,
                            region=region, status=status, anonymous_participants=anonymous_participants or 0,
                            results=results)


def initiative_participant_add(*, actor, initiative: Initiative, code: str) -> Initiative:
    """Name a participant (by code, with consent); people not named are a head-count."""
    beneficiary = beneficiary_by_code(initiative.organisation, code)
    if initiative.participants.filter(pk=beneficiary.pk).exists():
        raise ValidationError({"code": _("This person is already a participant.")})
    with transaction.atomic():
        require_consent([beneficiary])
        return audited_save(initiative, actor=actor, organisation=initiative.organisation,
                            m2m={"participants": [*initiative.participants.all(), beneficiary]})
