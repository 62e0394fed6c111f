"""Findings 11 and 16: figures counting other organisations' records survive differencing."""

import csv
import datetime
import io
import itertools
import json
from decimal import Decimal

import openpyxl
import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from django_scopes import scope, scopes_disabled
from pypdf import PdfReader

from peercircle.core import disclosure
from peercircle.core.models import HelpArea, Job, Region
from peercircle.organisations.roles import Role
from peercircle.reporting import compute, services
from tests import factories
from tests.reporting.factories import ProjectFactory, consenting, log

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


# Finding 16: project indicators get the same disclosure control -------------------------------

@pytest.fixture
def network_project(network, member):
    """A project of the network's coordinating organisation that counts its member's work."""
    hub, ngo = network["hub"], network["ngo"]
    hub_coordinator = member(Role.COORDINATOR, organisation=hub)
    with scope(organisation=hub):
        project = services.project_save(
            actor=hub_coordinator, organisation=hub, title="Peers Here",
            starts_on=_month_start(4), ends_on=timezone.localdate(),
            member_organisations=[ngo])
        log(hub_coordinator, hub, participants=[], anonymous=2, days_ago=3)
    return {**network, "project": project, "hub_coordinator": hub_coordinator}


def _indicator(world, **data):
    with scope(organisation=world["hub"]):
        return services.indicator_save(actor=world["hub_coordinator"], project=world["project"],
                                       target=Decimal(20), **data)


def test_finding_16_member_level_filters_below_minimum_granularity_are_refused(
        client_for, network_project):
    day = network_project["day"]
    with pytest.raises(ValidationError) as refused:
        _indicator(network_project, name="One person", metric="participants",
                   member=network_project["ngo"], region=network_project["region"],
                   format="phone", starts_on=day, ends_on=day)
    assert "cannot also be narrowed" in str(refused.value.message_dict["member"])
    # The same through the page: a clear message, nothing saved.
    project = network_project["project"]
    page = client_for(network_project["hub_coordinator"]).post(
        reverse("reporting:indicator_new", kwargs={"org": "hub", "project_pk": project.pk}),
        {"name": "One person", "metric": "participants", "target": "20",
         "member": network_project["ngo"].pk, "starts_on": day.isoformat(),
         "ends_on": day.isoformat()})
    assert page.status_code == 200 and "cannot also be narrowed" in page.content.decode()
    with scope(organisation=network_project["hub"]):
        assert not project.indicators.exists()
    # Limited to the member but for the whole project, it is allowed, and released "<5".
    indicator = _indicator(network_project, name="People at NGO A", metric="beneficiaries",
                           member=network_project["ngo"])
    with scope(organisation=network_project["hub"]):
        result = compute.project_results(project, [indicator])[0]
    assert result.controlled and result.actual == 15  # 14 people, rounded
    assert disclosure.disclose(14) == "15"


def test_finding_16_network_indicator_figures_are_disclosure_controlled_everywhere(
        client_for, network_project):
    day, project = network_project["day"], network_project["project"]
    _indicator(network_project, name="Addiction, that day", metric="beneficiaries",
               starts_on=day, ends_on=day)
    _indicator(network_project, name="Until that day", metric="beneficiaries",
               starts_on=_month_start(3), ends_on=day)
    _indicator(network_project, name="Until the day before", metric="beneficiaries",
               starts_on=_month_start(3), ends_on=day - datetime.timedelta(days=1))
    client = client_for(network_project["hub_coordinator"])
    kwargs = {"org": "hub", "project_pk": project.pk}
    page = client.get(reverse("reporting:project", kwargs=kwargs)).content.decode()
    assert "&lt;5" in page and "data-disclosure" in page
    text = client.get(reverse("reporting:project_csv", kwargs=kwargs)).content.decode("utf-8-sig")
    rows = {row[0]: row for row in csv.reader(io.StringIO(text), delimiter=";")}
    assert rows["Addiction, that day"][2] == "<5"
    # the differencing attack on two indicators one day apart
    until, before = rows["Until that day"][2], rows["Until the day before"][2]
    assert until.isdigit() and before.isdigit()
    assert not 1 <= abs(int(until) - int(before)) <= 4
    out = io.StringIO()
    call_command("report", str(project.pk), "--format", "json", stdout=out)
    data = {i["name"]: i for i in json.loads(out.getvalue())["indicators"]}
    assert data["Addiction, that day"]["actual"] == "<5"
    assert data["Addiction, that day"]["disclosure_controlled"] is True
    for report_format in ("xlsx", "pdf"):
        client.post(reverse("reporting:project_export",
                            kwargs={**kwargs, "report_format": report_format}))
    with scopes_disabled():
        xlsx = Job.objects.get(kind="report_xlsx").result.read()
        pdf = Job.objects.get(kind="report_pdf").result.read()
    sheet = openpyxl.load_workbook(io.BytesIO(xlsx)).worksheets[0]
    cells = {row[0]: row[2] for row in sheet.iter_rows(values_only=True) if row}
    assert cells["Addiction, that day"] == "<5"
    pdf_text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    assert "<5" in pdf_text


def test_finding_16_helpers_progress_things_and_own_figures_stay_exact(
        member, network_project, org, coordinator):
    helpers = _indicator(network_project, name="Helpers", metric="volunteers_active")
    with scope(organisation=network_project["hub"]):
        result = compute.project_results(network_project["project"], [helpers])[0]
    assert not result.controlled and result.actual == 2  # the two coordinators, exact
    own = ProjectFactory(organisation=org)
    with scope(organisation=org):
        log(coordinator, org, anonymous=19)
        indicator = services.indicator_save(actor=coordinator, project=own, name="Participants",
                                            metric="participants", target=Decimal(20))
        result = compute.project_results(own, [indicator])[0]
    assert not result.controlled and result.actual == 19 and result.percent == 95


def test_finding_16_own_organisation_figure_in_a_network_project_is_exact_and_old_fine_ones_refused(
        network_project):
    from tests.reporting.factories import IndicatorFactory

    own = _indicator(network_project, name="Our own participants", metric="participants",
                     member=network_project["hub"])
    # an indicator saved before the granularity rule, narrowed to one member, region and day
    day = network_project["day"]
    old = IndicatorFactory(project=network_project["project"], metric="beneficiaries",
                           member=network_project["ngo"], region=network_project["region"],
                           starts_on=day, ends_on=day, kinds=[])
    with scope(organisation=network_project["hub"]):
        own_result, old_result = compute.project_results(network_project["project"], [own, old])
    assert not own_result.controlled and own_result.actual == 2  # exact: not rounded to 0
    assert old_result.suppressed == "—" and old_result.actual == 0
    assert "cannot also be narrowed" in old_result.note
