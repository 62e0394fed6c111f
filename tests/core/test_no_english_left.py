"""Issue 12 item 10: a page shown in Russian or Polish contains no interface text left in English.

Every page of the URL conf is opened (as the first role that may open it, as the operator, or
anonymously for the public ones) by a person whose language is Russian, then Polish; the text a
person reads or hears (text, placeholders, labels for screen readers) must contain none of the
catalogue's English message ids. A string rendered without gettext, a `_()` evaluated at import
time or a template that prints a catalogued phrase without `{% translate %}` shows up here in English.
"""

import re
from html.parser import HTMLParser

import polib
import pytest
from django.conf import settings
from django.utils import translation

from peercircle.core.access import access_rule_of
from peercircle.organisations.roles import Role
from tests.access.test_matrix import ORGANISATION_URLS, OTHER_URLS, _url, world_build

PLACEHOLDER = re.compile(r"%\(\w+\)[sdif]|%[sdif]|\{\w*\}")
# roles tried in turn for a page of an organisation: the first that may open it reads it
ROLES = [Role.COORDINATOR, Role.NETWORK_COORDINATOR, Role.STAFF, Role.SUPERVISOR, Role.VOLUNTEER,
         Role.PARTNER]
SPOKEN = ("placeholder", "title", "aria-label", "alt")


class _Text(HTMLParser):
    def __init__(self):
        super().__init__()
        self.parts, self.skip = [], 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style", "template"):
            self.skip += 1
        self.parts.extend(value for name, value in attrs if name in SPOKEN and value)

    def handle_endtag(self, tag):
        if tag in ("script", "style", "template") and self.skip:
            self.skip -= 1

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)


def _readable(html: str) -> str:
    parser = _Text()
    parser.feed(html)
    return re.sub(r"\s+", " ", " ".join(parser.parts))


def _english(language: str) -> set[str]:
    """English phrases of the catalogue whose translation differs: three words or more, cut at
    placeholders, so that a proper name or a word shared by both languages does not count."""
    catalogue = polib.pofile(str(settings.LOCALE_PATHS[0] / language / "LC_MESSAGES" / "django.po"))
    phrases = set()
    for entry in catalogue.translated_entries():
        if entry.msgstr == entry.msgid:
            continue
        for part in PLACEHOLDER.split(entry.msgid):
            part = re.sub(r"\s+", " ", part).strip(" .,:;()")
            if len(part.split()) >= 3 and re.search(r"[a-z]", part):
                phrases.add(part)
    return phrases


def _pages(client, world, language):
    users = world["users"]
    for route, name, _view in ORGANISATION_URLS:
        url = _url(name, route, "own", world["samples"]["own"])
        for role in ROLES:
            client.force_login(users[role])
            response = client.get(url)
            if response.status_code == 200:
                yield url, response
                break
    for route, name, view in OTHER_URLS:
        url = _url(name, route, None, world["samples"]["own"])
        kind = access_rule_of(view).kind
        if kind == "operator":
            client.force_login(world["operator"])
        elif kind == "signed_in":
            client.force_login(users[Role.COORDINATOR])
        else:
            client.logout()  # which forgets the cookies: the visitor's browser keeps its language
            client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
        response = client.get(url)
        if response.status_code == 200:
            yield url, response


@pytest.mark.parametrize("language", ["ru", "pl"])
def test_no_english_message_is_left_on_a_russian_or_polish_page(client, db, settings, tmp_path,
                                                                language):
    settings.MEDIA_ROOT = tmp_path
    # the records are written by people who speak the language (an audit entry keeps the words
    # its author saw)
    with translation.override(language):
        world = world_build()
    for user in [*world["users"].values(), world["operator"]]:
        user.language = language
        user.save(update_fields=["language"])
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    english = _english(language)
    opened, left = 0, {}
    for url, response in _pages(client, world, language):
        if "text/html" not in response.get("Content-Type", ""):
            continue
        opened += 1
        text = _readable(response.content.decode())
        found = sorted(phrase for phrase in english if phrase in text)
        if found:
            left[url] = found
    assert opened > 100
    assert left == {}, "\n".join(f"{url}: {found}" for url, found in left.items())
