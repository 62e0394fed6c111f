"""Pages of a background job (core/jobs.py): progress, the polled bar, the result file."""

from django.http import FileResponse, Http404
from django.shortcuts import render

from peercircle.core import permissions as perm
from peercircle.core.access import organisation_view
from peercircle.core.jobs import job_get_for, job_list_for

RECENT_JOBS = 8


@organisation_view(perm.VIEW_HOME, relationship=True)
def job_detail(request, org, job_pk):
    job = job_get_for(organisation=request.organisation, user=request.user, pk=job_pk,
                      permissions=request.permissions)
    recent = [other for other in job_list_for(organisation=request.organisation, user=request.user)
              .exclude(pk=job.pk)[:RECENT_JOBS * 2]
              if not other.permission or other.permission in request.permissions][:RECENT_JOBS]
    return render(request, "core/job_detail.html", {"job": job, "recent": recent})


@organisation_view(perm.VIEW_HOME, relationship=True)
def job_progress(request, org, job_pk):
    job = job_get_for(organisation=request.organisation, user=request.user, pk=job_pk,
                      permissions=request.permissions)
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
