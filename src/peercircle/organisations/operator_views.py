"""The operator's pages (`/operator/…`): organisations and networks of the installation.

The operator sees each organisation's own record (name, legal identity, contacts, status, how
many people hold roles) and nothing of its work: no beneficiary, consultation or supervision.
"""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from peercircle.core.access import operator_view
from peercircle.core.forms import call_service, submit
from peercircle.organisations import administration, selectors
from peercircle.organisations.operator_forms import (
    FirstCoordinatorForm,
    NetworkForm,
    OrganisationIdentityForm,
    SuspendForm,
)


@operator_view
def home(request):
    context = {"organisations": selectors.organisation_list_for_operator(),
               "networks": selectors.network_list()}
    return render(request, "organisations/operator/home.html", context)


def _identity_data(form) -> dict:
    return {name: form.cleaned_data[name] for name in form.Meta.fields}


@operator_view
def organisation_create(request):
    form = OrganisationIdentityForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        organisation = call_service(form, administration.organisation_create, actor=request.user,
                                    data=_identity_data(form))
        if organisation:
            messages.success(request, _("%(name)s is registered. Invite its coordinator now.")
                             % {"name": organisation.name})
            return redirect("operator:organisation", organisation_pk=organisation.pk)
    return render(request, "organisations/operator/organisation_form.html",
                  {"form": form, "title": _("New organisation")})


@operator_view
def organisation(request, organisation_pk):
    organisation = selectors.organisation_get_for_operator(organisation_pk)
    form = FirstCoordinatorForm(request.POST or None, initial={"language": get_language()})
    if not organisation.coordinates_network:
        del form.fields["network_coordinator"]
    if request.method == "POST" and form.is_valid():
        invitation = call_service(form, administration.first_coordinator_invite,
                                  actor=request.user, organisation=organisation,
                                  build_url=request.build_absolute_uri, **form.cleaned_data)
        if invitation:
            messages.success(request, _("The invitation is sent to %(email)s.")
                             % {"email": invitation.email})
            return redirect("operator:organisation", organisation_pk=organisation.pk)
    context = {"organisation": organisation, "form": form, "suspend_form": SuspendForm(),
               "invitations": selectors.invitations_sent_by_operator(organisation=organisation)}
    return render(request, "organisations/operator/organisation.html", context)


@operator_view
def organisation_edit(request, organisation_pk):
    organisation = selectors.organisation_get_for_operator(organisation_pk)
    form = OrganisationIdentityForm(request.POST or None, instance=organisation)
    if request.method == "POST" and form.is_valid():
        if call_service(form, administration.organisation_identity_update, actor=request.user,
                        organisation=organisation, data=_identity_data(form)):
            messages.success(request, _("The organisation is saved."))
            return redirect("operator:organisation", organisation_pk=organisation.pk)
    return render(request, "organisations/operator/organisation_form.html",
                  {"form": form, "title": organisation.name})


@require_POST
@operator_view
def organisation_suspend(request, organisation_pk):
    organisation = selectors.organisation_get_for_operator(organisation_pk)
    form = SuspendForm(request.POST)
    if form.is_valid() and call_service(form, administration.organisation_suspend,
                                        actor=request.user, organisation=organisation,
                                        **form.cleaned_data):
        messages.success(request, _("%(name)s is suspended.") % {"name": organisation.name})
    else:
        messages.error(request, " ".join(e for errors in form.errors.values() for e in errors))
    return redirect("operator:organisation", organisation_pk=organisation.pk)


@require_POST
@operator_view
def organisation_reactivate(request, organisation_pk):
    organisation = selectors.organisation_get_for_operator(organisation_pk)
    form = SuspendForm()
    if call_service(form, administration.organisation_reactivate, actor=request.user,
                    organisation=organisation):
        messages.success(request, _("%(name)s works again.") % {"name": organisation.name})
    return redirect("operator:organisation", organisation_pk=organisation.pk)


@operator_view
def network_create(request):
    form = NetworkForm(request.POST or None)
    done = submit(request, form, administration.network_create, actor=request.user,
                  success=_("The network is created."), then=lambda _n: redirect("operator:home"))
    return done or render(request, "form_page.html", {"form": form, "title": _("New network")})
