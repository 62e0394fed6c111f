"""Benchmark of project indicators and the project dashboard."""


def run(scale: dict, report) -> None:
    """`scale["name"]` is "quick" or "large"; print figures with `report(name, value, unit)`."""
