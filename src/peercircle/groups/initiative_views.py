"""Good practice shared with the network, and community initiatives with their roll-up."""

from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from peercircle.core.access import organisation_view
from peercircle.core.forms import submit
from peercircle.groups import permissions as perm
from peercircle.groups import selectors, services
from peercircle.groups.forms import InitiativeForm, ParticipantForm, PracticeForm
from peercircle.groups.models import Initiative


@organisation_view(perm.VIEW_CLUBS)
def practice_list(request, org):
    return render(request, "groups/practices.html", {
        "practices": selectors.practices_for(organisation=request.organisation),
        "can_share": perm.SHARE_PRACTICE in request.permissions})


@organisation_view(perm.SHARE_PRACTICE)
def practice_new(request, org):
    form = PracticeForm(request.POST or None, organisation=request.organisation)
    done = submit(request, form, services.practice_share, actor=request.user,
                  organisation=request.organisation, success=_("The practice is published."),
                  then=lambda p: redirect("groups:practice", org=org, practice_pk=p.pk))
    return done or render(request, "form_page.html", {
        "form": form, "title": _("Share a good practice")})


@organisation_view(perm.VIEW_CLUBS)
def practice_detail(request, org, practice_pk):
    return render(request, "groups/practice.html", {
        "practice": selectors.practice_get_for(organisation=request.organisation,
                                               pk=practice_pk)})


def _to(initiative):
    return redirect("groups:initiative", org=initiative.organisation.slug,
                    initiative_pk=initiative.pk)


@organisation_view(perm.VIEW_INITIATIVES)
def initiative_list(request, org):
    status = request.GET.get("status", "")
    status = status if status in Initiative.Status.values else ""
    return render(request, "groups/initiatives.html", {
        "initiatives": selectors.initiative_list(organisation=request.organisation,
                                                 status=status).prefetch_related("team"),
        "totals": selectors.initiative_totals(organisation=request.organisation),
        "status": status, "statuses": Initiative.Status.choices,
        "can_manage": perm.MANAGE_INITIATIVES in request.permissions})


@organisation_view(perm.MANAGE_INITIATIVES)
def initiative_new(request, org):
    form = InitiativeForm(request.POST or None, organisation=request.organisation)
    done = submit(request, form, services.initiative_create, actor=request.user,
                  organisation=request.organisation, success=_("The initiative is created."),
                  then=_to)
    return done or render(request, "form_page.html", {
        "form": form, "title": _("New community initiative")})


@organisation_view(perm.VIEW_INITIATIVES)
def initiative_detail(request, org, initiative_pk):
    initiative = selectors.initiative_get_for(organisation=request.organisation,
                                              pk=initiative_pk)
    manage = perm.MANAGE_INITIATIVES in request.permissions
    form = ParticipantForm(request.POST or None) if manage else None
    done = form and submit(request, form, services.initiative_participant_add,
                           actor=request.user, initiative=initiative,
                           success=_("The participant is added."), then=_to)
    return done or render(request, "groups/initiative.html", {
        "initiative": initiative, "can_manage": manage, "form": form,
        "team": initiative.team.order_by("full_name"),
        "participants": initiative.participants.order_by("code") if manage else None})


@organisation_view(perm.MANAGE_INITIATIVES)
def initiative_edit(request, org, initiative_pk):
    initiative = selectors.initiative_get_for(organisation=request.organisation,
                                              pk=initiative_pk)
    initial = {f: getattr(initiative, f) for f in (
        "title", "goal", "locality", "region", "club", "status", "starts_on", "ends_on",
        "anonymous_participants", "results")}
    initial["team"] = list(initiative.team.all())
    form = InitiativeForm(request.POST or None, organisation=request.organisation,
                          initial=initial)
    done = submit(request, form, services.initiative_update, actor=request.user,
                  initiative=initiative, success=_("The initiative is saved."), then=_to)
    return done or render(request, "form_page.html", {"form": form, "title": initiative.title})


@organisation_view(perm.VIEW_NETWORK_CLUBS)
def initiatives_network(request, org):
    return render(request, "groups/initiatives_network.html",
                  selectors.network_initiatives(organisation=request.organisation))
