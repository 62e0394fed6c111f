from django.contrib import messages
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from peercircle.core.access import organisation_view
from peercircle.core.forms import call_service, submit
from peercircle.people import permissions as perm
from peercircle.people import selectors, services
from peercircle.people.forms import (
    BeneficiaryForm,
    ConsentForm,
    ConsentWithdrawForm,
    FamilyForm,
    FamilyMemberForm,
    IdentityForm,
)
from peercircle.people.rights import selectors as rights_selectors


def _to_beneficiary(beneficiary):
    return redirect("people:beneficiary_detail", org=beneficiary.organisation.slug,
                    beneficiary_pk=beneficiary.pk)


@organisation_view(perm.VIEW_BENEFICIARIES)
def beneficiary_list(request, org):
    from peercircle.core.listing import Chip, Column, listing

    people = listing(
        request, selectors.beneficiary_list(organisation=request.organisation),
        search_fields=("code",), search_label=_("Search by code"), default_order="-created_at",
        columns=[Column(_("Code"), "code"), Column(_("Year of birth"), "birth_year"),
                 Column(_("Region"), "region__code"), Column(_("Needs")),
                 Column(_("Consent to data processing"))],
        chips=(Chip("consent", "yes", _("With consent"), lambda q: q.filter(has_consent=True)),
               Chip("consent", "no", _("Without consent"), lambda q: q.filter(has_consent=False))),
    )
    return render(request, "people/beneficiary_list.html", {
        "listing": people, "beneficiaries": people.page,
        "can_manage": perm.MANAGE_BENEFICIARIES in request.permissions,
    })


def _guided(url_name: str, org: str, beneficiary):
    """The next step of the guided new-beneficiary flow (record → consent → identity)."""
    from django.urls import reverse

    return redirect(reverse(url_name, kwargs={"org": org, "beneficiary_pk": beneficiary.pk})
                    + "?guided=1")


@organisation_view(perm.MANAGE_BENEFICIARIES)
def beneficiary_create(request, org):
    form = BeneficiaryForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        beneficiary = call_service(form, services.beneficiary_create, actor=request.user,
                                   organisation=request.organisation, **form.cleaned_data)
        if beneficiary:
            messages.success(request, _("Beneficiary %(code)s is recorded. Record their consent "
                                        "before adding a name or contacts.")
                             % {"code": beneficiary.code})
            if perm.MANAGE_CONSENT in request.permissions:  # step 2 of the guided flow
                return _guided("people:consent_create", org, beneficiary)
            return redirect("people:beneficiary_detail", org=org, beneficiary_pk=beneficiary.pk)
    return render(request, "people/beneficiary_form.html", {"form": form})


@organisation_view(perm.MANAGE_BENEFICIARIES)
def beneficiary_edit(request, org, beneficiary_pk):
    beneficiary = selectors.beneficiary_get_for(organisation=request.organisation, pk=beneficiary_pk)
    form = BeneficiaryForm.for_beneficiary(beneficiary, request.POST or None)
    done = submit(request, form, services.beneficiary_update, actor=request.user,
                  beneficiary=beneficiary, success=_("The record is saved."),
                  then=lambda _result: _to_beneficiary(beneficiary))
    return done or render(request, "people/beneficiary_form.html",
                  {"form": form, "beneficiary": beneficiary})


@organisation_view(perm.VIEW_BENEFICIARIES)
def beneficiary_detail(request, org, beneficiary_pk):
    beneficiary = selectors.beneficiary_get_for(organisation=request.organisation, pk=beneficiary_pk)
    return render(request, "people/beneficiary_detail.html", {
        "beneficiary": beneficiary,
        "consents": selectors.consent_list(beneficiary=beneficiary),
        "families": beneficiary.family_links.select_related("family"),
        "can_manage": perm.MANAGE_BENEFICIARIES in request.permissions,
        "can_see_identity": perm.VIEW_IDENTITY in request.permissions,
        "can_manage_consent": perm.MANAGE_CONSENT in request.permissions,
        "can_export": perm.EXPORT_SUBJECT_DATA in request.permissions,
        "can_erase": perm.ERASE_SUBJECT in request.permissions,
        "erasure_due_on": rights_selectors.erasure_due_on(beneficiary),
    })


@organisation_view(perm.VIEW_IDENTITY)
def identity_open(request, org, beneficiary_pk):
    """Opening an identity is a deliberate act: a POST, written to the audit log."""
    beneficiary = selectors.beneficiary_get_for(organisation=request.organisation, pk=beneficiary_pk)
    if request.method != "POST":
        return render(request, "people/identity_confirm.html", {"beneficiary": beneficiary})
    identity = services.identity_open(actor=request.user, beneficiary=beneficiary)
    template = "people/partials/identity.html" if request.htmx else "people/identity.html"
    return render(request, template, {"beneficiary": beneficiary, "identity": identity})


@organisation_view(perm.MANAGE_IDENTITY)
def identity_edit(request, org, beneficiary_pk):
    beneficiary = selectors.beneficiary_get_for(organisation=request.organisation, pk=beneficiary_pk)
    form = IdentityForm(request.POST or None)
    done = submit(request, form, services.identity_save, actor=request.user,
                  beneficiary=beneficiary, success=_("The name and contacts are saved."),
                  then=lambda _result: _to_beneficiary(beneficiary))
    if done:
        return done
    if request.method != "POST" and hasattr(beneficiary, "identity"):
        # the form shows the name and contacts kept: that is opening them, audited the same way
        identity = services.identity_open(actor=request.user, beneficiary=beneficiary)
        if identity:
            form = IdentityForm(initial={f: getattr(identity, f) for f in services.IDENTITY_FIELDS})
    has_consent = services.beneficiary_has_data_consent(beneficiary)
    if not has_consent and request.method != "POST":
        form = None  # nothing to type into that could not be saved: consent comes first
    return render(request, "people/identity_form.html",
                  {"form": form, "beneficiary": beneficiary, "has_consent": has_consent,
                   "guided": "guided" in request.GET})


@organisation_view(perm.MANAGE_CONSENT)
def consent_create(request, org, beneficiary_pk):
    beneficiary = selectors.beneficiary_get_for(organisation=request.organisation, pk=beneficiary_pk)
    form = ConsentForm(request.POST or None, request.FILES or None,
                       organisation=request.organisation,
                       initial={"given_on": timezone.localdate()})
    guided = "guided" in request.GET

    def then(consent):
        if guided and consent.purpose == "data_processing" \
                and perm.MANAGE_IDENTITY in request.permissions:  # step 3: name and contacts
            return _guided("people:identity_edit", org, beneficiary)
        return _to_beneficiary(beneficiary)

    done = submit(request, form, services.consent_give, actor=request.user,
                  beneficiary=beneficiary, success=_("The consent is recorded."), then=then)
    return done or render(request, "people/consent_form.html",
                          {"form": form, "beneficiary": beneficiary, "guided": guided})


@organisation_view(perm.MANAGE_CONSENT)
def consent_withdraw(request, org, consent_pk):
    consent = selectors.consent_get_for(organisation=request.organisation, pk=consent_pk)
    form = ConsentWithdrawForm(request.POST or None, initial={"withdrawn_on": timezone.localdate()})
    done = submit(request, form, services.consent_withdraw, actor=request.user, consent=consent,
                  success=_("The withdrawal of consent is recorded."),
                  then=lambda _result: _to_beneficiary(consent.beneficiary))
    return done or render(request, "people/consent_withdraw.html", {"form": form, "consent": consent})


@organisation_view(perm.MANAGE_CONSENT)
def consent_document(request, org, consent_pk):
    consent = selectors.consent_get_for(organisation=request.organisation, pk=consent_pk)
    if not consent.document:
        raise Http404
    return FileResponse(consent.document.open("rb"), as_attachment=True,
                        filename=consent.document.name.rsplit("/", 1)[-1])


@organisation_view(perm.VIEW_FAMILIES)
def family_list(request, org):
    families = selectors.family_list(organisation=request.organisation,
                                     search=request.GET.get("q", ""))
    return render(request, "people/family_list.html", {
        "families": families, "search": request.GET.get("q", ""),
        "can_manage": perm.MANAGE_FAMILIES in request.permissions,
    })


@organisation_view(perm.MANAGE_FAMILIES)
def family_create(request, org):
    form = FamilyForm(request.POST or None)
    done = submit(request, form, services.family_create, actor=request.user,
                  organisation=request.organisation, success=_("The family is recorded."),
                  then=lambda family: redirect("people:family_detail", org=org,
                                               family_pk=family.pk))
    return done or render(request, "people/family_form.html", {"form": form})


@organisation_view(perm.VIEW_FAMILIES)
def family_detail(request, org, family_pk):
    family = selectors.family_get_for(organisation=request.organisation, pk=family_pk)
    form = FamilyMemberForm(organisation=request.organisation)
    return render(request, "people/family_detail.html", {
        "family": family, "form": form,
        "can_manage": perm.MANAGE_FAMILIES in request.permissions,
    })


@require_POST
@organisation_view(perm.MANAGE_FAMILIES)
def family_member_add(request, org, family_pk):
    family = selectors.family_get_for(organisation=request.organisation, pk=family_pk)
    form = FamilyMemberForm(request.POST, organisation=request.organisation)
    if form.is_valid() and call_service(form, services.family_member_add, actor=request.user,
                                        family=family, **form.cleaned_data):
        messages.success(request, _("The person is added to the family."))
        return redirect("people:family_detail", org=org, family_pk=family.pk)
    return render(request, "people/family_detail.html",
                  {"family": family, "form": form, "can_manage": True}, status=400)
