"""Member organisations of a network from a spreadsheet (bulk onboarding, issue 14).

Only the organisation that coordinates a network offers this kind. Each row becomes an
organisation of that network, with its legal identity checked as the operator's form checks it,
and its coordinator is invited by e-mail once the commit is done. A row whose organisation is
already registered (same legal identifier, or the same name in the network) is left as it is, so
the same file imports once.
"""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from peercircle.core.models import Region
from peercircle.imports.importers.base import Column, Importer, _choices_lookup, _named_lookup
from peercircle.imports.parsing import cell_text

IDENTIFIER_FIELDS = ("inn", "ogrn", "krs", "nip", "regon")


class OrganisationImporter(Importer):
    kind = "organisations"
    label = gettext_lazy("Member organisations of the network")
    all_or_nothing = True  # a network onboards a clean list, or nobody
    who_columns = ("name",)
    columns = [
        Column("name", gettext_lazy("Name"), True, ("name", "название", "организация", "nazwa",
                                                    "organizacja")),
        Column("kind", gettext_lazy("Kind"), False, ("kind", "тип", "вид", "rodzaj", "typ")),
        Column("country", gettext_lazy("Country"), False, ("country", "страна", "kraj")),
        Column("inn", gettext_lazy("INN"), False, ("inn", "инн")),
        Column("ogrn", gettext_lazy("OGRN"), False, ("ogrn", "огрн")),
        Column("krs", gettext_lazy("KRS number"), False, ("krs", "numer krs")),
        Column("nip", gettext_lazy("NIP"), False, ("nip",)),
        Column("regon", gettext_lazy("REGON"), False, ("regon",)),
        Column("city", gettext_lazy("City or locality"), False, ("city", "город",
                                                                 "населённый пункт",
                                                                 "miejscowość", "miasto")),
        Column("address", gettext_lazy("Legal address"), False, ("address", "адрес", "adres")),
        Column("email", gettext_lazy("Contact e-mail"), False, ("email", "e-mail", "почта")),
        Column("phone", gettext_lazy("Contact phone"), False, ("phone", "телефон", "telefon")),
        Column("regions", gettext_lazy("Regions"), False, ("regions", "регионы", "регион",
                                                           "regiony", "województwo")),
        Column("coordinator_email", gettext_lazy("E-mail of the coordinator"), True,
               ("coordinator", "coordinator e-mail", "координатор", "e-mail координатора",
                "koordynator", "e-mail koordynatora")),
        Column("coordinator_language", gettext_lazy("Language of the invitation"), False,
               ("language", "язык", "język")),
    ]

    @classmethod
    def offered_to(cls, organisation) -> bool:
        return bool(organisation.coordinates_network and organisation.network_id)

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        from peercircle.organisations.models import Country, Organisation

        if not self.offered_to(self.organisation):
            raise ValidationError(_("Only the organisation that coordinates a network imports "
                                    "its member organisations."))
        self.kinds = _choices_lookup(Organisation.Kind.choices, {"нко": "ngo", "ngo": "ngo"})
        self.countries = _choices_lookup(Country.choices, {"россия": "RU", "polska": "PL"})
        self.languages = {code: code for code, _name in settings.LANGUAGES} | {
            "русский": "ru", "polski": "pl", "english": "en", "польский": "pl"}
        self.regions = _named_lookup(Region.objects.all())
        self.invitations: list = []

    def clean(self, row, raw):
        from peercircle.organisations.administration import organisation_duplicates_check

        data = row.data
        data["name"] = self._required_text(row, "name", raw.get("name"), max_length=200)
        data["kind"] = self._choice(row, "kind", raw.get("kind"), self.kinds, default="ngo")
        data["country"] = self._choice(row, "country", raw.get("country"), self.countries,
                                       default=self.organisation.country)
        for field in IDENTIFIER_FIELDS:
            data[field] = cell_text(raw.get(field))[:40]
        data["city"] = cell_text(raw.get("city"))[:120]
        data["address"] = cell_text(raw.get("address"))[:500]
        data["email"] = self._email(row, "email", raw.get("email"))
        data["phone"] = cell_text(raw.get("phone"))[:40]
        data["regions"] = self._many(row, "regions", raw.get("regions"), self.regions)
        data["coordinator_email"] = self._email(row, "coordinator_email",
                                                raw.get("coordinator_email"), required=True)
        data["coordinator_language"] = self._choice(
            row, "coordinator_language", raw.get("coordinator_language"), self.languages,
            default="pl" if data["country"] == "PL" else "ru")
        try:  # the identifiers' check digits, as the operator's form checks them
            data.update(organisation_duplicates_check(
                data={k: data[k] for k in ("country", *IDENTIFIER_FIELDS)}, network=None,
                exclude_pk=None, duplicates=False))
        except ValidationError as error:
            row.errors.extend(f"{self.label_of(f)}: {m}" for f, ms in error.message_dict.items()
                              for m in ms)
        key = next((f"{f}:{data[f]}" for f in IDENTIFIER_FIELDS if data.get(f)),
                   "name:" + data["name"].casefold())
        data["external_id"] = key
        self.remember(row, key)

    def _email(self, row, name, value, *, required=False) -> str:
        text = cell_text(value).lower()
        if not text:
            if required:
                row.errors.append(f"{self.label_of(name)}: "
                                  f"{forms.Field.default_error_messages['required']}")
            return ""
        try:
            return forms.EmailField().clean(text)
        except forms.ValidationError as error:
            row.errors.extend(f"{self.label_of(name)}: {m}" for m in error.messages)
            return ""

    def check_batch(self, rows):
        """A row whose organisation is registered already (an identifier, or its name in the
        network) is left as it is: the same file imports once, and no duplicate is made."""
        from peercircle.organisations.models import Organisation

        known: set[str] = set()
        for field in IDENTIFIER_FIELDS:
            values = [r.data[field] for r in rows if r.data.get(field)]
            known |= {f"{field}:{v}" for v in Organisation.objects.filter(
                **{f"{field}__in": values}).values_list(field, flat=True)}
        names = {n.casefold() for n in Organisation.objects.filter(
            network_id=self.organisation.network_id).values_list("name", flat=True)}
        for row in rows:
            ids = {f"{f}:{row.data[f]}" for f in IDENTIFIER_FIELDS if row.data.get(f)}
            row.skipped = bool(ids & known) or row.data["name"].casefold() in names

    def write(self, rows):
        from peercircle.core.audit import audit_record, snapshot
        from peercircle.core.models import AuditEntry
        from peercircle.organisations.models import Organisation

        taken = set(Organisation.objects.values_list("slug", flat=True))
        for row in rows:
            data = row.data
            organisation = Organisation(
                network_id=self.organisation.network_id, slug=self._slug(data, taken),
                time_zone="Europe/Warsaw" if data["country"] == "PL" else "Europe/Moscow",
                **{k: data[k] for k in ("name", "kind", "country", *IDENTIFIER_FIELDS, "city",
                                        "address", "email", "phone")})
            organisation.languages = [data["coordinator_language"]]
            organisation.full_clean()
            organisation.save()
            organisation.regions.set(data["regions"])
            for owner in (self.organisation, organisation):
                audit_record(actor=self.actor, organisation=owner,
                             action=AuditEntry.Action.CREATE, instance=organisation,
                             after=snapshot(organisation))
            self.invitations.append((organisation, data["coordinator_email"],
                                     data["coordinator_language"]))
            self.written += 1

    def _slug(self, data, taken: set[str]) -> str:
        base = slugify(data["name"]) or next(
            (f"{f}-{data[f]}" for f in IDENTIFIER_FIELDS if data.get(f)), "organisation")
        slug, n = base[:45], 1
        while slug in taken:
            n += 1
            slug = f"{base[:45]}-{n}"
        taken.add(slug)
        return slug

    def finish(self):
        """Each new organisation's coordinator is invited (the e-mails go once committed)."""
        from django_scopes import scope

        from peercircle.core.urls_absolute import absolute_url
        from peercircle.organisations.roles import Role
        from peercircle.organisations.services import invitation_create

        for organisation, email, language in self.invitations:
            with scope(organisation=organisation):
                invitation_create(actor=self.actor, organisation=organisation, email=email,
                                  role=Role.COORDINATOR, language=language,
                                  build_url=absolute_url)
