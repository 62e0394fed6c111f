"""Signs of crisis in a request's free text: word lists per language, kept by each network."""

from peercircle.consulting.models import CrisisTerm

# Shipped defaults (stems, lower case, "ё" written as "е"). A network edits its own copy.
DEFAULT_TERMS = {
    "ru": ["суицид", "покончить с собой", "убить себя", "не хочу жить", "не хочется жить",
           "свести счеты", "самоповрежд", "режу себя", "порезы", "повеситься", "выпрыгнуть",
           "избивает", "бьет меня", "насили", "угрожает убить"],
    "pl": ["samobój", "zabić się", "odebrać sobie życie", "nie chcę żyć", "samookalecz",
           "tnę się", "powiesić", "bije mnie", "przemoc", "grozi mi śmiercią"],
    "en": ["suicid", "kill myself", "end my life", "don't want to live", "want to die",
           "self-harm", "self harm", "cut myself", "hurt myself", "beats me", "hits me",
           "violence", "abuse", "threatens to kill"],
}


def normalise(text: str) -> str:
    return " ".join(text.lower().replace("ё", "е").replace("’", "'").split())


def terms_for(network) -> list[CrisisTerm]:
    """The network's own list once it has one, otherwise the shipped defaults."""
    own = list(CrisisTerm.objects.filter(network=network)) if network is not None else []
    return own or list(CrisisTerm.objects.filter(network__isnull=True))


def crisis_terms_found(text: str, network) -> list[str]:
    """Every term of any language found in the text (people write in more than one)."""
    haystack = normalise(text)
    return sorted({t.term for t in terms_for(network) if normalise(t.term) in haystack})


def load_default_terms(apps) -> None:
    """Create the shipped default lists (used by a data migration and by tests)."""
    term_model = apps.get_model("consulting", "CrisisTerm")
    for language, terms in DEFAULT_TERMS.items():
        for term in terms:
            term_model.objects.get_or_create(network=None, language=language, term=term)
