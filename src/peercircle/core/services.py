"""Writes to the activity ledger: every piece of delivered work is one row."""

import datetime

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from peercircle.core.audit import audited_delete, audited_save
from peercircle.core.models import Activity
from peercircle.core.registry import provided

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


def _already_recorded(organisation, client_key) -> Activity | None:
    if client_key is None:
        return None
    return Activity.objects.filter(organisation=organisation, client_key=client_key).first()


def activity_record(
    *, actor, organisation, kind: str, date: datetime.date, duration_minutes: int, format: str,
    providers, participants=(), anonymous_count: int = 0, mode: str = Activity.Mode.INDIVIDUAL,
    programme=None, region=None, help_areas=(), follow_up_on=None, client_key=None,
) -> Activity:
    """Record one piece of delivered work. Named participants must have consented to data
    processing; otherwise nothing is written and `ConsentRequired` says who is missing.
    A `client_key` already recorded returns the earlier activity: a form re-sent is kept once."""
    earlier = _already_recorded(organisation, client_key)
    if earlier is not None:
        return earlier
    providers, participants = list(providers), list(participants)
    _activity_validate(date=date, duration_minutes=duration_minutes, providers=providers,
                       participants=participants, anonymous_count=anonymous_count,
                       organisation=organisation)
    if programme is not None and programme.organisation_id != organisation.pk:
        raise ValidationError({"programme": _("Choose a programme of this organisation.")})
    if follow_up_on is not None and follow_up_on < date:
        raise ValidationError({"follow_up_on": _("The next contact cannot be before this one.")})
    with transaction.atomic():
        provided("require_consent")(participants)
        activity = Activity(
            organisation=organisation, kind=kind, mode=mode, date=date,
            duration_minutes=duration_minutes, format=format, programme=programme,
            region=region, anonymous_count=anonymous_count, recorded_by=actor,
            follow_up_on=follow_up_on, client_key=client_key,
        )
        try:
            with transaction.atomic():
                return audited_save(
                    activity, actor=actor, organisation=organisation,
                    m2m={"providers": providers, "participants": participants,
                         "help_areas": help_areas},
                )
        except (IntegrityError, ValidationError):
            # The same form arrived twice at once: the other copy won; return it.
            earlier = _already_recorded(organisation, client_key)
            if earlier is not None:
                return earlier
            raise


def activity_update(*, actor, activity: Activity, providers=None, participants=None,
                    **fields) -> Activity:
    """Change a recorded activity under the same rules as recording it (date, minutes,
    providers, participants of this organisation with consent), audited."""
    for name, value in fields.items():
        setattr(activity, name, value)
    providers = list(activity.providers.all()) if providers is None else list(providers)
    participants = (list(activity.participants.all()) if participants is None
                    else list(participants))
    _activity_validate(date=activity.date, duration_minutes=activity.duration_minutes,
                       providers=providers, participants=participants,
                       anonymous_count=activity.anonymous_count,
                       organisation=activity.organisation)
    with transaction.atomic():
        provided("require_consent")(participants)
        return audited_save(activity, actor=actor, organisation=activity.organisation,
                            m2m={"providers": providers, "participants": participants})


def activity_remove(*, actor, activity: Activity, before: dict | None = None) -> None:
    """Take an activity out of the ledger (e.g. nobody came after all), audited."""
    audited_delete(activity, actor=actor, organisation=activity.organisation, before=before)
