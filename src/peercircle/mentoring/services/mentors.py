"""Mentors: the public application, Mentor School, admission."""

import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_scopes import scope

from peercircle.core.audit import audited_save
from peercircle.mentoring.models import (
    Mentor,
    MentoringProgramme,
)
from peercircle.mentoring.services.programme import programme_ensure
from peercircle.volunteers.models import TRANSITIONS, Stage
from peercircle.volunteers.services import volunteer_apply, volunteer_stage_change


def mentor_apply(*, organisation, full_name: str, email: str, phone: str = "",
                 motivation: str = "", source: str, is_peer_mentor: bool = False) -> Mentor:
    """The public mentor application: a volunteer application plus the source of the contact.
    A person already known is not told so, and their record is left as it was: the candidacy
    (and the peer-mentor flag) goes on a new application linked to it for the coordinator."""
    with scope(organisation=organisation), transaction.atomic():
        candidacy = (Mentor.objects.filter(volunteer__email=email.strip().lower())
                     .exclude(volunteer__stage=Stage.LEFT).order_by("-pk").first())
        if candidacy is not None:  # applied again: a note on the record, nothing else changes
            volunteer_apply(organisation=organisation, full_name=full_name, email=email,
                            phone=phone, motivation=motivation)
            return candidacy
        volunteer = volunteer_apply(organisation=organisation, full_name=full_name, email=email,
                                    phone=phone, motivation=motivation, separate_from_known=True)
        return audited_save(Mentor(organisation=organisation, volunteer=volunteer, source=source,
                                   is_peer_mentor=is_peer_mentor),
                            actor=None, organisation=organisation)


def mentor_register(*, actor, organisation, volunteer, source: str,
                    origin: str = Mentor.Origin.ACTIVE_CITIZEN, is_peer_mentor: bool = False,
                    referred_by=None, experience: str = "") -> Mentor:
    """Take a volunteer of the organisation on as a mentor candidate."""
    if volunteer.organisation_id != organisation.pk:
        raise ValidationError({"volunteer": _("Choose a volunteer of this organisation.")})
    if Mentor.objects.filter(volunteer=volunteer).exists():
        raise ValidationError({"volunteer": _("This volunteer is already a mentor candidate.")})
    if referred_by is not None and referred_by.organisation_id != organisation.pk:
        raise ValidationError({"referred_by": _("Choose a partner of this organisation.")})
    mentor = Mentor(organisation=organisation, volunteer=volunteer, source=source, origin=origin,
                    is_peer_mentor=is_peer_mentor, referred_by=referred_by,
                    experience=experience)
    return audited_save(mentor, actor=actor, organisation=organisation)


def mentor_update(*, actor, mentor: Mentor, origin: str, is_peer_mentor: bool,
                  referred_by=None, experience: str = "") -> Mentor:
    if referred_by is not None and referred_by.organisation_id != mentor.organisation_id:
        raise ValidationError({"referred_by": _("Choose a partner of this organisation.")})
    mentor.origin, mentor.is_peer_mentor = origin, is_peer_mentor
    mentor.referred_by, mentor.experience = referred_by, experience
    return audited_save(mentor, actor=actor, organisation=mentor.organisation)


def mentor_diagnose(*, actor, mentor: Mentor, diagnostic_on: datetime.date,
                    diagnostic_result: str, diagnostic_notes: str = "") -> Mentor:
    if diagnostic_on > timezone.localdate():
        raise ValidationError({"diagnostic_on": _("The date cannot be in the future.")})
    mentor.diagnostic_on, mentor.diagnostic_result = diagnostic_on, diagnostic_result
    mentor.diagnostic_notes = diagnostic_notes
    return audited_save(mentor, actor=actor, organisation=mentor.organisation)


def school_hours(mentor: Mentor, programme: MentoringProgramme) -> tuple[Decimal, Decimal]:
    """Hours attended at the Mentor School and the minimum the school asks for."""
    from peercircle.training.selectors import hours_of

    if programme.school is None:
        return Decimal(0), Decimal(0)
    enrolment = programme.school.enrolments.filter(volunteer=mentor.volunteer).first()
    hours = hours_of(enrolment) if enrolment is not None else Decimal(0)
    return hours, programme.school.minimum_hours


def mentor_admit(*, actor, mentor: Mentor, admitted_on: datetime.date) -> Mentor:
    """Admit a candidate: suitable at the diagnostic and enough Mentor School hours."""
    programme = programme_ensure(actor=actor, organisation=mentor.organisation)
    errors = []
    if mentor.admitted_on is not None:
        errors.append(_("This mentor is already admitted."))
    if mentor.diagnostic_result != Mentor.Diagnostic.SUITABLE:
        errors.append(_("Record a diagnostic interview with the result “suitable” first."))
    hours, needed = school_hours(mentor, programme)
    if hours < needed:
        errors.append(_("%(hours)s of %(needed)s Mentor School hours attended.") % {
            "hours": hours, "needed": needed})
    if admitted_on > timezone.localdate():
        errors.append(_("The date cannot be in the future."))
    if mentor.diagnostic_on and admitted_on < mentor.diagnostic_on:
        errors.append(_("Admission cannot be earlier than the diagnostic interview."))
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        mentor.admitted_on = admitted_on
        audited_save(mentor, actor=actor, organisation=mentor.organisation)
        _volunteer_activate(actor, mentor.volunteer, admitted_on)
    return mentor


def _volunteer_activate(actor, volunteer, on: datetime.date) -> None:
    path = {Stage.APPLIED: [Stage.SCREENED, Stage.ACTIVE],
            Stage.SCREENED: [Stage.ACTIVE], Stage.IN_TRAINING: [Stage.ACTIVE]}
    last = volunteer.history.order_by("-changed_on").first()
    on = max(on, last.changed_on) if last else on
    for stage in path.get(volunteer.stage, []):
        if stage in TRANSITIONS[volunteer.stage]:
            volunteer_stage_change(actor=actor, volunteer=volunteer, to_stage=stage,
                                   changed_on=on, reason=_("Admitted as a mentor."))
