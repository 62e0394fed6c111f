from decimal import Decimal

from django.db.models import QuerySet, Sum
from django.shortcuts import get_object_or_404

from peercircle.training.models import Course, Enrolment


def course_list(*, organisation) -> QuerySet[Course]:
    return Course.objects.filter(organisation=organisation).prefetch_related("sessions")


def course_get_for(*, organisation, pk: int) -> Course:
    return get_object_or_404(course_list(organisation=organisation), pk=pk)


def hours_of(enrolment: Enrolment) -> Decimal:
    minutes = enrolment.attendance.aggregate(total=Sum("session__duration_minutes"))["total"]
    return (Decimal(minutes or 0) / 60).quantize(Decimal("0.1"))


def enrolments_with_hours(course: Course) -> list[tuple[Enrolment, Decimal]]:
    enrolments = course.enrolments.select_related("volunteer").annotate(
        minutes=Sum("attendance__session__duration_minutes"))
    return [(e, (Decimal(e.minutes or 0) / 60).quantize(Decimal("0.1"))) for e in enrolments]
