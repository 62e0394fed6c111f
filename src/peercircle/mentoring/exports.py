"""The programme report as CSV and as XLSX (XlsxWriter, with a native bar chart of outcomes)."""

import csv
import io

import xlsxwriter
from django.http import HttpResponse
from django.utils.translation import gettext as _

from peercircle.mentoring.selectors import Report

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _filename(report: Report, organisation, extension: str) -> str:
    return f"mentoring-{organisation.slug}-{report.start:%Y%m%d}-{report.end:%Y%m%d}.{extension}"


def report_csv(report: Report, organisation) -> HttpResponse:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{_filename(report, organisation, "csv")}"'
    response.write("\ufeff")  # spreadsheet programs then read the file as UTF-8
    writer = csv.writer(response)
    writer.writerow([_("Indicator"), _("Figure")])
    writer.writerow([_("Period"), f"{report.start.isoformat()} – {report.end.isoformat()}"])
    for label, value in report.rows():
        writer.writerow([label, value])
    return response


def report_xlsx(report: Report, organisation) -> HttpResponse:
    buffer = io.BytesIO()
    workbook = xlsxwriter.Workbook(buffer, {"in_memory": True})
    sheet = workbook.add_worksheet(_("Mentoring")[:31])
    bold = workbook.add_format({"bold": True})
    sheet.set_column(0, 0, 70)
    sheet.set_column(1, 1, 12)
    sheet.write(0, 0, _("Mentoring programme report: %(organisation)s") % {
        "organisation": organisation.name}, bold)
    sheet.write(1, 0, _("Period"))
    sheet.write(1, 1, f"{report.start.isoformat()} – {report.end.isoformat()}")
    sheet.write(3, 0, _("Indicator"), bold)
    sheet.write(3, 1, _("Figure"), bold)
    rows = report.rows()
    for index, (label, value) in enumerate(rows, start=4):
        sheet.write(index, 0, label)
        sheet.write_number(index, 1, value)
    outcomes = len(report.positive) + len(report.negative)
    if outcomes:
        first = 4 + len(rows) - outcomes
        chart = workbook.add_chart({"type": "bar"})
        chart.add_series({"name": _("Outcomes"),
                          "categories": [sheet.name, first, 0, first + outcomes - 1, 0],
                          "values": [sheet.name, first, 1, first + outcomes - 1, 1]})
        chart.set_title({"name": _("Outcomes in the families")})
        chart.set_legend({"none": True})
        sheet.insert_chart(3, 3, chart, {"x_scale": 1.6, "y_scale": 1.4})
    workbook.close()
    response = HttpResponse(buffer.getvalue(), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{_filename(report, organisation, "xlsx")}"'
    return response
