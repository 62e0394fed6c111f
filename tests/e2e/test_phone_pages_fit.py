"""Issue 12 item 15: no page scrolls sideways on a phone.

Every page of the URL conf that a person may open (as the first role allowed to, the operator for
the operator's pages, a visitor for the public ones) is loaded at 390×844 in Russian with records
in it (the access matrix's world); the document must not be wider than the screen. Tables may
scroll inside their own box (`.table-responsive`), the page around them may not.
"""

import pytest
from django.test import Client
from django.utils import translation

from peercircle.core.access import access_rule_of
from peercircle.organisations.roles import Role
from tests.access.test_matrix import ORGANISATION_URLS, OTHER_URLS, _url, world_build
from tests.e2e.conftest import screenshot

pytestmark = pytest.mark.e2e

ROLES = [Role.VOLUNTEER, Role.SUPERVISOR, Role.COORDINATOR, Role.NETWORK_COORDINATOR,
         Role.STAFF, Role.PARTNER]

WIDER = """() => {
    const width = document.documentElement.clientWidth;
    const wide = [...document.body.querySelectorAll('*')].filter(e => {
        const r = e.getBoundingClientRect();
        return r.width && r.right > width + 1 && !e.closest('.table-responsive, .visually-hidden');
    }).slice(0, 3).map(e => e.tagName + (e.id ? '#' + e.id : '') + '.' + [...e.classList].join('.'));
    return {scroll: document.documentElement.scrollWidth, width, wide};
}"""


LANDMARKS = """() => ['body > header', 'main', 'body > footer']
    .map(selector => document.querySelectorAll(selector).length)"""


def _pages(world):
    """(url, user or None) for every page that answers a person with HTML."""
    client = Client()
    users = world["users"]
    found = []
    for route, name, _view in ORGANISATION_URLS:
        url = _url(name, route, "own", world["samples"]["own"])
        for role in ROLES:
            client.force_login(users[role])
            response = client.get(url)
            if response.status_code == 200:
                if "text/html" in response.get("Content-Type", "") and b"<html" in response.content:
                    found.append((url, users[role]))
                break
    for route, name, view in OTHER_URLS:
        url = _url(name, route, None, world["samples"]["own"])
        kind = access_rule_of(view).kind
        user = (world["operator"] if kind == "operator" else
                users[Role.VOLUNTEER] if kind == "signed_in" else None)
        client.logout()
        if user is not None:
            client.force_login(user)
        response = client.get(url)
        if response.status_code == 200 and b"<html" in response.content:
            found.append((url, user))
    return found


@pytest.mark.parametrize("width", [390, 320])
def test_no_page_a_phone_user_reaches_scrolls_sideways(e2e, browser, settings, width):
    """At 390 px (a phone) and 320 px (WCAG reflow: also what 400 % zoom of 1280 px leaves);
    every page also has its header, main and footer landmarks (issue 23)."""
    settings.MEDIA_ROOT = settings.BASE_DIR / "test-results" / "media"
    with translation.override("ru"):
        world = world_build()
    for user in [*world["users"].values(), world["operator"]]:
        user.language = "ru"
        user.save(update_fields=["language"])
    pages = _pages(world)
    assert len(pages) > 100
    context = browser.new_context(viewport={"width": width, "height": 844}, locale="ru-RU",
                                  is_mobile=True, has_touch=True)
    page = context.new_page()
    signed_in, wide, unmarked = object(), {}, []
    for url, user in pages:
        if user != signed_in:
            context.clear_cookies()
            if user is not None:
                client = Client()
                client.force_login(user)
                context.add_cookies([{
                    "name": settings.SESSION_COOKIE_NAME, "url": e2e.url,
                    "value": client.cookies[settings.SESSION_COOKIE_NAME].value}])
            signed_in = user
        page.goto(e2e.url + url)
        measured = page.evaluate(WIDER)
        if measured["scroll"] > measured["width"]:
            wide[url] = measured
            screenshot(page, f"too-wide-{width}-" + url.strip("/").replace("/", "-")[:80])
        if page.evaluate(LANDMARKS) != [1, 1, 1]:
            unmarked.append(url)
    context.close()
    assert wide == {}, "\n".join(f"{url}: {m}" for url, m in wide.items())
    assert unmarked == []
