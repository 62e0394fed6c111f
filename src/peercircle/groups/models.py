"""Clubs (self-help, social integration, district), their self-help groups with members and
logged sessions, local coalitions of partners, good practice shared with the network, the
animator curriculum (a training course), and community initiatives.

For indicators: a group session is a `core.Activity` of kind GROUP_SESSION (mode GROUP) linked
from `GroupSession.activity`; an initiative's participants are `Initiative.participants` (named,
consenting beneficiaries) plus `Initiative.anonymous_participants` (head-count).
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from peercircle.core.dates import shown
from peercircle.core.models import OrganisationOwned, Region


class Club(OrganisationOwned):
    """A club in a locality, hosted by the organisation itself or by a partner."""

    class Kind(models.TextChoices):
        SELF_HELP = "self_help", _("Self-help club")
        SOCIAL_INTEGRATION = "social_integration", _("Social integration club")
        DISTRICT = "district", _("District club")

    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices)
    locality = models.CharField(_("locality"), max_length=120)
    region = models.ForeignKey(Region, on_delete=models.PROTECT, null=True, blank=True,
                               verbose_name=_("region"))
    host = models.ForeignKey("organisations.Partner", on_delete=models.PROTECT, null=True,
                             blank=True, related_name="hosted_clubs",
                             verbose_name=_("hosted by (partner)"),
                             help_text=_("Leave empty when the organisation hosts the club."))
    description = models.TextField(_("about the club"), blank=True)
    animators = models.ManyToManyField(settings.AUTH_USER_MODEL, blank=True,
                                       related_name="animated_clubs",
                                       verbose_name=_("animators"))
    founded_on = models.DateField(_("founded on"), null=True, blank=True)
    joined_network_on = models.DateField(
        _("joined the regional network of clubs on"), null=True, blank=True)
    closed_on = models.DateField(_("closed on"), null=True, blank=True)

    class Meta:
        ordering = ["locality", "name"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "name"], name="club_unique_name"),
        ]
        verbose_name = _("club")
        verbose_name_plural = _("clubs")

    def __str__(self) -> str:
        return self.name


class CoalitionPartner(OrganisationOwned):
    """A partner in the local coalition around a club, with its role there."""

    club = models.ForeignKey(Club, on_delete=models.CASCADE, related_name="coalition",
                             verbose_name=_("club"))
    partner = models.ForeignKey("organisations.Partner", on_delete=models.PROTECT,
                                related_name="coalitions", verbose_name=_("partner"))
    role = models.CharField(_("role in the coalition"), max_length=200)
    joined_on = models.DateField(_("joined on"))

    class Meta:
        ordering = ["partner__name"]
        constraints = [
            models.UniqueConstraint(fields=["club", "partner"], name="coalition_unique_partner"),
        ]
        verbose_name = _("coalition partner")
        verbose_name_plural = _("coalition partners")

    def __str__(self) -> str:
        return f"{self.partner} · {self.club}"


class SelfHelpGroup(OrganisationOwned):
    club = models.ForeignKey(Club, on_delete=models.PROTECT, related_name="groups",
                             verbose_name=_("club"))
    name = models.CharField(_("name"), max_length=200)
    topic = models.CharField(_("topic"), max_length=200)
    is_open = models.BooleanField(
        _("open group"), default=True,
        help_text=_("An open group welcomes newcomers at any session; a closed one does not."))
    schedule = models.CharField(_("schedule"), max_length=200, blank=True,
                                help_text=_("For example: Tuesdays 17:00–18:30, every week."))
    animators = models.ManyToManyField(settings.AUTH_USER_MODEL, related_name="animated_groups",
                                       verbose_name=_("animators"))
    started_on = models.DateField(_("started on"))
    ended_on = models.DateField(_("ended on"), null=True, blank=True)

    class Meta:
        ordering = ["club__locality", "name"]
        constraints = [
            models.UniqueConstraint(fields=["club", "name"], name="group_unique_name"),
        ]
        verbose_name = _("self-help group")
        verbose_name_plural = _("self-help groups")

    def __str__(self) -> str:
        return self.name


class GroupMember(OrganisationOwned):
    """A person (pseudonymous beneficiary) who belongs to a group; private to its animators."""

    group = models.ForeignKey(SelfHelpGroup, on_delete=models.CASCADE, related_name="members",
                              verbose_name=_("group"))
    beneficiary = models.ForeignKey("people.Beneficiary", on_delete=models.PROTECT,
                                    related_name="group_memberships", verbose_name=_("person"))
    # how the group calls the person (a first name, a nickname): for the group's animators only,
    # kept here and not in the identity record, never shown to anyone else (ADR 0016)
    known_as = models.CharField(_("name in the group"), max_length=60, blank=True)
    joined_on = models.DateField(_("joined on"))
    left_on = models.DateField(_("left on"), null=True, blank=True)

    # the name is masked in the audit log: the log is read by people who are not the animators
    MASKED = frozenset({"known_as"})

    class Meta:
        ordering = ["beneficiary__code"]
        constraints = [
            models.UniqueConstraint(fields=["group", "beneficiary"], name="group_member_unique"),
        ]
        verbose_name = _("group member")
        verbose_name_plural = _("group members")

    def __str__(self) -> str:
        return f"{self.beneficiary} · {self.group}"


class GroupSession(OrganisationOwned):
    """A meeting of a group; date, duration, attendance and head-count live in the ledger row."""

    group = models.ForeignKey(SelfHelpGroup, on_delete=models.PROTECT, related_name="sessions",
                              verbose_name=_("group"))
    activity = models.OneToOneField("core.Activity", on_delete=models.PROTECT,
                                    related_name="group_session", verbose_name=_("activity"))
    topic = models.CharField(_("what the group worked on"), max_length=200, blank=True)

    class Meta:
        ordering = ["-activity__date", "-id"]
        verbose_name = _("group session")
        verbose_name_plural = _("group sessions")

    def __str__(self) -> str:
        return f"{self.group} · {shown(self.activity.date)}"


class AnimatorCurriculum(OrganisationOwned):
    """Which training course is this organisation's animator curriculum."""

    course = models.OneToOneField("training.Course", on_delete=models.CASCADE,
                                  related_name="+", verbose_name=_("course"))

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["organisation"], name="one_animator_curriculum"),
        ]
        verbose_name = _("animator curriculum")
        verbose_name_plural = _("animator curricula")

    def __str__(self) -> str:
        return str(self.course)


class Practice(OrganisationOwned):
    """A write-up of good practice; shared ones are read by every organisation of the network."""

    title = models.CharField(_("title"), max_length=200)
    club = models.ForeignKey(Club, on_delete=models.SET_NULL, null=True, blank=True,
                             related_name="practices", verbose_name=_("club"))
    text = models.TextField(_("what we did and what we learned"))
    shared_with_network = models.BooleanField(_("share with the network"), default=True)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                               related_name="+", verbose_name=_("author"))

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("good practice")
        verbose_name_plural = _("good practices")

    def __str__(self) -> str:
        return self.title


class Initiative(OrganisationOwned):
    """A community initiative run by a team, with participants and results (seed 001)."""

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        RUNNING = "running", _("Running")
        COMPLETED = "completed", _("Completed")
        CANCELLED = "cancelled", _("Cancelled")

    title = models.CharField(_("title"), max_length=200)
    goal = models.TextField(_("goal"))
    locality = models.CharField(_("locality"), max_length=120, blank=True)
    region = models.ForeignKey("core.Region", on_delete=models.PROTECT, null=True, blank=True,
                               related_name="+", verbose_name=_("region"))
    club = models.ForeignKey(Club, on_delete=models.SET_NULL, null=True, blank=True,
                             related_name="initiatives", verbose_name=_("club"))
    status = models.CharField(_("status"), max_length=20, choices=Status.choices,
                              default=Status.PLANNED)
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"), null=True, blank=True)
    team = models.ManyToManyField(settings.AUTH_USER_MODEL, related_name="initiatives",
                                  verbose_name=_("team"))
    participants = models.ManyToManyField("people.Beneficiary", blank=True,
                                          related_name="initiatives",
                                          verbose_name=_("named participants"))
    anonymous_participants = models.PositiveIntegerField(_("participants not named"), default=0)
    results = models.TextField(_("results"), blank=True)

    class Meta:
        ordering = ["-starts_on", "title"]
        indexes = [models.Index(fields=["organisation", "status"])]
        verbose_name = _("community initiative")
        verbose_name_plural = _("community initiatives")

    def __str__(self) -> str:
        return self.title
