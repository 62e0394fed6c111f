"""Access-matrix samples of the imports app."""


def samples(org) -> dict:
    return {}
