"""Findings 11 and 16: figures counting other organisations' records survive differencing."""

import csv
import datetime
import io
import itertools

import pytest
from django.urls import reverse
from django.utils import timezone
from django_scopes import scope

from peercircle.core import disclosure
from peercircle.core.models import HelpArea, Region
from peercircle.organisations.roles import Role
from tests import factories
from tests.reporting.factories import consenting, log

pytestmark = pytest.mark.django_db


def _month_start(months_back: int) -> datetime.date:
    day = timezone.localdate().replace(day=1)
    for _ in range(months_back):
        day = (day - datetime.timedelta(days=1)).replace(day=1)
    return day


@pytest.fixture
def network(member):
    """A network whose member served, among others, ONE person with an addiction need on ONE
    day (the 15th of the month before last)."""
    network = factories.NetworkFactory()
    hub = factories.OrganisationFactory(network=network, coordinates_network=True, slug="hub")
    ngo = factories.OrganisationFactory(network=network, slug="ngo-a")
    udmurtia = Region.objects.get(code="ru-ud")
    oncology, addiction = (HelpArea.objects.get(code=c) for c in ("oncology", "addiction"))
    today = timezone.localdate()
    the_day = _month_start(2) + datetime.timedelta(days=14)
    with scope(organisation=ngo):
        coordinator = member(Role.COORDINATOR, organisation=ngo)
        for index, person in enumerate(consenting(ngo, 13)):
            log(coordinator, ngo, participants=[person], region=udmurtia,
                help_areas=[oncology], days_ago=(today - _month_start(3)).days - index * 6)
        lone = consenting(ngo, 1)[0]
        log(coordinator, ngo, participants=[lone], region=udmurtia, help_areas=[addiction],
            days_ago=(today - the_day).days)
    return {"keeper": member(Role.NETWORK_COORDINATOR, organisation=hub), "day": the_day,
            "ngo": ngo, "hub": hub, "coordinator": coordinator, "region": udmurtia}


def _release(client, start: str, until: str) -> dict:
    text = client.get(reverse("reporting:network_csv", kwargs={"org": "hub"}),
                      {"from": start, "until": until}).content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    header = rows[0]
    return {(row[0], row[1], column): value for row in rows[1:]
            for column, value in zip(header[3:], row[3:], strict=True)}


def test_finding_11_differencing_two_overlapping_network_releases_reveals_no_small_count(
        client_for, network):
    client = client_for(network["keeper"])
    day = network["day"]
    before = day - datetime.timedelta(days=1)
    three_back = _month_start(3)
    month_end = _month_start(1) - datetime.timedelta(days=1)
    # The attack of the finding (two periods one day apart) and its whole-month variants.
    periods = [
        (three_back.isoformat(), day.isoformat()),
        (three_back.isoformat(), before.isoformat()),
        (day.isoformat(), day.isoformat()),
        (three_back.strftime("%Y-%m"), month_end.strftime("%Y-%m")),
        (three_back.strftime("%Y-%m"), _month_start(3).strftime("%Y-%m")),
        (_month_start(2).strftime("%Y-%m"), _month_start(2).strftime("%Y-%m")),
        (three_back.strftime("%Y-%m"), timezone.localdate().strftime("%Y-%m")),
    ]
    releases = [_release(client, start, until) for start, until in periods]
    for release in releases:
        for key, value in release.items():
            if value.isdigit():
                assert not 1 <= int(value) <= 4, key
    for first, second in itertools.combinations(releases, 2):
        for key in first.keys() & second.keys():
            a, b = first[key], second[key]
            if a.isdigit() and b.isdigit():
                assert not 1 <= abs(int(a) - int(b)) <= 4, (key, a, b)
        # a group present in one release and absent from the other: the difference is the
        # first's figure itself, checked above never to be 1 to 4
    # A day-long request is answered with the whole month around it.
    assert releases[0] == releases[1]


def test_finding_11_network_figures_cover_whole_months_only(client_for, network):
    response = client_for(network["keeper"]).get(
        reverse("reporting:network", kwargs={"org": "hub"}),
        {"from": network["day"].isoformat(), "until": network["day"].isoformat()})
    stats = response.context["stats"]
    assert stats["start"] == network["day"].replace(day=1)
    assert (stats["end"] + datetime.timedelta(days=1)).day == 1


def test_disclosure_rounds_to_five_and_keeps_own_figures_exact():
    assert [disclosure.disclose(n) for n in (0, 1, 2, 4, 5, 7, 8, 12, 13, 19)] == [
        "0", "<5", "<5", "<5", "5", "5", "10", "10", "15", "20"]
    assert disclosure.disclose(19, controlled=False) == "19"
