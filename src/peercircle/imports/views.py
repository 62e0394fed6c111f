from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from peercircle.core.access import organisation_view
from peercircle.core.forms import submit
from peercircle.core.jobs import job_told_truthfully
from peercircle.imports import permissions as perm
from peercircle.imports import selectors, services
from peercircle.imports.forms import MappingForm, UploadForm
from peercircle.imports.importers import IMPORTERS
from peercircle.imports.models import ImportRun


def _to(run):
    return redirect("imports:detail", org=run.organisation.slug, import_pk=run.pk)


@organisation_view(perm.IMPORT_DATA)
def import_list(request, org):
    form = UploadForm(request.POST or None, request.FILES or None,
                      organisation=request.organisation)
    done = submit(request, form, services.import_upload, actor=request.user,
                  organisation=request.organisation,
                  success=_("The file is read. Check how its columns are matched."), then=_to)
    from peercircle.core.listing import Chip, Column, listing

    chips = tuple(Chip("kind", kind, importer.label, lambda q, kind=kind: q.filter(kind=kind))
                  for kind, importer in IMPORTERS.items()
                  if importer.offered_to(request.organisation)) + tuple(
        Chip("status", value, label, lambda q, value=value: q.filter(status=value))
        for value, label in ImportRun.Status.choices
        if value in (ImportRun.Status.CHECKED, ImportRun.Status.IMPORTED, ImportRun.Status.FAILED))
    runs = listing(request, selectors.import_list(organisation=request.organisation),
                   search_fields=("file_name",), search_label=_("Search by file name"),
                   default_order="-created_at", chips=chips, per_page=25,
                   columns=[Column(_("File"), "file_name"), Column(_("Kind"), "kind"),
                            Column(_("Status"), "status"), Column(_("Uploaded"), "created_at")])
    return done or render(request, "imports/list.html", {
        "form": form, "page": runs.page, "listing": runs,
        "kinds": {k: i.label for k, i in IMPORTERS.items()}})


@organisation_view(perm.IMPORT_DATA)
def import_detail(request, org, import_pk):
    run = selectors.import_get_for(organisation=request.organisation, pk=import_pk)
    if run.current_job is not None:  # its worker died: retried or failed before it is shown
        job_told_truthfully(run.current_job)
    form = MappingForm(request.POST or None, run=run) if run.can_check else None
    if form is not None and request.method == "POST" and form.is_valid():
        try:
            services.import_map(actor=request.user, run=run, mapping=form.mapping())
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return _to(run)
    job = run.current_job
    summary = run.summary or {}
    failure = summary.get("file_error", "")
    for earlier in (run.commit_job, run.check_job):
        if not failure and earlier is not None and earlier.status == "failed" \
                and run.status != ImportRun.Status.IMPORTED:
            failure = earlier.message
    return render(request, "imports/detail.html", {
        "run": run, "form": form, "job": job, "summary": summary, "failure": failure,
        "kind_label": IMPORTERS[run.kind].label,
        "whole_only_refused": IMPORTERS[run.kind].all_or_nothing and summary.get("rejected"),
        "my_job": job is not None and job.user_id == request.user.pk,
        # (summaries written before rows were named hold [number, errors])
        "listed_errors": [entry if len(entry) == 3 else [entry[0], "", entry[1]]
                          for entry in summary.get("errors", [])],
        "unlisted_errors": max(0, summary.get("rejected", 0) - len(summary.get("errors", []))),
    })


@require_POST
@organisation_view(perm.IMPORT_DATA)
def import_commit(request, org, import_pk):
    run = selectors.import_get_for(organisation=request.organisation, pk=import_pk)
    try:
        services.import_commit(actor=request.user, run=run)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    return _to(run)


@organisation_view(perm.IMPORT_DATA)
def import_rejected(request, org, import_pk):
    run = selectors.import_get_for(organisation=request.organisation, pk=import_pk)
    if not run.rejected:
        raise Http404
    return FileResponse(run.rejected.open("rb"), as_attachment=True,
                        filename=run.rejected.name.rsplit("/", 1)[-1],
                        content_type="text/csv; charset=utf-8")
