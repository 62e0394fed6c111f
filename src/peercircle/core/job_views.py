"""Pages of a background job (core/jobs.py): progress, the polled bar, the result file."""

from django.contrib import messages
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from peercircle.core import permissions as perm
from peercircle.core.access import organisation_view
from peercircle.core.jobs import job_again, job_get_for, job_list_for, job_told_truthfully

RECENT_JOBS = 8


def _job(request, job_pk):
    """The person's job, told truthfully: one whose worker died is retried or failed first."""
    return job_told_truthfully(job_get_for(organisation=request.organisation, user=request.user,
                                           pk=job_pk, permissions=request.permissions))


@organisation_view(perm.VIEW_HOME, relationship=True)
def job_detail(request, org, job_pk):
    job = _job(request, job_pk)
    recent = job_list_for(organisation=request.organisation, user=request.user,
                          permissions=request.permissions).exclude(pk=job.pk)[:RECENT_JOBS]
    return render(request, "core/job_detail.html", {"job": job, "recent": recent})


@organisation_view(perm.VIEW_HOME, relationship=True)
def job_progress(request, org, job_pk):
    job = _job(request, job_pk)
    reload = request.GET.get("reload") == "1"
    # the page was watching the job run: a file it produced downloads by itself
    response = render(request, "core/partials/job_progress.html",
                      {"job": job, "reload": reload, "download_now": not reload})
    if reload and job.finished and request.htmx:
        response["HX-Refresh"] = "true"  # the embedding page shows the job's outcome itself
    return response


@organisation_view(perm.VIEW_HOME, relationship=True)
def job_download(request, org, job_pk):
    job = job_get_for(organisation=request.organisation, user=request.user, pk=job_pk,
                      permissions=request.permissions)
    if not job.result:
        raise Http404
    return FileResponse(job.result.open("rb"), as_attachment=True,
                        filename=job.result_name or job.result.name.rsplit("/", 1)[-1])


@require_POST
@organisation_view(perm.VIEW_HOME, relationship=True)
def job_run_again(request, org, job_pk):
    """A failed job started again by the person who started it (while they hold its permission)."""
    job = _job(request, job_pk)
    if job.status != job.Status.FAILED:
        messages.info(request, _("This work has not failed: there is nothing to run again."))
        return redirect("core:job_detail", org=org, job_pk=job.pk)
    again = job_again(actor=request.user, job=job)
    return redirect("core:job_detail", org=org, job_pk=again.pk)
