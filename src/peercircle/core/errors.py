"""Pages for what went wrong on the server: 500, 503 (database unreachable) and 507 (no space
left), in the person's language, with a short reference that is also in the server log.

The page is rendered without touching the database (no signed-in person, no organisation in the
context: either may be what failed); when even that cannot be rendered, a static page in the three
languages is returned. The offline queue of the consultation form treats 503 as "try again later".
"""

import errno
import logging
import secrets
import sys

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils import translation

logger = logging.getLogger("peercircle.errors")

RETRY_AFTER_SECONDS = 30
LANGUAGE_CODES = {code for code, _name in settings.LANGUAGES}


class StorageFull(OSError):
    """No space left where files are kept: nothing was saved (core/storage.py)."""

    def __init__(self, *args):
        super().__init__(errno.ENOSPC, "No space left on the device", *args)


def _unreachable(error) -> bool:
    """A database that cannot be reached (stopped, restarting, network): not a bug to fix."""
    return isinstance(error, InterfaceError) or (
        isinstance(error, OperationalError) and not _is_lock(error))


def _is_lock(error) -> bool:
    return "locked" in str(error).lower()


def _disk_full(error) -> bool:
    return isinstance(error, StorageFull) or (
        isinstance(error, OSError) and error.errno == errno.ENOSPC)


def reference_new() -> str:
    return secrets.token_hex(4).upper()


def _language(request, *, ask_account: bool) -> str:
    """The signed-in person's language when the database can be asked, else the browser's."""
    if ask_account:
        try:
            language = getattr(request.user, "language", None)
            if language in LANGUAGE_CODES:
                return language
        except Exception:  # noqa: BLE001 - a page about a fault must not fault itself
            pass
    cookie = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
    if cookie in LANGUAGE_CODES:
        return cookie
    try:
        return translation.get_language_from_request(request)
    except Exception:  # noqa: BLE001 - a page about a fault must not fault itself
        return settings.LANGUAGE_CODE


STATIC_PAGE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>PeerCircle</title></head>
<body><main><h1>PeerCircle</h1>
<p lang="ru">Сервер временно не может ответить. Ничего из отправленного не сохранено наполовину.
Попробуйте ещё раз через несколько минут. Код для службы поддержки: {ref}</p>
<p lang="pl">Serwer chwilowo nie może odpowiedzieć. Nic z wysłanych danych nie zapisało się
częściowo. Spróbuj ponownie za kilka minut. Kod dla pomocy technicznej: {ref}</p>
<p>The server cannot answer just now. Nothing you sent was half-saved. Try again in a few
minutes. Reference for support: {ref}</p></main></body></html>"""


def error_page(request, *, status: int, reference: str) -> HttpResponse:
    try:
        with translation.override(_language(request, ask_account=status != 503)):
            html = render_to_string("error_page.html", {
                "status": status, "reference": reference, "retry_after": RETRY_AFTER_SECONDS,
                "LANGUAGE_CODE": translation.get_language()})
    except Exception:  # noqa: BLE001 - the static page when the layout itself cannot be drawn
        logger.exception("The error page %s could not be rendered (reference %s)", status,
                         reference)
        html = STATIC_PAGE.format(ref=reference)
    response = HttpResponse(html, status=status)
    if status == 503:
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


def server_error(request, *args, **kwargs) -> HttpResponse:
    """handler500: what failed decides the page — an unreachable database is 503 with
    Retry-After, a full disk 507, anything else 500 — each logged with its reference."""
    error = sys.exc_info()[1]
    reference = reference_new()
    if _unreachable(error):
        status = 503
        logger.error("Database unreachable (reference %s): %s", reference, error)
    elif _disk_full(error):
        status = 507
        logger.error("No space left for files (reference %s): %s", reference, error)
    else:
        status = 500
        logger.error("Server error (reference %s) at %s", reference, request.path,
                     exc_info=error is not None)
    return error_page(request, status=status, reference=reference)
