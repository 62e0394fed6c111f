"""Small server-rendered SVG line charts. A chart is always shown beside its data table."""

from dataclasses import dataclass

WIDTH, HEIGHT, PAD = 560, 220, 32
PALETTE = ["#1f4e79", "#9c2a00", "#2e6b30", "#6a3d9a", "#8a5a00", "#00607a", "#a3195b"]


@dataclass
class Line:
    label: str
    colour: str
    points: str
    dots: list[tuple[float, float]]


def line_chart(series: list[tuple[str, list[float | None]]], *, maximum: float,
               marker: float | None = None) -> dict:
    """`series` is [(label, values per x position)]; None leaves a gap in that line."""
    count = max((len(values) for _label, values in series), default=0)
    step = (WIDTH - 2 * PAD) / max(count - 1, 1)

    def y(value) -> float:
        return round(HEIGHT - PAD - float(value) / maximum * (HEIGHT - 2 * PAD), 1)

    lines = []
    for index, (label, values) in enumerate(series):
        dots = [(round(PAD + i * step, 1), y(v)) for i, v in enumerate(values) if v is not None]
        lines.append(Line(label, PALETTE[index % len(PALETTE)],
                          " ".join(f"{x},{y_}" for x, y_ in dots), dots))
    return {"lines": lines, "width": WIDTH, "height": HEIGHT, "left": PAD, "right": WIDTH - PAD,
            "marker_y": y(marker) if marker is not None else None}
