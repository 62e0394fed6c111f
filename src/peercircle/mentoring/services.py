"""Writes of the mentoring programme: atomic, audited, and mirrored in the activity ledger."""

import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_scopes import scope

from peercircle.core.audit import audited_save
from peercircle.core.models import Activity, Format, Programme
from peercircle.core.services import activity_record
from peercircle.mentoring import defaults
from peercircle.mentoring.models import (
    Agreement,
    AgreementTemplate,
    ClubMeeting,
    MenteeFamily,
    Mentor,
    MentoringProgramme,
    Monitoring,
    Outcome,
    OutcomeType,
    Pair,
    PairEvent,
)
from peercircle.people.models import Consent, FamilyMember
from peercircle.people.selectors import consent_is_active
from peercircle.people.services import require_consent
from peercircle.volunteers.models import TRANSITIONS, Stage
from peercircle.volunteers.services import volunteer_apply, volunteer_stage_change

# ---------------------------------------------------------------- programme and taxonomy


def programme_ensure(*, actor, organisation, outcome_names: dict | None = None,
                     template_texts: dict | None = None) -> MentoringProgramme:
    """The organisation's mentoring programme, created the first time it is needed with the
    default outcome list (names may be given per code) and agreement text; it uses the
    organisation's mentoring programme in the ledger when there is one."""
    existing = MentoringProgramme.objects.filter(organisation=organisation).first()
    if existing is not None:
        return existing
    outcome_names = outcome_names or {}
    with transaction.atomic():
        ledger = Programme.objects.filter(organisation=organisation,
                                          kind=Programme.Kind.MENTORING).first()
        ledger = ledger or audited_save(
            Programme(organisation=organisation, kind=Programme.Kind.MENTORING,
                      name=_("Mentoring of families")), actor=actor, organisation=organisation)
        programme = audited_save(MentoringProgramme(organisation=organisation, programme=ledger,
                                                    name=ledger.name),
                                 actor=actor, organisation=organisation)
        for position, (code, name, direction, unit) in enumerate(defaults.DEFAULT_OUTCOME_TYPES):
            outcome_type_save(actor=actor, programme=programme, code=code,
                              name=outcome_names.get(code) or _(name), direction=direction,
                              unit=unit, position=position)
        texts = {"title": _(defaults.DEFAULT_AGREEMENT_TITLE),
                 "programme_rules": _(defaults.DEFAULT_PROGRAMME_RULES),
                 "confidentiality": _(defaults.DEFAULT_CONFIDENTIALITY), **(template_texts or {})}
        template_publish(actor=actor, programme=programme, valid_from=timezone.localdate(),
                         **texts)
    return programme


def programme_update(*, actor, programme: MentoringProgramme, **fields) -> MentoringProgramme:
    ngo = fields.get("ngo")
    if ngo is not None and ngo.pk == programme.organisation_id:
        raise ValidationError({"ngo": _("The partner NGO is another organisation.")})
    school = fields.get("school")
    if school is not None and school.organisation_id != programme.organisation_id:
        raise ValidationError({"school": _("Choose a course of this organisation.")})
    for name, value in fields.items():
        setattr(programme, name, value)
    return audited_save(programme, actor=actor, organisation=programme.organisation)


def outcome_type_save(*, actor, programme: MentoringProgramme, code: str, name: str,
                      direction: str, unit: str = OutcomeType.Unit.FAMILIES,
                      position: int | None = None) -> OutcomeType:
    if OutcomeType.objects.filter(programme=programme, code=code).exists():
        raise ValidationError({"code": _("An outcome with this code already exists.")})
    if position is None:
        position = programme.outcome_types.count()
    return audited_save(OutcomeType(organisation=programme.organisation, programme=programme,
                                    code=code, name=name, direction=direction, unit=unit,
                                    position=position),
                        actor=actor, organisation=programme.organisation)


def template_publish(*, actor, programme: MentoringProgramme, title: str, programme_rules: str,
                     confidentiality: str, valid_from: datetime.date) -> AgreementTemplate:
    """A new version of the agreement text; agreements already signed keep their version."""
    last = AgreementTemplate.objects.filter(organisation=programme.organisation).first()
    template = AgreementTemplate(organisation=programme.organisation,
                                 version=(last.version + 1) if last else 1, title=title,
                                 programme_rules=programme_rules,
                                 confidentiality=confidentiality, valid_from=valid_from)
    return audited_save(template, actor=actor, organisation=programme.organisation)


# ---------------------------------------------------------------- mentors


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


# ---------------------------------------------------------------- families and pairs


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
            "Work is recorded on %(date)s, after this date.") % {"date": last.date.isoformat()}})
    with transaction.atomic():
        for agreement in pair.agreements.filter(status=Agreement.Status.ACTIVE):
            agreement.status, agreement.closed_on = Agreement.Status.CLOSED, closed_on
            audited_save(agreement, actor=actor, organisation=pair.organisation)
        pair.status, pair.closed_on, pair.closure_reason = status, closed_on, closure_reason
        return audited_save(pair, actor=actor, organisation=pair.organisation)


# ---------------------------------------------------------------- curation and monitoring


def _date_in_pair(pair: Pair, date: datetime.date, field: str = "date") -> None:
    if date < pair.matched_on:
        raise ValidationError({field: _("The date is before the pair was matched (%(date)s).")
                               % {"date": pair.matched_on.isoformat()}})
    if pair.closed_on is not None and date > pair.closed_on:
        raise ValidationError({field: _("The date is after the pair was closed (%(date)s).")
                               % {"date": pair.closed_on.isoformat()}})


def _family_participants(pair: Pair) -> list:
    agreement = pair.agreements.order_by("-starts_on").first()
    return [agreement.legal_representative] if agreement is not None else []


def pair_event_log(*, actor, pair: Pair, kind: str, date: datetime.date,
                   duration_minutes: int = 60, format: str = Format.IN_PERSON, notes: str = "",
                   mentor_invited: bool = False) -> PairEvent:
    """A mentor's meeting with the family, a curator's home visit or meeting with the mentor, or a
    case council on the family: one pair event and one ledger row."""
    _date_in_pair(pair, date)
    if kind == PairEvent.Kind.MENTOR_MEETING and pair.status != Pair.Status.ACTIVE \
            and pair.closed_on is None:
        raise ValidationError(_("Meetings are logged once the agreement is in force."))
    programme = programme_ensure(actor=actor, organisation=pair.organisation)
    mentor_user = pair.mentor.volunteer.user
    providers = {
        PairEvent.Kind.MENTOR_MEETING: [mentor_user or actor],
        PairEvent.Kind.HOME_VISIT: [pair.family.curator],
        PairEvent.Kind.CURATOR_MEETING: [pair.family.curator] + ([mentor_user] if mentor_user
                                                                  else []),
        PairEvent.Kind.CASE_COUNCIL: [actor],
    }[kind]
    family_side = kind in (PairEvent.Kind.MENTOR_MEETING, PairEvent.Kind.HOME_VISIT)
    participants = _family_participants(pair) if family_side else []
    with transaction.atomic():
        activity = activity_record(
            actor=actor, organisation=pair.organisation, kind=kind, date=date,
            duration_minutes=duration_minutes, format=format, providers=providers,
            participants=participants, anonymous_count=0 if participants else 1,
            mode=Activity.Mode.GROUP if kind == PairEvent.Kind.CASE_COUNCIL
            else Activity.Mode.INDIVIDUAL,
            programme=programme.programme, region=pair.family.family.region)
        event = PairEvent(organisation=pair.organisation, pair=pair, kind=kind, date=date,
                          notes=notes, activity=activity, recorded_by=actor,
                          mentor_invited=mentor_invited and kind == PairEvent.Kind.CASE_COUNCIL)
        return audited_save(event, actor=actor, organisation=pair.organisation)


def monitoring_record(*, actor, pair: Pair, date: datetime.date, meetings: str,
                      mentor_rating: int, family_rating: int, mentor_view: str = "",
                      family_view: str = "", goals_progress: str = "",
                      continue_pair: bool = True) -> Monitoring:
    _date_in_pair(pair, date)
    if date > timezone.localdate():
        raise ValidationError({"date": _("The date cannot be in the future.")})
    monitoring = Monitoring(organisation=pair.organisation, pair=pair, date=date,
                            meetings=meetings, mentor_rating=mentor_rating,
                            family_rating=family_rating, mentor_view=mentor_view,
                            family_view=family_view, goals_progress=goals_progress,
                            continue_pair=continue_pair, recorded_by=actor)
    return audited_save(monitoring, actor=actor, organisation=pair.organisation)


def club_meeting_record(*, actor, organisation, date: datetime.date, topic: str, attendees,
                        duration_minutes: int = 90, format: str = Format.IN_PERSON) -> ClubMeeting:
    attendees = list(attendees)
    if not attendees:
        raise ValidationError({"attendees": _("Mark the mentors who came.")})
    if any(m.organisation_id != organisation.pk for m in attendees):
        raise ValidationError({"attendees": _("Choose mentors of this organisation.")})
    programme = programme_ensure(actor=actor, organisation=organisation)
    with transaction.atomic():
        activity = activity_record(
            actor=actor, organisation=organisation, kind=Activity.Kind.MENTOR_CLUB, date=date,
            duration_minutes=duration_minutes, format=format, providers=[actor],
            anonymous_count=len(attendees), mode=Activity.Mode.GROUP,
            programme=programme.programme)
        meeting = ClubMeeting(organisation=organisation, programme=programme, date=date,
                              topic=topic, activity=activity)
        return audited_save(meeting, actor=actor, organisation=organisation,
                            m2m={"attendees": attendees})


# ---------------------------------------------------------------- outcomes


def outcome_record(*, actor, pair: Pair, type: OutcomeType, date: datetime.date,
                   beneficiaries=(), notes: str = "") -> Outcome:
    """An outcome in the pair's family, with the people it concerns and who confirmed it."""
    beneficiaries = list(beneficiaries)
    if type.organisation_id != pair.organisation_id or not type.is_active:
        raise ValidationError({"type": _("Choose an outcome of this programme.")})
    if date < pair.matched_on:
        raise ValidationError({"date": _("The date is before the pair was matched (%(date)s).")
                               % {"date": pair.matched_on.isoformat()}})
    if date > timezone.localdate():
        raise ValidationError({"date": _("The date cannot be in the future.")})
    family = pair.family.family
    members = set(family.members.values_list("beneficiary_id", flat=True))
    if any(b.pk not in members for b in beneficiaries):
        raise ValidationError({"beneficiaries": _("Choose members of the pair's family.")})
    if type.unit == OutcomeType.Unit.PEOPLE and not beneficiaries:
        raise ValidationError({"beneficiaries": _("Name the people this outcome concerns.")})
    outcome = Outcome(organisation=pair.organisation, type=type, pair=pair, family=family,
                      date=date, notes=notes, confirmed_by=actor)
    return audited_save(outcome, actor=actor, organisation=pair.organisation,
                        m2m={"beneficiaries": beneficiaries})
