"""Crisis words: the shipped lists against a corpus of phrasings per language, the normaliser,
and a network's own words added to the shipped ones."""

import re
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError

from peercircle.consulting import crisis, services
from peercircle.consulting.crisis import crisis_terms_found, normalise
from peercircle.consulting.models import CrisisTerm
from tests import factories

CORPUS = Path(__file__).parent / "crisis_corpus"
LANGUAGES = ("ru", "pl", "en")


def _corpus(language: str) -> dict[str, list[str]]:
    sections: dict[str, list[str]] = {"match": [], "ordinary": []}
    current = None
    for raw in (CORPUS / f"{language}.txt").read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            current = sections[line[1:-1]]
            continue
        current.append(re.sub(r"\\u([0-9a-fA-F]{4})", lambda m: chr(int(m.group(1), 16)), line))
    return sections


def _cases(section: str):
    return [pytest.param(language, line, id=f"{language}-{index}")
            for language in LANGUAGES for index, line in enumerate(_corpus(language)[section])]


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_corpus_holds_at_least_a_hundred_phrasings_each_way(language):
    corpus = _corpus(language)
    assert len(corpus["match"]) >= 100
    assert len(corpus["ordinary"]) >= len(corpus["match"])


@pytest.mark.parametrize(("language", "line"), _cases("match"))
def test_finding_5_crisis_phrasings_are_flagged(language, line):
    assert crisis_terms_found(line, None), line


@pytest.mark.parametrize(("language", "line"), _cases("ordinary"))
def test_finding_5_ordinary_sentences_are_not_flagged(language, line):
    assert crisis_terms_found(line, None) == [], line


def _disguised(line: str) -> list[str]:
    """The ways people (or their keyboards) disguise a word without meaning to."""
    soft = re.sub(r"(\w{3})(\w)", "\\1\u00ad\\2", line, count=1)
    latin = line.translate(str.maketrans("оеаОЕА", "oeaOEA"))
    return [line.upper(), soft, line.replace(" ", " \u200b"), latin]


@pytest.mark.parametrize("language", LANGUAGES)
def test_finding_5_disguised_phrasings_are_still_flagged(language):
    missed = [variant for line in _corpus(language)["match"] for variant in _disguised(line)
              if not crisis_terms_found(variant, None)]
    assert missed == []


@pytest.mark.parametrize(("text", "expected"), [
    ("само\u00adубий\u200bство", "самоубииство"),
    ("ХОЧУ УМEРЕТЬ", "хочу умереть"),            # a Latin capital E inside a Cyrillic word
    ("suicidе", "suicide"),                      # a Cyrillic "е" inside a Latin word
    ("Zabiję się", "zabije sie"),
    ("Ёлка  ＡＢＣ", "елка abc"),                  # NFKC turns full-width letters into plain ones
    ("żółć łódź", "zolc lodz"),
])
def test_finding_5_text_is_normalised_before_matching(text, expected):
    assert normalise(text) == expected


@pytest.mark.django_db
def test_finding_5_patterns_are_compiled_once_per_version_of_a_networks_list(
        coordinator, django_assert_num_queries):
    network = factories.NetworkFactory()
    hub = factories.OrganisationFactory(network=network, coordinates_network=True)
    text = ". ".join(_corpus("ru")["ordinary"])
    crisis._network_matcher.cache_clear()
    crisis_terms_found(text, network)  # compiles the network's (empty) list
    for _ in range(3):
        with django_assert_num_queries(1):  # the list's version only; nothing recompiled
            assert crisis_terms_found(text, network) == []
    assert crisis._network_matcher.cache_info().misses == 1
    assert crisis.default_matcher() is crisis.default_matcher()
    services.crisis_term_add(actor=coordinator, organisation=hub, language="ru",
                             term="сгорела со стыда")
    assert crisis_terms_found(text, network) == ["сгорела со стыда"]
    assert crisis._network_matcher.cache_info().misses == 2


@pytest.mark.django_db
def test_finding_5_a_network_adds_its_own_words_to_the_shipped_ones(coordinator):
    network = factories.NetworkFactory()
    hub = factories.OrganisationFactory(network=network, coordinates_network=True)
    assert crisis_terms_found("хочу на тот свет", network) == []
    services.crisis_term_add(actor=coordinator, organisation=hub, language="ru",
                             term="На тот свет")
    assert crisis_terms_found("хочу на тот свет", network) == ["на тот свет"]
    assert crisis_terms_found("хочу на тотсвет", network) == ["на тот свет"]
    assert crisis_terms_found("хочу на тот свет", None) == []  # other networks are unaffected
    assert crisis_terms_found("мысли про суицид", network) == ["суицид"]  # shipped ones stay
    with pytest.raises(ValidationError):
        services.crisis_term_add(actor=coordinator, organisation=hub, language="ru",
                                 term="на тот  свет")


@pytest.mark.django_db
def test_finding_5_removing_a_network_word_takes_effect_at_once(coordinator):
    network = factories.NetworkFactory()
    hub = factories.OrganisationFactory(network=network, coordinates_network=True)
    term = services.crisis_term_add(actor=coordinator, organisation=hub, language="pl",
                                    term="nie dam rady")
    assert crisis_terms_found("Już nie dam rady", network) == ["nie dam rady"]
    services.crisis_term_remove(actor=coordinator, organisation=hub, term_pk=term.pk)
    assert crisis_terms_found("Już nie dam rady", network) == []
    assert not CrisisTerm.objects.filter(network=network).exists()


@pytest.mark.django_db
def test_finding_5_words_a_network_kept_before_stay_in_force():
    """Lists copied from the old shipped words before this change keep matching, by word start."""
    network = factories.NetworkFactory()
    CrisisTerm.objects.create(network=network, language="ru", term="бьет меня")
    CrisisTerm.objects.create(network=network, language="ru", term="насили")
    assert crisis_terms_found("Он бьёт меня", network) == ["бьет меня", "избивает"]
    assert "насили" in crisis_terms_found("Это насилие", network)
    assert crisis.network_matcher(network) is crisis.network_matcher(network)  # cached


@pytest.mark.django_db
def test_finding_5_the_network_page_lists_shipped_and_own_words(member, client_for):
    network = factories.NetworkFactory()
    hub = factories.OrganisationFactory(network=network, coordinates_network=True)
    client = client_for(member("network_coordinator", organisation=hub))
    url = f"/o/{hub.slug}/network/crisis-words/"
    response = client.post(url, {"language": "pl", "term": "Nie dam rady"})
    assert response.status_code == 302
    page = client.get(url).content.decode()
    assert "nie dam rady" in page and "samobójstwo" in page and "самоубийство" in page
    term = CrisisTerm.objects.get(network=network)
    client.post(f"{url}{term.pk}/remove/")
    assert not CrisisTerm.objects.filter(network=network).exists()
