"""What each kind of import reads, how a row is checked, and how valid rows are written.

Checking is done in batches: reference data (regions, help areas, members, programmes) is
loaded once into dictionaries, and the records a batch names (external ids, codes, beneficiaries'
consent) are looked up with one query per batch, never one per row. Writing is bulk_create in
batches, inside the one transaction of the commit (see engine.py).
"""

import hashlib
from dataclasses import dataclass, field

from django import forms
from django.db.models import Q
from django.db.models.functions import Lower, Trim
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from peercircle.imports.parsing import (
    cell_text,
    parse_date,
    parse_int,
    split_list,
)

BATCH = 2000


@dataclass(frozen=True)
class Column:
    name: str
    label: object
    required: bool = False
    aliases: tuple = ()  # header names recognised without asking (lower case, any language)


@dataclass
class Row:
    number: int
    values: list
    data: dict = field(default_factory=dict)
    errors: list = field(default_factory=list)
    skipped: bool = False  # already imported earlier: left as it is
    who: str = ""  # whom or what the row is about, as the file names it (Importer.who_columns)

    @property
    def ok(self) -> bool:
        return not self.errors and not self.skipped


class Lookup(dict):
    """Names a cell may hold -> the value meant; says what it accepts when a cell holds none."""

    def __init__(self, *args, allowed=None, **kwargs):
        super().__init__(*args, **kwargs)
        self._allowed = allowed

    def allowed(self) -> list[str]:
        """The accepted values as a person reads them, in their language."""
        if self._allowed is not None:
            return [str(label) for label in self._allowed()]
        return sorted({str(item) for item in self.values()})


ALLOWED_SHOWN = 12  # a longer list (regions, help areas) is named by its first values


def allowed_text(lookup) -> str:
    values = lookup.allowed() if isinstance(lookup, Lookup) else []
    if not values:
        return ""
    shown = ", ".join(values[:ALLOWED_SHOWN]) + (", …" if len(values) > ALLOWED_SHOWN else "")
    return " " + _("Allowed: %(values)s.") % {"values": shown}


def _choices_lookup(choices, extra: dict | None = None) -> dict[str, str]:
    """Every label of a TextChoices in the three languages (and its code) -> code."""
    lookup = Lookup(allowed=lambda: [label for _value, label in choices])
    for language in ("en", "ru", "pl"):
        with translation.override(language):
            for value, label in choices:
                lookup[str(label).lower()] = value
    for value, _label in choices:
        lookup[str(value).lower()] = value
    lookup.update(extra or {})
    return lookup


def _named_lookup(queryset) -> dict[str, object]:
    lookup = Lookup()
    for item in queryset:
        for key in (item.code, item.name_en, item.name_ru, item.name_pl):
            if key:
                lookup[key.strip().lower()] = item
    return lookup


def existing_codes(model, organisation, rows) -> set[str]:
    """The codes of `rows` the organisation already has, compared without letter case or spaces
    (so "b-12", "B-12" and " B-12 " are one person)."""
    keys = {r.data["external_id"] for r in rows}
    codes = {r.data["code"] for r in rows}
    found = (model.objects.filter(organisation=organisation)
             .annotate(key=Lower(Trim("code")))  # SQLite lowers ASCII letters only: exact codes too
             .filter(Q(key__in=keys) | Q(code__in=codes | {c.upper() for c in codes}))
             .values_list("code", flat=True))
    return {code.strip().lower() for code in found}


def required_message() -> str:
    return str(forms.Field.default_error_messages["required"])


class Importer:
    kind = ""
    label = ""
    columns: list[Column] = []
    key_label = ""
    # a file with any rejected row commits nothing (rather than its valid rows only)
    all_or_nothing = False
    # the columns that say whom or what a row is about, shown beside its errors (never a
    # beneficiary's identity: their code is enough for the person correcting the file)
    who_columns: tuple[str, ...] = ()

    @classmethod
    def offered_to(cls, organisation) -> bool:
        """Whether this organisation is offered this kind of import."""
        return True

    def __init__(self, *, organisation, actor):
        self.organisation = organisation
        self.actor = actor
        self.today = timezone.localdate()
        self.seen: dict[str, int] = {}
        self.written = 0

    # -- helpers used by the kinds --
    def _date(self, row, name, value, *, required=False, past_only=False):
        try:
            parsed = parse_date(value)
        except ValueError:
            row.errors.append(_("%(column)s: “%(value)s” is not a date (write 05.03.2025, "
                                "5 марта 2025, 5 marca 2025 or 2025-03-05).")
                              % {"column": self.label_of(name), "value": cell_text(value)[:40]})
            return None
        if parsed is None and required:
            row.errors.append(f"{self.label_of(name)}: {required_message()}")
        if parsed and past_only and parsed > self.today:
            row.errors.append(_("Work cannot be logged for a future date."))
        return parsed

    def _int(self, row, name, value, *, minimum=0, maximum=10**6):
        try:
            number = parse_int(value)
        except ValueError:
            number = None
            row.errors.append(_("%(column)s: “%(value)s” is not a whole number.")
                              % {"column": self.label_of(name), "value": cell_text(value)[:40]})
        if number is not None and not minimum <= number <= maximum:
            row.errors.append(_("%(column)s: give a number from %(min)s to %(max)s.")
                              % {"column": self.label_of(name), "min": minimum, "max": maximum})
            return None
        return number

    def _choice(self, row, name, value, lookup, *, default=""):
        text = cell_text(value).lower()
        if not text:
            return default
        if text in lookup:
            return lookup[text]
        row.errors.append(_("%(column)s: “%(value)s” is not one of the known values.")
                          % {"column": self.label_of(name), "value": cell_text(value)[:40]}
                          + allowed_text(lookup))
        return default

    def _many(self, row, name, value, lookup) -> list:
        found, unknown = [], []
        for part in split_list(value):
            item = lookup.get(part.lower())
            (found.append(item) if item is not None else unknown.append(part))
        if unknown:
            row.errors.append(_("%(column)s: unknown %(values)s.")
                              % {"column": self.label_of(name), "values": ", ".join(unknown)[:100]}
                              + allowed_text(lookup))
        return found

    def _required_text(self, row, name, value, *, max_length=200) -> str:
        text = cell_text(value)
        if not text:
            row.errors.append(f"{self.label_of(name)}: {required_message()}")
        elif len(text) > max_length:
            row.errors.append(_("%(column)s: at most %(count)s characters.")
                              % {"column": self.label_of(name), "count": max_length})
        return text[:max_length]

    def label_of(self, name) -> str:
        return str(next(c.label for c in self.columns if c.name == name))

    def external_key(self, row, raw: dict) -> str:
        given = cell_text(raw.get("external_id"))
        if given:
            if len(given) > 100:
                row.errors.append(_("%(column)s: at most %(count)s characters.")
                                  % {"column": self.label_of("external_id"), "count": 100})
            return given[:100]
        # No id column: the row's content is its identity, so the same file imports once.
        digest = hashlib.sha1("\x1f".join(cell_text(raw.get(c.name)) for c in self.columns)
                              .encode("utf-8")).hexdigest()
        return "row:" + digest[:32]

    def remember(self, row, key: str) -> None:
        key = key.casefold()  # "B-12" and "b-12" are one record
        first = self.seen.get(key)
        if first is not None:
            row.errors.append(_("Repeats row %(number)s of the file.") % {"number": first})
        else:
            self.seen[key] = row.number

    # -- the steps --
    def clean(self, row: Row, raw: dict) -> None:
        raise NotImplementedError

    def check_batch(self, rows: list[Row]) -> None:
        """Look up what the batch names in the database (one query per kind of thing)."""

    def skip_known(self, model, rows: list[Row]) -> None:
        """Mark the rows whose code is already recorded (a re-import leaves them as they are)."""
        existing = existing_codes(model, self.organisation, rows)
        for row in rows:
            row.skipped = row.data["external_id"] in existing

    def write(self, rows: list[Row]) -> None:
        raise NotImplementedError

    def finish(self) -> None:
        """Called once, after the last batch, inside the commit's transaction."""
