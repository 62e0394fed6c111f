"""The trend of the three burnout scales, drawn with the shared line chart."""

from peercircle.core.charts import line_chart
from peercircle.wellbeing.instrument import SCALES, THRESHOLD


def trend_lines(checks) -> dict:
    checks = list(checks)
    series = [(str(label), [getattr(c, scale) for c in checks]) for scale, label in SCALES.items()]
    return line_chart(series if checks else [], maximum=100, marker=THRESHOLD)
