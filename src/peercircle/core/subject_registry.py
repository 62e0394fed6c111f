"""The registry of subject-data providers: what each app keeps about one beneficiary.

An app registers a provider in its own `subject_data.py` module (found by autodiscovery, the way
Django finds `admin.py`). A provider:
- `subject` says whose data it holds: a beneficiary's (the default) or a volunteer's;
- `collect(beneficiary)` returns the app's records about the person as `Item`s (for the export);
- `anonymise(beneficiary)` removes the person's identifying data from those records without
  deleting the rows that figures count, and returns what it scrubbed (so that the audit log's
  copies of those values are masked too);
- `last_dates(beneficiary)` gives dates of the person's last contact with the app (retention);
- `kept`, `purpose` and `permissions` describe the processing for the register of processing.
"""

import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.db import models
from django.utils import timezone
from django.utils.module_loading import autodiscover_modules
from django.utils.text import capfirst


@dataclass(frozen=True)
class Entry:
    key: str
    label: str
    value: object


@dataclass(frozen=True)
class Item:
    """One record about the person, as labelled values."""

    entries: tuple[Entry, ...]


@dataclass(frozen=True)
class Scrubbed:
    """A record whose fields were erased: its audit entries get those fields masked."""

    instance: models.Model
    fields: frozenset[str]


def _none(_beneficiary) -> list:
    return []


@dataclass(frozen=True)
class SubjectDataProvider:
    key: str
    title: Callable[[], str]
    collect: Callable[..., list[Item]]
    kept: Callable[[], str]
    purpose: Callable[[], str]
    permissions: frozenset[str]
    anonymise: Callable[..., list[Scrubbed]] = field(default=_none)
    last_dates: Callable[..., Iterable[datetime.date | None]] = field(default=_none)
    order: int = 100
    subject: str = "beneficiary"  # whose data: "beneficiary" or "volunteer"
    period: Callable[[], str] | None = None  # how long, when not the beneficiary retention


def VOLUNTEER_PERIOD() -> str:  # noqa: N802 — a constant text, translated when read
    from django.utils.translation import gettext

    return gettext("While the person volunteers with the organisation.")


_PROVIDERS: dict[str, SubjectDataProvider] = {}
_discovered = False


def register(provider: SubjectDataProvider) -> None:
    _PROVIDERS[provider.key] = provider


def providers(subject: str | None = "beneficiary") -> list[SubjectDataProvider]:
    """The providers for one kind of subject (None: every provider, for the register)."""
    global _discovered
    if not _discovered:
        autodiscover_modules("subject_data")
        _discovered = True
    return sorted((p for p in _PROVIDERS.values() if subject in (None, p.subject)),
                  key=lambda p: (p.subject != "beneficiary", p.order, p.key))


def _display(instance: models.Model, model_field) -> object:
    value = getattr(instance, model_field.name)
    if model_field.choices:
        return getattr(instance, f"get_{model_field.name}_display")()
    if isinstance(value, datetime.datetime):
        return timezone.localtime(value).strftime("%Y-%m-%d %H:%M")
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, models.fields.files.FieldFile):
        return value.name.rsplit("/", 1)[-1] if value else ""
    if isinstance(value, models.Model):
        return str(value)
    if isinstance(value, models.Manager):
        return ", ".join(str(obj) for obj in value.all())
    return value


def item_of(instance: models.Model, fields: Iterable[str], extra: Iterable[Entry] = ()) -> Item:
    """The named fields of a record with their verbose names, values as the person reads them."""
    entries = []
    for name in fields:
        model_field = instance._meta.get_field(name)
        entries.append(Entry(name, capfirst(str(model_field.verbose_name)),
                             _display(instance, model_field)))
    return Item(tuple(entries) + tuple(extra))
