"""Seed 003 ("One plus one"): the programme's story entered as records gives the seed's table."""

import csv
import io

import openpyxl
import pytest
from django.urls import reverse
from django_scopes import scope

from peercircle.mentoring import services
from peercircle.mentoring.models import Mentor, OutcomeType, Pair
from peercircle.mentoring.selectors import programme_report
from tests.mentoring.factories import Programme, days_ago

pytestmark = pytest.mark.django_db

SEED_TABLE = {
    "Mentors": 14,
    "— NGO representatives": 2,
    "— active citizens": 12,
    "Families with a mentor": 23,
    "Mentors continuing (a pair active at the end of the period)": 9,
    "Mentors who completed their pairs (situation stable)": 5,
    "Positive: Child returned to the birth family (people)": 9,
    "Positive: Parent overcame alcohol or drug dependence (families)": 9,
    "Positive: Parent–child relations improved (families)": 4,
    "Positive: Parent in official employment (families)": 5,
    "Positive: Housing conditions improved (families)": 5,
    "Negative: No positive dynamics (families)": 1,
    "Negative: Child placed in state care (families)": 1,
}


def _outcome(world, pair, code, date, people=()):
    outcome_type = OutcomeType.objects.get(programme=world.programme, code=code)
    return services.outcome_record(actor=world.curator, pair=pair, type=outcome_type, date=date,
                                   beneficiaries=people)


def enter_the_seed_story() -> Programme:
    """14 mentors (2 from the NGO, 12 active citizens of whom 3 peer mentors after rehab) for
    23 families: 9 mentors continue (pairs under a year), 5 completed their pairs."""
    world = Programme()
    origins = [Mentor.Origin.NGO_REPRESENTATIVE] * 2 + [Mentor.Origin.ACTIVE_CITIZEN] * 12
    mentors = [world.mentor(f"Mentor {i + 1:02d}", origin=origin, peer=i in (3, 4, 5))
               for i, origin in enumerate(origins)]
    ongoing, completed = mentors[:9], mentors[9:]
    pairs = []
    # Five mentors completed two pairs each: matched two years ago, closed a year ago.
    for mentor in completed:
        for _ in range(2):
            pair = world.pair(mentor, world.family(children=2), matched=days_ago(700))
            services.pair_event_log(actor=world.curator, pair=pair, kind="home_visit",
                                    date=days_ago(650))
            services.pair_close(actor=world.coordinator, pair=pair, status=Pair.Status.COMPLETED,
                                closed_on=days_ago(380), closure_reason="Situation stable.")
            pairs.append(pair)
    # Nine continuing mentors: three with two families, six with one; all under a year.
    for index, mentor in enumerate(ongoing):
        for _ in range(2 if index < 3 else 1):
            pairs.append(world.pair(mentor, world.family(children=2), matched=days_ago(200)))
    # One family without positive dynamics: children placed in state care, pair ended early.
    negative = world.pair(ongoing[8], world.family(children=2), matched=days_ago(300))
    services.pair_close(actor=world.coordinator, pair=negative, status=Pair.Status.ENDED_EARLY,
                        closed_on=days_ago(100), closure_reason="Children placed in care.")
    _outcome(world, negative, "no_positive_dynamics", days_ago(110))
    _outcome(world, negative, "child_in_state_care", days_ago(105), negative.mentee.children)
    # Nine children returned, in six families (2 + 2 + 2 + 1 + 1 + 1).
    for pair, count in zip(pairs[:6], (2, 2, 2, 1, 1, 1), strict=True):
        _outcome(world, pair, "child_returned", days_ago(390), pair.mentee.children[:count])
    for code, count, offset in (("dependence_overcome", 9, 0), ("relations_improved", 4, 9),
                                ("official_employment", 5, 13), ("housing_improved", 5, 17)):
        for pair in pairs[offset:offset + count]:
            _outcome(world, pair, code, days_ago(50))
    # A second confirmation of the same family's outcome does not count the family twice.
    _outcome(world, pairs[0], "dependence_overcome", days_ago(40))
    return world


def test_the_seed_story_gives_exactly_the_seed_table():
    world = enter_the_seed_story()
    with scope(organisation=world.org):
        report = programme_report(organisation=world.org, start=days_ago(800), end=days_ago(0))
        rows = dict(report.rows())
    for label, figure in SEED_TABLE.items():
        assert rows[label] == figure, label
    assert rows["— of them peer mentors (former beneficiaries)"] == 3
    assert rows["Pairs active at the end of the period"] == 12
    assert rows["— of them active for less than one year"] == 12
    assert rows["Pairs completed"] == 10
    assert rows["Pairs ended early"] == 1


def test_the_report_answers_for_any_period():
    world = enter_the_seed_story()
    with scope(organisation=world.org):
        # A year and a half ago only the five mentors who later completed were at work.
        early = programme_report(organisation=world.org, start=days_ago(800), end=days_ago(500))
        # The last two months: the continuing pairs; the closed ones ended before.
        late = programme_report(organisation=world.org, start=days_ago(60), end=days_ago(0))
    assert (early.mentors, early.families, early.mentors_continuing) == (5, 10, 5)
    assert early.mentors_completed == 0
    assert sum(row.count for row in early.positive) == 0
    assert (late.mentors, late.families, late.mentors_continuing, late.mentors_completed) == (
        9, 12, 9, 0)
    assert {row.type.code: row.count for row in late.positive}["dependence_overcome"] == 9
    assert {row.type.code: row.count for row in late.negative}["child_in_state_care"] == 0


def test_the_report_page_csv_and_xlsx_show_the_same_table(client_for):
    world = enter_the_seed_story()
    client = client_for(world.coordinator)
    query = {"start": days_ago(800).isoformat(), "end": days_ago(0).isoformat()}
    page = client.get(reverse("mentoring:report", kwargs={"org": world.org.slug}), query)
    assert page.status_code == 200
    html = page.content.decode()
    assert "Families with a mentor" in html and "<td class=\"text-end\">23</td>" in html
    response = client.get(reverse("mentoring:report_csv", kwargs={"org": world.org.slug}), query)
    rows = {row[0]: row[1] for row in csv.reader(io.StringIO(response.content.decode("utf-8-sig")))}
    for label, figure in SEED_TABLE.items():
        assert rows[label] == str(figure)
    response = client.get(reverse("mentoring:report_xlsx", kwargs={"org": world.org.slug}), query)
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    figures = {row[0]: row[1] for row in sheet.iter_rows(min_row=5, values_only=True) if row[0]}
    for label, figure in SEED_TABLE.items():
        assert figures[label] == figure


def test_the_demo_programme_reproduces_the_seed_table():
    from peercircle.demo import demo_load
    from peercircle.organisations.models import Organisation

    demo_load()
    org = Organisation.objects.get(slug="angara-family")
    with scope(organisation=org):
        report = programme_report(organisation=org, start=days_ago(800), end=days_ago(0))
    # the demo's outcome names are Russian: compare the figures in the taxonomy's order
    assert [report.mentors, report.ngo_representatives, report.active_citizens,
            report.families, report.mentors_continuing, report.mentors_completed] == [
        14, 2, 12, 23, 9, 5]
    assert [r.count for r in report.positive] == [9, 9, 4, 5, 5]
    assert [r.count for r in report.negative] == [1, 1]
