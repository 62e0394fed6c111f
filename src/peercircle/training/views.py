from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from peercircle.core.access import organisation_view
from peercircle.core.forms import submit
from peercircle.training import permissions as perm
from peercircle.training import selectors, services
from peercircle.training.forms import AttendanceForm, CourseForm, EnrolForm, SessionForm
from peercircle.training.models import CourseSession, Enrolment


def _to(course):
    return redirect("training:course", org=course.organisation.slug, course_pk=course.pk)


@organisation_view(perm.VIEW_COURSES)
def course_list(request, org):
    return render(request, "training/courses.html", {
        "courses": selectors.course_list(organisation=request.organisation),
        "can_manage": perm.MANAGE_COURSES in request.permissions})


@organisation_view(perm.MANAGE_COURSES)
def course_new(request, org):
    form = CourseForm(request.POST or None)
    done = submit(request, form, services.course_create, actor=request.user,
                  organisation=request.organisation, success=_("The course is created."),
                  then=_to)
    return done or render(request, "training/course_form.html", {"form": form})


@organisation_view(perm.VIEW_COURSES)
def course_detail(request, org, course_pk):
    course = selectors.course_get_for(organisation=request.organisation, pk=course_pk)
    manage = perm.MANAGE_COURSES in request.permissions
    session_form = SessionForm(request.POST or None, prefix="session") if manage else None
    enrol_form = EnrolForm(organisation=request.organisation, prefix="enrol") if manage else None
    done = session_form and submit(request, session_form, services.session_plan,
                                   actor=request.user, course=course,
                                   success=_("The session is planned."),
                                   then=lambda _s: _to(course))
    return done or render(request, "training/course.html", {
        "course": course, "can_manage": manage, "session_form": session_form,
        "enrol_form": enrol_form, "enrolments": selectors.enrolments_with_hours(course)})


@require_POST
@organisation_view(perm.MANAGE_COURSES)
def course_enrol(request, org, course_pk):
    course = selectors.course_get_for(organisation=request.organisation, pk=course_pk)
    form = EnrolForm(request.POST, organisation=request.organisation, prefix="enrol")
    done = submit(request, form, services.enrol, actor=request.user, course=course,
                  success=_("The volunteer is enrolled."), then=lambda _e: _to(course))
    if done is None:
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        return _to(course)
    return done


@organisation_view(perm.MANAGE_COURSES)
def session_attendance(request, org, session_pk):
    session = get_object_or_404(CourseSession.objects.filter(organisation=request.organisation)
                                .select_related("course"), pk=session_pk)
    form = AttendanceForm(request.POST or None, session=session)
    done = submit(request, form, services.session_hold, actor=request.user, session=session,
                  success=_("Attendance is recorded."), then=lambda _s: _to(session.course))
    return done or render(request, "training/attendance.html",
                          {"form": form, "session": session})


@require_POST
@organisation_view(perm.MANAGE_COURSES)
def enrolment_complete(request, org, enrolment_pk):
    enrolment = get_object_or_404(Enrolment.objects.filter(organisation=request.organisation)
                                  .select_related("course"), pk=enrolment_pk)
    try:
        services.enrolment_complete(actor=request.user, enrolment=enrolment)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The course is marked as completed."))
    return _to(enrolment.course)
