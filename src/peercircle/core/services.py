"""Writes to the activity ledger: every piece of delivered work is one row."""

import datetime

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from peercircle.core.audit import audited_bulk_create, audited_delete, audited_save
from peercircle.core.models import Activity, Programme
from peercircle.core.registry import provided

MAX_DURATION_MINUTES = 24 * 60


def activity_problems(*, date: datetime.date | None, duration_minutes: int | None, providers,
                     participants, anonymous_count: int, organisation_id: int | None = None,
                     follow_up_on: datetime.date | None = None,
                     today: datetime.date | None = None) -> dict[str, str]:
    """The ledger's rules for one activity, as field → message (empty when it may be recorded).
    One pure function for every path that writes the ledger: the forms, events, the import."""
    errors = {}
    if date is not None and date > (today or timezone.localdate()):
        errors["date"] = _("Work cannot be logged for a future date.")
    if duration_minutes is not None and not 0 < duration_minutes <= MAX_DURATION_MINUTES:
        errors["duration_minutes"] = _("Give a duration between 1 minute and 24 hours.")
    if not providers:
        errors["providers"] = _("Name at least one person who did the work.")
    if not participants and anonymous_count <= 0:
        errors["anonymous_count"] = _("Name a participant or give the number of anonymous ones.")
    if organisation_id is not None and any(b.organisation_id != organisation_id
                                           for b in participants):
        errors["participants"] = _("Participants must belong to this organisation.")
    if follow_up_on is not None and date is not None and follow_up_on < date:
        errors["follow_up_on"] = _("The next contact cannot be before this one.")
    return errors


def _activity_validate(*, date: datetime.date, duration_minutes: int, providers,
                       participants, anonymous_count: int, organisation,
                       follow_up_on: datetime.date | None = None) -> None:
    errors = activity_problems(date=date, duration_minutes=duration_minutes, providers=providers,
                               participants=participants, anonymous_count=anonymous_count,
                               organisation_id=organisation.pk, follow_up_on=follow_up_on)
    if errors:
        raise ValidationError(errors)


def _already_recorded(organisation, client_key) -> Activity | None:
    if client_key is None:
        return None
    return Activity.objects.filter(organisation=organisation, client_key=client_key).first()


CONTACT_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read aloud on the phone


def contact_code_new(organisation) -> str:
    """A short code for a new anonymous contact, unused in this organisation ("K-7F3QX")."""
    import secrets

    while True:
        code = "K-" + "".join(secrets.choice(CONTACT_ALPHABET) for _ in range(5))
        if not Activity.objects.filter(organisation=organisation, contact_code=code).exists():
            return code


def contact_code_known(organisation, code: str) -> bool:
    return Activity.objects.filter(organisation=organisation, contact_code=code).exists()


def home_region(organisation):
    """The region an organisation's work counts in when none is given: its one region of work
    (None where it works in several and nobody said which)."""
    regions = list(organisation.regions.all()[:2])
    return regions[0] if len(regions) == 1 else None


def activity_record(
    *, actor, organisation, kind: str, date: datetime.date, duration_minutes: int, format: str,
    providers, participants=(), anonymous_count: int = 0, mode: str = Activity.Mode.INDIVIDUAL,
    programme=None, region=None, help_areas=(), follow_up_on=None, client_key=None,
    contact_code: str = "",
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
                       organisation=organisation, follow_up_on=follow_up_on)
    if programme is not None and programme.organisation_id != organisation.pk:
        raise ValidationError({"programme": _("Choose a programme of this organisation.")})
    with transaction.atomic():
        provided("require_consent")(participants)
        activity = Activity(
            organisation=organisation, kind=kind, mode=mode, date=date,
            duration_minutes=duration_minutes, format=format, programme=programme,
            region=region or home_region(organisation), anonymous_count=anonymous_count,
            recorded_by=actor, follow_up_on=follow_up_on, client_key=client_key,
            contact_code=contact_code if not participants else "",
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
                       organisation=activity.organisation, follow_up_on=activity.follow_up_on)
    with transaction.atomic():
        provided("require_consent")(participants)
        return audited_save(activity, actor=actor, organisation=activity.organisation,
                            m2m={"providers": providers, "participants": participants})


def activity_remove(*, actor, activity: Activity, before: dict | None = None) -> None:
    """Take an activity out of the ledger (e.g. nobody came after all), audited."""
    audited_delete(activity, actor=actor, organisation=activity.organisation, before=before)


def activities_record_bulk(*, actor, organisation, entries: list[dict]) -> list[Activity]:
    """Record many activities at once (an import), under `activity_problems` and the consent
    rule, with one audit entry naming the batch's activities, in a few queries per batch. Each entry holds the
    Activity fields plus `provider_ids`, `participants` (people) and `help_area_ids`; nothing is
    written when one entry breaks a rule."""
    today = timezone.localdate()
    for number, entry in enumerate(entries, start=1):
        problems = activity_problems(
            date=entry["date"], duration_minutes=entry["duration_minutes"],
            providers=entry["provider_ids"], participants=entry["participants"],
            anonymous_count=entry["anonymous_count"], organisation_id=organisation.pk,
            follow_up_on=entry.get("follow_up_on"), today=today)
        if problems:
            raise ValidationError(f"{number}: " + " ".join(problems.values()))
    links = ("provider_ids", "participants", "help_area_ids")
    with transaction.atomic():
        provided("require_consent")([p for e in entries for p in e["participants"]])
        activities = audited_bulk_create(
            [Activity(organisation=organisation, recorded_by=actor,
                      **{k: v for k, v in entry.items() if k not in links})
             for entry in entries], actor=actor, organisation=organisation, per_record=False)
        pairs = list(zip(activities, entries, strict=True))
        for through, column, values in (
                (Activity.providers.through, "user_id", lambda e: e["provider_ids"]),
                (Activity.participants.through, "beneficiary_id",
                 lambda e: [p.pk for p in e["participants"]]),
                (Activity.help_areas.through, "helparea_id", lambda e: e["help_area_ids"])):
            through.objects.bulk_create(
                [through(activity_id=a.pk, **{column: pk})
                 for a, e in pairs for pk in dict.fromkeys(values(e))], batch_size=2000)
    return activities


def programme_save(*, actor, organisation, name: str, kind: str, help_areas=(),
                   target_per_provider: int | None = None, description: str = "",
                   programme: Programme | None = None) -> Programme:
    """Create or change a programme; its name is unique among the organisation's programmes."""
    name = (name or "").strip()
    others = Programme.objects.filter(organisation=organisation)
    if programme is not None:
        others = others.exclude(pk=programme.pk)
    # compared in Python: SQLite folds the case of Latin letters only, not Cyrillic or Polish
    if name.casefold() in {other.casefold() for other in others.values_list("name", flat=True)}:
        raise ValidationError({"name": _("The organisation already has a programme of this "
                                         "name.")})
    programme = programme or Programme(organisation=organisation)
    programme.name, programme.kind = name, kind
    programme.target_per_provider, programme.description = target_per_provider, description
    return audited_save(programme, actor=actor, organisation=organisation,
                        m2m={"help_areas": help_areas})


def programme_archive(*, actor, programme: Programme, archived: bool = True) -> Programme:
    """Archive a programme (forms stop offering it; its work and reports stay) or restore it."""
    programme.archived_on = timezone.localdate() if archived else None
    return audited_save(programme, actor=actor, organisation=programme.organisation)
