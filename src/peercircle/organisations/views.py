from allauth.account.internal.flows.login import record_authentication
from django.contrib import messages
from django.contrib.auth import login
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from peercircle.core.access import organisation_view, public_view, two_factor_enrolment_allow
from peercircle.core.forms import call_service, submit
from peercircle.organisations import permissions as perm
from peercircle.organisations import selectors, services
from peercircle.organisations.forms import (
    InvitationAcceptForm,
    InvitationForm,
    MembershipForm,
    OrganisationProfileForm,
    PartnerForm,
)
from peercircle.organisations.network import network_figures


@organisation_view(perm.VIEW_PROFILE)
def profile(request, org):
    return render(request, "organisations/profile.html", {"org": request.organisation})


@organisation_view(perm.MANAGE_ORGANISATION)
def profile_edit(request, org):
    organisation = request.organisation
    form = OrganisationProfileForm(request.POST or None, instance=organisation)
    if request.method == "POST" and form.is_valid():
        data = {name: form.cleaned_data[name] for name in form.Meta.fields}
        if call_service(form, services.organisation_update, actor=request.user,
                        organisation=organisation, data=data):
            messages.success(request, _("The profile is saved."))
            return redirect("organisations:profile", org=org)
    return render(request, "organisations/profile_edit.html", {"form": form})


@organisation_view(perm.VIEW_MEMBERS)
def members(request, org):
    organisation = request.organisation
    context = {
        "memberships": selectors.member_list(organisation=organisation),
        "invitations": selectors.invitation_pending_list(organisation=organisation),
        "can_manage": perm.MANAGE_MEMBERS in request.permissions,
    }
    return render(request, "organisations/members.html", context)


@organisation_view(perm.MANAGE_MEMBERS)
def invite(request, org):
    organisation = request.organisation
    form = InvitationForm(request.POST or None, organisation=organisation,
                          initial={"language": get_language()},
                          roles=services.roles_grantable_by(actor=request.user,
                                                            organisation=organisation))
    if request.method == "POST" and form.is_valid():
        invitation = call_service(
            form, services.invitation_create, actor=request.user, organisation=organisation,
            build_url=request.build_absolute_uri, **form.cleaned_data,
        )
        if invitation:
            messages.success(request, _("The invitation is sent to %(email)s.")
                             % {"email": invitation.email})
            return redirect("organisations:members", org=org)
    return render(request, "organisations/invite.html", {"form": form})


@organisation_view(perm.MANAGE_MEMBERS)
def member_edit(request, org, membership_pk):
    membership = selectors.membership_get(organisation=request.organisation, pk=membership_pk)
    form = MembershipForm.for_membership(
        membership, request.POST or None,
        roles=services.roles_grantable_by(actor=request.user, organisation=request.organisation))
    done = submit(request, form, services.membership_update, actor=request.user,
                  membership=membership, success=_("The membership is saved."),
                  then=lambda _m: redirect("organisations:members", org=org))
    return done or render(request, "organisations/member_edit.html",
                          {"form": form, "membership": membership})


@require_POST
@organisation_view(perm.MANAGE_MEMBERS)
def invitation_revoke(request, org, invitation_pk):
    invitation = selectors.invitation_get(organisation=request.organisation, pk=invitation_pk)
    services.invitation_revoke(actor=request.user, invitation=invitation)
    messages.success(request, _("The invitation is withdrawn."))
    return redirect("organisations:members", org=org)


@public_view
def invitation_accept(request, token):
    invitation = selectors.invitation_by_token(token)
    if selectors.invitation_opens_enrolment(invitation, request.user):
        # accepted, but the person has not set up the authenticator their role needs: the link
        # (sent to their address) is what lets them set up the first one
        two_factor_enrolment_allow(request, request.user)
        return redirect("mfa_activate_totp")
    try:
        services.invitation_check(invitation)
    except ValidationError as error:
        return render(request, "organisations/invitation_invalid.html",
                      {"message": error.messages[0]}, status=410)
    form = InvitationAcceptForm(request.POST or None)
    signed_in = request.user.is_authenticated
    if request.method == "POST" and (signed_in or form.is_valid()):
        fields = {} if signed_in else {
            "full_name": form.cleaned_data["full_name"],
            "password": form.cleaned_data["password1"],
        }
        membership = call_service(form, services.invitation_accept, invitation=invitation,
                                  user=request.user, **fields)
        if membership:
            if not signed_in:
                login(request, membership.user,
                      backend="allauth.account.auth_backends.AuthenticationBackend")
                # the password was typed just now: setting up the authenticator next does not
                # ask for it again (accounts.adapters.signed_in_just_now)
                record_authentication(request, membership.user, method="password")
            two_factor_enrolment_allow(request, membership.user)
            messages.success(request, _("Welcome to %(organisation)s.")
                             % {"organisation": invitation.organisation.name})
            return redirect("core:dashboard", org=invitation.organisation.slug)
    return render(request, "organisations/invitation_accept.html",
                  {"form": form, "invitation": invitation})


@organisation_view(perm.VIEW_PARTNERS)
def partners(request, org):
    context = {
        "partners": selectors.partner_list(organisation=request.organisation),
        "can_manage": perm.MANAGE_PARTNERS in request.permissions,
    }
    return render(request, "organisations/partners.html", context)


@organisation_view(perm.MANAGE_PARTNERS)
def partner_edit(request, org, partner_pk=None):
    organisation = request.organisation
    partner = partner_pk and selectors.partner_get(organisation=organisation, pk=partner_pk)
    form = PartnerForm(request.POST or None, instance=partner or None)
    if request.method == "POST" and form.is_valid():
        data = {name: form.cleaned_data[name] for name in form.Meta.fields}
        if call_service(form, services.partner_save, actor=request.user,
                        organisation=organisation, partner=partner or None, data=data):
            messages.success(request, _("The partner organisation is saved."))
            return redirect("organisations:partners", org=org)
    return render(request, "organisations/partner_edit.html", {"form": form, "partner": partner})


@organisation_view(perm.VIEW_NETWORK)
def network(request, org):
    organisation = request.organisation
    if not organisation.coordinates_network:
        raise Http404
    figures = network_figures(organisation=organisation)
    return render(request, "organisations/network.html", {"figures": figures})
