"""Access-matrix samples of the reporting app."""


def samples(org) -> dict:
    return {}
