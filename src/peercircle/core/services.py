"""Writes to the activity ledger: every piece of delivered work is one row."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from peercircle.core.audit import audited_save
from peercircle.core.models import Activity

MAX_DURATION_MINUTES = 24 * 60


def _activity_validate(*, date: datetime.date, duration_minutes: int, providers,
                       participants, anonymous_count: int, organisation) -> None:
    errors = {}
    if date > timezone.localdate():
        errors["date"] = _("Work cannot be logged for a future date.")
    if not 0 < duration_minutes <= MAX_DURATION_MINUTES:
        errors["duration_minutes"] = _("Give a duration between 1 minute and 24 hours.")
    if not providers:
        errors["providers"] = _("Name at least one person who did the work.")
    if not participants and anonymous_count <= 0:
        errors["anonymous_count"] = _("Name a participant or give the number of anonymous ones.")
    if any(b.organisation_id != organisation.pk for b in participants):
        errors["participants"] = _("Participants must belong to this organisation.")
    if errors:
        raise ValidationError(errors)


def activity_record(
    *,
    actor,
    organisation,
    kind: str,
    date: datetime.date,
    duration_minutes: int,
    format: str,
    providers,
    participants=(),
    anonymous_count: int = 0,
    mode: str = Activity.Mode.INDIVIDUAL,
    programme=None,
    region=None,
    help_areas=(),
) -> Activity:
    """Record one piece of delivered work. Named participants must have consented to data
    processing; otherwise nothing is written and `ConsentRequired` says who is missing."""
    from peercircle.people.services import require_consent

    providers, participants = list(providers), list(participants)
    _activity_validate(date=date, duration_minutes=duration_minutes, providers=providers,
                       participants=participants, anonymous_count=anonymous_count,
                       organisation=organisation)
    if programme is not None and programme.organisation_id != organisation.pk:
        raise ValidationError({"programme": _("Choose a programme of this organisation.")})
    with transaction.atomic():
        require_consent(participants)
        activity = Activity(
            organisation=organisation, kind=kind, mode=mode, date=date,
            duration_minutes=duration_minutes, format=format, programme=programme,
            region=region, anonymous_count=anonymous_count, recorded_by=actor,
        )
        return audited_save(
            activity, actor=actor, organisation=organisation,
            m2m={"providers": providers, "participants": participants, "help_areas": help_areas},
        )
