"""URL-argument samples per app for the access matrix: a module `<app>.py` with `samples(org) -> dict`.

Each sample must belong to `org`, so that the matrix can check own- and other-organisation access.
"""
