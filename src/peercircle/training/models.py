"""Courses (a seminar-training, a Mentor School of at least 10 hours), their sessions,
enrolments and attendance; hours are counted from the sessions attended."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from peercircle.core.models import Format, OrganisationOwned, TimeStamped


class Course(OrganisationOwned):
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("what the course teaches"), blank=True)
    minimum_hours = models.DecimalField(_("hours needed to complete"), max_digits=5,
                                        decimal_places=1, default=0)

    class Meta:
        ordering = ["title"]
        verbose_name = _("course")
        verbose_name_plural = _("courses")

    def __str__(self) -> str:
        return self.title


class CourseSession(OrganisationOwned):
    course = models.ForeignKey(Course, on_delete=models.CASCADE, related_name="sessions",
                               verbose_name=_("course"))
    topic = models.CharField(_("topic"), max_length=200)
    date = models.DateField(_("date"))
    duration_minutes = models.PositiveIntegerField(_("duration, minutes"))
    format = models.CharField(_("format"), max_length=20, choices=Format.choices)
    trainer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                                blank=True, related_name="+", verbose_name=_("trainer"))
    held = models.BooleanField(_("took place"), default=False)
    activity = models.OneToOneField("core.Activity", on_delete=models.PROTECT, null=True,
                                    blank=True, related_name="+")

    region = models.ForeignKey("core.Region", on_delete=models.PROTECT, null=True, blank=True,
                               related_name="+", verbose_name=_("region"))

    class Meta:
        ordering = ["date", "id"]
        verbose_name = _("course session")
        verbose_name_plural = _("course sessions")

    def __str__(self) -> str:
        return f"{self.course} · {self.topic}"


class Enrolment(OrganisationOwned):
    course = models.ForeignKey(Course, on_delete=models.CASCADE, related_name="enrolments",
                               verbose_name=_("course"))
    volunteer = models.ForeignKey("volunteers.Volunteer", on_delete=models.CASCADE,
                                  related_name="enrolments", verbose_name=_("volunteer"))
    enrolled_on = models.DateField(_("enrolled on"))
    completed_on = models.DateField(_("completed on"), null=True, blank=True)

    class Meta:
        ordering = ["volunteer__full_name"]
        constraints = [models.UniqueConstraint(fields=["course", "volunteer"],
                                               name="enrolment_unique")]
        verbose_name = _("enrolment")
        verbose_name_plural = _("enrolments")

    def __str__(self) -> str:
        return f"{self.volunteer} · {self.course}"


class Attendance(OrganisationOwned):
    session = models.ForeignKey(CourseSession, on_delete=models.CASCADE,
                                related_name="attendance", verbose_name=_("session"))
    enrolment = models.ForeignKey(Enrolment, on_delete=models.CASCADE, related_name="attendance",
                                  verbose_name=_("enrolment"))

    class Meta:
        constraints = [models.UniqueConstraint(fields=["session", "enrolment"],
                                               name="attendance_unique")]
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")

    def __str__(self) -> str:
        return f"{self.enrolment.volunteer} · {self.session}"


class Competency(TimeStamped):
    """A base competency of peer consultants with its level descriptions. The network publishes
    the framework; an organisation outside a network keeps its own."""

    network = models.ForeignKey("organisations.Network", on_delete=models.CASCADE, null=True,
                                blank=True, related_name="competencies", verbose_name=_("network"))
    organisation = models.ForeignKey("organisations.Organisation", on_delete=models.CASCADE,
                                     null=True, blank=True, related_name="competencies",
                                     verbose_name=_("organisation"))
    name = models.CharField(_("competency"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    levels = models.JSONField(_("level descriptions"), default=list)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "id"]
        verbose_name = _("competency")
        verbose_name_plural = _("competencies")

    def __str__(self) -> str:
        return self.name


class Assessment(OrganisationOwned):
    class Kind(models.TextChoices):
        SELF = "self", _("Self-assessment")
        SUPERVISOR = "supervisor", _("Supervisor's assessment")

    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                               related_name="competency_assessments", verbose_name=_("person"))
    competency = models.ForeignKey(Competency, on_delete=models.CASCADE,
                                   related_name="assessments", verbose_name=_("competency"))
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    level = models.PositiveSmallIntegerField(_("level"))
    assessor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                 related_name="+", verbose_name=_("assessed by"))
    assessed_on = models.DateField(_("date"))

    class Meta:
        ordering = ["assessed_on", "id"]
        verbose_name = _("assessment")
        verbose_name_plural = _("assessments")

    def __str__(self) -> str:
        return f"{self.person} · {self.competency} · {self.level}"
