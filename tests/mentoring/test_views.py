"""Pages of the mentoring programme: the public application, recruitment to admission, settings,
the club, HTMX partials and query counts."""

import pytest
from django.urls import reverse

from peercircle.mentoring.models import ClubMeeting, Mentor, OutcomeType
from peercircle.volunteers.models import Stage
from tests import factories
from tests.mentoring.factories import Programme, days_ago

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    return Programme()


def _url(name, org, **kwargs):
    return reverse(name, kwargs={"org": org.slug, **kwargs})


def test_the_public_application_records_the_source_and_ignores_a_filled_honeypot(world, client):
    url = reverse("mentor_apply", kwargs={"organisation_slug": world.org.slug})
    assert client.get(url).status_code == 200
    data = {"full_name": "Vera Lapina", "email": "vera@example.org", "source": "rehab_centre",
            "motivation": "I went through rehabilitation and want to help.",
            "is_peer_mentor": "on", "consent": "on"}
    response = client.post(url, {**data, "website": "spam"})
    assert response.status_code == 302 and not Mentor.objects.exists()
    response = client.post(url, data)
    assert response.status_code == 302
    mentor = Mentor.objects.get()
    assert (mentor.source, mentor.is_peer_mentor) == ("rehab_centre", True)
    assert mentor.volunteer.stage == Stage.APPLIED
    assert client.get(reverse("mentor_apply", kwargs={"organisation_slug": "nope"})) \
        .status_code == 404


def test_the_public_application_is_rate_limited(world, client):
    url = reverse("mentor_apply", kwargs={"organisation_slug": world.org.slug})
    statuses = [client.post(url, {"full_name": ""}).status_code for _ in range(11)]
    assert statuses[-1] == 429


def test_a_coordinator_takes_a_candidate_through_diagnostic_to_admission(world, client_for):
    volunteer = factories.VolunteerFactory(organisation=world.org, full_name="Nina",
                                           stage=Stage.SCREENED)
    client = client_for(world.coordinator)
    response = client.post(_url("mentoring:mentors", world.org), {
        "volunteer": volunteer.pk, "source": "media", "origin": "active_citizen"})
    mentor = Mentor.objects.get(volunteer=volunteer)
    assert response.status_code == 302
    response = client.post(_url("mentoring:mentor_admit", world.org, mentor_pk=mentor.pk),
                           {"admit-admitted_on": days_ago(0).isoformat()}, follow=True)
    assert "Record a diagnostic interview" in response.content.decode()
    client.post(_url("mentoring:mentor_diagnostic", world.org, mentor_pk=mentor.pk), {
        "diagnostic-diagnostic_on": days_ago(2).isoformat(),
        "diagnostic-diagnostic_result": "suitable"})
    response = client.post(_url("mentoring:mentor_admit", world.org, mentor_pk=mentor.pk),
                           {"admit-admitted_on": days_ago(0).isoformat()}, follow=True)
    assert "The mentor is admitted." in response.content.decode()
    mentor.refresh_from_db()
    assert mentor.admitted_on == days_ago(0)


def test_settings_change_the_cadences_and_extend_the_taxonomy(world, client_for):
    client = client_for(world.coordinator)
    page = client.get(_url("mentoring:settings", world.org))
    assert "Child placed in state care" in page.content.decode()
    response = client.post(_url("mentoring:settings", world.org), {
        "type-code": "school_attendance", "type-name": "Children attend school regularly",
        "type-direction": "positive", "type-unit": "people"})
    assert response.status_code == 302
    assert OutcomeType.objects.get(code="school_attendance").unit == "people"
    data = {f"programme-{k}": v for k, v in {
        "name": "One plus one", "ngo": world.ngo.pk, "max_families_per_mentor": 2,
        "agreement_term_months": 12, "expiry_warning_days": 45, "home_visit_days": 30,
        "curator_meeting_days": 30, "monitoring_days": 180, "council_days": 180}.items()}
    assert client.post(_url("mentoring:settings", world.org), data).status_code == 302
    world.programme.refresh_from_db()
    assert (world.programme.max_families_per_mentor, world.programme.expiry_warning_days) == (
        2, 45)


def test_the_club_records_attendance_and_only_managers_may_post(world, client_for):
    mentor, mentor_user = world.mentor_with_account()
    data = {"date": days_ago(1).isoformat(), "topic": "Burnout", "duration_minutes": 90,
            "format": "in_person", "attendees": [mentor.pk]}
    assert client_for(mentor_user).post(_url("mentoring:club", world.org), data) \
        .status_code == 404
    response = client_for(world.coordinator).post(_url("mentoring:club", world.org), data)
    assert response.status_code == 302
    assert ClubMeeting.objects.get().attendees.get() == mentor


def test_the_due_list_answers_htmx_with_the_table_only(world, client_for):
    world.pair(world.mentor(), matched=days_ago(90))
    client = client_for(world.coordinator)
    partial = client.get(_url("mentoring:due", world.org), {"mine": "1"}, HTTP_HX_REQUEST="true")
    html = partial.content.decode()
    assert html.lstrip().startswith('<div id="due-table">') and "<html" not in html
    full = client.get(_url("mentoring:due", world.org)).content.decode()
    assert "Monthly home visit" in full


def test_the_pair_list_needs_few_queries(world, client_for, django_assert_max_num_queries):
    for index in range(6):
        world.pair(world.mentor(f"Mentor {index}"))
    client = client_for(world.coordinator)
    client.get(_url("mentoring:overview", world.org))
    with django_assert_max_num_queries(30):
        response = client.get(_url("mentoring:overview", world.org))
    assert "Mentor 5" in response.content.decode()
