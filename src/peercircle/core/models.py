"""Base models, reference data, the audit log and the activity ledger."""

from django.conf import settings
from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django_scopes import ScopedManager


class TimeStamped(models.Model):
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        abstract = True


class OrganisationOwned(TimeStamped):
    """A record that belongs to one organisation; queries outside its scope raise."""

    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.PROTECT, verbose_name=_("organisation")
    )
    objects = ScopedManager(organisation="organisation")

    class Meta:
        abstract = True


class TranslatedName(models.Model):
    """Reference data named in the three languages the platform ships."""

    code = models.SlugField(_("code"), max_length=60, unique=True)
    name_en = models.CharField(_("name (English)"), max_length=150)
    name_ru = models.CharField(_("name (Russian)"), max_length=150)
    name_pl = models.CharField(_("name (Polish)"), max_length=150)

    class Meta:
        abstract = True
        ordering = ["name_en"]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        language = (translation.get_language() or "en")[:2]
        return getattr(self, f"name_{language}", "") or self.name_en


class Region(TranslatedName):
    country = models.CharField(_("country"), max_length=2)

    class Meta(TranslatedName.Meta):
        verbose_name = _("region")
        verbose_name_plural = _("regions")


class Locality(TimeStamped):
    """A town, village or district inside a region, added by the organisations that work there
    (the reference data ships regions only): clubs, initiatives and addresses then name places
    the same way."""

    class Kind(models.TextChoices):
        CITY = "city", _("City or town")
        VILLAGE = "village", _("Village")
        DISTRICT = "district", _("District")

    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="localities",
                               verbose_name=_("region"))
    name = models.CharField(_("name"), max_length=120)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.CITY)
    added_by = models.ForeignKey("organisations.Organisation", on_delete=models.SET_NULL,
                                 null=True, blank=True, related_name="+",
                                 verbose_name=_("added by"))

    class Meta:
        ordering = ["region", "name"]
        constraints = [models.UniqueConstraint(fields=["region", "name"],
                                               name="locality_unique_name")]
        verbose_name = _("locality")
        verbose_name_plural = _("localities")

    def __str__(self) -> str:
        return self.name


class HelpArea(TranslatedName):
    """A need a beneficiary has and a volunteer helps with (oncology, HIV, perinatal loss…).

    The installation ships a common list; a network adds its own areas (with a translation of
    each name) and retires one it no longer uses: retired areas stay on the records that have
    them and are offered no more."""

    network = models.ForeignKey(
        "organisations.Network", on_delete=models.CASCADE, null=True, blank=True,
        related_name="help_areas", verbose_name=_("network"),
    )
    retired_at = models.DateTimeField(_("retired"), null=True, blank=True)

    class Meta(TranslatedName.Meta):
        verbose_name = _("help area")
        verbose_name_plural = _("help areas")


class Format(models.TextChoices):
    IN_PERSON = "in_person", _("In person")
    PHONE = "phone", _("Phone")
    ONLINE = "online", _("Online (video)")
    CHAT = "chat", _("Chat or messenger")


class AuditEntry(models.Model):
    """One thing that happened to personal or programme data, or one view of an identity."""

    class Action(models.TextChoices):
        CREATE = "create", _("Created")
        UPDATE = "update", _("Changed")
        DELETE = "delete", _("Deleted")
        VIEW_IDENTITY = "view_identity", _("Opened identity")
        GIVE_CONSENT = "give_consent", _("Consent given")
        WITHDRAW_CONSENT = "withdraw_consent", _("Consent withdrawn")
        INVITE = "invite", _("Invited")
        JOIN = "join", _("Joined")
        REVOKE = "revoke", _("Revoked")
        CROSS_READ = "cross_read", _("Read by a party organisation")

    class Category(models.TextChoices):
        GENERAL = "general", _("General")
        RESTRICTED = "restricted", _("Restricted")

    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="audit_entries",
        verbose_name=_("organisation"),
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("actor"),
    )
    action = models.CharField(_("action"), max_length=30, choices=Action.choices)
    object_type = models.CharField(_("object type"), max_length=100)
    object_id = models.CharField(_("object id"), max_length=64)
    object_repr = models.CharField(_("object"), max_length=200)
    before = models.JSONField(_("before"), null=True, blank=True)
    after = models.JSONField(_("after"), null=True, blank=True)
    at = models.DateTimeField(_("time"), auto_now_add=True, db_index=True)
    # Restricted entries (supervision, wellbeing) are readable only by the people concerned;
    # everyone else with the audit permission sees how many there are, nothing more.
    category = models.CharField(_("category"), max_length=20, choices=Category.choices,
                                default=Category.GENERAL, db_index=True)
    subject = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                                blank=True, related_name="+", verbose_name=_("person concerned"))
    co_subject = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                   null=True, blank=True, related_name="+",
                                   verbose_name=_("second person concerned"))

    objects = ScopedManager(organisation="organisation")

    class Meta:
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["organisation", "-at"])]
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit entries")

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.action} {self.object_repr}"


class Programme(OrganisationOwned):
    """A programme an organisation runs: a peer-consulting service, a mentoring programme…"""

    class Kind(models.TextChoices):
        PEER_CONSULTING = "peer_consulting", _("Peer consulting service")
        MENTORING = "mentoring", _("Mentoring of families")
        SELF_HELP = "self_help", _("Self-help groups and clubs")
        FAMILY_SUPPORT = "family_support", _("Family support")
        NETWORK = "network", _("Network support and training")

    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices)
    help_areas = models.ManyToManyField(HelpArea, blank=True, verbose_name=_("help areas"))
    target_per_provider = models.PositiveIntegerField(
        _("target per consultant"), null=True, blank=True,
        help_text=_("How many consultations each consultant is expected to give."),
    )
    description = models.TextField(_("description"), blank=True)
    archived_on = models.DateField(_("archived on"), null=True, blank=True, editable=False)

    class Meta:
        ordering = ["name"]
        verbose_name = _("programme")
        verbose_name_plural = _("programmes")

    def __str__(self) -> str:
        return self.name


class Activity(OrganisationOwned):
    """One row of the ledger: a piece of delivered work, whatever programme it belongs to."""

    class Kind(models.TextChoices):
        CONSULTATION = "consultation", _("Consultation")
        SUPERVISION = "supervision", _("Supervision")
        INTERVISION = "intervision", _("Intervision")
        CASE_REVIEW = "case_review", _("Case review")
        MENTOR_MEETING = "mentor_meeting", _("Mentor's meeting with a family")
        HOME_VISIT = "home_visit", _("Curator's home visit")
        CURATOR_MEETING = "curator_meeting", _("Curator's meeting with a mentor")
        CASE_COUNCIL = "case_council", _("Case council")
        MENTOR_CLUB = "mentor_club", _("Mentor Club meeting")
        GROUP_SESSION = "group_session", _("Group session")
        EVENT_SESSION = "event_session", _("Event session")
        TRAINING_SESSION = "training_session", _("Training session")

    class Mode(models.TextChoices):
        INDIVIDUAL = "individual", _("Individual")
        GROUP = "group", _("Group")

    programme = models.ForeignKey(
        Programme,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="activities",
        verbose_name=_("programme"),
    )
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices)
    mode = models.CharField(_("individual or group"), max_length=12, choices=Mode.choices,
                            default=Mode.INDIVIDUAL)
    date = models.DateField(_("date"))
    duration_minutes = models.PositiveIntegerField(_("duration, minutes"))
    format = models.CharField(_("format"), max_length=20, choices=Format.choices)
    region = models.ForeignKey(Region, on_delete=models.PROTECT, null=True, blank=True,
                               verbose_name=_("region"))
    help_areas = models.ManyToManyField(HelpArea, blank=True, verbose_name=_("topics"))
    providers = models.ManyToManyField(
        settings.AUTH_USER_MODEL, related_name="provided_activities", verbose_name=_("providers")
    )
    participants = models.ManyToManyField(
        "people.Beneficiary", blank=True, related_name="activities",
        verbose_name=_("named participants"),
    )
    anonymous_count = models.PositiveIntegerField(_("anonymous participants"), default=0)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
        verbose_name=_("recorded by"),
    )
    follow_up_on = models.DateField(_("next contact planned"), null=True, blank=True)
    # an anonymous person's short code (no record, no data): a repeat caller gives it again, so
    # "distinct people reached" and follow-ups stay true without anyone's identity
    contact_code = models.CharField(_("contact code"), max_length=12, blank=True, db_index=True)
    client_key = models.UUIDField(
        _("device key"), null=True, blank=True, editable=False,
        help_text=_("Set by the form on the device, so that a form sent twice is kept once."),
    )
    external_id = models.CharField(
        _("external id"), max_length=100, blank=True, default="", editable=False,
        help_text=_("The row's id in the spreadsheet it was imported from: imported once only."),
    )

    class Meta:
        ordering = ["-date", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "client_key"],
                                    name="activity_unique_client_key"),
            models.UniqueConstraint(fields=["organisation", "external_id"],
                                    condition=~models.Q(external_id=""),
                                    name="activity_unique_external_id"),
        ]
        indexes = [
            models.Index(fields=["organisation", "kind", "date"]),
            models.Index(fields=["organisation", "date"]),
        ]
        verbose_name = _("activity")
        verbose_name_plural = _("activities")

    def __str__(self) -> str:
        from peercircle.core.dates import shown

        return f"{self.get_kind_display()} {shown(self.date)}"

    @property
    def participant_total(self) -> int:
        return self.participants.count() + self.anonymous_count


class Job(OrganisationOwned):
    """A long piece of work run by a background worker (an import, a long export): see core/jobs.py."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Waiting to start")
        RUNNING = "running", _("Running")
        RETRYING = "retrying", _("Interrupted: starting again")
        DONE = "done", _("Done")
        FAILED = "failed", _("Failed")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+",
                             verbose_name=_("started by"))
    kind = models.CharField(_("kind"), max_length=60)
    # what the person asked for, in their words ("Report on “Peer support 2026”, PDF"): the name
    # the job and its result go by on every page
    title = models.CharField(_("title"), max_length=200, blank=True)
    task = models.CharField(_("task"), max_length=200)
    # the permission that produced the job: its result file is given only while the person holds it
    permission = models.CharField(_("permission"), max_length=100, blank=True)
    params = models.JSONField(_("parameters"), default=dict, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices,
                              default=Status.QUEUED)
    done = models.PositiveIntegerField(_("done"), default=0)
    total = models.PositiveIntegerField(_("total"), default=0)
    message = models.TextField(_("message"), blank=True)
    result = models.FileField(_("result file"), upload_to="jobs/%Y/%m/", blank=True, max_length=255)
    result_name = models.CharField(_("file name"), max_length=200, blank=True)
    started_at = models.DateTimeField(_("started"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    # the worker running the job writes this every few seconds; a job whose heartbeat stopped is
    # retried (when safe to repeat) or failed by the sweep (core/jobs.py, jobs_sweep)
    heartbeat_at = models.DateTimeField(_("last heartbeat"), null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    retryable = models.BooleanField(_("safe to repeat"), default=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["organisation", "user", "-created_at"])]
        verbose_name = _("background job")
        verbose_name_plural = _("background jobs")

    def __str__(self) -> str:
        return self.title or f"{self.kind} #{self.pk}"

    @property
    def finished(self) -> bool:
        return self.status in (self.Status.DONE, self.Status.FAILED)

    @property
    def percent(self) -> int:
        if self.status == self.Status.DONE:
            return 100
        if not self.total:
            return 0
        return min(100, int(self.done * 100 / self.total))


class WorkerHeartbeat(models.Model):
    """A background worker's last sign of life (core/management/commands/db_worker.py), read by
    the health check."""

    worker_id = models.CharField(_("worker"), max_length=64, unique=True)
    host = models.CharField(_("host"), max_length=100, blank=True)
    pid = models.PositiveIntegerField(_("process"), default=0)
    started_at = models.DateTimeField(_("started"))
    beat_at = models.DateTimeField(_("last heartbeat"), db_index=True)

    class Meta:
        verbose_name = _("worker heartbeat")
        verbose_name_plural = _("worker heartbeats")

    def __str__(self) -> str:
        return f"{self.worker_id} @ {self.host}"


class DataStamp(models.Model):
    """A new random stamp for an organisation after every committed change to its records, so
    that figures computed from them can be kept until one of their organisations' stamps moves
    (see core/freshness.py). No foreign key: it is written after the commit, even of a deletion."""

    organisation_id = models.BigIntegerField(primary_key=True)
    stamp = models.CharField(max_length=32)

    def __str__(self) -> str:
        return f"{self.organisation_id}: {self.stamp}"
