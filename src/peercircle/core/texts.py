"""The language of what organisations type (names, titles, descriptions), for `lang` on the page.

WCAG 3.1.2: a name or a text in another language than the page's carries its `lang`, so that a
screen reader reads it with the right voice. What an organisation types is taken to be in its
main language (`Organisation.main_language`, set for the request by the organisation's pages)
unless its alphabet says otherwise.
"""

import re
from contextlib import contextmanager
from contextvars import ContextVar

# the main language of the organisation whose page is being answered; "" elsewhere
written_in: ContextVar[str] = ContextVar("written_in", default="")

CYRILLIC = re.compile(r"[\u0400-\u04ff]")
LATIN = re.compile(r"[A-Za-z\u00c0-\u017f]")
POLISH = re.compile(r"[ąćęłńóśźżĄĆĘŁŃÓŚŹŻ]")
LATIN_SCRIPT = {"pl", "en"}


@contextmanager
def texts_written_in(language: str):
    token = written_in.set(language or "")
    try:
        yield
    finally:
        written_in.reset(token)


def text_language(text: str, page_language: str, organisation_language: str = "") -> str:
    """The language `text` is in when it is not the page's, "" when it is (or cannot be told).

    Its alphabet decides first (Cyrillic is Russian, Polish letters are Polish); Latin letters
    without them are the organisation's language when that is written in Latin letters, else
    English (a Russian organisation's "Mentor School")."""
    if CYRILLIC.search(text):
        language = "ru"
    elif POLISH.search(text):
        language = "pl"
    elif LATIN.search(text):
        language = organisation_language if organisation_language in LATIN_SCRIPT else "en"
        if not organisation_language and page_language != "ru":
            return ""  # Polish or English: nothing tells them apart
    else:
        return ""  # digits, signs
    return "" if language == page_language else language
