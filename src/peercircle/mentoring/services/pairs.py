"""Families in the programme, pairs and their four-party agreements."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from peercircle.core.audit import audited_save
from peercircle.core.dates import shown
from peercircle.mentoring.models import (
    Agreement,
    AgreementTemplate,
    MenteeFamily,
    Mentor,
    MentoringProgramme,
    Pair,
)
from peercircle.mentoring.services.programme import programme_ensure
from peercircle.people.models import Consent, FamilyMember
from peercircle.people.selectors import consent_is_active
from peercircle.people.services import require_consent


def family_enrol(*, actor, organisation, family, reason: str, curator,
                 referred_on: datetime.date) -> MenteeFamily:
    from peercircle.core.access import permissions_for_roles
    from peercircle.mentoring.permissions import CURATE
    from peercircle.organisations.selectors import membership_roles

    if family.organisation_id != organisation.pk:
        raise ValidationError({"family": _("Choose a family of this organisation.")})
    if MenteeFamily.objects.filter(family=family).exists():
        raise ValidationError({"family": _("This family is already in the programme.")})
    if CURATE not in permissions_for_roles(membership_roles(user=curator,
                                                            organisation=organisation)):
        raise ValidationError({"curator": _("The curator must be a specialist of this "
                                            "organisation.")})
    mentee = MenteeFamily(organisation=organisation, family=family, reason=reason,
                          curator=curator, referred_on=referred_on)
    return audited_save(mentee, actor=actor, organisation=organisation)


def pair_match(*, actor, mentor: Mentor, family: MenteeFamily, matched_on: datetime.date,
               match_notes: str = "") -> Pair:
    programme = programme_ensure(actor=actor, organisation=mentor.organisation)
    if mentor.organisation_id != family.organisation_id:
        raise ValidationError({"mentor": _("Choose a mentor of this organisation.")})
    if mentor.admitted_on is None:
        raise ValidationError({"mentor": _("Only admitted mentors are matched with families.")})
    open_pairs = mentor.pairs.filter(status__in=Pair.OPEN).count()
    if open_pairs >= programme.max_families_per_mentor:
        raise ValidationError({"mentor": _(
            "This mentor already supports %(count)d families, the programme's limit.") % {
            "count": open_pairs}})
    if family.pairs.filter(status__in=Pair.OPEN).exists():
        raise ValidationError({"family": _("This family already has a mentor.")})
    if matched_on < mentor.admitted_on or matched_on < family.referred_on:
        raise ValidationError({"matched_on": _(
            "A pair cannot be matched before the mentor's admission or the family's referral.")})
    if matched_on > timezone.localdate():
        raise ValidationError({"matched_on": _("The date cannot be in the future.")})
    pair = Pair(organisation=mentor.organisation, mentor=mentor, family=family,
                matched_on=matched_on, match_notes=match_notes)
    return audited_save(pair, actor=actor, organisation=mentor.organisation)


def _add_months(day: datetime.date, months: int) -> datetime.date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    for candidate in (31, 30, 29, 28):
        try:
            return datetime.date(year, month, min(day.day, candidate))
        except ValueError:
            continue
    raise ValueError(day)


def agreement_end_default(programme: MentoringProgramme, starts_on: datetime.date):
    return _add_months(starts_on, programme.agreement_term_months) - datetime.timedelta(days=1)


def _agreement_validate(*, pair: Pair, legal_representative, ngo, template, starts_on,
                        ends_on, shared_with) -> None:
    errors: dict[str, list] = {}

    def add(field, message):
        errors.setdefault(field, []).append(message)

    if not pair.is_open:
        add("starts_on", _("The pair is closed: no new agreement can start."))
    if legal_representative is None:
        add("legal_representative", _("Name the family's legal representative."))
    elif not FamilyMember.objects.filter(family=pair.family.family,
                                         beneficiary=legal_representative,
                                         is_legal_representative=True).exists():
        add("legal_representative", _("This person is not the family's legal representative."))
    if ngo is None:
        add("ngo", _("Name the NGO that is a party to the agreement."))
    elif ngo.pk == pair.organisation_id:
        add("ngo", _("The NGO is a party of its own, not the institution."))
    if template is None or template.organisation_id != pair.organisation_id:
        add("template", _("Choose the agreement text."))
    if starts_on < pair.matched_on:
        add("starts_on", _("The agreement cannot start before the pair was matched."))
    if ends_on <= starts_on:
        add("ends_on", _("The end date must be after the start date."))
    if pair.agreements.filter(status=Agreement.Status.ACTIVE).exists():
        add("starts_on", _("An agreement is already in force: renew or close it."))
    for partner in shared_with:
        if partner.organisation_id != pair.organisation_id:
            add("shared_with", _("Choose partners of this organisation."))
        elif legal_representative is not None and not consent_is_active(
                beneficiary=legal_representative, purpose=Consent.Purpose.SHARING,
                partner=partner):
            add("shared_with", _("The legal representative gave no consent to sharing data "
                                 "with %(partner)s.") % {"partner": partner})
    if errors:
        raise ValidationError(errors)


def agreement_conclude(*, actor, pair: Pair, legal_representative, ngo, template,
                       starts_on: datetime.date, ends_on: datetime.date | None = None,
                       meeting_frequency: str = Agreement.Frequency.WEEKLY, shared_with=(),
                       signed_copy=None) -> Agreement:
    """Start the four-party agreement: mentor (of the pair), the legal representative, the NGO
    and the institution. Refused without the legal representative's consent to data
    processing; the pair becomes active."""
    programme = programme_ensure(actor=actor, organisation=pair.organisation)
    ends_on = ends_on or agreement_end_default(programme, starts_on)
    shared_with = list(shared_with)
    _agreement_validate(pair=pair, legal_representative=legal_representative, ngo=ngo,
                        template=template, starts_on=starts_on, ends_on=ends_on,
                        shared_with=shared_with)
    with transaction.atomic():
        try:
            require_consent([legal_representative])
        except ValidationError as error:
            raise ValidationError({"legal_representative": error.messages}) from error
        agreement = Agreement(organisation=pair.organisation, pair=pair, template=template,
                              legal_representative=legal_representative, ngo=ngo,
                              starts_on=starts_on, ends_on=ends_on,
                              meeting_frequency=meeting_frequency, created_by=actor)
        if signed_copy:
            agreement.signed_copy = signed_copy
        audited_save(agreement, actor=actor, organisation=pair.organisation,
                     m2m={"shared_with": shared_with})
        if pair.status == Pair.Status.MATCHED:
            pair.status = Pair.Status.ACTIVE
            audited_save(pair, actor=actor, organisation=pair.organisation)
    return agreement


def agreement_attach_copy(*, actor, agreement: Agreement, signed_copy) -> Agreement:
    if not signed_copy.name.lower().endswith((".pdf", ".jpg", ".jpeg", ".png")):
        raise ValidationError({"signed_copy": _("Upload the signed copy as PDF, JPEG or PNG.")})
    agreement.signed_copy = signed_copy
    return audited_save(agreement, actor=actor, organisation=agreement.organisation)


def agreement_renew(*, actor, agreement: Agreement, signed_copy=None) -> Agreement:
    """A new term from the day after the current one ends, with the same parties."""
    if agreement.status != Agreement.Status.ACTIVE:
        raise ValidationError(_("Only an agreement in force is renewed."))
    programme = programme_ensure(actor=actor, organisation=agreement.organisation)
    starts_on = agreement.ends_on + datetime.timedelta(days=1)
    template = AgreementTemplate.objects.filter(organisation=agreement.organisation).first()
    with transaction.atomic():
        agreement.status = Agreement.Status.RENEWED
        audited_save(agreement, actor=actor, organisation=agreement.organisation)
        return agreement_conclude(
            actor=actor, pair=agreement.pair, legal_representative=agreement.legal_representative,
            ngo=agreement.ngo, template=template, starts_on=starts_on,
            ends_on=agreement_end_default(programme, starts_on),
            meeting_frequency=agreement.meeting_frequency,
            shared_with=agreement.shared_with.all(), signed_copy=signed_copy)


def pair_close(*, actor, pair: Pair, status: str, closed_on: datetime.date,
               closure_reason: str = "") -> Pair:
    """Close a pair as completed or ended early; its agreement in force closes with it."""
    if not pair.is_open:
        raise ValidationError(_("This pair is already closed."))
    if status not in (Pair.Status.COMPLETED, Pair.Status.ENDED_EARLY):
        raise ValidationError({"status": _("Choose how the pair ended.")})
    if status == Pair.Status.ENDED_EARLY and not closure_reason.strip():
        raise ValidationError({"closure_reason": _("Say why the pair ended early.")})
    if closed_on < pair.matched_on:
        raise ValidationError({"closed_on": _("A pair cannot close before it was matched.")})
    if closed_on > timezone.localdate():
        raise ValidationError({"closed_on": _("The date cannot be in the future.")})
    last = pair.events.order_by("-date").first()
    if last is not None and closed_on < last.date:
        raise ValidationError({"closed_on": _(
            "Work is recorded on %(date)s, after this date.") % {"date": shown(last.date)}})
    with transaction.atomic():
        for agreement in pair.agreements.filter(status=Agreement.Status.ACTIVE):
            agreement.status, agreement.closed_on = Agreement.Status.CLOSED, closed_on
            audited_save(agreement, actor=actor, organisation=pair.organisation)
        pair.status, pair.closed_on, pair.closure_reason = status, closed_on, closure_reason
        return audited_save(pair, actor=actor, organisation=pair.organisation)
