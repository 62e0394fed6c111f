"""Project reports as files: XLSX with a native Excel chart, PDF with the SVG chart (DejaVu fonts,
so Cyrillic and Polish print correctly), CSV of any table. Every text cell goes through
`core.exports.safe_cell`, so nothing typed by a person runs as a formula.

`build_xlsx` / `build_pdf` are background-job tasks (core/jobs.py); `project_xlsx` /
`project_pdf` are the plain functions they call."""

import io
from decimal import Decimal

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from peercircle.core.exports import csv_writer, safe_cell, safe_row
from peercircle.core.jobs import job_finish, job_progress
from peercircle.reporting import charts, compute
from peercircle.reporting.models import Project


def _number(value):
    value = Decimal(value)
    return int(value) if value == value.to_integral_value() else float(value)


def _actual(figure):
    """A released figure: "<5" (or "—") where it is suppressed, else the number (already
    rounded by compute.disclosed where it counts other organisations' people)."""
    return figure.suppressed or _number(figure.actual)


def indicator_table(results: list[compute.Result]) -> tuple[list[str], list[list]]:
    columns = [_("Indicator"), _("Target"), _("Actual"), _("Share of target"), _("Note")]
    rows = [[r.indicator.name, _number(r.target), _actual(r),
             r.percent if r.percent is not None else "", r.note] for r in results]
    return columns, rows


def group_rows(results: list[compute.Result]) -> list[list]:
    return [[r.indicator.name, g.label, _number(g.target) if g.target else "",
             _actual(g), g.percent if g.percent is not None else ""]
            for r in results for g in r.groups]


def csv_text(columns: list, rows: list[list]) -> str:
    stream = io.StringIO()
    writer = csv_writer(stream)
    writer.writerow(safe_row(columns))
    for row in rows:
        writer.writerow(safe_row(row))
    return stream.getvalue()


def chart_for(results: list[compute.Result]) -> dict:
    return charts.progress_chart([
        (r.indicator.name, r.percent,
         f"{_actual(r)} / {_number(r.target)}") for r in results])


def _project_facts(project: Project) -> list[tuple[str, str]]:
    return [(_("Funder"), project.funder), (_("Programme or contest"), project.contest),
            (_("Application number"), project.application_number),
            (_("Period"), f"{project.starts_on:%d.%m.%Y} – {project.ends_on:%d.%m.%Y}"),
            (_("Organisation"), project.organisation.name), (_("Partners"), project.partners),
            (_("Goal"), project.goal), (_("Tasks"), project.tasks),
            (_("Target groups"), project.target_groups), (_("Geography"), project.geography)]


def project_xlsx(project: Project, results: list[compute.Result]) -> bytes:
    import xlsxwriter

    output = io.BytesIO()
    book = xlsxwriter.Workbook(output, {"in_memory": True, "strings_to_formulas": False})
    bold = book.add_format({"bold": True})
    sheet = book.add_worksheet(_("Indicators")[:31])
    sheet.write(0, 0, safe_cell(project.title), book.add_format({"bold": True, "font_size": 14}))
    columns, rows = indicator_table(results)
    sheet.write_row(2, 0, columns, bold)
    for index, row in enumerate(rows, start=3):
        sheet.write_row(index, 0, safe_row(row))
    sheet.set_column(0, 0, 50)
    sheet.set_column(1, 3, 12)
    sheet.set_column(4, 4, 40)
    if rows:
        chart = book.add_chart({"type": "bar"})
        last = 2 + len(rows)
        name = _("Indicators")[:31]
        for column, label in ((1, _("Target")), (2, _("Actual"))):
            chart.add_series({"name": label, "categories": [name, 3, 0, last, 0],
                              "values": [name, 3, column, last, column]})
        chart.set_title({"name": _("Planned and actual")})
        chart.set_y_axis({"reverse": True})
        sheet.insert_chart(last + 2, 0, chart, {"x_scale": 1.6, "y_scale": 1.2})
    _facts_sheet(book, bold, project)
    groups = group_rows(results)
    if groups:
        breakdown = book.add_worksheet(_("By region or quarter")[:31])
        breakdown.write_row(0, 0, [_("Indicator"), _("Region or quarter"), _("Target"),
                                   _("Actual"), _("Share of target")], bold)
        for index, row in enumerate(groups, start=1):
            breakdown.write_row(index, 0, safe_row(row))
        breakdown.set_column(0, 1, 40)
    book.close()
    return output.getvalue()


def _facts_sheet(book, bold, project: Project) -> None:
    sheet = book.add_worksheet(_("Project")[:31])
    for index, (label, value) in enumerate(_project_facts(project)):
        sheet.write(index, 0, label, bold)
        sheet.write(index, 1, safe_cell(value or ""))
    sheet.set_column(0, 0, 28)
    sheet.set_column(1, 1, 90)


def project_pdf(project: Project, results: list[compute.Result]) -> bytes:
    from weasyprint import HTML

    chart = chart_for(results)
    html = render_to_string("reporting/report_pdf.html", {
        "project": project, "results": results, "facts": _project_facts(project),
        "chart_svg": charts.svg(chart, _("Planned and actual"),
                                _("Share of each indicator's target reached; the dashed line "
                                  "is the target.")),
        "generated": timezone.localtime()})
    return HTML(string=html).write_pdf()


def _results(job, project_pk: int) -> tuple[Project, list[compute.Result]]:
    project = Project.objects.select_related("organisation").get(
        pk=project_pk, organisation=job.organisation)
    indicators = list(project.indicators.select_related("project", "region"))
    job_progress(job, 0, len(indicators) + 1)
    results = compute.project_results_cached(project, indicators)
    job_progress(job, len(indicators), len(indicators) + 1)
    return project, results


def file_stem(project: Project) -> str:
    return f"project-{project.pk}-{timezone.localdate():%Y%m%d}"


def build_xlsx(job, *, project_pk: int) -> None:
    project, results = _results(job, project_pk)
    job_finish(job, f"{file_stem(project)}.xlsx", project_xlsx(project, results))


def build_pdf(job, *, project_pk: int) -> None:
    project, results = _results(job, project_pk)
    job_finish(job, f"{file_stem(project)}.pdf", project_pdf(project, results))


def network_xlsx(stats: dict) -> bytes:
    """Network statistics, one sheet per breakdown; the small numbers stay suppressed."""
    import xlsxwriter

    from peercircle.reporting import network

    output = io.BytesIO()
    book = xlsxwriter.Workbook(output, {"in_memory": True, "strings_to_formulas": False})
    bold = book.add_format({"bold": True})
    titles = {"region": _("By region"), "help_area": _("By help area"),
              "programme": _("By kind of programme")}
    for dimension in network.DIMENSIONS:
        sheet = book.add_worksheet(titles[dimension][:31])
        sheet.write_row(0, 0, network.stats_columns(), bold)
        for index, row in enumerate(network.stats_rows(stats, dimension), start=1):
            sheet.write_row(index, 0, safe_row(row))
        sheet.set_column(0, 0, 40)
        sheet.set_column(1, 5, 16)
    book.close()
    return output.getvalue()
