"""Writes about volunteers: application, screening, stage changes, routing profile."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_scopes import scope

from peercircle.core.audit import audited_delete, audited_save
from peercircle.core.dates import shown
from peercircle.volunteers.models import (
    TRANSITIONS,
    ApplicationQuestion,
    Screening,
    Stage,
    StageChange,
    Volunteer,
)


def _history_add(volunteer: Volunteer, *, actor, from_stage: str, on: datetime.date,
                 reason: str = "") -> StageChange:
    return StageChange.objects.create(
        organisation=volunteer.organisation, volunteer=volunteer, from_stage=from_stage,
        to_stage=volunteer.stage, changed_on=on, reason=reason,
        changed_by=actor if actor is not None and actor.is_authenticated else None,
    )


def volunteer_apply(*, organisation, full_name: str, email: str, phone: str = "",
                    motivation: str = "", answers=(), help_areas=(), languages=(),
                    formats=(), separate_from_known: bool = False) -> Volunteer:
    """A public application. A person already known is not told so, and nothing an anonymous
    form sends rewrites their record: an active volunteer's record gets a note; for a person who
    left (or always, with `separate_from_known`) a new application is created, linked to the
    earlier record for the coordinator to compare."""
    email = email.strip().lower()
    today = timezone.localdate()
    with scope(organisation=organisation), transaction.atomic():
        records = Volunteer.objects.filter(organisation=organisation, email=email).order_by("-pk")
        active = records.exclude(stage=Stage.LEFT).first()
        if active is not None and not separate_from_known:
            _history_add(active, actor=None, from_stage=active.stage, on=today,
                         reason=_("Applied again through the public form."))
            return active
        volunteer = Volunteer(organisation=organisation, email=email,
                              full_name=full_name.strip(), phone=phone, motivation=motivation,
                              answers=list(answers), languages=list(languages),
                              formats=list(formats), stage=Stage.APPLIED,
                              earlier_record=active or records.first())
        audited_save(volunteer, actor=None, organisation=organisation,
                     m2m={"help_areas": help_areas}, masked=frozenset({"phone", "email"}))
        _history_add(volunteer, actor=None, from_stage="", on=today)
    return volunteer


def _transition_validate(volunteer: Volunteer, *, to_stage: str, on: datetime.date,
                         reason: str) -> None:
    errors = {}
    if to_stage not in TRANSITIONS[volunteer.stage]:
        errors["to_stage"] = _("A volunteer who is “%(current)s” cannot move to “%(new)s”.") % {
            "current": Stage(volunteer.stage).label, "new": Stage(to_stage).label}
    if on > timezone.localdate():
        errors["changed_on"] = _("The date cannot be in the future.")
    last = volunteer.history.order_by("-changed_on").first()
    if last is not None and on < last.changed_on:
        errors["changed_on"] = _("The date cannot be earlier than the previous step (%(date)s).") % {
            "date": shown(last.changed_on)}
    if to_stage == Stage.LEFT and not reason.strip():
        errors["reason"] = _("Say why the volunteer leaves.")
    if errors:
        raise ValidationError(errors)


def volunteer_stage_change(*, actor, volunteer: Volunteer, to_stage: str,
                           changed_on: datetime.date, reason: str = "",
                           paused_until: datetime.date | None = None) -> Volunteer:
    _transition_validate(volunteer, to_stage=to_stage, on=changed_on, reason=reason)
    if to_stage == Stage.PAUSED and paused_until is not None and paused_until <= changed_on:
        raise ValidationError({"paused_until": _("The pause must end after it starts.")})
    with transaction.atomic():
        from_stage = volunteer.stage
        volunteer.stage = to_stage
        volunteer.paused_until = paused_until if to_stage == Stage.PAUSED else None
        audited_save(volunteer, actor=actor, organisation=volunteer.organisation)
        _history_add(volunteer, actor=actor, from_stage=from_stage, on=changed_on, reason=reason)
    return volunteer


def volunteer_screen(*, actor, volunteer: Volunteer, interviewed_on: datetime.date,
                     decision: str, notes: str = "", reason: str = "") -> Screening:
    """Record the interview; accepting moves the applicant on, declining closes the record."""
    if volunteer.stage != Stage.APPLIED:
        raise ValidationError(_("Only applicants are screened."))
    to_stage = Stage.SCREENED if decision == Screening.Decision.ACCEPT else Stage.LEFT
    with transaction.atomic():
        screening = Screening(organisation=volunteer.organisation, volunteer=volunteer,
                              interviewed_on=interviewed_on, notes=notes, decision=decision,
                              interviewer=actor)
        audited_save(screening, actor=actor, organisation=volunteer.organisation)
        volunteer_stage_change(actor=actor, volunteer=volunteer, to_stage=to_stage,
                               changed_on=interviewed_on, reason=reason)
    return screening


def volunteer_profile_update(*, actor, volunteer: Volunteer, phone: str = "", help_areas=(),
                             lived_experience=(), languages=(), regions=(), formats=(),
                             weekly_capacity: int = 0) -> Volunteer:
    volunteer.phone, volunteer.weekly_capacity = phone, weekly_capacity
    volunteer.languages, volunteer.formats = list(languages), list(formats)
    return audited_save(volunteer, actor=actor, organisation=volunteer.organisation,
                        m2m={"help_areas": help_areas, "lived_experience": lived_experience,
                             "regions": regions}, masked=frozenset({"phone", "email"}))


def question_save(*, actor, organisation, question: ApplicationQuestion | None = None,
                  data: dict) -> ApplicationQuestion:
    question = question or ApplicationQuestion(organisation=organisation)
    for name, value in data.items():
        setattr(question, name, value)
    return audited_save(question, actor=actor, organisation=organisation)


def question_delete(*, actor, question: ApplicationQuestion) -> None:
    audited_delete(question, actor=actor, organisation=question.organisation,
                   before={"label": question.label})


def volunteer_invite(*, actor, volunteer: Volunteer, volunteer_kind: str, language: str,
                     build_url) -> Volunteer:
    """Invite the person on this record to PeerCircle as a volunteer; accepting the invitation
    links their account to this record (an existing account: once they accept it signed in)."""
    from peercircle.organisations.roles import Role
    from peercircle.organisations.services import invitation_create

    if volunteer.user_id is not None:
        raise ValidationError(_("This record is already linked to an account."))
    if volunteer.stage in (Stage.APPLIED, Stage.LEFT):
        raise ValidationError(_("Invite a volunteer once they are screened, and not after they "
                                "left."))
    with transaction.atomic():
        invitation = invitation_create(actor=actor, organisation=volunteer.organisation,
                                       email=volunteer.email, role=Role.VOLUNTEER,
                                       volunteer_kind=volunteer_kind, language=language,
                                       build_url=build_url)
        volunteer.invitation = invitation
        return audited_save(volunteer, actor=actor, organisation=volunteer.organisation)


def _linked_elsewhere(volunteer: Volunteer, user) -> bool:
    return Volunteer.objects.filter(organisation=volunteer.organisation, user=user).exclude(
        pk=volunteer.pk).exists()


def volunteer_link_on_accept(*, invitation, membership) -> None:
    """The invitation sent from a record is accepted: link the account to the record."""
    with scope(organisation=invitation.organisation):
        volunteer = Volunteer.objects.filter(invitation=invitation).first()
        if volunteer is None or volunteer.user_id not in (None, membership.user_id):
            return
        if _linked_elsewhere(volunteer, membership.user):
            return  # the person already has their record here: a coordinator merges by hand
        volunteer.user = membership.user
        audited_save(volunteer, actor=membership.user, organisation=volunteer.organisation)


def volunteer_link_account(*, actor, volunteer: Volunteer, user) -> Volunteer:
    """Link a record to a member's account by hand (e.g. someone who joined before the record
    existed); audited. The person must be an active member, with no other record here."""
    from peercircle.organisations.models import Membership

    if not Membership.objects.filter(organisation=volunteer.organisation, user=user,
                                     is_active=True).exists():
        raise ValidationError({"user": _("Choose an active member of this organisation.")})
    if _linked_elsewhere(volunteer, user):
        raise ValidationError({"user": _("This account is already linked to another volunteer "
                                         "record here.")})
    volunteer.user = user
    return audited_save(volunteer, actor=actor, organisation=volunteer.organisation)


def volunteer_unlink_account(*, actor, volunteer: Volunteer) -> Volunteer:
    """Unlink the account; everything the person did stays recorded as theirs."""
    volunteer.user = None
    return audited_save(volunteer, actor=actor, organisation=volunteer.organisation)


def volunteer_pause_self(*, actor, volunteer: Volunteer, paused_until=None) -> Volunteer:
    """The volunteer pauses themselves (no new requests come to them) or comes back."""
    if volunteer.user_id != actor.pk:
        raise ValidationError(_("Only the volunteer pauses their own work."))
    today = timezone.localdate()
    if volunteer.stage == Stage.ACTIVE:
        return volunteer_stage_change(actor=actor, volunteer=volunteer, to_stage=Stage.PAUSED,
                                      changed_on=today, paused_until=paused_until,
                                      reason=_("Paused by the volunteer."))
    if volunteer.stage == Stage.PAUSED:
        return volunteer_stage_change(actor=actor, volunteer=volunteer, to_stage=Stage.ACTIVE,
                                      changed_on=today, reason=_("Back, by the volunteer."))
    raise ValidationError(_("Only an active volunteer can pause."))
