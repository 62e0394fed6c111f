"""Issue 12 item 1: every SVG chart writes locale-independent numbers. In Russian and Polish a
decimal comma (`width="53,3"`) gave bars of no width; each chart is rendered in ru and pl and
every numeric attribute is parsed."""

import re

import pytest
from django.template.loader import render_to_string
from django.utils import translation

from peercircle.core.charts import line_chart
from peercircle.reporting.charts import progress_chart

NUMERIC = {"x", "y", "x1", "x2", "y1", "y2", "cx", "cy", "r", "width", "height"}
ATTRIBUTE = re.compile(r'\s([a-zA-Z0-9-]+)="([^"]*)"')


def _numbers_of(svg: str) -> list[float]:
    found = []
    for name, value in ATTRIBUTE.findall(svg):
        if name in NUMERIC:
            found.append(float(value.removesuffix("%")))  # "53,3" raises
        elif name == "points":
            found += [float(c) for pair in value.split() for c in pair.split(",", 1)]
            assert all(len(pair.split(",")) == 2 for pair in value.split()), value
        elif name == "viewBox":
            found += [float(v) for v in value.split()]
    return found


def _charts():
    line = line_chart([("Эмоциональное истощение", [33.3, None, 41.7, 66.6])], maximum=100,
                      marker=50.5)
    bars = progress_chart([("Консультации", 53.3, "53,3 %"), ("Группы", 120.75, "120 %")])
    rating = [{"mark": m, "count": c, "y": 10 + i * 32, "text_y": 26 + i * 32,
               "width": round(c / 7 * 360, 1)} for i, (m, c) in enumerate([(5, 7), (4, 3)])]
    return [
        ("partials/line_chart.html", {"chart": line, "chart_id": "t", "chart_title": "T"}),
        ("reporting/partials/progress_chart.html",
         {"chart": bars, "chart_id": "p", "chart_title": "P", "chart_description": "D"}),
        ("events/partials/rating_chart.html",
         {"bars": rating, "chart_width": 480, "chart_height": 180}),
    ]


@pytest.mark.parametrize("language", ["ru", "pl", "en"])
@pytest.mark.parametrize("template,context", _charts(), ids=["line", "progress", "rating"])
def test_every_number_in_an_svg_chart_parses_in_every_language(language, template, context):
    with translation.override(language):
        svg = render_to_string(template, context)
    numbers = _numbers_of(svg)
    assert numbers, "the chart drew nothing"
    assert any(n != int(n) for n in numbers), "the sample has fractions, as real charts do"
