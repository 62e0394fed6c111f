"""A small server-rendered SVG line chart of the three scales, always shown beside its table."""

from dataclasses import dataclass

WIDTH, HEIGHT, PAD = 560, 220, 32
COLOURS = {"personal": "#1f4e79", "work": "#9c2a00", "client": "#2e6b30"}


@dataclass
class Line:
    scale: str
    colour: str
    points: str
    dots: list[tuple[float, float]]


def trend_lines(checks) -> dict:
    checks = list(checks)
    if not checks:
        return {"lines": [], "width": WIDTH, "height": HEIGHT}
    step = (WIDTH - 2 * PAD) / max(len(checks) - 1, 1)

    def y(value) -> float:
        return round(HEIGHT - PAD - float(value) / 100 * (HEIGHT - 2 * PAD), 1)

    lines = []
    for scale, colour in COLOURS.items():
        dots = [(round(PAD + i * step, 1), y(getattr(c, scale))) for i, c in enumerate(checks)]
        lines.append(Line(scale, colour, " ".join(f"{x},{y_}" for x, y_ in dots), dots))
    return {"lines": lines, "width": WIDTH, "height": HEIGHT, "threshold_y": y(50),
            "left": PAD, "right": WIDTH - PAD}
