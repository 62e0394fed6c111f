"""Volunteers from a spreadsheet: new records or updates by external id."""


from django import forms
from django.db.models.functions import Lower, Trim
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from peercircle.core.audit import audited_bulk_create
from peercircle.core.models import Format, HelpArea, Region
from peercircle.imports.importers.base import (
    BATCH,
    Column,
    Importer,
    _choices_lookup,
    _named_lookup,
)
from peercircle.imports.parsing import (
    cell_text,
)

# -- volunteers ---------------------------------------------------------------------------------


class VolunteerImporter(Importer):
    kind = "volunteers"
    label = gettext_lazy("Volunteers")
    who_columns = ("full_name", "email")
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
        # a person already recorded with this e-mail is the same person, whatever the file's
        # numbering column ("№", "Nr") says this time: re-import stays idempotent
        emails = {r.data["email"] for r in rows if r.data["email"]}
        known_emails = {e.lower() for e in Volunteer.objects.filter(
            organisation=self.organisation, email__in=emails | {e.upper() for e in emails})
            .values_list("email", flat=True)}
        for row in rows:
            row.skipped = (row.data["external_id"].lower() in existing
                           or row.data["email"] in known_emails)

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
