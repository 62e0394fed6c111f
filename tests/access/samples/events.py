"""Access-matrix samples of the events app."""


def samples(org) -> dict:
    return {}
