"""Beneficiaries (with consent before identity) and families from a spreadsheet."""


from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from peercircle.core.audit import audited_bulk_create
from peercircle.core.models import HelpArea, Region
from peercircle.imports.importers.base import (
    BATCH,
    Column,
    Importer,
    _choices_lookup,
    _named_lookup,
)
from peercircle.imports.parsing import (
    cell_text,
    parse_bool,
)

# -- beneficiaries and families -----------------------------------------------------------------


class BeneficiaryImporter(Importer):
    kind = "beneficiaries"
    label = gettext_lazy("Beneficiaries")
    who_columns = ("code",)
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

        self.skip_known(Beneficiary, rows)

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
    who_columns = ("code",)
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

        self.skip_known(Family, rows)

    def write(self, rows):
        from peercircle.people.models import Family

        now = timezone.now()
        # one audit entry per family, as for people (the notes may be personal: masked)
        families = audited_bulk_create([
            Family(organisation=self.organisation, code=r.data["code"], region=r.data["region"],
                   notes=r.data["notes"], created_at=now, updated_at=now) for r in rows],
            actor=self.actor, organisation=self.organisation, masked=frozenset({"notes"}),
            batch_size=BATCH)
        needs = Family.needs.through
        needs.objects.bulk_create([needs(family_id=f.pk, helparea_id=h.pk)
                                   for f, r in zip(families, rows, strict=True)
                                   for h in {h.pk: h for h in r.data["needs"]}.values()])
        self.written += len(families)
