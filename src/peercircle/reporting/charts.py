"""Horizontal bar chart of planned against actual, drawn on the server as SVG. Like every chart
of the platform it is shown beside a table of the same figures; the SVG carries a title and a
description, and each bar a <title> with its figure, for screen readers."""

from dataclasses import dataclass

from peercircle.core.charts import PALETTE

WIDTH, LABEL, BAR, GAP, PAD = 640, 260, 18, 10, 12
DONE, SHORT = "#2e6b30", PALETTE[0]


@dataclass
class Bar:
    label: str
    y: float
    width: float
    text: str
    colour: str
    text_x: float = 0


def progress_chart(rows: list[tuple[str, float | None, str]]) -> dict:
    """`rows` is [(label, percent of target or None, text shown at the bar's end)].
    Bars are drawn to 150 % at most; the 100 % line marks the target."""
    scale = (WIDTH - LABEL - PAD * 2 - 60) / 150
    bars = []
    for index, (label, percent, text) in enumerate(rows):
        shown = min(max(percent or 0, 0), 150)
        bars.append(Bar(label if len(label) <= 38 else label[:37] + "…",
                        PAD + index * (BAR + GAP), round(shown * scale, 1), text,
                        DONE if (percent or 0) >= 100 else SHORT))
        bars[-1].text_x = round(LABEL + bars[-1].width + 6, 1)
    height = PAD * 2 + len(rows) * (BAR + GAP)
    return {"bars": bars, "width": WIDTH, "height": max(height, 60), "left": LABEL,
            "target_x": round(LABEL + 100 * scale, 1), "bar": BAR,
            "text_dx": 6, "label_x": LABEL - 8}


def svg(chart: dict, title: str, description: str) -> str:
    """The chart as a standalone SVG string (for the PDF and the XLSX-less exports)."""
    from django.template.loader import render_to_string

    return render_to_string("reporting/partials/progress_chart.html",
                            {"chart": chart, "chart_title": title,
                             "chart_description": description, "chart_id": "report"})
