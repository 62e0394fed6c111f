from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from peercircle.consulting import permissions as perm
from peercircle.consulting.forms.supervision import (
    CompleteForm,
    ScheduleForm,
    SupervisionRequestForm,
)
from peercircle.consulting.rules import supervision_rules
from peercircle.consulting.services import supervision as service
from peercircle.core.access import organisation_view
from peercircle.core.forms import submit


def _to(supervision):
    return redirect("consulting:supervision_detail", org=supervision.organisation.slug,
                    supervision_pk=supervision.pk)


@organisation_view(perm.OPEN_SUPERVISION)
def overview(request, org):
    organisation, user, perms = request.organisation, request.user, request.permissions
    context = {"can_request": perm.REQUEST_SUPERVISION in perms}
    if perm.REQUEST_SUPERVISION in perms:
        context["mine"] = service.my_requests(organisation=organisation, user=user)
    if perm.SUPERVISE in perms:
        context.update(service.supervisor_queue(organisation=organisation, user=user))
        context["can_supervise"] = True
    if perm.VIEW_SUPERVISION_COUNTS in perms:
        context["counts"] = service.supervision_counts(organisation=organisation)
    return render(request, "consulting/supervision.html", context)


@organisation_view(perm.REQUEST_SUPERVISION)
def supervision_new(request, org):
    form = SupervisionRequestForm(request.POST or None)
    done = submit(request, form, service.supervision_request, actor=request.user,
                  organisation=request.organisation,
                  success=_("Your request is sent. A supervisor will propose a time."),
                  then=_to)
    return done or render(request, "consulting/supervision_form.html", {"form": form})


@organisation_view(perm.OPEN_SUPERVISION, relationship=True)
def supervision_detail(request, org, supervision_pk):
    supervision = service.supervision_for(organisation=request.organisation, user=request.user,
                                          pk=supervision_pk)
    is_supervisor = supervision_rules.test_rule("complete", request.user, supervision)
    return render(request, "consulting/supervision_detail.html", {
        "supervision": supervision, "is_supervisor": is_supervisor,
        "complete_form": CompleteForm() if is_supervisor else None,
    })


@organisation_view(perm.SUPERVISE)
def supervision_take(request, org, supervision_pk):
    supervision = service.open_supervision_get(organisation=request.organisation,
                                               pk=supervision_pk)
    form = ScheduleForm(request.POST or None)
    done = submit(request, form, service.supervision_schedule, actor=request.user,
                  supervision=supervision, success=_("The supervision is scheduled."),
                  then=_to)
    return done or render(request, "consulting/supervision_take.html",
                          {"form": form, "supervision": supervision})


@organisation_view(perm.SUPERVISE, relationship=True)
def supervision_complete(request, org, supervision_pk):
    supervision = service.supervision_for(organisation=request.organisation, user=request.user,
                                          pk=supervision_pk)
    if not supervision_rules.test_rule("complete", request.user, supervision):
        raise Http404  # the volunteer who asked cannot close their own supervision
    form = CompleteForm(request.POST or None)
    done = submit(request, form, service.supervision_complete, actor=request.user,
                  supervision=supervision, success=_("The supervision is closed."), then=_to)
    return done or render(request, "consulting/supervision_detail.html", {
        "supervision": supervision, "is_supervisor": True, "complete_form": form})
