"""Volunteers from application to leaving: stages with dated history and a routing profile."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from peercircle.core.models import HelpArea, OrganisationOwned, Region


class Stage(models.TextChoices):
    APPLIED = "applied", _("Applied")
    SCREENED = "screened", _("Screened")
    IN_TRAINING = "in_training", _("In training")
    ACTIVE = "active", pgettext_lazy("volunteer stage", "Active")
    PAUSED = "paused", _("Paused")
    LEFT = "left", _("Left")


# Which stage may follow which. Leaving is possible from every stage; coming back starts over.
TRANSITIONS: dict[str, frozenset[str]] = {
    Stage.APPLIED: frozenset({Stage.SCREENED, Stage.LEFT}),
    Stage.SCREENED: frozenset({Stage.IN_TRAINING, Stage.ACTIVE, Stage.LEFT}),
    Stage.IN_TRAINING: frozenset({Stage.ACTIVE, Stage.LEFT}),
    Stage.ACTIVE: frozenset({Stage.PAUSED, Stage.LEFT}),
    Stage.PAUSED: frozenset({Stage.ACTIVE, Stage.LEFT}),
    Stage.LEFT: frozenset({Stage.APPLIED}),
}


class ApplicationQuestion(OrganisationOwned):
    """A question the organisation asks on its public volunteer application form."""

    class Kind(models.TextChoices):
        SHORT = "short", _("Short answer")
        LONG = "long", _("Long answer")
        YES_NO = "yes_no", _("Yes or no")

    label = models.CharField(_("question"), max_length=300)
    help_text = models.CharField(_("explanation"), max_length=300, blank=True)
    kind = models.CharField(_("kind of answer"), max_length=10, choices=Kind.choices,
                            default=Kind.SHORT)
    required = models.BooleanField(_("answer required"), default=False)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "id"]
        verbose_name = _("application question")
        verbose_name_plural = _("application questions")

    def __str__(self) -> str:
        return self.label


class Volunteer(OrganisationOwned):
    full_name = models.CharField(_("name"), max_length=150)
    email = models.EmailField(_("e-mail"))
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                             blank=True, related_name="volunteer_records",
                             verbose_name=_("account"))
    stage = models.CharField(_("stage"), max_length=20, choices=Stage.choices,
                             default=Stage.APPLIED)
    motivation = models.TextField(_("why they want to volunteer"), blank=True)
    answers = models.JSONField(_("answers to the application questions"), default=list,
                               blank=True)
    help_areas = models.ManyToManyField(HelpArea, blank=True, related_name="+",
                                        verbose_name=_("help areas"))
    lived_experience = models.ManyToManyField(HelpArea, blank=True, related_name="+",
                                              verbose_name=_("lived experience"))
    languages = models.JSONField(_("languages"), default=list, blank=True)
    regions = models.ManyToManyField(Region, blank=True, verbose_name=_("regions"))
    formats = models.JSONField(_("formats"), default=list, blank=True)
    weekly_capacity = models.PositiveSmallIntegerField(
        _("consultations a week"), default=0,
        help_text=_("How many people the volunteer can support each week."),
    )
    paused_until = models.DateField(_("paused until"), null=True, blank=True)
    # The invitation sent from this record: whoever accepts it is linked to the record
    # (services.volunteer_invite; the link is made by the invitation's acceptance, audited).
    invitation = models.OneToOneField(
        "organisations.Invitation", on_delete=models.SET_NULL, null=True, blank=True,
        editable=False, related_name="volunteer_record", verbose_name=_("invitation"))
    earlier_record = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, editable=False,
        related_name="later_applications", verbose_name=_("possible duplicate of"),
        help_text=_("A public application from the e-mail of a person already on record: the "
                    "coordinator compares the two; the earlier record is left as it was."),
    )
    external_id = models.CharField(
        _("external id"), max_length=100, blank=True, default="", editable=False,
        help_text=_("The row's id in the spreadsheet it was imported from: imported once only."),
    )

    class Meta:
        ordering = ["full_name"]
        indexes = [models.Index(fields=["organisation", "stage"])]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "external_id"],
                                    condition=~models.Q(external_id=""),
                                    name="volunteer_unique_external_id"),
        ]
        verbose_name = _("volunteer")
        verbose_name_plural = _("volunteers")

    def __str__(self) -> str:
        return self.full_name


class StageChange(OrganisationOwned):
    """One step of a volunteer's history; the current stage is the last one."""

    volunteer = models.ForeignKey(Volunteer, on_delete=models.CASCADE, related_name="history",
                                  verbose_name=_("volunteer"))
    from_stage = models.CharField(_("from"), max_length=20, choices=Stage.choices, blank=True)
    to_stage = models.CharField(_("to"), max_length=20, choices=Stage.choices)
    changed_on = models.DateField(_("date"))
    reason = models.TextField(_("reason or notes"), blank=True)
    changed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                   null=True, blank=True, related_name="+",
                                   verbose_name=_("changed by"))

    class Meta:
        ordering = ["-changed_on", "-id"]
        verbose_name = _("stage change")
        verbose_name_plural = _("stage changes")

    def __str__(self) -> str:
        return f"{self.volunteer}: {self.from_stage} → {self.to_stage}"


class Screening(OrganisationOwned):
    """The coordinator's interview with an applicant and the decision taken."""

    class Decision(models.TextChoices):
        ACCEPT = "accept", _("Accept")
        DECLINE = "decline", _("Decline")

    volunteer = models.ForeignKey(Volunteer, on_delete=models.CASCADE, related_name="screenings",
                                  verbose_name=_("volunteer"))
    interviewed_on = models.DateField(_("interview date"))
    notes = models.TextField(_("interview notes"), blank=True)
    decision = models.CharField(_("decision"), max_length=10, choices=Decision.choices)
    interviewer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                    related_name="+", verbose_name=_("interviewer"))

    class Meta:
        ordering = ["-interviewed_on", "-id"]
        verbose_name = _("screening")
        verbose_name_plural = _("screenings")

    def __str__(self) -> str:
        return f"{self.volunteer} · {self.interviewed_on}"
