"""Beneficiaries as pseudonymous records, their identities kept apart, families and consent."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from peercircle.core.models import HelpArea, OrganisationOwned, Region


class Beneficiary(OrganisationOwned):
    """A person helped, known to the case by a code only."""

    class Gender(models.TextChoices):
        FEMALE = "female", _("Female")
        MALE = "male", _("Male")
        OTHER = "other", _("Other")

    code = models.CharField(_("code"), max_length=20)
    birth_year = models.PositiveSmallIntegerField(_("year of birth"), null=True, blank=True)
    gender = models.CharField(_("gender"), max_length=10, choices=Gender.choices, blank=True)
    region = models.ForeignKey(Region, on_delete=models.PROTECT, null=True, blank=True,
                               verbose_name=_("region"))
    needs = models.ManyToManyField(HelpArea, blank=True, verbose_name=_("needs"))
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                   null=True, blank=True, related_name="+",
                                   verbose_name=_("recorded by"))
    anonymised_on = models.DateField(
        _("anonymised on"), null=True, blank=True, editable=False,
        help_text=_("The person's data was erased; the record stays only so that counts of "
                    "past work do not change."))

    class Meta:
        ordering = ["code"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "code"], name="beneficiary_unique_code"),
        ]
        verbose_name = _("beneficiary")
        verbose_name_plural = _("beneficiaries")

    def clean(self) -> None:
        """The year of birth is a past year (1900 or later): the rule of every path that keeps a
        beneficiary (form, public request, import), applied by `audited_save`'s full_clean."""
        from django.core.exceptions import ValidationError
        from django.utils import timezone

        if self.birth_year is not None and not 1900 <= self.birth_year <= timezone.localdate().year:
            raise ValidationError({"birth_year": _("Give a year of birth between 1900 and this "
                                                   "year.")})

    def __str__(self) -> str:
        return self.code


class BeneficiaryIdentity(OrganisationOwned):
    """Name and contacts: opened only by roles with a need, every opening audited."""

    beneficiary = models.OneToOneField(Beneficiary, on_delete=models.CASCADE,
                                       related_name="identity", verbose_name=_("beneficiary"))
    full_name = models.CharField(_("full name"), max_length=200)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    address = models.CharField(_("address"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("identity")
        verbose_name_plural = _("identities")

    def __str__(self) -> str:
        return str(_("Identity of %(code)s") % {"code": self.beneficiary.code})


class Family(OrganisationOwned):
    code = models.CharField(_("code"), max_length=20)
    region = models.ForeignKey(Region, on_delete=models.PROTECT, null=True, blank=True,
                               verbose_name=_("region"))
    needs = models.ManyToManyField(HelpArea, blank=True, verbose_name=_("needs"))
    notes = models.TextField(_("situation (no names)"), blank=True)

    class Meta:
        ordering = ["code"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "code"], name="family_unique_code"),
        ]
        verbose_name = _("family")
        verbose_name_plural = _("families")

    def __str__(self) -> str:
        return self.code


class FamilyMember(OrganisationOwned):
    class Relation(models.TextChoices):
        PARENT = "parent", _("Parent")
        GUARDIAN = "guardian", _("Guardian or foster parent")
        CHILD = "child", _("Child")
        OTHER = "other", _("Other relative")

    family = models.ForeignKey(Family, on_delete=models.CASCADE, related_name="members",
                               verbose_name=_("family"))
    beneficiary = models.ForeignKey(Beneficiary, on_delete=models.PROTECT,
                                    related_name="family_links", verbose_name=_("person"))
    relation = models.CharField(_("relation"), max_length=20, choices=Relation.choices)
    is_legal_representative = models.BooleanField(_("legal representative"), default=False)

    class Meta:
        ordering = ["relation", "beneficiary__code"]
        constraints = [
            models.UniqueConstraint(fields=["family", "beneficiary"], name="family_member_unique"),
        ]
        verbose_name = _("family member")
        verbose_name_plural = _("family members")

    def __str__(self) -> str:
        return f"{self.family} · {self.beneficiary} ({self.get_relation_display()})"


def consent_upload_to(instance: "Consent", filename: str) -> str:
    return f"consents/{instance.organisation_id}/{instance.beneficiary_id}/{filename}"


class Consent(OrganisationOwned):
    class Purpose(models.TextChoices):
        DATA_PROCESSING = "data_processing", _("Processing of personal data")
        CONTACT = "contact", _("Being contacted")
        SHARING = "sharing", _("Sharing data with a named partner")

    class Method(models.TextChoices):
        SIGNED_PAPER = "signed_paper", _("Signed on paper")
        ELECTRONIC = "electronic", _("Electronically (form or e-mail)")
        VERBAL = "verbal", _("Verbally, recorded by staff")

    beneficiary = models.ForeignKey(Beneficiary, on_delete=models.CASCADE,
                                    related_name="consents", verbose_name=_("beneficiary"))
    purpose = models.CharField(_("purpose"), max_length=30, choices=Purpose.choices)
    partner = models.ForeignKey("organisations.Partner", on_delete=models.PROTECT, null=True,
                                blank=True, verbose_name=_("partner it may be shared with"))
    given_on = models.DateField(_("given on"))
    method = models.CharField(_("how it was given"), max_length=20, choices=Method.choices)
    given_by = models.CharField(
        _("given by"), max_length=200,
        help_text=_("The beneficiary, or the legal representative (role only, no name needed)."),
    )
    document = models.FileField(_("document"), upload_to=consent_upload_to, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                    null=True, blank=True, related_name="+",
                                    verbose_name=_("recorded by"))
    withdrawn_on = models.DateField(_("withdrawn on"), null=True, blank=True)

    class Meta:
        ordering = ["-given_on", "-id"]
        verbose_name = _("consent")
        verbose_name_plural = _("consents")

    def __str__(self) -> str:
        return f"{self.beneficiary} · {self.get_purpose_display()}"

    @property
    def is_active(self) -> bool:
        return self.withdrawn_on is None
