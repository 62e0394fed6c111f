from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from peercircle.core.access import organisation_view
from peercircle.core.forms import submit
from peercircle.library import permissions as perm
from peercircle.library import selectors, services
from peercircle.library.forms import DocumentForm, VersionForm


def _to(document, org):
    return redirect("library:detail", org=org, document_pk=document.pk)


def _owned_here(document, organisation) -> bool:
    return document.organisation_id == organisation.pk or (
        document.network_id and organisation.coordinates_network
        and document.network_id == organisation.network_id)


@organisation_view(perm.READ_DOCUMENTS)
def document_list(request, org):
    documents = list(selectors.documents_for(organisation=request.organisation))
    pending = {d.pk for d in selectors.unsigned_for(organisation=request.organisation,
                                                    user=request.user)}
    return render(request, "library/list.html", {
        "rows": [(d, d.pk in pending) for d in documents],
        "can_publish": perm.PUBLISH_DOCUMENTS in request.permissions,
    })


@organisation_view(perm.READ_DOCUMENTS)
def document_detail(request, org, document_pk):
    document = selectors.document_get_for(organisation=request.organisation, pk=document_pk)
    version = selectors.current_version(document)
    context = {
        "document": document, "version": version,
        "signed": version and selectors.has_signed(version=version, user=request.user,
                                                   organisation=request.organisation),
        "can_publish": perm.PUBLISH_DOCUMENTS in request.permissions
        and _owned_here(document, request.organisation),
    }
    if document.network_id and document.network_id == request.organisation.network_id:
        context["adoption"] = selectors.adoption_for(organisation=request.organisation,
                                                     document=document)
        context["can_adopt"] = (perm.ADOPT_DOCUMENTS in request.permissions and version
                                and not _owned_here(document, request.organisation))
        if perm.VIEW_NETWORK_ADOPTION in request.permissions:
            context["network_adoption"] = selectors.network_adoption(
                organisation=request.organisation, document=document)
    if perm.VIEW_SIGNATURES in request.permissions and document.must_sign:
        context["signed_people"], context["unsigned_people"] = selectors.signature_status(
            document=document, organisation=request.organisation)
    return render(request, "library/detail.html", context)


@require_POST
@organisation_view(perm.READ_DOCUMENTS)
def document_sign(request, org, document_pk):
    document = selectors.document_get_for(organisation=request.organisation, pk=document_pk)
    version = selectors.current_version(document)
    if version is None:
        raise Http404
    services.document_sign(actor=request.user, organisation=request.organisation,
                           version=version)
    from django.contrib import messages

    messages.success(request, _("Thank you: your acknowledgement is recorded."))
    return _to(document, org)


@organisation_view(perm.PUBLISH_DOCUMENTS)
def document_new(request, org):
    form = DocumentForm(request.POST or None, organisation=request.organisation,
                        initial={"must_sign": True})
    done = submit(request, form, services.document_publish, actor=request.user,
                  organisation=request.organisation, success=_("The document is published."),
                  then=lambda document: _to(document, org))
    return done or render(request, "library/form.html", {"form": form})


@organisation_view(perm.PUBLISH_DOCUMENTS)
def version_new(request, org, document_pk):
    document = selectors.document_get_for(organisation=request.organisation, pk=document_pk)
    if not _owned_here(document, request.organisation):
        raise Http404
    current = selectors.current_version(document)
    form = VersionForm(request.POST or None, initial={"text": current.text if current else ""})
    done = submit(request, form, services.version_publish, actor=request.user,
                  organisation=request.organisation, document=document,
                  success=_("The new version is published; members are asked to acknowledge "
                            "it."),
                  then=lambda _version: _to(document, org))
    return done or render(request, "library/version_form.html",
                          {"form": form, "document": document})


@require_POST
@organisation_view(perm.ADOPT_DOCUMENTS)
def document_adopt(request, org, document_pk):
    from django.contrib import messages
    from django.core.exceptions import ValidationError

    document = selectors.document_get_for(organisation=request.organisation, pk=document_pk)
    version = selectors.current_version(document)
    if version is None:
        raise Http404
    try:
        services.document_adopt(actor=request.user, organisation=request.organisation,
                                version=version)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Your organisation has adopted this version."))
    return _to(document, org)
