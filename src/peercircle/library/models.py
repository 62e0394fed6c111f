"""Community documents (ethics code, service rules, volunteer agreement) with versions that
members acknowledge. A network's documents are shared with every member organisation."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from peercircle.core.models import OrganisationOwned, TimeStamped


class CommunityDocument(TimeStamped):
    class Kind(models.TextChoices):
        ETHICS_CODE = "ethics_code", _("Ethics code")
        COMPETENCIES = "competencies", _("Base competencies")
        SERVICE_RULES = "service_rules", _("Service rules")
        VOLUNTEER_AGREEMENT = "volunteer_agreement", _("Volunteer agreement")
        OTHER = "other", _("Other document")

    title = models.CharField(_("title"), max_length=200)
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices)
    network = models.ForeignKey("organisations.Network", on_delete=models.CASCADE, null=True,
                                blank=True, related_name="documents", verbose_name=_("network"))
    organisation = models.ForeignKey("organisations.Organisation", on_delete=models.CASCADE,
                                     null=True, blank=True, related_name="documents",
                                     verbose_name=_("organisation"))
    must_sign = models.BooleanField(_("every member acknowledges it"), default=True)

    class Meta:
        ordering = ["kind", "title"]
        constraints = [models.CheckConstraint(
            condition=Q(network__isnull=True) ^ Q(organisation__isnull=True),
            name="document_owner_network_xor_organisation")]
        verbose_name = _("community document")
        verbose_name_plural = _("community documents")

    def __str__(self) -> str:
        return self.title


class DocumentVersion(TimeStamped):
    document = models.ForeignKey(CommunityDocument, on_delete=models.CASCADE,
                                 related_name="versions", verbose_name=_("document"))
    number = models.PositiveIntegerField(_("version"))
    text = models.TextField(_("text"))
    changes = models.CharField(_("what changed"), max_length=300, blank=True)
    published_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                     related_name="+", verbose_name=_("published by"))

    class Meta:
        ordering = ["document", "-number"]
        constraints = [models.UniqueConstraint(fields=["document", "number"],
                                               name="document_version_unique")]
        verbose_name = _("document version")
        verbose_name_plural = _("document versions")

    def __str__(self) -> str:
        return f"{self.document} v{self.number}"


class Signature(TimeStamped):
    """A member read and accepted one version, as a member of one organisation."""

    version = models.ForeignKey(DocumentVersion, on_delete=models.CASCADE,
                                related_name="signatures", verbose_name=_("version"))
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                             related_name="document_signatures", verbose_name=_("person"))
    organisation = models.ForeignKey("organisations.Organisation", on_delete=models.CASCADE,
                                     related_name="+", verbose_name=_("organisation"))

    class Meta:
        constraints = [models.UniqueConstraint(fields=["version", "user", "organisation"],
                                               name="signature_unique")]
        verbose_name = _("acknowledgement")
        verbose_name_plural = _("acknowledgements")

    def __str__(self) -> str:
        return f"{self.user} · {self.version}"


class Adoption(OrganisationOwned):
    """A member organisation's decision to adopt a version of its network's document (the
    network coordinator sees who adopted which version, and when: docs/adr/0007)."""

    version = models.ForeignKey(DocumentVersion, on_delete=models.CASCADE,
                                related_name="adoptions", verbose_name=_("version"))
    adopted_on = models.DateField(_("adopted on"))
    adopted_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                   related_name="+", verbose_name=_("adopted by"))

    class Meta:
        ordering = ["-adopted_on"]
        constraints = [models.UniqueConstraint(fields=["version", "organisation"],
                                               name="adoption_unique_version_organisation")]
        verbose_name = _("adoption")
        verbose_name_plural = _("adoptions")

    def __str__(self) -> str:
        return f"{self.version} · {self.organisation}"
