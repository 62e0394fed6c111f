"""Outcomes of the families, by the programme's taxonomy."""

import datetime

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from peercircle.core.audit import audited_save
from peercircle.core.dates import shown
from peercircle.mentoring.models import (
    Outcome,
    OutcomeType,
    Pair,
)


def outcome_record(*, actor, pair: Pair, type: OutcomeType, date: datetime.date,
                   beneficiaries=(), notes: str = "") -> Outcome:
    """An outcome in the pair's family, with the people it concerns and who confirmed it."""
    beneficiaries = list(beneficiaries)
    if type.organisation_id != pair.organisation_id or not type.is_active:
        raise ValidationError({"type": _("Choose an outcome of this programme.")})
    if date < pair.matched_on:
        raise ValidationError({"date": _("The date is before the pair was matched (%(date)s).")
                               % {"date": shown(pair.matched_on)}})
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
