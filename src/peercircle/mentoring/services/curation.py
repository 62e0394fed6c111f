"""The work with a pair: meetings, home visits, case councils, monitoring."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from peercircle.core.audit import audited_save
from peercircle.core.dates import shown
from peercircle.core.models import Activity, Format
from peercircle.core.services import activity_record
from peercircle.mentoring.models import (
    ClubMeeting,
    Monitoring,
    Pair,
    PairEvent,
)
from peercircle.mentoring.services.programme import programme_ensure


def _date_in_pair(pair: Pair, date: datetime.date, field: str = "date") -> None:
    if date < pair.matched_on:
        raise ValidationError({field: _("The date is before the pair was matched (%(date)s).")
                               % {"date": shown(pair.matched_on)}})
    if pair.closed_on is not None and date > pair.closed_on:
        raise ValidationError({field: _("The date is after the pair was closed (%(date)s).")
                               % {"date": shown(pair.closed_on)}})


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
