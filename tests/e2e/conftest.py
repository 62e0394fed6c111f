"""Real-browser tests: Playwright drives the system Chromium against Django's live server."""

import base64
import hashlib
import hmac
import os
import struct
import time
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.apps import apps as django_apps
from django.conf import settings
from django.test import Client
from playwright.sync_api import Browser

from peercircle.core import reference
from tests.e2e import markup

# Playwright's sync API runs an event loop in the test thread; the test still talks to the
# database from that thread while the live server serves the browser from another one.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-results" / "screenshots"

pytestmark = pytest.mark.e2e


def pytest_collection_modifyitems(items):
    for item in items:
        if "/e2e/" in str(item.fspath):
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync"],
    }


@pytest.fixture
def browser_context_args(browser_context_args):
    # Reduced motion: colours are checked as they settle, not halfway through a transition
    # (peercircle.css switches transitions off for it; an injected <style> would break the CSP).
    return {**browser_context_args, "locale": "en-GB", "viewport": {"width": 1280, "height": 900},
            "reduced_motion": "reduce"}


@pytest.fixture(scope="session")
def nu_checker():
    checker = markup.NuChecker()
    yield checker
    checker.stop()


@pytest.fixture
def e2e(live_server, transactional_db, page, settings, monkeypatch, nu_checker):
    settings.MEDIA_ROOT = settings.BASE_DIR / "test-results" / "media"
    reference.load(django_apps)  # transactional tests flush the data migrations' rows
    page.set_default_timeout(15_000)
    # A page the Content-Security-Policy broke (a refused inline style or script) fails the test,
    # whether it is the test's `page` or one of a context the test opens itself.
    violations = []

    def watch(message) -> None:
        if "Content Security Policy" in message.text:
            violations.append(message.text)

    page.on("console", watch)
    new_context = Browser.new_context

    def watched_context(self, *args, **kwargs):
        context = new_context(self, *args, **kwargs)
        context.on("console", watch)
        return context

    monkeypatch.setattr(Browser, "new_context", watched_context)
    # Every whole page the live server answers is kept, and checked by the W3C Nu HTML Checker.
    monkeypatch.setattr(markup, "recorded", [])
    yield live_server
    assert violations == [], "Content-Security-Policy violations:\n" + "\n".join(violations)
    # and the page as the test left it, after its scripts and swaps (a fragment that took away
    # what the rest of the page points to shows only there)
    if not page.is_closed() and page.url.startswith(live_server.url):
        markup.recorded.append(("as left", page.url, page.content().encode()))
    invalid = {}
    for method, path, document in markup.recorded:
        errors = nu_checker.errors(document)
        if errors:
            invalid.setdefault(f"{method} {path}", errors)
    assert invalid == {}, "The W3C Nu HTML Checker's errors:\n" + "\n".join(
        f"{page}:\n  " + "\n  ".join(errors) for page, errors in invalid.items())


def sign_in_as(page, live_server, user) -> None:
    """Put a signed-in session into the browser (for pages behind two-factor set-up)."""
    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    page.context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": cookie.value,
                               "url": live_server.url}])


def settled(page) -> None:
    """Wait until the page a click navigated to has loaded.

    A click returns once the navigation has started, when the new document may not have a
    head yet; checks and screenshots look at the loaded page, not at the one in between.
    """
    page.wait_for_load_state("load")


def screenshot(page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    settled(page)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


# axe's default rules, plus WCAG 2.2's target size (24 px), which axe leaves off unless asked
AXE_OPTIONS = {"resultTypes": ["violations"], "rules": {"target-size": {"enabled": True}}}


def assert_accessible(page) -> None:
    settled(page)
    results = Axe().run(page, options=AXE_OPTIONS)
    serious = [v for v in results.response["violations"]
               if v.get("impact") in ("serious", "critical")]
    assert serious == [], "\n".join(
        f"{v['id']}: {v['help']} — {[n['target'] for n in v['nodes']][:3]}" for v in serious)


def totp_now(secret: str) -> str:
    """RFC 6238 code for a base32 secret, as an authenticator app would show it."""
    key = base64.b32decode(secret.upper() + "=" * (-len(secret) % 8))
    counter = struct.pack(">Q", int(time.time()) // 30)
    digest = hmac.new(key, counter, hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    code = struct.unpack(">I", digest[offset:offset + 4])[0] & 0x7FFFFFFF
    return f"{code % 1_000_000:06d}"


def run_waiting_jobs() -> list[int]:
    """The worker's part, for a test whose settings use django-tasks' dummy backend (which only
    queues): run every waiting job now, while the page watches."""
    from django_scopes import scopes_disabled

    from peercircle.core.jobs import job_run
    from peercircle.core.models import Job

    with scopes_disabled():
        waiting = list(Job.objects.filter(status=Job.Status.QUEUED).values_list("pk", flat=True))
    for pk in waiting:
        job_run.call(pk)
    return waiting


def set_up_authenticator(page) -> str:
    """On the set-up page: read the key as a person types it from the screen, enter the code."""
    secret = page.locator("#setup-key").inner_text().replace(" ", "")
    page.locator("#id_code").fill(totp_now(secret))
    page.locator("main form button[type=submit]").click()
    return secret


def open_menu(page, menu: str, link: str) -> None:
    """Open a main-menu group and follow one of its links."""
    navigation = page.get_by_role("navigation", name="Main menu")
    navigation.get_by_role("button", name=menu).click()
    navigation.get_by_role("link", name=link, exact=True).click()
    settled(page)
