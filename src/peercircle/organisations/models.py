"""Networks, organisations, memberships with roles, invitations and partner organisations."""

import secrets

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from peercircle.core.models import Format, HelpArea, OrganisationOwned, Region, TimeStamped
from peercircle.organisations.roles import Role, VolunteerKind


class Network(TimeStamped):
    """Member organisations that share methods, documents and figures ("Peers Here")."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    slug = models.SlugField(_("short name in addresses"), unique=True)
    description = models.TextField(_("about the network"), blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("network")
        verbose_name_plural = _("networks")

    def __str__(self) -> str:
        return self.name


class Language(models.TextChoices):
    RUSSIAN = "ru", _("Russian")
    POLISH = "pl", _("Polish")
    ENGLISH = "en", _("English")
    UKRAINIAN = "uk", _("Ukrainian")
    TATAR = "tt", _("Tatar")
    UDMURT = "udm", _("Udmurt")
    SIGN = "sgn", _("Sign language")


class Country(models.TextChoices):
    RUSSIA = "RU", _("Russia")
    POLAND = "PL", _("Poland")


# The time zones the organisations of the two countries work in (Russia's eleven, and Poland's).
TIME_ZONES = [
    ("Europe/Kaliningrad", _("Kaliningrad time (UTC+2)")),
    ("Europe/Moscow", _("Moscow time (UTC+3)")),
    ("Europe/Samara", _("Samara time (UTC+4)")),
    ("Asia/Yekaterinburg", _("Yekaterinburg time (UTC+5)")),
    ("Asia/Omsk", _("Omsk time (UTC+6)")),
    ("Asia/Novosibirsk", _("Novosibirsk and Krasnoyarsk time (UTC+7)")),
    ("Asia/Irkutsk", _("Irkutsk time (UTC+8)")),
    ("Asia/Yakutsk", _("Yakutsk time (UTC+9)")),
    ("Asia/Vladivostok", _("Vladivostok time (UTC+10)")),
    ("Asia/Magadan", _("Magadan time (UTC+11)")),
    ("Asia/Kamchatka", _("Kamchatka time (UTC+12)")),
    ("Europe/Warsaw", _("Polish time (CET/CEST)")),
]


class Organisation(TimeStamped):
    class Kind(models.TextChoices):
        NGO = "ngo", _("Non-profit organisation")
        RESOURCE_CENTRE = "resource_centre", _("Resource centre")
        FAMILY_CENTRE = "family_centre", _("Municipal family centre")
        SOCIAL_ASSISTANCE = "social_assistance", _("Social-assistance centre")

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("short name in addresses"), unique=True)
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices, default=Kind.NGO)
    network = models.ForeignKey(
        Network, on_delete=models.PROTECT, null=True, blank=True,
        related_name="organisations", verbose_name=_("network"),
    )
    country = models.CharField(_("country"), max_length=2, choices=Country.choices,
                               default=Country.RUSSIA)
    inn = models.CharField(_("INN"), max_length=12, blank=True)
    ogrn = models.CharField(_("OGRN"), max_length=15, blank=True)
    krs = models.CharField(_("KRS number"), max_length=10, blank=True)
    nip = models.CharField(_("NIP"), max_length=10, blank=True)
    regon = models.CharField(_("REGON"), max_length=14, blank=True)
    address = models.TextField(_("legal address"), blank=True)
    time_zone = models.CharField(_("time zone"), max_length=40, choices=TIME_ZONES,
                                 default="Europe/Moscow")
    publish_contacts = models.BooleanField(
        _("show our contacts to the network's members"), default=True,
        help_text=_("The member directory of the network shows the contact e-mail, phone and "
                    "website above."),
    )
    suspended_at = models.DateTimeField(_("suspended"), null=True, blank=True)
    suspension_reason = models.CharField(_("reason for the suspension"), max_length=300,
                                         blank=True)
    coordinates_network = models.BooleanField(
        _("coordinates its network"), default=False,
        help_text=_("The organisation that runs the network and sees its de-identified figures."),
    )
    description = models.TextField(_("about the organisation"), blank=True)
    city = models.CharField(_("city or locality"), max_length=120, blank=True)
    regions = models.ManyToManyField(Region, blank=True, verbose_name=_("regions served"))
    help_areas = models.ManyToManyField(HelpArea, blank=True, verbose_name=_("help areas"))
    languages = models.JSONField(_("languages"), default=list, blank=True)
    formats = models.JSONField(_("formats of help"), default=list, blank=True)
    email = models.EmailField(_("contact e-mail"), blank=True)
    phone = models.CharField(_("contact phone"), max_length=40, blank=True)
    website = models.URLField(_("website"), blank=True)
    emergency_info = models.TextField(
        _("emergency contacts"), blank=True,
        help_text=_("Shown to a person whose request shows signs of crisis: emergency number, "
                    "crisis lines, the nearest professional service."),
    )
    erasure_delay_days = models.PositiveSmallIntegerField(
        _("days from withdrawal of consent to erasure"), default=30,
        help_text=_("After a person withdraws consent to data processing, their name and "
                    "contacts are destroyed and their record anonymised after this many days "
                    "(152-FZ allows at most 30)."),
    )
    record_retention_days = models.PositiveIntegerField(
        _("days records are kept after the last work"), default=1825,
        help_text=_("A beneficiary's record is anonymised this many days after their last "
                    "activity, or after the end of the last project that counts it."),
    )

    import_file_retention_days = models.PositiveSmallIntegerField(
        _("days uploaded spreadsheets are kept"), default=30,
        validators=[MinValueValidator(1), MaxValueValidator(3650)],
        help_text=_("A spreadsheet uploaded for import, and its file of rejected rows, are deleted "
                    "this many days after the import ends; the record of the import stays."),
    )

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=[field], condition=~models.Q(**{field: ""}),
                                    name=f"organisation_unique_{field}")
            for field in ("inn", "ogrn", "krs", "nip", "regon")
        ]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    @property
    def is_suspended(self) -> bool:
        return self.suspended_at is not None

    def __str__(self) -> str:
        return self.name

    @property
    def main_language(self) -> str:
        """The interface language the organisation's own records are written in (names it
        starts with, texts of its documents): the first of its languages the interface speaks,
        else its country's."""
        spoken = {code for code, _name in settings.LANGUAGES}
        first = next((code for code in self.languages if code in spoken), None)
        return first or ("pl" if self.country == Country.POLAND else "ru")

    def get_language_display_list(self) -> list[str]:
        labels = dict(Language.choices)
        return [str(labels.get(code, code)) for code in self.languages]

    def get_format_display_list(self) -> list[str]:
        labels = dict(Format.choices)
        return [str(labels.get(code, code)) for code in self.formats]


class Partner(OrganisationOwned):
    """An organisation we work with: a library, a camp, legal aid, a rehab centre, a state body."""

    class Role(models.TextChoices):
        LIBRARY = "library", _("Library")
        CAMP = "camp", _("Camp")
        LEGAL_AID = "legal_aid", _("Legal aid")
        REHAB_CENTRE = "rehab_centre", _("Rehabilitation centre")
        STATE_INSTITUTION = "state_institution", _("State institution")
        VOLUNTEER_CENTRE = "volunteer_centre", _("Volunteer centre")
        EXPERT = "expert", _("Expert partner")
        OTHER = "other", _("Other")

    name = models.CharField(_("name"), max_length=200)
    role = models.CharField(_("role"), max_length=30, choices=Role.choices)
    contact_name = models.CharField(_("contact person"), max_length=150, blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=40, blank=True)
    notes = models.TextField(_("what we do together"), blank=True)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "name"], name="partner_unique_name"),
        ]
        verbose_name = _("partner organisation")
        verbose_name_plural = _("partner organisations")

    def __str__(self) -> str:
        return self.name


class Membership(TimeStamped):
    """A person's role in one organisation. One person may hold roles in several."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships",
        verbose_name=_("person"),
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="memberships",
        verbose_name=_("organisation"),
    )
    role = models.CharField(_("role"), max_length=30, choices=Role.choices)
    volunteer_kind = models.CharField(
        _("volunteer works as"), max_length=20, choices=VolunteerKind.choices, blank=True
    )
    partner = models.ForeignKey(
        Partner, on_delete=models.PROTECT, null=True, blank=True, related_name="contacts",
        verbose_name=_("partner organisation"),
    )
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["organisation__name", "role"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "organisation", "role"], name="membership_unique_role"
            ),
        ]
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")

    def __str__(self) -> str:
        return f"{self.user} · {self.get_role_display()} · {self.organisation}"


def _new_token() -> str:
    return secrets.token_urlsafe(32)


class Invitation(OrganisationOwned):
    email = models.EmailField(_("e-mail"))
    role = models.CharField(_("role"), max_length=30, choices=Role.choices)
    volunteer_kind = models.CharField(
        _("volunteer works as"), max_length=20, choices=VolunteerKind.choices, blank=True
    )
    partner = models.ForeignKey(
        Partner, on_delete=models.PROTECT, null=True, blank=True,
        verbose_name=_("partner organisation"),
    )
    language = models.CharField(_("language of the invitation"), max_length=5,
                                choices=settings.LANGUAGES, default="ru")
    token = models.CharField(max_length=64, unique=True, default=_new_token, editable=False)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
        verbose_name=_("invited by"),
    )
    expires_at = models.DateTimeField(_("valid until"))
    accepted_at = models.DateTimeField(_("accepted"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")

    def __str__(self) -> str:
        return f"{self.email} → {self.organisation}"

    @property
    def is_pending(self) -> bool:
        return self.accepted_at is None and self.revoked_at is None


class NetworkInvitation(TimeStamped):
    """A network asks an organisation to join; the organisation's coordinator answers."""

    network = models.ForeignKey(Network, on_delete=models.CASCADE, related_name="invitations",
                                verbose_name=_("network"))
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE,
                                     related_name="network_invitations",
                                     verbose_name=_("organisation"))
    invited_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                   related_name="+", verbose_name=_("invited by"))
    message = models.TextField(_("message"), blank=True)
    answered_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                    null=True, blank=True, related_name="+",
                                    verbose_name=_("answered by"))
    accepted_at = models.DateTimeField(_("accepted"), null=True, blank=True)
    declined_at = models.DateTimeField(_("declined"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["network", "organisation"],
                condition=models.Q(accepted_at__isnull=True, declined_at__isnull=True),
                name="network_invitation_one_pending"),
        ]
        verbose_name = _("invitation to a network")
        verbose_name_plural = _("invitations to a network")

    def __str__(self) -> str:
        return f"{self.network} → {self.organisation}"

    @property
    def is_pending(self) -> bool:
        return self.accepted_at is None and self.declined_at is None
