"""Demo data of the events part (called by `peercircle demo_load`)."""


def load(organisations: dict, rnd, today) -> None:
    """Add this part's demo records to the demo organisations (slug -> Organisation)."""
