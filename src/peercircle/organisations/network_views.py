"""A network's pages for its members: the member directory, invitations to join, leaving, and
the network's own list of help areas."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from peercircle.core.access import organisation_view
from peercircle.core.choices import help_areas_offered
from peercircle.core.forms import call_service, submit
from peercircle.core.models import HelpArea
from peercircle.organisations import network_services, selectors
from peercircle.organisations import permissions as perm
from peercircle.organisations.forms import HelpAreaForm
from peercircle.organisations.operator_forms import NetworkInviteForm, SuspendForm


@organisation_view(perm.VIEW_NETWORK_DIRECTORY)
def directory(request, org):
    organisation = request.organisation
    if organisation.network_id is None:
        raise Http404
    context = {
        "network": organisation.network,
        "members": selectors.network_directory(organisation=organisation),
        "can_invite": perm.MANAGE_NETWORK in request.permissions
        and organisation.coordinates_network,
        "can_leave": perm.MANAGE_ORGANISATION in request.permissions
        and not organisation.coordinates_network,
    }
    return render(request, "organisations/network_directory.html", context)


def _coordinating(request):
    if not request.organisation.coordinates_network:
        raise Http404
    return request.organisation


@organisation_view(perm.MANAGE_NETWORK)
def invite(request, org):
    coordinating = _coordinating(request)
    form = NetworkInviteForm(request.POST or None)
    done = submit(request, form, network_services.network_invitation_create, actor=request.user,
                  coordinating=coordinating, success=_("The invitation is sent."),
                  then=lambda _i: redirect("organisations:network_invite", org=org))
    context = {"form": form,
               "sent": selectors.network_invitations_sent(organisation=coordinating)}
    return done or render(request, "organisations/network_invite.html", context)


@organisation_view(perm.MANAGE_ORGANISATION)
def invitation(request, org, network_invitation_pk):
    received = selectors.network_invitation_get(organisation=request.organisation,
                                                pk=network_invitation_pk)
    if request.method == "POST":
        accept = request.POST.get("answer") == "accept"
        form = SuspendForm()
        if call_service(form, network_services.network_invitation_answer, actor=request.user,
                        invitation=received, accept=accept):
            messages.success(request, _("%(organisation)s is now a member of %(network)s.")
                             % {"organisation": request.organisation.name,
                                "network": received.network.name} if accept
                             else _("The invitation is declined."))
            return redirect("organisations:profile", org=org)
        for error in form.non_field_errors():
            messages.error(request, error)
    return render(request, "organisations/network_invitation.html", {"received": received})


@require_POST
@organisation_view(perm.MANAGE_ORGANISATION)
def leave(request, org):
    form = SuspendForm()
    network = request.organisation.network
    if call_service(form, network_services.network_leave, actor=request.user,
                    organisation=request.organisation):
        messages.success(request, _("%(organisation)s has left %(network)s. Everything it "
                                    "recorded stays its own.")
                         % {"organisation": request.organisation.name, "network": network})
    for error in form.non_field_errors():
        messages.error(request, error)
    return redirect("organisations:profile", org=org)


@organisation_view(perm.MANAGE_NETWORK)
def help_areas(request, org):
    coordinating = _coordinating(request)
    form = HelpAreaForm(request.POST or None)
    done = submit(request, form, network_services.network_help_area_add, actor=request.user,
                  coordinating=coordinating, success=_("The help area is added."),
                  then=lambda _a: redirect("organisations:network_help_areas", org=org))
    own = HelpArea.objects.filter(network_id=coordinating.network_id).order_by("retired_at",
                                                                                "code")
    context = {"form": form, "own": own, "common": help_areas_offered().filter(
        network__isnull=True)}
    return done or render(request, "organisations/network_help_areas.html", context)


@require_POST
@organisation_view(perm.MANAGE_NETWORK)
def help_area_retire(request, org, help_area_pk):
    coordinating = _coordinating(request)
    area = HelpArea.objects.filter(network_id=coordinating.network_id, pk=help_area_pk).first()
    if area is None:
        raise Http404
    retire = request.POST.get("retire") != "0"
    network_services.network_help_area_retire(actor=request.user, coordinating=coordinating,
                                              area=area, retire=retire)
    messages.success(request, _("“%(name)s” is retired: records that have it keep it.")
                     % {"name": area.name} if retire
                     else _("“%(name)s” is offered again.") % {"name": area.name})
    return redirect("organisations:network_help_areas", org=org)
