"""Grant projects and their indicators: an indicator is data (a metric, filters and a target),
computed live from the ledger, engagements and outcomes (see metrics.py and compute.py)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from peercircle.core.models import Format, OrganisationOwned, Programme, Region


class Project(OrganisationOwned):
    """A grant project: who funds it, what it promises, where and when."""

    title = models.CharField(_("title"), max_length=300)
    funder = models.CharField(_("funder"), max_length=300, blank=True)
    contest = models.CharField(_("programme or contest"), max_length=300, blank=True)
    application_number = models.CharField(_("application number"), max_length=60, blank=True)
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    partners = models.TextField(_("partner organisations"), blank=True)
    goal = models.TextField(_("goal"), blank=True)
    tasks = models.TextField(_("tasks"), blank=True)
    target_groups = models.TextField(_("target groups"), blank=True)
    geography = models.TextField(_("geography"), blank=True)
    programme = models.ForeignKey(
        Programme, on_delete=models.PROTECT, null=True, blank=True, related_name="+",
        verbose_name=_("programme"),
        help_text=_("Indicators without a programme of their own count this programme's work."),
    )
    calendar_plan = models.ForeignKey(
        "events.CalendarPlan", on_delete=models.SET_NULL, null=True, blank=True,
        related_name="projects", verbose_name=_("calendar plan"))
    member_organisations = models.ManyToManyField(
        "organisations.Organisation", blank=True, related_name="+",
        verbose_name=_("member organisations counted"),
        help_text=_("For a network project: member organisations whose work counts towards "
                    "the indicators (figures only; their records stay theirs)."),
    )

    class Meta:
        ordering = ["-starts_on", "title"]
        verbose_name = _("project")
        verbose_name_plural = _("projects")

    def __str__(self) -> str:
        return self.title


class Indicator(OrganisationOwned):
    """What a project promised, as a query: a metric with filters and a target."""

    class Breakdown(models.TextChoices):
        NONE = "", _("No breakdown")
        REGION = "region", _("Per region")
        QUARTER = "quarter", _("Per quarter")

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="indicators",
                                verbose_name=_("project"))
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    name = models.CharField(_("name"), max_length=300)
    metric = models.CharField(_("what is counted"), max_length=40)
    target = models.DecimalField(_("target"), max_digits=12, decimal_places=1)
    kinds = models.JSONField(_("kinds of activity"), default=list, blank=True)
    outcome_types = models.JSONField(_("types of outcome"), default=list, blank=True)
    programme = models.ForeignKey(Programme, on_delete=models.PROTECT, null=True, blank=True,
                                  related_name="+", verbose_name=_("programme"))
    format = models.CharField(_("format"), max_length=20, choices=Format.choices, blank=True)
    region = models.ForeignKey(Region, on_delete=models.PROTECT, null=True, blank=True,
                               related_name="+", verbose_name=_("region"))
    member = models.ForeignKey("organisations.Organisation", on_delete=models.PROTECT,
                               null=True, blank=True, related_name="+",
                               verbose_name=_("only this organisation"))
    starts_on = models.DateField(_("from"), null=True, blank=True)
    ends_on = models.DateField(_("until"), null=True, blank=True)
    threshold = models.PositiveIntegerField(
        _("at least, per person"), null=True, blank=True,
        help_text=_("For “trained people who reached N”: how many each must reach."),
    )
    breakdown = models.CharField(_("breakdown"), max_length=10, choices=Breakdown.choices,
                                 blank=True, default="")
    breakdown_targets = models.JSONField(_("targets per region or quarter"), default=dict,
                                         blank=True)

    class Meta:
        ordering = ["position", "id"]
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")

    def __str__(self) -> str:
        return self.name

    @property
    def period(self):
        return (self.starts_on or self.project.starts_on, self.ends_on or self.project.ends_on)

