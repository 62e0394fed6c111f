"""Pages of an organisation's programmes: list, create, edit, archive and restore."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from peercircle.core import permissions as perm
from peercircle.core import selectors, services
from peercircle.core.access import organisation_view
from peercircle.core.forms import submit
from peercircle.core.programme_forms import ProgrammeForm


def _to_list(org):
    return redirect("core:programme_list", org=org)


@organisation_view(perm.MANAGE_PROGRAMMES)
def programme_list(request, org):
    programmes = selectors.programme_list(organisation=request.organisation, archived=True)
    return render(request, "core/programme_list.html", {
        "programmes": programmes.prefetch_related("help_areas").order_by("archived_on", "name")})


@organisation_view(perm.MANAGE_PROGRAMMES)
def programme_create(request, org):
    form = ProgrammeForm(request.POST or None)
    done = submit(request, form, services.programme_save, actor=request.user,
                  organisation=request.organisation, success=_("The programme is saved."),
                  then=lambda _p: _to_list(org))
    return done or render(request, "core/programme_form.html", {"form": form})


@organisation_view(perm.MANAGE_PROGRAMMES)
def programme_edit(request, org, programme_pk):
    programme = selectors.programme_get_for(organisation=request.organisation, pk=programme_pk)
    form = ProgrammeForm.for_programme(programme, request.POST or None)
    done = submit(request, form, services.programme_save, actor=request.user,
                  organisation=request.organisation, programme=programme,
                  success=_("The programme is saved."), then=lambda _p: _to_list(org))
    return done or render(request, "core/programme_form.html",
                          {"form": form, "programme": programme})


@require_POST
@organisation_view(perm.MANAGE_PROGRAMMES)
def programme_archive(request, org, programme_pk):
    programme = selectors.programme_get_for(organisation=request.organisation, pk=programme_pk)
    archived = request.POST.get("action") != "restore"
    services.programme_archive(actor=request.user, programme=programme, archived=archived)
    messages.success(request, _("The programme is archived: forms no longer offer it; its work "
                                "and reports stay.") if archived else
                     _("The programme runs again."))
    return _to_list(org)
