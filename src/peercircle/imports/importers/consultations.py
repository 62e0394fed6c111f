"""Consultations from a spreadsheet into the ledger."""


from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from peercircle.core.models import Activity, Format, HelpArea, Programme, Region
from peercircle.core.services import activities_record_bulk, activity_problems
from peercircle.imports.importers.base import (
    Column,
    Importer,
    _choices_lookup,
    _named_lookup,
    required_message,
)
from peercircle.imports.parsing import (
    cell_text,
)

# -- consultations ------------------------------------------------------------------------------


class ConsultationImporter(Importer):
    kind = "consultations"
    label = gettext_lazy("Consultations")
    key_label = gettext_lazy("external id")
    who_columns = ("consultant", "date", "beneficiary")
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
        # the ledger's own rules, as the forms apply them (a date in the future is the parser's)
        problems = activity_problems(
            date=data["date"], duration_minutes=duration, providers=[consultant or "?"],
            participants=[data["beneficiary"]] if data["beneficiary"] else [],
            anonymous_count=data["anonymous_count"], follow_up_on=data["follow_up_on"],
            today=self.today)
        problems.pop("date", None)
        row.errors.extend(problems.values())
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
        # through the ledger's bulk service: the same rules, consent checked again (a withdrawal
        # since the check writes nothing), one audit entry per activity
        activities = activities_record_bulk(actor=self.actor, organisation=self.organisation, entries=[
            {"kind": Activity.Kind.CONSULTATION, "mode": r.data["mode"], "date": r.data["date"],
             "duration_minutes": r.data["duration_minutes"], "format": r.data["format"],
             "programme_id": r.data["programme"], "region": r.data["region"],
             "anonymous_count": r.data["anonymous_count"], "follow_up_on": r.data["follow_up_on"],
             "external_id": r.data["external_id"], "provider_ids": [r.data["provider"]],
             "participants": [r.data["participant"]] if r.data.get("participant") else [],
             "help_area_ids": [h.pk for h in r.data["topics"]]}
            for r in rows])
        self.written += len(activities)
