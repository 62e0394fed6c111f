"""Issue 23: markup that validates and explains itself — htmx attributes written as data-hx-*,
a footer landmark on every page, and a refused form that leads with its errors."""

import re
from pathlib import Path

import pytest
from django.urls import reverse

from peercircle.organisations.roles import Role

SOURCE = Path(__file__).resolve().parents[2] / "src" / "peercircle"
BARE_HTMX = re.compile(r"(?<![\w-])hx-[a-z-]+\s*=")


def test_htmx_attributes_are_written_as_data_attributes():
    """HTML allows only data-* as custom attributes; htmx reads data-hx-* the same way."""
    bare = {str(path.relative_to(SOURCE)): BARE_HTMX.findall(path.read_text(encoding="utf-8"))
            for path in SOURCE.rglob("*.html")}
    assert {path: found for path, found in bare.items() if found} == {}


# Every template that swaps content with htmx, and the browser test that checks the swap leaves
# the focus inside what changed or says what changed (issue 23). A new swap fails this test until
# it is tried there too.
SWAPS_TRIED = {
    "templates/partials/list_controls.html": "e2e/test_lists.py",  # the count said
    "people/templates/people/beneficiary_detail.html": "e2e/test_accessibility.py",  # focus
    "events/templates/events/partials/attendance_toggle.html": "e2e/test_swaps.py",  # focus
    "mentoring/templates/mentoring/due.html": "e2e/test_swaps.py",  # the count said
    "core/templates/core/partials/job_progress.html": "e2e/test_reporting.py",  # the end said
}
SWAP = re.compile(r"data-hx-(?:get|post|put|patch|delete)=")


def test_every_htmx_swap_is_tried_for_focus_or_announcement():
    swapping = {str(path.relative_to(SOURCE)) for path in SOURCE.rglob("*.html")
                if SWAP.search(path.read_text(encoding="utf-8"))}
    assert swapping == set(SWAPS_TRIED)
    tests = Path(__file__).resolve().parents[1]
    for template, test in SWAPS_TRIED.items():
        assert (tests / test).exists(), template


@pytest.mark.django_db
def test_a_refused_form_leads_with_its_errors_and_says_so_in_the_title(client_for, member):
    volunteer = member(Role.VOLUNTEER)
    volunteer.language = "ru"
    volunteer.save(update_fields=["language"])
    org = volunteer.memberships.first().organisation
    client = client_for(volunteer)
    page = client.post(reverse("consulting:consultation_new", kwargs={"org": org.slug}),
                       {"mode": "group", "format": "phone", "duration_minutes": "45",
                        "date": "2026-12-01", "client_key": "6b2b8e0e-2f8e-4a8c-9c3b-0f6d4f1b2a11"}
                       ).content.decode()
    title = re.search(r"<title>(.*?)</title>", page, re.S).group(1).strip()
    assert title.startswith("Ошибка:")
    summary = re.search(r'<div class="alert alert-danger error-summary" role="alert"[^>]*>(.*?)</div>',
                        page, re.S).group(1)
    assert "Ошибка: ничего не сохранено." in summary
    assert 'href="#id_anonymous_count"' in summary
    # the field keeps its own error next to it, tied to it, and what was typed stays
    assert page.count('id="id_anonymous_count_error"') == 1
    field = re.search(r'<input[^>]*id="id_anonymous_count"[^>]*>', page).group(0)
    assert 'aria-invalid="true"' in field and 'aria-describedby="id_anonymous_count_error' in field
    assert 'value="phone" checked' in page


@pytest.mark.django_db
def test_every_page_has_a_footer_with_the_accessibility_statement(client):
    for language, heading in (("ru", "Заявление о доступности"), ("pl", "Deklaracja dostępności"),
                              ("en", "Accessibility statement")):
        client.cookies["peercircle_language"] = language
        page = client.get(reverse("accessibility")).content.decode()
        assert f"<h1 class=\"h3\">{heading}</h1>" in page
        assert "WCAG 2.2" in page and "<footer" in page
        assert page.count(f'href="{reverse("accessibility")}"') == 1  # in the footer
        login = client.get(reverse("account_login")).content.decode()
        assert "<header>" in login and "<main" in login and "<footer" in login


@pytest.mark.parametrize("text,page,expected", [
    ("Individual consultations", "ru", '<span lang="en">Individual consultations</span>'),
    ("Spotkania klubów", "ru", '<span lang="pl">Spotkania klubów</span>'),
    ("Консультации", "pl", '<span lang="ru">Консультации</span>'),
    ("Консультации", "ru", "Консультации"),
    ("Klub seniora", "pl", "Klub seniora"),  # Polish or English: not told apart, left alone
    ("2026", "ru", "2026"),
    ("<b>Ethics</b>", "ru", '<span lang="en">&lt;b&gt;Ethics&lt;/b&gt;</span>'),
])
def test_a_name_in_another_language_than_the_page_carries_its_lang(text, page, expected):
    """WCAG 3.1.2: indicator names, documents and events typed in another language are marked,
    so that a screen reader reads them with the right voice (issue 23)."""
    from django.utils import translation

    from peercircle.core.templatetags.peercircle import own_language

    with translation.override(page):
        assert str(own_language(text)) == expected


@pytest.mark.parametrize("text,page,organisation,expected", [
    # Latin letters without Polish ones are the organisation's language when it writes in them
    ("Kluby seniora", "en", "pl", '<span lang="pl">Kluby seniora</span>'),
    ("Kluby seniora", "ru", "pl", '<span lang="pl">Kluby seniora</span>'),
    ("Kluby seniora", "pl", "pl", "Kluby seniora"),
    ("Peer consultations", "pl", "en", '<span lang="en">Peer consultations</span>'),
    # a Russian organisation's Latin name is English; its Russian one is Russian anywhere else
    ("Mentor School", "ru", "ru", '<span lang="en">Mentor School</span>'),
    ("Mentor School", "en", "ru", "Mentor School"),
    ("Школа наставников", "en", "ru", '<span lang="ru">Школа наставников</span>'),
    # the alphabet outweighs the organisation's language
    ("Spotkania klubów", "ru", "ru", '<span lang="pl">Spotkania klubów</span>'),
])
def test_a_name_is_taken_to_be_in_its_organisations_language(text, page, organisation, expected):
    """Issue 23: Latin-script names that are not visibly Polish are read in the language of the
    organisation that typed them (its main language, set for its pages by the middleware)."""
    from django.utils import translation

    from peercircle.core.templatetags.peercircle import own_language
    from peercircle.core.texts import texts_written_in

    with translation.override(page), texts_written_in(organisation):
        assert str(own_language(text)) == expected


@pytest.mark.django_db
def test_a_polish_clubs_description_is_marked_polish_on_an_english_page(client_for, member):
    """A longer text (a club's description) carries its organisation's language on the element
    that holds it, whoever reads it in another language (issue 23)."""
    from tests.groups.factories import ClubFactory

    coordinator = member(Role.COORDINATOR)
    coordinator.language = "en"
    coordinator.save(update_fields=["language"])
    org = coordinator.memberships.first().organisation
    org.languages = ["pl"]
    org.save(update_fields=["languages"])
    club = ClubFactory(organisation=org, name="Klub Razem",
                       description="Spotykamy sie w kazdy wtorek")
    page = client_for(coordinator).get(reverse("groups:club", kwargs={
        "org": org.slug, "club_pk": club.pk})).content.decode()
    assert '<h1 class="h3 mb-0"><span lang="pl">Klub Razem</span></h1>' in page
    assert '<p lang="pl">Spotykamy sie w kazdy wtorek</p>' in page


@pytest.mark.django_db
def test_the_project_page_marks_english_indicator_names_on_a_russian_page(client_for, member):
    from tests.reporting.factories import IndicatorFactory, ProjectFactory

    coordinator = member(Role.COORDINATOR)
    coordinator.language = "ru"
    coordinator.save(update_fields=["language"])
    org = coordinator.memberships.first().organisation
    project = ProjectFactory(organisation=org, title="Равные рядом 2026")
    IndicatorFactory(project=project, name="Individual consultations")
    page = client_for(coordinator).get(reverse("reporting:project", kwargs={
        "org": org.slug, "project_pk": project.pk})).content.decode()
    assert '<span lang="en">Individual consultations</span>' in page
    assert '<h1 class="h3 mb-1">Равные рядом 2026</h1>' in page
