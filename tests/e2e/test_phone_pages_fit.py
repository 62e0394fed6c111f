"""Issue 12 item 15 and issue 23: no page scrolls sideways on a phone, at 320 px, or with the
text twice its size at 1280 px.

Every page of the URL conf that a person may open (as the first role allowed to, the operator for
the operator's pages, a visitor for the public ones) is loaded in Russian with records in it (the
access matrix's world); the document must not be wider than the screen. Tables may scroll inside
their own box (`.table-responsive`), the page around them may not, and a table scrolled to its end
keeps its first column in view.
"""

import pytest
from django.test import Client
from django.utils import translation

from peercircle.core.access import access_rule_of
from peercircle.organisations.roles import Role
from tests.access.test_matrix import ORGANISATION_URLS, OTHER_URLS, _url, world_build
from tests.e2e.conftest import SCREENSHOTS, screenshot

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


# a table scrolled to its right end still shows its first column (WCAG 1.4.10's exception for data
# tables, made usable): the cells of the first column keep their place at the box's left edge
FIRST_COLUMN_LOST = """() => [...document.querySelectorAll('.table-responsive')]
    .filter(box => box.scrollWidth > box.clientWidth + 1)
    .filter(box => {
        box.scrollLeft = box.scrollWidth;
        const cell = box.querySelector('tr > :first-child');
        const lost = cell && cell.getBoundingClientRect().left < box.getBoundingClientRect().left - 1;
        box.scrollLeft = 0;
        return lost;
    }).map(box => box.querySelector('table').id || box.querySelector('caption')?.textContent.trim()
                   || box.querySelector('th')?.textContent.trim())"""

# labels drawn over each other (a column too narrow for its label) lose text without any
# scrolling: every pair of visible labels in the page must keep apart
LABELS_OVERLAP = """() => {
    const labels = [...document.querySelectorAll('main label')]
        .filter(l => l.offsetParent && !l.closest('.visually-hidden') && !l.matches('.visually-hidden'));
    const boxes = labels.map(l => l.getBoundingClientRect());
    const found = [];
    for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i], b = boxes[j];
        if (a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1)
            found.push(labels[i].textContent.trim() + ' / ' + labels[j].textContent.trim());
    }
    return found.slice(0, 3);
}"""

# WCAG 1.4.4: the browser's own text size setting doubled ("very large" fonts), as the person
# sets it, not a zoom: rem and em grow, the window stays 1280 px wide
TEXT_TWICE = {"fontSizes": {"standard": 32, "fixed": 26}}

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


def shot(page, text: int, name: str) -> None:
    """A screenshot; with doubled text, of the window only: Playwright's whole-page screenshot
    resets the browser's text size to its default."""
    if text == 1:
        screenshot(page, name)
    else:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / f"{name}.png"))


@pytest.mark.parametrize("width,text", [(390, 1), (320, 1), (1280, 2)])
def test_no_page_a_phone_user_reaches_scrolls_sideways(e2e, browser, settings, width, text):
    """At 390 px (a phone), 320 px (WCAG reflow: also what 400 % zoom of 1280 px leaves) and at
    1280 px with the text at 200 %; every page also has its header, main and footer landmarks
    (issue 23)."""
    settings.MEDIA_ROOT = settings.BASE_DIR / "test-results" / "media"
    with translation.override("ru"):
        world = world_build()
    for user in [*world["users"].values(), world["operator"]]:
        user.language = "ru"
        user.save(update_fields=["language"])
    pages = _pages(world)
    assert len(pages) > 100
    phone = width < 1000
    context = browser.new_context(viewport={"width": width, "height": 844 if phone else 720},
                                  locale="ru-RU", is_mobile=phone, has_touch=phone)
    page = context.new_page()
    if text == 2:
        context.new_cdp_session(page).send("Page.setFontSizes", TEXT_TWICE)
    signed_in, wide, unmarked, lost_column = object(), {}, [], {}
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
        if text == 2:  # still at 200 % (a whole-page screenshot would have reset it)
            assert page.evaluate("getComputedStyle(document.body).fontSize") == "32px"
        measured = page.evaluate(WIDER)
        if measured["scroll"] > measured["width"]:
            wide[url] = measured
            shot(page, text, f"too-wide-{width}-{text}-" + url.strip("/").replace("/", "-")[:80])
        if page.evaluate(LANDMARKS) != [1, 1, 1]:
            unmarked.append(url)
        if text == 2 and url.endswith(("/beneficiaries/", "/consultations/new/", "/audit/")):
            shot(page, text, "text-200-percent-1280" + url.replace("/", "-"))
        overlapping = page.evaluate(LABELS_OVERLAP)
        if overlapping:
            wide[url] = {"labels drawn over each other": overlapping}
        lost = page.evaluate(FIRST_COLUMN_LOST)
        if lost:
            lost_column[url] = lost
    context.close()
    assert wide == {}, "\n".join(f"{url}: {m}" for url, m in wide.items())
    assert unmarked == []
    assert lost_column == {}, lost_column
