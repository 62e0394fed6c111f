from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from peercircle.consulting import permissions as consulting_perm
from peercircle.core.access import organisation_view
from peercircle.core.forms import call_service, submit
from peercircle.wellbeing import permissions as perm
from peercircle.wellbeing import selectors, services
from peercircle.wellbeing.chart import trend_lines
from peercircle.wellbeing.forms import SelfCheckForm, SupportForm
from peercircle.wellbeing.instrument import SCALES, THRESHOLD, is_high


@organisation_view(perm.TAKE_SELF_CHECK)
def overview(request, org):
    checks = selectors.my_checks(organisation=request.organisation, user=request.user)
    return render(request, "wellbeing/overview.html", {
        "checks": checks, "chart": trend_lines(checks), "scales": SCALES,
        "threshold": THRESHOLD,
        "due": selectors.self_check_due(organisation=request.organisation, user=request.user),
    })


@organisation_view(perm.TAKE_SELF_CHECK)
def self_check(request, org):
    form = SelfCheckForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        check = call_service(form, services.self_check_record, actor=request.user,
                             organisation=request.organisation, answers=form.answers())
        if check:
            return redirect("wellbeing:result", org=org, check_pk=check.pk)
    return render(request, "wellbeing/self_check.html", {"form": form},
                  status=400 if form.is_bound else 200)


@organisation_view(perm.TAKE_SELF_CHECK, relationship=True)
def result(request, org, check_pk):
    check = selectors.my_check_get(organisation=request.organisation, user=request.user,
                                   pk=check_pk)
    scores = {"personal": check.personal, "work": check.work, "client": check.client}
    return render(request, "wellbeing/result.html", {
        "check": check, "high": is_high(scores), "threshold": THRESHOLD,
        "rows": [(SCALES[k], v, v >= THRESHOLD) for k, v in scores.items()],
        "support_form": SupportForm(),
        "can_ask_supervision": consulting_perm.REQUEST_SUPERVISION in request.permissions,
    })


@require_POST
@organisation_view(perm.TAKE_SELF_CHECK)
def support(request, org):
    form = SupportForm(request.POST)
    done = submit(request, form, services.support_request_send, actor=request.user,
                  organisation=request.organisation,
                  success=_("Your coordinator knows you asked for support. Your answers stay "
                            "private."),
                  then=lambda _r: redirect("wellbeing:overview", org=org))
    if done is None:
        for error in form.non_field_errors():
            messages.info(request, error)
        return redirect("wellbeing:overview", org=org)
    return done


@organisation_view(perm.VIEW_SUPPORT_REQUESTS)
def support_requests(request, org):
    return render(request, "wellbeing/support_requests.html", {
        "support_requests": selectors.open_support_requests(organisation=request.organisation)})


@require_POST
@organisation_view(perm.VIEW_SUPPORT_REQUESTS)
def support_handled(request, org, support_pk):
    item = selectors.support_request_get(organisation=request.organisation, pk=support_pk)
    services.support_request_handle(actor=request.user, support_request=item)
    messages.success(request, _("Marked as handled."))
    return redirect("wellbeing:support_requests", org=org)
