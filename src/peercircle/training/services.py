"""Writes for training: courses and sessions, enrolment, attendance, completion."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from peercircle.core.audit import audited_save
from peercircle.core.services import activity_record
from peercircle.training.models import Attendance, Course, CourseSession, Enrolment
from peercircle.training.selectors import hours_of
from peercircle.volunteers.models import Stage
from peercircle.volunteers.services import volunteer_stage_change


def course_create(*, actor, organisation, title: str, description: str = "",
                  minimum_hours=0) -> Course:
    return audited_save(Course(organisation=organisation, title=title, description=description,
                               minimum_hours=minimum_hours), actor=actor, organisation=organisation)


def session_plan(*, actor, course: Course, topic: str, date, duration_minutes: int, format: str,
                 trainer=None, region=None) -> CourseSession:
    session = CourseSession(organisation=course.organisation, course=course, topic=topic,
                            date=date, duration_minutes=duration_minutes, format=format,
                            trainer=trainer or actor, region=region)
    return audited_save(session, actor=actor, organisation=course.organisation)


def enrol(*, actor, course: Course, volunteer) -> Enrolment:
    """Enrol an accepted applicant (or an active volunteer); a screened one moves to training."""
    if volunteer.organisation_id != course.organisation_id:
        raise ValidationError({"volunteer": _("Choose a volunteer of this organisation.")})
    if volunteer.stage not in (Stage.SCREENED, Stage.IN_TRAINING, Stage.ACTIVE):
        raise ValidationError({"volunteer": _("Only screened or active volunteers are enrolled.")})
    if Enrolment.objects.filter(course=course, volunteer=volunteer).exists():
        raise ValidationError({"volunteer": _("This volunteer is already enrolled.")})
    today = timezone.localdate()
    with transaction.atomic():
        enrolment = audited_save(Enrolment(organisation=course.organisation, course=course,
                                           volunteer=volunteer, enrolled_on=today),
                                 actor=actor, organisation=course.organisation)
        if volunteer.stage == Stage.SCREENED:
            volunteer_stage_change(actor=actor, volunteer=volunteer, to_stage=Stage.IN_TRAINING,
                                   changed_on=today, reason=str(course))
    return enrolment


def session_hold(*, actor, session: CourseSession, present) -> CourseSession:
    """Record who came; hours follow, and the session lands in the ledger as a head-count."""
    present = list(present)
    if session.held:
        raise ValidationError(_("This session is already recorded."))
    if session.date > timezone.localdate():
        raise ValidationError(_("A session cannot be recorded before its date."))
    if not present:
        raise ValidationError({"present": _("Mark who took part.")})
    if any(e.course_id != session.course_id for e in present):
        raise ValidationError({"present": _("Only people enrolled in the course attend it.")})
    with transaction.atomic():
        Attendance.objects.bulk_create(
            Attendance(organisation=session.organisation, session=session, enrolment=e)
            for e in present)
        session.activity = activity_record(
            actor=actor, organisation=session.organisation, kind="training_session",
            date=session.date, duration_minutes=session.duration_minutes, format=session.format,
            providers=[session.trainer or actor], anonymous_count=len(present), mode="group",
            region=session.region)
        session.held = True
        return audited_save(session, actor=actor, organisation=session.organisation)


def enrolment_complete(*, actor, enrolment: Enrolment) -> Enrolment:
    hours = hours_of(enrolment)
    if hours < enrolment.course.minimum_hours:
        raise ValidationError(_("%(hours)s of %(needed)s hours attended: the course is not "
                                "complete yet.") % {"hours": hours,
                                                    "needed": enrolment.course.minimum_hours})
    enrolment.completed_on = timezone.localdate()
    return audited_save(enrolment, actor=actor, organisation=enrolment.organisation)
