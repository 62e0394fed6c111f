"""Courses (a seminar-training, a Mentor School of at least 10 hours), their sessions,
enrolments and attendance; hours are counted from the sessions attended."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from peercircle.core.models import Format, OrganisationOwned


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
