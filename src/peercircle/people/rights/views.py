"""Pages for data-subject rights: produce a person's data, erase it, the retention settings and
the register of processing activities."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from peercircle.core.access import organisation_view
from peercircle.core.forms import call_service
from peercircle.organisations import permissions as org_perm
from peercircle.people import permissions as perm
from peercircle.people import selectors as people_selectors
from peercircle.people.rights import selectors, services
from peercircle.people.rights.forms import DataProtectionForm, SubjectEraseForm, SubjectExportForm


def _beneficiary(request, beneficiary_pk):
    return people_selectors.beneficiary_get_for(organisation=request.organisation,
                                                pk=beneficiary_pk)


@organisation_view(perm.EXPORT_SUBJECT_DATA)
def subject_export(request, org, beneficiary_pk):
    beneficiary = _beneficiary(request, beneficiary_pk)
    form = SubjectExportForm(request.POST or None, initial={
        "format": "pdf", "language": selectors.subject_language(beneficiary)})
    if request.method == "POST" and form.is_valid():
        export = services.subject_export(actor=request.user, beneficiary=beneficiary,
                                         fmt=form.cleaned_data["format"],
                                         language=form.cleaned_data["language"])
        response = HttpResponse(export.content, content_type=export.content_type)
        response["Content-Disposition"] = f'attachment; filename="{export.filename}"'
        return response
    return render(request, "people/rights/subject_export.html",
                  {"subject_name": beneficiary.code, "form": form})


@organisation_view(perm.EXPORT_SUBJECT_DATA)
def member_export(request, org, membership_pk):
    from django.shortcuts import get_object_or_404

    from peercircle.organisations.models import Membership

    membership = get_object_or_404(Membership.objects.select_related("user", "organisation"),
                                   organisation=request.organisation, pk=membership_pk)
    form = SubjectExportForm(request.POST or None, initial={
        "format": "pdf", "language": membership.user.language})
    if request.method == "POST" and form.is_valid():
        export = services.member_export(actor=request.user, membership=membership,
                                        fmt=form.cleaned_data["format"],
                                        language=form.cleaned_data["language"])
        response = HttpResponse(export.content, content_type=export.content_type)
        response["Content-Disposition"] = f'attachment; filename="{export.filename}"'
        return response
    return render(request, "people/rights/subject_export.html",
                  {"subject_name": membership.user.full_name, "form": form})


@organisation_view(perm.ERASE_SUBJECT)
def subject_erase(request, org, beneficiary_pk):
    beneficiary = _beneficiary(request, beneficiary_pk)
    form = SubjectEraseForm(request.POST or None, code=beneficiary.code)
    if request.method == "POST" and form.is_valid():
        try:
            erasure = services.subject_erase(actor=request.user, beneficiary=beneficiary)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The person's data is erased. The record stays as "
                                        "%(code)s so that counts of past work do not change.")
                             % {"code": erasure.code})
            return redirect("people:beneficiary_detail", org=org, beneficiary_pk=beneficiary.pk)
    return render(request, "people/rights/subject_erase.html", {
        "beneficiary": beneficiary, "form": form,
        "sections": selectors.subject_data(beneficiary=beneficiary, language="").sections})


@organisation_view(org_perm.MANAGE_ORGANISATION)
def data_protection(request, org):
    form = DataProtectionForm(request.POST or None, instance=request.organisation)
    if request.method == "POST" and form.is_valid() and call_service(
            form, services.data_protection_update, actor=request.user,
            organisation=request.organisation, **form.cleaned_data):
        messages.success(request, _("The data-protection periods are saved."))
        return redirect("people:data_protection", org=org)
    return render(request, "people/rights/data_protection.html", {"form": form})


@organisation_view(perm.VIEW_PROCESSING_REGISTER)
def processing_register(request, org):
    rows = selectors.processing_register(organisation=request.organisation)
    context = {"rows": rows, "organisation": request.organisation}
    if request.GET.get("download") == "pdf":
        response = HttpResponse(services.processing_register_pdf(context),
                                content_type="application/pdf")
        response["Content-Disposition"] = 'attachment; filename="processing-register.pdf"'
        return response
    return render(request, "people/rights/processing_register.html", context)
