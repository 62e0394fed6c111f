"""Project figures are kept until a record of a counted organisation changes (core/freshness.py,
reporting/freshness.py): a dashboard opened again is served from the cache, and any committed
change (a save, a deletion, changed links, an import's bulk write) shows on the next view."""

from decimal import Decimal

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django_scopes import scope

from peercircle.core.freshness import data_changed, stamps
from peercircle.imports.engine import run_import
from peercircle.reporting import services
from tests import factories
from tests.imports.factories import consultation_csv
from tests.reporting.factories import ProjectFactory, consenting, log

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _cache_on(settings):
    settings.REPORTING_CACHE_SECONDS = 600


@pytest.fixture
def world(org, coordinator, django_capture_on_commit_callbacks):
    project = ProjectFactory(organisation=org)
    with scope(organisation=org), django_capture_on_commit_callbacks(execute=True):
        log(coordinator, org, anonymous=1)
        services.indicator_save(actor=coordinator, project=project, name="Consultations",
                                metric="activities", target=Decimal(10), kinds=["consultation"])
        services.indicator_save(actor=coordinator, project=project, name="People",
                                metric="beneficiaries", target=Decimal(10))
    return project


def _view(client, project):
    url = reverse("reporting:project", kwargs={"org": project.organisation.slug,
                                               "project_pk": project.pk})
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    actual = [r.actual for r in response.context["results"]]
    counted = any("core_activity" in q["sql"] and "COUNT" in q["sql"].upper()
                  for q in queries.captured_queries)
    return actual, counted


def test_a_second_view_is_served_from_the_cache(client_for, coordinator, world):
    client = client_for(coordinator)
    assert _view(client, world) == ([Decimal(1), Decimal(0)], True)
    assert _view(client, world) == ([Decimal(1), Decimal(0)], False)


def test_a_committed_record_shows_on_the_next_view(client_for, coordinator, org, world,
                                                   django_capture_on_commit_callbacks):
    client = client_for(coordinator)
    _view(client, world)
    with scope(organisation=org), django_capture_on_commit_callbacks(execute=True):
        activity = log(coordinator, org, anonymous=1)
    assert _view(client, world) == ([Decimal(2), Decimal(0)], True)
    person = consenting(org, 1)[0]
    with django_capture_on_commit_callbacks(execute=True):
        activity.participants.add(person)  # links only: the m2m signal moves the stamp
    assert _view(client, world) == ([Decimal(2), Decimal(1)], True)
    with django_capture_on_commit_callbacks(execute=True):
        activity.delete()
    assert _view(client, world) == ([Decimal(1), Decimal(0)], True)


def test_an_import_bulk_write_moves_the_stamp(coordinator, org, member, tmp_path,
                                              django_capture_on_commit_callbacks):
    consultant = member("volunteer")
    path = tmp_path / "consultations.csv"
    path.write_bytes(consultation_csv([["c-1", "05.03.2025", "45", "phone", consultant.email,
                                        "", "", ""]]))
    before = stamps([org.pk])
    mapping = {"external_id": "ID", "date": "Дата", "duration_minutes": "Длительность",
               "format": "Формат", "consultant": "Консультант", "beneficiary": "Код",
               "region": "Регион", "topics": "Темы"}
    with scope(organisation=org), django_capture_on_commit_callbacks(execute=True):
        summary = run_import(organisation=org, actor=coordinator, kind="consultations",
                             path=path, name=path.name, mapping=mapping, write=True)
    assert summary.written == 1
    assert stamps([org.pk]) != before and org.pk in stamps([org.pk])


def test_work_of_an_organisation_not_counted_keeps_the_cache(client_for, coordinator, world,
                                                             other_org, member,
                                                             django_capture_on_commit_callbacks):
    client = client_for(coordinator)
    _view(client, world)
    stranger = member("coordinator", organisation=other_org)
    with scope(organisation=other_org), django_capture_on_commit_callbacks(execute=True):
        log(stranger, other_org, anonymous=1)
    assert _view(client, world) == ([Decimal(1), Decimal(0)], False)


def test_a_rolled_back_change_does_not_move_the_stamp_before_a_commit(
        org, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        try:
            with transaction.atomic():
                data_changed([org.pk])
                raise RuntimeError
        except RuntimeError:
            pass
    assert callbacks == [] and stamps([org.pk]) == {}
    with django_capture_on_commit_callbacks(execute=True):
        data_changed([factories.OrganisationFactory().pk])
    assert org.pk in stamps([org.pk])  # left behind, stamped by the next commit: never stale


def test_a_change_to_the_project_or_its_indicators_is_shown_at_once(
        client_for, coordinator, org, world):
    client = client_for(coordinator)
    _view(client, world)
    with scope(organisation=org):
        indicator = world.indicators.get(name="Consultations")
    indicator.kinds = ["supervision"]
    indicator.save()
    assert _view(client, world) == ([Decimal(0), Decimal(0)], True)
