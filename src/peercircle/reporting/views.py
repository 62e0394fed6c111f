import datetime

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from peercircle.core.access import organisation_view
from peercircle.core.disclosure import whole_months
from peercircle.core.forms import call_service, submit
from peercircle.core.jobs import job_start
from peercircle.core.models import Activity
from peercircle.reporting import compute, exports, network, selectors, services
from peercircle.reporting import permissions as perm
from peercircle.reporting.forms import IndicatorForm, ProjectForm, TemplateForm

EXPORTS = {"xlsx": exports.build_xlsx, "pdf": exports.build_pdf}


def _to(project):
    return redirect("reporting:project", org=project.organisation.slug, project_pk=project.pk)


def _csv(text: str, name: str) -> HttpResponse:
    response = HttpResponse(text, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}.csv"'
    return response


@organisation_view(perm.VIEW_PROJECTS)
def project_list(request, org):
    return render(request, "reporting/projects.html", {
        "projects": selectors.project_list(organisation=request.organisation),
        "can_manage": perm.MANAGE_PROJECTS in request.permissions})


def _project_form_page(request, project=None):
    form = ProjectForm(request.POST or None, instance=project, organisation=request.organisation)
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items()}
        saved = call_service(form, services.project_save, actor=request.user,
                             organisation=request.organisation, project=project, **data)
        if saved:
            messages.success(request, _("The project is saved."))
            return _to(saved)
    return render(request, "reporting/project_form.html", {"form": form, "project": project})


@organisation_view(perm.MANAGE_PROJECTS)
def project_new(request, org):
    return _project_form_page(request)


@organisation_view(perm.MANAGE_PROJECTS)
def project_edit(request, org, project_pk):
    project = selectors.project_get_for(organisation=request.organisation, pk=project_pk)
    return _project_form_page(request, project)


@organisation_view(perm.VIEW_PROJECTS)
def project_detail(request, org, project_pk):
    project = selectors.project_get_for(organisation=request.organisation, pk=project_pk)
    results = compute.project_results_cached(project, list(project.indicators.all()))
    manage = perm.MANAGE_PROJECTS in request.permissions
    return render(request, "reporting/project.html", {
        "project": project, "results": results, "chart": exports.chart_for(results),
        "can_manage": manage, "can_export": perm.EXPORT_REPORTS in request.permissions,
        "template_form": TemplateForm(prefix="set") if manage else None,
        "plan": project.calendar_plan, "any_controlled": any(r.controlled for r in results)})


@require_POST
@organisation_view(perm.MANAGE_PROJECTS)
def template_apply(request, org, project_pk):
    project = selectors.project_get_for(organisation=request.organisation, pk=project_pk)
    form = TemplateForm(request.POST, prefix="set")
    if form.is_valid():
        try:
            added = services.template_apply(actor=request.user, project=project,
                                            template=form.cleaned_data["template"])
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("%(n)s indicators are added.") % {"n": len(added)})
    return _to(project)


def _indicator_form_page(request, project, indicator=None):
    initial = IndicatorForm.initial_for(indicator) if indicator else None
    form = IndicatorForm(request.POST or None, project=project, initial=initial)
    done = submit(request, form, services.indicator_save, actor=request.user, project=project,
                  indicator=indicator, success=_("The indicator is saved."),
                  then=lambda _i: _to(project))
    return done or render(request, "reporting/indicator_form.html",
                          {"form": form, "project": project, "indicator": indicator})


@organisation_view(perm.MANAGE_PROJECTS)
def indicator_new(request, org, project_pk):
    project = selectors.project_get_for(organisation=request.organisation, pk=project_pk)
    return _indicator_form_page(request, project)


@organisation_view(perm.MANAGE_PROJECTS)
def indicator_edit(request, org, project_pk, indicator_pk):
    project = selectors.project_get_for(organisation=request.organisation, pk=project_pk)
    indicator = selectors.indicator_get_for(project=project, pk=indicator_pk)
    return _indicator_form_page(request, project, indicator)


@require_POST
@organisation_view(perm.MANAGE_PROJECTS)
def indicator_delete(request, org, project_pk, indicator_pk):
    project = selectors.project_get_for(organisation=request.organisation, pk=project_pk)
    indicator = selectors.indicator_get_for(project=project, pk=indicator_pk)
    services.indicator_delete(actor=request.user, indicator=indicator)
    messages.success(request, _("The indicator is removed."))
    return _to(project)


def _drill(request, project_pk, indicator_pk):
    project = selectors.project_get_for(organisation=request.organisation, pk=project_pk)
    indicator = selectors.indicator_get_for(project=project, pk=indicator_pk)
    group = request.GET.get("group") or None
    if group and not indicator.breakdown:
        raise Http404
    result = compute.project_results(project, [indicator])[0]
    if group and group not in {g.key for g in result.groups}:
        raise Http404
    table = selectors.drill_down(indicator=indicator, organisation=request.organisation,
                                 permissions=request.permissions, group=group)
    return project, indicator, group, result, table


@organisation_view(perm.VIEW_PROJECTS)
def indicator_detail(request, org, project_pk, indicator_pk):
    project, indicator, group, result, table = _drill(request, project_pk, indicator_pk)
    counts_members = compute.organisation_ids(project) != [request.organisation.pk]
    labels = dict(Activity.Kind.choices)
    return render(request, "reporting/indicator.html", {
        "project": project, "indicator": indicator, "group": group, "result": result,
        "table": table, "counts_members": counts_members,
        "kind_labels": [str(labels.get(k, k)) for k in indicator.kinds],
        "can_export": perm.EXPORT_REPORTS in request.permissions})


@organisation_view(perm.EXPORT_REPORTS)
def indicator_csv(request, org, project_pk, indicator_pk):
    _project, indicator, _group, _result, table = _drill(request, project_pk, indicator_pk)
    if not table.allowed:
        messages.error(request, _("Your role does not give access to the records behind this "
                                  "figure."))
        return redirect("reporting:indicator", org=org, project_pk=project_pk,
                        indicator_pk=indicator_pk)
    return _csv(exports.csv_text(table.columns, table.rows), f"indicator-{indicator.pk}")


@organisation_view(perm.EXPORT_REPORTS)
def project_csv(request, org, project_pk):
    project = selectors.project_get_for(organisation=request.organisation, pk=project_pk)
    results = compute.project_results_cached(project, list(project.indicators.all()))
    columns, rows = exports.indicator_table(results)
    return _csv(exports.csv_text(columns, rows), exports.file_stem(project))


@require_POST
@organisation_view(perm.EXPORT_REPORTS)
def project_export(request, org, project_pk, report_format):
    project = selectors.project_get_for(organisation=request.organisation, pk=project_pk)
    if report_format not in EXPORTS:
        raise Http404
    job = job_start(actor=request.user, organisation=request.organisation,
                    kind=f"report_{report_format}", permission=perm.EXPORT_REPORTS,
                    task=EXPORTS[report_format], project_pk=project.pk,
                    title=_("Report on “%(project)s”, %(format)s")
                    % {"project": project.title, "format": report_format.upper()})
    return redirect("core:job_detail", org=org, job_pk=job.pk)


def _month_or_date(text: str, *, last: bool) -> datetime.date:
    """A date, or a month ("2026-03") taken as its first or last day."""
    if len(text) == 7:
        first = datetime.date.fromisoformat(f"{text}-01")
        return whole_months(first, first)[1] if last else first
    return datetime.date.fromisoformat(text)


def _period(request) -> tuple[datetime.date, datetime.date]:
    today = timezone.localdate()
    try:
        start = _month_or_date(request.GET.get("from", ""), last=False)
    except ValueError:
        start = (today - datetime.timedelta(days=365)).replace(day=1)
    try:
        end = _month_or_date(request.GET.get("until", ""), last=True)
    except ValueError:
        end = today
    if end < start:
        messages.error(request, _("The end of the period cannot be before its start."))
        start, end = end, start
    return start, end


@organisation_view(perm.VIEW_NETWORK_STATS)
def network_stats(request, org):
    start, end = _period(request)
    stats = network.network_stats(organisation=request.organisation, start=start, end=end)
    titles = {"region": _("By region"), "help_area": _("By help area"),
              "programme": _("By kind of programme")}
    return render(request, "reporting/network.html", {
        "stats": stats, "tables": [(d, titles[d], rows) for d, rows in stats["tables"].items()],
        "columns": network.stats_columns(), "can_export": perm.EXPORT_REPORTS in
        request.permissions, "query": request.GET.urlencode()})


def _network_export(request, report_format):
    start, end = _period(request)
    stats = network.network_stats(organisation=request.organisation, start=start, end=end)
    name = f"network-{stats['start']:%Y%m%d}-{stats['end']:%Y%m%d}"
    if report_format == "csv":
        rows = [[title, *row] for title in network.DIMENSIONS
                for row in network.stats_rows(stats, title)]
        return _csv(exports.csv_text([_("Breakdown"), *network.stats_columns()], rows), name)
    response = HttpResponse(exports.network_xlsx(stats),
                            content_type="application/vnd.openxmlformats-officedocument."
                                         "spreadsheetml.sheet")
    response["Content-Disposition"] = f'attachment; filename="{name}.xlsx"'
    return response


@organisation_view(perm.VIEW_NETWORK_STATS)
def network_csv(request, org):
    return _network_export(request, "csv")


@organisation_view(perm.VIEW_NETWORK_STATS)
def network_xlsx(request, org):
    return _network_export(request, "xlsx")
