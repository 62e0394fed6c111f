"""Benchmark of spreadsheet import."""


def run(scale: dict, report) -> None:
    """`scale["name"]` is "quick" or "large"; print figures with `report(name, value, unit)`."""
