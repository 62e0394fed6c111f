"""Requests for help from the public intake form, and their routing to peer consultants."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from peercircle.core.models import Format, HelpArea, OrganisationOwned, Region, TimeStamped


class Urgency(models.TextChoices):
    ROUTINE = "routine", _("Within a week")
    SOON = "soon", _("In the next few days")
    URGENT = "urgent", _("Today")


class HelpRequest(OrganisationOwned):
    class Status(models.TextChoices):
        NEW = "new", _("New")
        ESCALATED = "escalated", _("Escalated to a professional")
        ASSIGNED = "assigned", _("Assigned")
        CLOSED = "closed", _("Closed")

    beneficiary = models.ForeignKey("people.Beneficiary", on_delete=models.PROTECT,
                                    related_name="help_requests", verbose_name=_("beneficiary"))
    need = models.ForeignKey(HelpArea, on_delete=models.PROTECT, verbose_name=_("need"))
    language = models.CharField(_("language"), max_length=5)
    region = models.ForeignKey(Region, on_delete=models.PROTECT, null=True, blank=True,
                               verbose_name=_("region"))
    format = models.CharField(_("preferred format"), max_length=20, choices=Format.choices)
    urgency = models.CharField(_("urgency"), max_length=10, choices=Urgency.choices,
                               default=Urgency.ROUTINE)
    message = models.TextField(_("message"), blank=True)
    crisis_flag = models.BooleanField(_("signs of crisis"), default=False)
    crisis_terms = models.JSONField(_("crisis words found"), default=list, blank=True)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices,
                              default=Status.NEW)
    assigned_to = models.ForeignKey("volunteers.Volunteer", on_delete=models.PROTECT, null=True,
                                    blank=True, related_name="assigned_requests",
                                    verbose_name=_("peer consultant"))
    assigned_at = models.DateTimeField(_("assigned"), null=True, blank=True)
    # a request showing signs of crisis goes to a peer only once a professional is involved:
    # when and by whose word (escalation, or the confirmation given when assigning it)
    professional_involved_at = models.DateTimeField(_("a professional involved"), null=True,
                                                    blank=True)
    professional_involved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+", verbose_name=_("confirmed by"))
    assigned_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                    null=True, blank=True, related_name="+",
                                    verbose_name=_("assigned by"))

    class CloseReason(models.TextChoices):
        HELPED = "helped", _("Helped")
        REFERRED = "referred", _("Referred elsewhere")
        NO_ANSWER = "no_answer", _("No answer")
        DUPLICATE = "duplicate", _("Duplicate")

    close_reason = models.CharField(_("how it ended"), max_length=12, choices=CloseReason.choices,
                                    blank=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    closed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                                  blank=True, related_name="+", verbose_name=_("closed by"))

    class Meta:
        ordering = ["-crisis_flag", "status", "created_at"]
        indexes = [models.Index(fields=["organisation", "status"]),
                   models.Index(fields=["assigned_to", "assigned_at"])]
        verbose_name = _("request for help")
        verbose_name_plural = _("requests for help")

    def __str__(self) -> str:
        return f"{self.beneficiary} · {self.need}"


class CrisisTerm(TimeStamped):
    """A word or word stem that signals crisis; each network keeps its own list per language."""

    network = models.ForeignKey("organisations.Network", on_delete=models.CASCADE, null=True,
                                blank=True, related_name="crisis_terms",
                                verbose_name=_("network"))
    language = models.CharField(_("language"), max_length=5, choices=settings.LANGUAGES)
    term = models.CharField(_("word or stem"), max_length=60)

    class Meta:
        ordering = ["language", "term"]
        constraints = [models.UniqueConstraint(fields=["network", "language", "term"],
                                               name="crisis_term_unique")]
        verbose_name = _("crisis word")
        verbose_name_plural = _("crisis words")

    def __str__(self) -> str:
        return self.term


class SupervisionRequest(OrganisationOwned):
    """A volunteer asks for supervision. What is discussed stays between the volunteer and the
    supervisor: the organisation's managers only ever see that supervision took place."""

    class Status(models.TextChoices):
        REQUESTED = "requested", _("Requested")
        SCHEDULED = "scheduled", _("Scheduled")
        DONE = "done", _("Took place")
        CANCELLED = "cancelled", _("Cancelled")

    volunteer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                  related_name="supervision_requests",
                                  verbose_name=_("volunteer"))
    topic = models.TextField(_("what you would like to discuss"))
    urgency = models.CharField(_("urgency"), max_length=10, choices=Urgency.choices,
                               default=Urgency.ROUTINE)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices,
                              default=Status.REQUESTED)
    supervisor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True,
                                   blank=True, related_name="supervisions_given",
                                   verbose_name=_("supervisor"))
    scheduled_for = models.DateTimeField(_("date and time"), null=True, blank=True)
    format = models.CharField(_("format"), max_length=20, choices=Format.choices, blank=True)
    region = models.ForeignKey("core.Region", on_delete=models.PROTECT, null=True, blank=True,
                               related_name="+", verbose_name=_("region"))
    supervisor_notes = models.TextField(_("notes (seen by the two of you only)"), blank=True)
    activity = models.OneToOneField("core.Activity", on_delete=models.PROTECT, null=True,
                                    blank=True, related_name="+")

    class Meta:
        ordering = ["status", "-created_at"]
        verbose_name = _("supervision request")
        verbose_name_plural = _("supervision requests")

    def __str__(self) -> str:
        return str(_("Supervision #%(number)s") % {"number": self.pk})


class GroupReview(OrganisationOwned):
    """An intervision (peers discuss their cases) or a case review led by an expert. Cases are
    discussed de-identified; the session lands in the ledger with the number who took part."""

    class Kind(models.TextChoices):
        INTERVISION = "intervision", _("Intervision")
        CASE_REVIEW = "case_review", _("Case review")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=200)
    date = models.DateField(_("date"))
    duration_minutes = models.PositiveIntegerField(_("duration, minutes"), default=90)
    format = models.CharField(_("format"), max_length=20, choices=Format.choices)
    facilitator = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                    related_name="+", verbose_name=_("facilitator"))
    participants = models.ManyToManyField(settings.AUTH_USER_MODEL, blank=True,
                                          related_name="group_reviews",
                                          verbose_name=_("participants"))
    case_summary = models.TextField(_("case summary (de-identified)"), blank=True)
    region = models.ForeignKey("core.Region", on_delete=models.PROTECT, null=True, blank=True,
                               related_name="+", verbose_name=_("region"))
    held = models.BooleanField(_("took place"), default=False)
    activity = models.OneToOneField("core.Activity", on_delete=models.PROTECT, null=True,
                                    blank=True, related_name="+")

    class Meta:
        ordering = ["-date", "-id"]
        verbose_name = _("intervision or case review")
        verbose_name_plural = _("intervisions and case reviews")

    def __str__(self) -> str:
        return self.title
