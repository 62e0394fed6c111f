"""Reads for data-subject rights: what is kept about a person, when it is due for erasure, and
the register of processing activities built from the providers, the role table and settings."""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.utils import timezone

from peercircle.core.subject_registry import Item, providers
from peercircle.people.models import Beneficiary, Consent


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    items: list[Item]


@dataclass(frozen=True)
class SubjectData:
    organisation: str
    code: str
    language: str
    produced_at: datetime.datetime
    sections: list[Section]

    def as_json(self) -> dict:
        return {
            "organisation": self.organisation, "code": self.code, "language": self.language,
            "produced_at": self.produced_at.isoformat(),
            "sections": {s.key: {"title": s.title,
                                 "items": [{e.key: e.value for e in item.entries}
                                           for item in s.items]}
                         for s in self.sections},
        }


def subject_data(*, beneficiary: Beneficiary, language: str) -> SubjectData:
    """Everything every app keeps about the person; call it with `language` active."""
    sections = [Section(p.key, str(p.title()), p.collect(beneficiary)) for p in providers()]
    return SubjectData(beneficiary.organisation.name, beneficiary.code, language,
                       timezone.localtime(), sections)


def volunteer_data(*, volunteer, language: str) -> SubjectData:
    """Everything kept about a volunteer (their record, history, training, work given)."""
    sections = [Section(p.key, str(p.title()), p.collect(volunteer))
                for p in providers("volunteer")]
    return SubjectData(volunteer.organisation.name, volunteer.full_name, language,
                       timezone.localtime(), sections)


def member_data(*, membership, language: str) -> SubjectData:
    """Everything kept about a member of the organisation (account, role, work given)."""
    sections = [Section(p.key, str(p.title()), p.collect(membership))
                for p in providers("member")]
    return SubjectData(membership.organisation.name, membership.user.full_name, language,
                       timezone.localtime(), sections)


def subject_language(beneficiary: Beneficiary) -> str:
    """The language the person last wrote to us in (a request or a registration)."""
    known = dict(settings.LANGUAGES)
    dated = []
    for related in ("help_requests", "event_registrations"):
        manager = getattr(beneficiary, related, None)
        if manager is not None:
            dated += list(manager.values_list("created_at", "language"))
    for _at, language in sorted(dated, reverse=True):
        if language in known:
            return language
    return settings.LANGUAGE_CODE


def erasure_due_on(beneficiary: Beneficiary) -> datetime.date | None:
    """When consent to data processing was withdrawn (and none is in force): the day the
    person's data is to be erased, the organisation's delay after the last withdrawal."""
    if beneficiary.anonymised_on:
        return None
    consents = list(Consent.objects.filter(beneficiary=beneficiary,
                                           purpose=Consent.Purpose.DATA_PROCESSING))
    if not consents or any(c.withdrawn_on is None for c in consents):
        return None
    last = max(c.withdrawn_on for c in consents)
    return last + datetime.timedelta(days=beneficiary.organisation.erasure_delay_days)


def last_contact_on(beneficiary: Beneficiary) -> datetime.date:
    """The latest of the person's dates in every app (and the end of projects counting them)."""
    dates = [beneficiary.created_at.date()]
    for provider in providers():
        dates += [d for d in provider.last_dates(beneficiary) if d]
    return max(dates)


def retention_due_on(beneficiary: Beneficiary) -> datetime.date:
    days = beneficiary.organisation.record_retention_days
    return last_contact_on(beneficiary) + datetime.timedelta(days=days)


@dataclass(frozen=True)
class RegisterRow:
    title: str
    kept: str
    purpose: str
    period: str
    roles: list[str]


def processing_register(*, organisation) -> list[RegisterRow]:
    """The register of processing activities (GDPR Art. 30), one row per kind of record."""
    from django.utils.translation import gettext as _

    from peercircle.core.access import ROLE_PERMISSIONS
    from peercircle.organisations.roles import Role

    retention = _("%(days)s days after the last activity or the end of the last project "
                  "counting it; %(delay)s days after consent is withdrawn.") % {
        "days": organisation.record_retention_days, "delay": organisation.erasure_delay_days}
    rows = []
    for provider in providers(None):
        roles = [str(Role(role).label) for role, granted in ROLE_PERMISSIONS.items()
                 if provider.permissions & granted]
        period = str(provider.period()) if provider.period else retention
        row = RegisterRow(str(provider.title()), str(provider.kept()),
                          str(provider.purpose()), period, roles)
        if row not in rows:  # the same processing seen from two kinds of subject
            rows.append(row)
    return rows
