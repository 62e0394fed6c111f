"""Access-matrix samples of the groups app."""


def samples(org) -> dict:
    return {}
