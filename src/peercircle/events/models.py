"""Events (seminars, webinars, round tables, festivals, masterminds, open-space discussions,
district and club meetings) with public registration, a waiting list, attendance per day that
lands in the activity ledger, anonymous feedback; and a project's dated calendar plan."""

import datetime
import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from peercircle.core.dates import shown
from peercircle.core.models import OrganisationOwned, TimeStamped


def new_token() -> str:
    return secrets.token_urlsafe(32)


class CalendarPlan(OrganisationOwned):
    """The dated calendar plan of a project (a grant project links to it)."""

    title = models.CharField(_("title"), max_length=250)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        ordering = ["title"]
        verbose_name = _("calendar plan")
        verbose_name_plural = _("calendar plans")

    def __str__(self) -> str:
        return self.title


class PlanItem(OrganisationOwned):
    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        IN_PROGRESS = "in_progress", _("In progress")
        DONE = "done", _("Done")
        CANCELLED = "cancelled", _("Cancelled")

    plan = models.ForeignKey(CalendarPlan, on_delete=models.CASCADE, related_name="items",
                             verbose_name=_("calendar plan"))
    number = models.PositiveSmallIntegerField(_("number"))
    title = models.CharField(_("activity"), max_length=250)
    content = models.TextField(_("content and place"), blank=True)
    starts_on = models.DateField(_("start date"))
    ends_on = models.DateField(_("end date"))
    responsible = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                    null=True, blank=True, related_name="+",
                                    verbose_name=_("responsible"))
    status = models.CharField(_("status"), max_length=12, choices=Status.choices,
                              default=Status.PLANNED)

    class Meta:
        ordering = ["number", "starts_on", "id"]
        verbose_name = _("plan item")
        verbose_name_plural = _("plan items")

    def __str__(self) -> str:
        return f"{self.number}. {self.title}"

    @property
    def is_overdue(self) -> bool:
        return (self.status in (self.Status.PLANNED, self.Status.IN_PROGRESS)
                and self.ends_on < timezone.localdate())


class Event(OrganisationOwned):
    class Kind(models.TextChoices):
        SEMINAR = "seminar", _("Seminar-training")
        WEBINAR = "webinar", _("Webinar")
        ROUND_TABLE = "round_table", _("Round table")
        FESTIVAL = "festival", _("Festival-conference")
        MASTERMIND = "mastermind", _("Mastermind group")
        OPEN_SPACE = "open_space", _("Open-space discussion")
        DISTRICT_MEETING = "district_meeting", _("District meeting")
        CLUB_MEETING = "club_meeting", _("Club meeting")

    class Audience(models.TextChoices):
        VOLUNTEERS = "volunteers", _("Volunteers")
        LEADERS = "leaders", _("NGO leaders and staff")
        PUBLIC = "public", _("Everyone")

    title = models.CharField(_("title"), max_length=250)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    description = models.TextField(_("description"), blank=True)
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    minutes_per_day = models.PositiveIntegerField(
        _("hours of programme per day, in minutes"), null=True, blank=True,
        help_text=_("For events over several days; a one-day event counts from start to end."))
    venue = models.CharField(_("venue"), max_length=300, blank=True)
    # where the event takes place (its ledger rows count in this region)
    region = models.ForeignKey("core.Region", on_delete=models.PROTECT, null=True, blank=True,
                               related_name="+", verbose_name=_("region"))
    online_url = models.URLField(_("online link"), blank=True)
    capacity = models.PositiveIntegerField(_("places"), null=True, blank=True,
                                           help_text=_("Leave empty for no limit."))
    audience = models.CharField(_("audience"), max_length=12, choices=Audience.choices,
                                default=Audience.PUBLIC)
    is_public = models.BooleanField(
        _("public registration page"), default=False,
        help_text=_("Anyone with the link can register and download the calendar file."))
    organisers = models.ManyToManyField(settings.AUTH_USER_MODEL, related_name="organised_events",
                                        verbose_name=_("organisers"))
    partners = models.ManyToManyField("organisations.Partner", blank=True, related_name="events",
                                      verbose_name=_("co-organising partners"))
    co_organisations = models.ManyToManyField(
        "organisations.Organisation", blank=True, related_name="co_organised_events",
        verbose_name=_("co-organising organisations of the network"))
    programme = models.ForeignKey("core.Programme", on_delete=models.PROTECT, null=True,
                                  blank=True, related_name="events", verbose_name=_("programme"))
    plan_item = models.ForeignKey(PlanItem, on_delete=models.SET_NULL, null=True, blank=True,
                                  related_name="events", verbose_name=_("calendar plan item"))
    cancelled = models.BooleanField(_("cancelled"), default=False)

    class Meta:
        ordering = ["-starts_at", "-id"]
        indexes = [models.Index(fields=["organisation", "starts_at"])]
        verbose_name = _("event")
        verbose_name_plural = _("events")

    def __str__(self) -> str:
        return self.title

    @property
    def format(self) -> str:
        return "online" if self.online_url and not self.venue else "in_person"

    def days(self) -> list[datetime.date]:
        first = timezone.localtime(self.starts_at).date()
        last = timezone.localtime(self.ends_at).date()
        return [first + datetime.timedelta(days=n) for n in range((last - first).days + 1)]

    @property
    def day_minutes(self) -> int:
        if self.minutes_per_day:
            return self.minutes_per_day
        if len(self.days()) == 1:
            return max(1, min(24 * 60, int((self.ends_at - self.starts_at).total_seconds() // 60)))
        return 6 * 60

    @property
    def is_over(self) -> bool:
        return self.ends_at <= timezone.now()


class EventSession(OrganisationOwned):
    """One session of a festival's or a seminar's programme."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="sessions",
                              verbose_name=_("event"))
    title = models.CharField(_("title"), max_length=250)
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    speakers = models.CharField(_("speakers"), max_length=300, blank=True)
    room = models.CharField(_("room or stream"), max_length=120, blank=True)

    class Meta:
        ordering = ["starts_at", "id"]
        verbose_name = _("programme session")
        verbose_name_plural = _("programme sessions")

    def __str__(self) -> str:
        return self.title


class Registration(OrganisationOwned):
    class Status(models.TextChoices):
        CONFIRMED = "confirmed", _("Confirmed")
        WAITING = "waiting", _("On the waiting list")
        CANCELLED = "cancelled", _("Cancelled")

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="registrations",
                              verbose_name=_("event"))
    full_name = models.CharField(_("name"), max_length=150)
    email = models.EmailField(_("e-mail"))
    language = models.CharField(_("language"), max_length=8, default="ru")
    status = models.CharField(_("status"), max_length=10, choices=Status.choices)
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    beneficiary = models.ForeignKey(
        "people.Beneficiary", on_delete=models.SET_NULL, null=True, blank=True,
        related_name="event_registrations", verbose_name=_("beneficiary"),
        help_text=_("Set when the participant is a registered beneficiary (with consent)."))
    site_url = models.CharField(max_length=200, blank=True, editable=False)
    # The account whose calendar feed shows this registration: set when a signed-in person
    # registers, or confirms from the registration's own link (never from an e-mail match).
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                             blank=True, related_name="event_registrations", editable=False,
                             verbose_name=_("account"))
    reminder_sent_at = models.DateTimeField(null=True, blank=True, editable=False)
    feedback_requested_at = models.DateTimeField(null=True, blank=True, editable=False)
    feedback_given_at = models.DateTimeField(null=True, blank=True, editable=False)
    cancelled_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "email"], condition=~Q(status="cancelled"),
                name="registration_unique_active_email"),
            models.UniqueConstraint(
                fields=["event", "beneficiary"],
                condition=Q(beneficiary__isnull=False) & ~Q(status="cancelled"),
                name="registration_one_live_link_per_person",
                violation_error_message=_("Another registration for this event is already "
                                          "linked to this person.")),
        ]
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")

    def __str__(self) -> str:
        return f"{self.full_name} · {self.event}"


class EventAttendance(OrganisationOwned):
    registration = models.ForeignKey(Registration, on_delete=models.CASCADE,
                                     related_name="attendance", verbose_name=_("registration"))
    day = models.DateField(_("day"))

    class Meta:
        constraints = [models.UniqueConstraint(fields=["registration", "day"],
                                               name="event_attendance_unique")]
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")

    def __str__(self) -> str:
        return f"{self.registration} · {self.day}"


class EventDay(OrganisationOwned):
    """The ledger row of one day of an event: kept in step with attendance, never duplicated."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="ledger_days")
    day = models.DateField(_("day"))
    activity = models.OneToOneField("core.Activity", on_delete=models.PROTECT,
                                    related_name="event_day")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["event", "day"],
                                               name="event_day_unique")]

    def __str__(self) -> str:
        return f"{self.event} · {self.day}"


class EventFeedback(OrganisationOwned):
    """An anonymous answer after the event: no link to who gave it."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="feedback",
                              verbose_name=_("event"))
    rating = models.PositiveSmallIntegerField(_("overall rating"))
    usefulness = models.PositiveSmallIntegerField(_("usefulness for my work"))
    comment = models.TextField(_("comment"), blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("feedback")
        verbose_name_plural = _("feedback")

    def __str__(self) -> str:
        return f"{self.event} · {self.rating}"


class CalendarFeed(TimeStamped):
    """A person's private calendar address; revoking it makes the old address stop working."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                             related_name="calendar_feeds")
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.user} · {shown(self.created_at)}"
