from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from peercircle.core import permissions as perm
from peercircle.core import selectors, services
from peercircle.core.access import organisation_view
from peercircle.core.activity_forms import ActivityForm
from peercircle.core.dashboard import dashboard_for
from peercircle.core.filters import AuditFilter
from peercircle.core.forms import submit
from peercircle.core.models import AuditEntry
from peercircle.core.registry import provided


@organisation_view(perm.VIEW_HOME)
def dashboard(request, org):
    provided("organisation_visited")(user=request.user, organisation=request.organisation)
    context = dashboard_for(user=request.user, organisation=request.organisation,
                            permissions=request.permissions)
    return render(request, "core/dashboard.html", context)


@organisation_view(perm.VIEW_LEDGER)
def activity_list(request, org):
    activities = selectors.activity_list(organisation=request.organisation, user=request.user,
                                         permissions=request.permissions)
    page = Paginator(activities, 50).get_page(request.GET.get("page"))
    return render(request, "core/activity_list.html", {
        "page": page, "totals": selectors.activity_totals(activities),
        "can_record": perm.RECORD_ACTIVITY in request.permissions,
    })


@organisation_view(perm.RECORD_ACTIVITY)
def activity_create(request, org):
    form = ActivityForm(request.POST or None, organisation=request.organisation,
                        permissions=request.permissions)
    done = submit(request, form, services.activity_record, actor=request.user,
                  organisation=request.organisation, providers=[request.user],
                  success=_("The work is logged."),
                  then=lambda _a: redirect("core:activity_list", org=org))
    return done or render(request, "core/activity_form.html", {"form": form})


@organisation_view(perm.VIEW_AUDIT)
def audit_list(request, org):
    from peercircle.core.listing import Chip, Column, listing

    entries = AuditFilter(request.GET or None,
                          queryset=selectors.audit_list(organisation=request.organisation,
                                                        user=request.user))
    common = (AuditEntry.Action.VIEW_IDENTITY, AuditEntry.Action.GIVE_CONSENT,
              AuditEntry.Action.WITHDRAW_CONSENT, AuditEntry.Action.DELETE)
    audit = listing(
        request, entries.qs, default_order="-at", keep=tuple(entries.form.fields),
        chips=tuple(Chip("kind", str(action), action.label,
                         lambda q, action=action: q.filter(action=action)) for action in common),
        columns=[Column(_("Time"), "at"), Column(_("Person"), "actor__full_name"),
                 Column(_("Action"), "action"), Column(_("Record"), "object_repr"),
                 Column(_("Changes"))])
    page = audit.page
    hidden = selectors.audit_restricted_hidden_count(organisation=request.organisation,
                                                     user=request.user)
    return render(request, "core/audit_list.html",
                  {"filter": entries, "page": page, "restricted_hidden": hidden,
                   "listing": audit})
