"""Calendar plans and their items."""

import datetime

from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from peercircle.core.access import organisation_view
from peercircle.core.forms import submit
from peercircle.events import permissions as perm
from peercircle.events import selectors, services
from peercircle.events.forms import (
    PlanForm,
    PlanItemForm,
)


@organisation_view(perm.VIEW_PLANS)
def plan_list(request, org):
    manage = perm.MANAGE_PLANS in request.permissions
    form = PlanForm(request.POST or None) if manage else None
    done = form and submit(request, form, services.plan_create, actor=request.user,
                           organisation=request.organisation,
                           success=_("The calendar plan is created."),
                           then=lambda plan: redirect("events:plan", org=org, plan_pk=plan.pk))
    return done or render(request, "events/plan_list.html", {
        "plans": selectors.plan_list(organisation=request.organisation), "form": form})


@organisation_view(perm.VIEW_PLANS)
def plan_detail(request, org, plan_pk):
    plan = selectors.plan_get_for(organisation=request.organisation, pk=plan_pk)
    manage = perm.MANAGE_PLANS in request.permissions
    form = PlanItemForm(request.POST or None, organisation=request.organisation) if manage else None
    done = form and submit(request, form, services.plan_item_add, actor=request.user, plan=plan,
                           success=_("The item is added to the plan."),
                           then=lambda _i: redirect("events:plan", org=org, plan_pk=plan.pk))
    items = selectors.plan_items(plan)
    return done or render(request, "events/plan_detail.html", {
        "plan": plan, "items": items, "form": form, "can_manage": manage,
        "timeline": _timeline(items), "today": timezone.localdate(),
        "overdue": sum(1 for item in items if item.is_overdue)})


def _timeline(items) -> dict | None:
    """Positions of the items on a shared time axis, in per cent, with month ticks."""
    if not items:
        return None
    first = min(item.starts_on for item in items).replace(day=1)
    last = max(item.ends_on for item in items)
    span = max((last - first).days + 1, 1)
    rows = []
    for item in items:
        left = (item.starts_on - first).days / span * 100
        width = max(((item.ends_on - item.starts_on).days + 1) / span * 100, 1.5)
        rows.append({"item": item, "left": round(left, 2), "width": round(min(width, 100 - left),
                                                                           2)})
    months, month = [], first
    while month <= last:
        months.append({"date": month, "left": round((month - first).days / span * 100, 2)})
        month = (month.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)
    today = timezone.localdate()
    today_left = round((today - first).days / span * 100, 2) if first <= today <= last else None
    return {"rows": rows, "months": months, "today_left": today_left}


@organisation_view(perm.MANAGE_PLANS)
def plan_item_edit(request, org, item_pk):
    item = selectors.plan_item_get_for(organisation=request.organisation, pk=item_pk)
    initial = {name: getattr(item, name) for name in (
        "title", "content", "starts_on", "ends_on", "responsible", "status")}
    form = PlanItemForm(request.POST or None, organisation=request.organisation, initial=initial)
    done = submit(request, form, services.plan_item_update, actor=request.user, item=item,
                  success=_("The plan item is saved."),
                  then=lambda _i: redirect("events:plan", org=org, plan_pk=item.plan_id))
    return done or render(request, "form_page.html", {
        "form": form, "title": str(item),
        "cancel_url": reverse("events:plan", kwargs={"org": org, "plan_pk": item.plan_id})})
