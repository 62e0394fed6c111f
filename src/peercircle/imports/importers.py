"""What each kind of import reads, how a row is checked, and how valid rows are written.

Checking is done in batches: reference data (regions, help areas, members, programmes) is
loaded once into dictionaries, and the records a batch names (external ids, codes, beneficiaries'
consent) are looked up with one query per batch, never one per row. Writing is bulk_create in
batches, inside the one transaction of the commit (see engine.py).
"""

import hashlib
from dataclasses import dataclass, field

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db.models import Q
from django.db.models.functions import Lower, Trim
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from peercircle.core.audit import audited_bulk_create
from peercircle.core.models import Activity, Format, HelpArea, Programme, Region
from peercircle.core.services import MAX_DURATION_MINUTES
from peercircle.imports.parsing import (
    cell_text,
    parse_bool,
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

    @property
    def ok(self) -> bool:
        return not self.errors and not self.skipped


def _choices_lookup(choices, extra: dict | None = None) -> dict[str, str]:
    """Every label of a TextChoices in the three languages (and its code) -> code."""
    lookup = {}
    for language in ("en", "ru", "pl"):
        with translation.override(language):
            for value, label in choices:
                lookup[str(label).lower()] = value
    for value, _label in choices:
        lookup[str(value).lower()] = value
    lookup.update(extra or {})
    return lookup


def _named_lookup(queryset) -> dict[str, object]:
    lookup = {}
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
                          % {"column": self.label_of(name), "value": cell_text(value)[:40]})
        return default

    def _many(self, row, name, value, lookup) -> list:
        found, unknown = [], []
        for part in split_list(value):
            item = lookup.get(part.lower())
            (found.append(item) if item is not None else unknown.append(part))
        if unknown:
            row.errors.append(_("%(column)s: unknown %(values)s.")
                              % {"column": self.label_of(name), "values": ", ".join(unknown)[:100]})
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

    def write(self, rows: list[Row]) -> None:
        raise NotImplementedError

    def finish(self) -> None:
        """Called once, after the last batch, inside the commit's transaction."""


# -- consultations ------------------------------------------------------------------------------


class ConsultationImporter(Importer):
    kind = "consultations"
    label = gettext_lazy("Consultations")
    key_label = gettext_lazy("external id")
    columns = [
        Column("external_id", gettext_lazy("External id"), aliases=("id", "external id", "№", "ид",
                                                                    "идентификатор", "nr")),
        Column("date", gettext_lazy("Date"), True, ("date", "дата", "data", "отметка времени",
                                                    "timestamp", "sygnatura czasowa")),
        Column("duration_minutes", gettext_lazy("Duration, minutes"), True,
               ("duration", "minutes", "минут", "минуты", "длительность", "продолжительность",
                "czas trwania", "minuty")),
        Column("format", gettext_lazy("Format"), True, ("format", "формат", "forma")),
        Column("consultant", gettext_lazy("Consultant's e-mail"), True,
               ("consultant", "e-mail", "email", "консультант", "konsultant", "почта")),
        Column("beneficiary", gettext_lazy("Beneficiary code"), False,
               ("beneficiary", "code", "код", "kod", "код клиента", "kod osoby")),
        Column("anonymous_count", gettext_lazy("Anonymous participants"), False,
               ("anonymous", "анонимно", "anonimowo")),
        Column("region", gettext_lazy("Region"), False, ("region", "регион", "region")),
        Column("topics", gettext_lazy("Topics"), False, ("topics", "темы", "тема", "tematy", "temat")),
        Column("mode", gettext_lazy("Individual or group"), False, ("mode",)),
        Column("programme", gettext_lazy("Programme"), False, ("programme", "программа", "program")),
        Column("follow_up_on", gettext_lazy("Next contact planned"), False,
               ("next contact", "следующий контакт", "następny kontakt")),
    ]

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        from peercircle.organisations.models import Membership

        self.formats = _choices_lookup(Format.choices, {
            "телефон": Format.PHONE, "telefon": Format.PHONE, "очно": Format.IN_PERSON,
            "лично": Format.IN_PERSON, "osobiście": Format.IN_PERSON, "онлайн": Format.ONLINE,
            "online": Format.ONLINE, "видео": Format.ONLINE, "чат": Format.CHAT, "czat": Format.CHAT})
        self.modes = _choices_lookup(Activity.Mode.choices)
        self.regions = _named_lookup(Region.objects.all())
        self.help_areas = _named_lookup(HelpArea.objects.all())
        self.programmes = {p.name.strip().lower(): p.pk for p in
                           Programme.objects.filter(organisation=self.organisation)}
        self.providers = {}
        names: dict[str, list[int]] = {}
        for user_id, email, name in Membership.objects.filter(
                organisation=self.organisation, is_active=True).values_list(
                "user_id", "user__email", "user__full_name"):
            self.providers[email.strip().lower()] = user_id
            names.setdefault(name.strip().lower(), []).append(user_id)
        for name, ids in names.items():
            if len(ids) == 1 and name:
                self.providers.setdefault(name, ids[0])
        self.participants: list[tuple] = []
        self.topics: list[tuple] = []

    def clean(self, row, raw):
        data = row.data
        data["external_id"] = self.external_key(row, raw)
        data["date"] = self._date(row, "date", raw.get("date"), required=True, past_only=True)
        duration = self._int(row, "duration_minutes", raw.get("duration_minutes"), minimum=0,
                             maximum=10**6)
        if duration is None and not cell_text(raw.get("duration_minutes")):
            row.errors.append(f"{self.label_of('duration_minutes')}: {required_message()}")
        elif duration is not None and not 0 < duration <= MAX_DURATION_MINUTES:
            row.errors.append(_("Give a duration between 1 minute and 24 hours."))
        data["duration_minutes"] = duration
        data["format"] = self._choice(row, "format", raw.get("format"), self.formats)
        if not data["format"] and not cell_text(raw.get("format")):
            row.errors.append(f"{self.label_of('format')}: {required_message()}")
        consultant = cell_text(raw.get("consultant")).lower()
        data["provider"] = self.providers.get(consultant)
        if not consultant:
            row.errors.append(f"{self.label_of('consultant')}: {required_message()}")
        elif data["provider"] is None:
            row.errors.append(_("%(value)s is not a member of this organisation.")
                              % {"value": cell_text(raw.get("consultant"))[:80]})
        data["beneficiary"] = cell_text(raw.get("beneficiary"))
        anonymous = self._int(row, "anonymous_count", raw.get("anonymous_count"), maximum=10000)
        data["anonymous_count"] = anonymous if anonymous is not None else (
            0 if data["beneficiary"] else 1)
        if not data["beneficiary"] and data["anonymous_count"] <= 0:
            row.errors.append(_("Name a participant or give the number of anonymous ones."))
        region = cell_text(raw.get("region"))
        data["region"] = self.regions.get(region.lower()) if region else None
        if region and data["region"] is None:
            row.errors.append(_("%(column)s: unknown %(values)s.")
                              % {"column": self.label_of("region"), "values": region[:80]})
        data["topics"] = self._many(row, "topics", raw.get("topics"), self.help_areas)
        data["mode"] = self._choice(row, "mode", raw.get("mode"), self.modes,
                                    default=Activity.Mode.INDIVIDUAL)
        programme = cell_text(raw.get("programme"))
        data["programme"] = self.programmes.get(programme.lower()) if programme else None
        if programme and data["programme"] is None:
            row.errors.append(_("%(column)s: unknown %(values)s.")
                              % {"column": self.label_of("programme"), "values": programme[:80]})
        data["follow_up_on"] = self._date(row, "follow_up_on", raw.get("follow_up_on"))
        if data["follow_up_on"] and data["date"] and data["follow_up_on"] < data["date"]:
            row.errors.append(_("The next contact cannot be before this one."))
        self.remember(row, data["external_id"])

    def check_batch(self, rows):
        from peercircle.people.models import Beneficiary
        from peercircle.people.selectors import beneficiaries_lacking_consent

        keys = [r.data["external_id"] for r in rows]
        existing = set(Activity.objects.filter(organisation=self.organisation,
                                               external_id__in=keys)
                       .values_list("external_id", flat=True))
        codes = {r.data["beneficiary"] for r in rows if r.data.get("beneficiary")}
        variants = codes | {c.upper() for c in codes}
        people = {b.code.lower(): b for b in Beneficiary.objects.filter(
            organisation=self.organisation, code__in=variants)} if codes else {}
        lacking = {b.pk for b in beneficiaries_lacking_consent(list(people.values()),
                                                               purpose="data_processing")}
        for row in rows:
            if row.data["external_id"] in existing:
                row.skipped = True
                continue
            code = row.data.get("beneficiary")
            if not code:
                row.data["participant"] = None
                continue
            person = people.get(code.lower())
            if person is None:
                row.errors.append(_("There is no beneficiary with the code %(code)s.")
                                  % {"code": code[:40]})
            elif person.pk in lacking:
                row.errors.append(
                    _("%(codes)s gave no consent to %(purpose)s. Record the consent first.")
                    % {"codes": person.code, "purpose": _("Processing of personal data").lower()})
            row.data["participant"] = person

    def write(self, rows):
        from peercircle.people.services import require_consent

        participants = [r.data["participant"] for r in rows if r.data.get("participant")]
        if participants:
            require_consent(participants)  # consent withdrawn since the check: nothing is written
        now = timezone.now()
        activities = Activity.objects.bulk_create([
            Activity(organisation=self.organisation, kind=Activity.Kind.CONSULTATION,
                     mode=r.data["mode"], date=r.data["date"],
                     duration_minutes=r.data["duration_minutes"], format=r.data["format"],
                     programme_id=r.data["programme"], region=r.data["region"],
                     anonymous_count=r.data["anonymous_count"], recorded_by=self.actor,
                     follow_up_on=r.data["follow_up_on"], external_id=r.data["external_id"],
                     created_at=now, updated_at=now)
            for r in rows], batch_size=BATCH)
        providers = Activity.providers.through
        participants_through = Activity.participants.through
        topics = Activity.help_areas.through
        providers.objects.bulk_create(
            [providers(activity_id=a.pk, user_id=r.data["provider"])
             for a, r in zip(activities, rows, strict=True)],
            batch_size=BATCH)
        participants_through.objects.bulk_create(
            [participants_through(activity_id=a.pk, beneficiary_id=r.data["participant"].pk)
             for a, r in zip(activities, rows, strict=True) if r.data.get("participant")], batch_size=BATCH)
        topics.objects.bulk_create(
            [topics(activity_id=a.pk, helparea_id=h.pk) for a, r in zip(activities, rows, strict=True)
             for h in {h.pk: h for h in r.data["topics"]}.values()], batch_size=BATCH)
        self.written += len(activities)


# -- volunteers ---------------------------------------------------------------------------------


class VolunteerImporter(Importer):
    kind = "volunteers"
    label = gettext_lazy("Volunteers")
    columns = [
        Column("external_id", gettext_lazy("External id"), aliases=("id", "external id", "№", "nr")),
        Column("full_name", gettext_lazy("Name"), True, ("name", "full name", "фио", "имя",
                                                         "imię i nazwisko", "nazwisko")),
        Column("email", gettext_lazy("E-mail"), True, ("email", "e-mail", "почта",
                                                       "адрес электронной почты", "adres e-mail")),
        Column("phone", gettext_lazy("Phone"), False, ("phone", "телефон", "telefon")),
        Column("stage", gettext_lazy("Stage"), False, ("stage", "этап", "статус", "etap", "status")),
        Column("help_areas", gettext_lazy("Help areas"), False,
               ("help areas", "направления", "темы", "obszary pomocy")),
        Column("regions", gettext_lazy("Regions"), False, ("regions", "регионы", "регион", "regiony",
                                                           "region")),
        Column("languages", gettext_lazy("Languages"), False, ("languages", "языки", "języki")),
        Column("formats", gettext_lazy("Formats"), False, ("formats", "форматы", "formaty")),
        Column("weekly_capacity", gettext_lazy("Consultations a week"), False,
               ("capacity", "нагрузка", "в неделю", "tygodniowo")),
        Column("motivation", gettext_lazy("Why they want to volunteer"), False,
               ("motivation", "мотивация", "почему", "motywacja")),
    ]

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        from peercircle.organisations.models import Language
        from peercircle.volunteers.models import Stage

        self.stages = _choices_lookup(Stage.choices, {"активен": Stage.ACTIVE,
                                                      "активный": Stage.ACTIVE,
                                                      "aktywny": Stage.ACTIVE})
        self.languages = _choices_lookup(Language.choices, {"русский": "ru", "polski": "pl",
                                                            "польский": "pl"})
        self.formats = _choices_lookup(Format.choices, {"телефон": Format.PHONE,
                                                        "telefon": Format.PHONE,
                                                        "очно": Format.IN_PERSON,
                                                        "онлайн": Format.ONLINE})
        self.regions = _named_lookup(Region.objects.all())
        self.help_areas = _named_lookup(HelpArea.objects.all())

    def clean(self, row, raw):
        from peercircle.volunteers.models import Stage

        data = row.data
        data["full_name"] = self._required_text(row, "full_name", raw.get("full_name"), max_length=150)
        email = cell_text(raw.get("email")).lower()
        try:
            data["email"] = forms.EmailField().clean(email)
        except forms.ValidationError as error:
            data["email"] = ""
            row.errors.extend(f"{self.label_of('email')}: {m}" for m in error.messages)
        given = cell_text(raw.get("external_id"))
        data["external_id"] = given[:100] if given else ("email:" + email)[:100]
        data["phone"] = cell_text(raw.get("phone"))[:40]
        data["stage"] = self._choice(row, "stage", raw.get("stage"), self.stages, default=Stage.ACTIVE)
        data["help_areas"] = self._many(row, "help_areas", raw.get("help_areas"), self.help_areas)
        data["regions"] = self._many(row, "regions", raw.get("regions"), self.regions)
        data["languages"] = sorted({code for code in self._many(row, "languages", raw.get("languages"),
                                                                 self.languages)})
        data["formats"] = sorted({code for code in self._many(row, "formats", raw.get("formats"),
                                                               self.formats)})
        data["weekly_capacity"] = self._int(row, "weekly_capacity", raw.get("weekly_capacity"),
                                            maximum=100) or 0
        data["motivation"] = cell_text(raw.get("motivation"))
        self.remember(row, data["external_id"])

    def check_batch(self, rows):
        from peercircle.volunteers.models import Volunteer

        existing = set(Volunteer.objects.filter(organisation=self.organisation)
                       .annotate(key=Lower(Trim("external_id")))
                       .filter(key__in=[r.data["external_id"].lower() for r in rows])
                       .values_list("key", flat=True))
        for row in rows:
            row.skipped = row.data["external_id"].lower() in existing

    def write(self, rows):
        from peercircle.volunteers.models import StageChange, Volunteer

        now = timezone.now()
        volunteers = audited_bulk_create([
            Volunteer(organisation=self.organisation, full_name=r.data["full_name"],
                      email=r.data["email"], phone=r.data["phone"], stage=r.data["stage"],
                      languages=r.data["languages"], formats=r.data["formats"],
                      weekly_capacity=r.data["weekly_capacity"], motivation=r.data["motivation"],
                      external_id=r.data["external_id"], created_at=now, updated_at=now)
            for r in rows], actor=self.actor, organisation=self.organisation, batch_size=BATCH)
        StageChange.objects.bulk_create([
            StageChange(organisation=self.organisation, volunteer=v, from_stage="",
                        to_stage=v.stage, changed_on=self.today, changed_by=self.actor,
                        reason=str(_("Imported from a spreadsheet")))
            for v in volunteers], batch_size=BATCH)
        areas, regions = Volunteer.help_areas.through, Volunteer.regions.through
        areas.objects.bulk_create([areas(volunteer_id=v.pk, helparea_id=h.pk)
                                   for v, r in zip(volunteers, rows, strict=True)
                                   for h in {h.pk: h for h in r.data["help_areas"]}.values()])
        regions.objects.bulk_create([regions(volunteer_id=v.pk, region_id=g.pk)
                                     for v, r in zip(volunteers, rows, strict=True)
                                     for g in {g.pk: g for g in r.data["regions"]}.values()])
        self.written += len(volunteers)


# -- beneficiaries and families -----------------------------------------------------------------


class BeneficiaryImporter(Importer):
    kind = "beneficiaries"
    label = gettext_lazy("Beneficiaries")
    columns = [
        Column("code", gettext_lazy("Code"), True, ("code", "код", "kod", "id", "№")),
        Column("birth_year", gettext_lazy("Year of birth"), False,
               ("year of birth", "год рождения", "rok urodzenia")),
        Column("gender", gettext_lazy("Gender"), False, ("gender", "пол", "płeć")),
        Column("region", gettext_lazy("Region"), False, ("region", "регион")),
        Column("needs", gettext_lazy("Needs"), False, ("needs", "потребности", "запрос", "potrzeby")),
        Column("full_name", gettext_lazy("Full name (kept apart, coordinators only)"), False,
               ("full name", "фио", "imię i nazwisko")),
        Column("phone", gettext_lazy("Phone (kept apart)"), False, ("phone", "телефон", "telefon")),
        Column("email", gettext_lazy("E-mail (kept apart)"), False, ("email", "e-mail", "почта")),
        Column("consent", gettext_lazy("Consent to data processing (yes/no)"), False,
               ("consent", "согласие", "zgoda")),
        Column("consent_given_on", gettext_lazy("Consent date"), False,
               ("consent date", "дата согласия", "data zgody")),
        Column("consent_method", gettext_lazy("How consent was given"), False,
               ("consent method", "способ согласия")),
    ]

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        from peercircle.people.models import Beneficiary, Consent

        self.genders = _choices_lookup(Beneficiary.Gender.choices, {
            "ж": "female", "жен": "female", "женский": "female", "k": "female", "kobieta": "female",
            "f": "female", "м": "male", "муж": "male", "мужской": "male", "mężczyzna": "male"})
        self.methods = _choices_lookup(Consent.Method.choices)
        self.regions = _named_lookup(Region.objects.all())
        self.help_areas = _named_lookup(HelpArea.objects.all())

    def clean(self, row, raw):
        data = row.data
        data["code"] = self._required_text(row, "code", raw.get("code"), max_length=20)
        data["external_id"] = data["code"].lower()
        year = self._int(row, "birth_year", raw.get("birth_year"), minimum=1900,
                         maximum=self.today.year)
        data["birth_year"] = year
        data["gender"] = self._choice(row, "gender", raw.get("gender"), self.genders)
        region = cell_text(raw.get("region"))
        data["region"] = self.regions.get(region.lower()) if region else None
        if region and data["region"] is None:
            row.errors.append(_("%(column)s: unknown %(values)s.")
                              % {"column": self.label_of("region"), "values": region[:80]})
        data["needs"] = self._many(row, "needs", raw.get("needs"), self.help_areas)
        data["identity"] = self._identity(row, raw)
        try:
            consent = parse_bool(raw.get("consent"))
        except ValueError:
            consent = None
            row.errors.append(_("%(column)s: write yes or no.") % {"column": self.label_of("consent")})
        if any(data["identity"].values()) and consent is not True:
            # the same rule as the page: a name and contacts only with consent to data processing
            row.errors.append(_("A name and contacts are kept only with consent to data processing: "
                                "write yes in %(column)s (with its date), or leave the name and "
                                "contacts empty.") % {"column": self.label_of("consent")})
        given_on = self._date(row, "consent_given_on", raw.get("consent_given_on"))
        if given_on and given_on > self.today:
            row.errors.append(_("%(column)s cannot be in the future.")
                              % {"column": self.label_of("consent_given_on")})
        if consent and not given_on:
            row.errors.append(_("Give the date the consent was given."))
        data["consent_on"] = given_on if consent is not False else None
        data["consent_method"] = self._choice(row, "consent_method", raw.get("consent_method"),
                                              self.methods, default="signed_paper")
        self.remember(row, data["external_id"])

    def _identity(self, row, raw) -> dict:
        identity = {"full_name": cell_text(raw.get("full_name"))[:200],
                    "phone": cell_text(raw.get("phone"))[:40],
                    "email": cell_text(raw.get("email"))[:254]}
        if (identity["phone"] or identity["email"]) and not identity["full_name"]:
            row.errors.append(_("%(column)s: give the name the contacts belong to.")
                              % {"column": self.label_of("full_name")})
        if identity["email"]:
            try:
                validate_email(identity["email"])
            except ValidationError:
                row.errors.append(_("%(column)s: %(value)s is not an e-mail address.")
                                  % {"column": self.label_of("email"), "value": identity["email"][:80]})
        return identity

    def check_batch(self, rows):
        from peercircle.people.models import Beneficiary

        existing = existing_codes(Beneficiary, self.organisation, rows)
        for row in rows:
            row.skipped = row.data["external_id"] in existing

    def write(self, rows):
        from peercircle.people.models import Beneficiary, BeneficiaryIdentity
        from peercircle.people.services import IDENTITY_FIELDS, consent_give, require_consent

        now = timezone.now()
        people = audited_bulk_create([
            Beneficiary(organisation=self.organisation, code=r.data["code"],
                        birth_year=r.data["birth_year"], gender=r.data["gender"],
                        region=r.data["region"], created_by=self.actor, created_at=now,
                        updated_at=now) for r in rows],
            actor=self.actor, organisation=self.organisation, batch_size=BATCH)
        needs = Beneficiary.needs.through
        needs.objects.bulk_create([needs(beneficiary_id=b.pk, helparea_id=h.pk)
                                   for b, r in zip(people, rows, strict=True)
                                   for h in {h.pk: h for h in r.data["needs"]}.values()])
        for person, row in zip(people, rows, strict=True):
            if row.data["consent_on"]:
                consent_give(actor=self.actor, beneficiary=person, purpose="data_processing",
                             given_on=row.data["consent_on"], method=row.data["consent_method"],
                             given_by=str(_("The beneficiary")))
        identified = [(b, r) for b, r in zip(people, rows, strict=True) if r.data["identity"]["full_name"]]
        # the page's rule, checked again inside the commit's transaction: no identity without consent
        require_consent([b for b, _r in identified])
        audited_bulk_create([
            BeneficiaryIdentity(organisation=self.organisation, beneficiary=b, **r.data["identity"])
            for b, r in identified],
            actor=self.actor, organisation=self.organisation, masked=IDENTITY_FIELDS, batch_size=BATCH)
        self.written += len(people)


class FamilyImporter(Importer):
    kind = "families"
    label = gettext_lazy("Families")
    columns = [
        Column("code", gettext_lazy("Code"), True, ("code", "код", "kod", "id", "№")),
        Column("region", gettext_lazy("Region"), False, ("region", "регион")),
        Column("needs", gettext_lazy("Needs"), False, ("needs", "потребности", "potrzeby")),
        Column("notes", gettext_lazy("Situation (no names)"), False,
               ("notes", "situation", "ситуация", "sytuacja")),
    ]

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.regions = _named_lookup(Region.objects.all())
        self.help_areas = _named_lookup(HelpArea.objects.all())

    def clean(self, row, raw):
        data = row.data
        data["code"] = self._required_text(row, "code", raw.get("code"), max_length=20)
        data["external_id"] = data["code"].lower()
        region = cell_text(raw.get("region"))
        data["region"] = self.regions.get(region.lower()) if region else None
        if region and data["region"] is None:
            row.errors.append(_("%(column)s: unknown %(values)s.")
                              % {"column": self.label_of("region"), "values": region[:80]})
        data["needs"] = self._many(row, "needs", raw.get("needs"), self.help_areas)
        data["notes"] = cell_text(raw.get("notes"))
        self.remember(row, data["external_id"])

    def check_batch(self, rows):
        from peercircle.people.models import Family

        existing = existing_codes(Family, self.organisation, rows)
        for row in rows:
            row.skipped = row.data["external_id"] in existing

    def write(self, rows):
        from peercircle.people.models import Family

        now = timezone.now()
        families = Family.objects.bulk_create([
            Family(organisation=self.organisation, code=r.data["code"], region=r.data["region"],
                   notes=r.data["notes"], created_at=now, updated_at=now) for r in rows],
            batch_size=BATCH)
        needs = Family.needs.through
        needs.objects.bulk_create([needs(family_id=f.pk, helparea_id=h.pk)
                                   for f, r in zip(families, rows, strict=True)
                                   for h in {h.pk: h for h in r.data["needs"]}.values()])
        self.written += len(families)


# -- training attendance ------------------------------------------------------------------------


class AttendanceImporter(Importer):
    kind = "attendance"
    label = gettext_lazy("Training attendance")
    columns = [
        Column("course", gettext_lazy("Course"), True, ("course", "курс", "kurs", "программа")),
        Column("session_date", gettext_lazy("Session date"), True, ("date", "дата", "data",
                                                                    "session date")),
        Column("volunteer", gettext_lazy("Volunteer's e-mail or external id"), True,
               ("volunteer", "e-mail", "email", "волонтёр", "волонтер", "wolontariusz")),
        Column("topic", gettext_lazy("Session topic"), False, ("topic", "тема", "temat")),
    ]

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        from peercircle.training.models import Course, CourseSession, Enrolment

        self.courses = {c.title.strip().lower(): c for c in
                        Course.objects.filter(organisation=self.organisation)}
        self.sessions: dict[tuple, list] = {}
        for s in CourseSession.objects.filter(organisation=self.organisation):
            self.sessions.setdefault((s.course_id, s.date), []).append(s)
        self.enrolments: dict[tuple, object] = {}
        for e in Enrolment.objects.filter(organisation=self.organisation).select_related("volunteer"):
            for key in (e.volunteer.email.lower(), e.volunteer.external_id.lower()):
                if key:
                    self.enrolments[(e.course_id, key)] = e
        self.pending: dict[int, list] = {}

    def clean(self, row, raw):
        data = row.data
        title = self._required_text(row, "course", raw.get("course"))
        course = self.courses.get(title.lower()) if title else None
        if title and course is None:
            row.errors.append(_("There is no course called %(title)s.") % {"title": title[:80]})
        day = self._date(row, "session_date", raw.get("session_date"), required=True)
        who = self._required_text(row, "volunteer", raw.get("volunteer")).lower()
        session = enrolment = None
        if course and day:
            candidates = self.sessions.get((course.pk, day), [])
            topic = cell_text(raw.get("topic")).lower()
            if topic:
                candidates = [s for s in candidates if s.topic.strip().lower() == topic]
            if len(candidates) == 1:
                session = candidates[0]
            elif not candidates:
                row.errors.append(_("The course has no session on %(date)s.")
                                  % {"date": day.strftime("%d.%m.%Y")})
            else:
                row.errors.append(_("The course has several sessions that day: name the topic."))
        if course and who:
            enrolment = self.enrolments.get((course.pk, who))
            if enrolment is None:
                row.errors.append(_("%(who)s is not enrolled in this course.") % {"who": who[:80]})
        data["session"], data["enrolment"] = session, enrolment
        if session and enrolment:
            data["external_id"] = f"{session.pk}:{enrolment.pk}"
            self.remember(row, data["external_id"])

    def check_batch(self, rows):
        from peercircle.training.models import Attendance

        sessions = {r.data["session"].pk for r in rows if r.data.get("session")}
        existing = {f"{s}:{e}" for s, e in Attendance.objects.filter(session_id__in=sessions)
                    .values_list("session_id", "enrolment_id")}
        for row in rows:
            if row.errors or not row.data.get("session"):
                continue
            if row.data["external_id"] in existing:
                row.skipped = True
            elif row.data["session"].held:
                row.errors.append(_("This session's attendance is already recorded."))
            elif row.data["session"].date > self.today:
                row.errors.append(_("A session cannot be recorded before its date."))

    def write(self, rows):
        for row in rows:
            self.pending.setdefault(row.data["session"].pk, []).append(row)

    def finish(self):
        from peercircle.training.services import session_hold

        for rows in self.pending.values():
            session_hold(actor=self.actor, session=rows[0].data["session"],
                         present=[r.data["enrolment"] for r in rows])
            self.written += len(rows)


IMPORTERS: dict[str, type[Importer]] = {
    importer.kind: importer for importer in (
        VolunteerImporter, BeneficiaryImporter, FamilyImporter, ConsultationImporter,
        AttendanceImporter)
}


def kind_choices():
    return [(kind, importer.label) for kind, importer in IMPORTERS.items()]


def guess_mapping(kind: str, headers: list[str], remembered: dict | None = None) -> dict:
    """field -> header: what was used last time (if those headers are here), else by the names."""
    columns = IMPORTERS[kind].columns
    remembered = remembered or {}
    mapping = {}
    lowered = {h.strip().lower(): h for h in headers}
    for column in columns:
        if remembered.get(column.name) in headers:
            mapping[column.name] = remembered[column.name]
            continue
        for candidate in (str(column.label).lower(), column.name, *column.aliases):
            if candidate in lowered and lowered[candidate] not in mapping.values():
                mapping[column.name] = lowered[candidate]
                break
    return mapping
