from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from peercircle.consulting import permissions as perm
from peercircle.consulting.forms.reviews import HoldForm, ReviewForm
from peercircle.consulting.rules import ReviewAccess, review_rules
from peercircle.consulting.services import reviews as service
from peercircle.core.access import organisation_view
from peercircle.core.forms import submit


def _sees_all(request) -> bool:
    return perm.PLAN_REVIEWS in request.permissions


def _to(review):
    return redirect("consulting:review_detail", org=review.organisation.slug,
                    review_pk=review.pk)


@organisation_view(perm.SEE_REVIEWS)
def review_list(request, org):
    return render(request, "consulting/reviews.html", {
        "reviews": service.reviews_for(organisation=request.organisation, user=request.user,
                                       sees_all=_sees_all(request)),
        "can_plan": _sees_all(request),
    })


@organisation_view(perm.PLAN_REVIEWS)
def review_new(request, org):
    form = ReviewForm(request.POST or None, organisation=request.organisation)
    done = submit(request, form, service.review_plan, actor=request.user,
                  organisation=request.organisation, success=_("The session is planned."),
                  then=_to)
    return done or render(request, "consulting/review_form.html", {"form": form})


@organisation_view(perm.SEE_REVIEWS, relationship=True)
def review_detail(request, org, review_pk):
    review = service.review_get_for(organisation=request.organisation, user=request.user,
                                    sees_all=_sees_all(request), pk=review_pk)
    access = ReviewAccess(review, request.permissions)
    if not review_rules.test_rule("see", request.user, access):
        raise Http404
    recording = review_rules.test_rule("record", request.user, access)
    form = HoldForm(request.POST or None, review=review) if recording else None
    done = form and submit(request, form, service.review_hold, actor=request.user,
                           review=review, success=_("The session is recorded."), then=_to)
    return done or render(request, "consulting/review_detail.html",
                          {"review": review, "form": form})
