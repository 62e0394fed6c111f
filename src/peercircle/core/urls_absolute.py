"""Links in e-mails sent outside a request (background jobs): the installation's address."""

from django.conf import settings


def absolute_url(path: str) -> str:
    """`path` on the installation's public address (`SITE_URL`, e.g. https://peercircle.example)."""
    return settings.SITE_URL.rstrip("/") + path
