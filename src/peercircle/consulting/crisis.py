"""Signs of crisis in a request's free text.

Every network matches the shipped lists of crisis_lexicon.py (ru, pl, en); a network adds its own
words (CrisisTerm rows), it does not replace the shipped ones. Text and words are normalised the
same way first (normalise), so that «самоуби\u00adйство» with a soft hyphen, «хoчу» with a Latin
"o", "zabije sie" typed without Polish letters and «ХОЧУ УМЕРЕТЬ» in capitals all match.

Matching is one pass of precompiled regular expressions: the shipped lists are compiled once per
process, a network's own words once per version of its list (its row count, last id and last
change), so adding or removing a word takes effect on the next request in every process.
"""

import re
import unicodedata
from functools import lru_cache

from django.db.models import Count, Max

from peercircle.consulting.crisis_lexicon import DEFAULT_TERMS
from peercircle.consulting.models import CrisisTerm

# Letters that look alike in Latin and Cyrillic, as people (and spammers) mix them in one word.
_LATIN = "aceopxykmtbnurACEOPXYKMTBH"
_CYRILLIC = "асеорхукмтьпигАСЕОРХУКМТВН"
_TO_CYRILLIC = str.maketrans(_LATIN, _CYRILLIC)
_TO_LATIN = str.maketrans("асеорхукіјѕАСЕОРХУКМТВНІЈЅ", "aceopxykijsACEOPXYKMTBHIJS")
_UNDECOMPOSED = str.maketrans({"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "ß": "ss",
                               "’": "'", "‘": "'", "ʼ": "'", "`": "'"})
_LETTERS = re.compile(r"[^\W\d_]+")
_CYRILLIC_LETTER = re.compile(r"[\u0400-\u04ff]")
_LATIN_LETTER = re.compile(r"[a-zA-Z]")

# Idioms after a match that make it ordinary speech: «умереть со смеху», "killing time".
HARMLESS_AFTER = re.compile(
    r"[\W_]*(?:со смеху|от смеха|со скуки|от скуки|от стыда|от любопытства|от зависти|время|"
    r"ze smiechu|z nudow|ze wstydu|z ciekawosci|z zazdrosci|czas|"
    r"laughing|of laughter|with laughter|of boredom|of embarrassment|of curiosity|of envy|"
    r"time)(?!\w)")
# A negation right before a wish ("I don't want to die", «не хочу умирать»).
NEGATED_BEFORE = re.compile(r"(?:(?<!\w)(?:не|нет|nie|not|never|nigdy|никогда|dont|no)|n't)"
                            r"[\W_]*$")


def _fold_marks(text: str) -> str:
    """Drop diacritics: NFD, then remove combining marks (ё→е, й→и, ę→e, ż→z)."""
    decomposed = unicodedata.normalize("NFD", text.translate(_UNDECOMPOSED))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _one_script(match: re.Match) -> str:
    """A word written in two alphabets is read in the one most of its letters are in."""
    word = match.group(0)
    cyrillic = len(_CYRILLIC_LETTER.findall(word))
    latin = len(_LATIN_LETTER.findall(word))
    if not cyrillic or not latin:
        return word
    return word.translate(_TO_CYRILLIC if cyrillic >= latin else _TO_LATIN)


def normalise(text: str) -> str:
    """Text as the matcher reads it: compatibility forms unified (NFKC), invisible format
    characters removed (soft hyphen, zero-width space, joiners), diacritics folded, look-alike
    letters in mixed words mapped to the word's alphabet, case folded, spaces collapsed."""
    text = unicodedata.normalize("NFKC", text or "")
    text = "".join(c for c in text if unicodedata.category(c) != "Cf")
    text = _LETTERS.sub(_one_script, _fold_marks(text))
    return " ".join(text.casefold().split())


def term_display(term: str) -> str:
    """A network's word as it is stored and shown: lower case, «ё» as «е», single spaces."""
    text = unicodedata.normalize("NFKC", term or "")
    text = "".join(c for c in text if unicodedata.category(c) != "Cf")
    return " ".join(text.casefold().replace("ё", "е").split())


def _expand(pattern: str) -> str:
    """The lexicon's shorthands as regular expressions (see crisis_lexicon)."""
    pattern = re.sub(r"(?<!\\w)\*", r"\\w*", _fold_marks(pattern))
    pattern = pattern.replace(" … ", r"[^\w.!?;]+(?:\w+[^\w.!?;]+){0,2}")
    return pattern.replace(" ", r"[\W_]*").replace("~", r"[\W_]*")


class Entry:
    __slots__ = ("label", "regex", "negatable")

    def __init__(self, label: str, pattern: str, negatable: bool = False):
        self.label, self.negatable = label, negatable
        self.regex = re.compile(r"(?<!\w)(?:" + pattern + ")")

    def found_in(self, text: str) -> bool:
        for match in self.regex.finditer(text):
            if HARMLESS_AFTER.match(text, match.end()):
                continue
            if self.negatable and NEGATED_BEFORE.search(text[max(0, match.start() - 16):
                                                             match.start()]):
                continue
            return True
        return False


class Matcher:
    """Compiled entries with one combined expression that rules most texts out in one pass."""

    def __init__(self, entries: list[Entry]):
        self.entries = entries
        self.any = re.compile("|".join(e.regex.pattern for e in entries)) if entries else None

    def labels(self, text: str) -> set[str]:
        if self.any is None or not self.any.search(text):
            return set()
        return {e.label for e in self.entries if e.found_in(text)}


@lru_cache(maxsize=1)
def default_matcher() -> Matcher:
    return Matcher([Entry(label.lstrip("!"), _expand(pattern), label.startswith("!"))
                    for entries in DEFAULT_TERMS.values() for label, pattern in entries])


def term_pattern(term: str) -> str:
    """A network's own word or phrase: from the start of a word, the words in order with or
    without spaces or punctuation between them, the last one with any ending."""
    words = re.findall(r"\w+", normalise(term))
    return r"[\W_]*".join(re.escape(word) for word in words) + r"\w*"


@lru_cache(maxsize=512)
def _network_matcher(network_pk: int, version: tuple) -> Matcher:
    terms = CrisisTerm.objects.filter(network_id=network_pk).values_list("term", flat=True)
    return Matcher([Entry(term, term_pattern(term)) for term in terms if normalise(term)])


def network_matcher(network) -> Matcher:
    """The network's own words, compiled once per version of its list."""
    version = CrisisTerm.objects.filter(network=network).aggregate(
        count=Count("pk"), last=Max("pk"), changed=Max("updated_at"))
    return _network_matcher(network.pk, tuple(version.values()))


def default_terms() -> dict[str, list[str]]:
    """The shipped words as coordinators see them, per language."""
    return {language: list(dict.fromkeys(label.lstrip("!") for label, _pattern in entries))
            for language, entries in DEFAULT_TERMS.items()}


def network_terms(network) -> list[CrisisTerm]:
    return list(CrisisTerm.objects.filter(network=network)) if network is not None else []


def crisis_terms_found(text: str, network) -> list[str]:
    """Every shipped or network word of any language found in the text (people write in more
    than one)."""
    haystack = normalise(text)
    found = default_matcher().labels(haystack)
    if network is not None:
        found |= network_matcher(network).labels(haystack)
    return sorted(found)
