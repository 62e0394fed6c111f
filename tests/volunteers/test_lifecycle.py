import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django_scopes import scope, scopes_disabled

from peercircle.volunteers import services
from peercircle.volunteers.models import Screening, Stage, StageChange, Volunteer
from tests import factories
from tests.clock import today

pytestmark = pytest.mark.django_db


@pytest.fixture
def scoped(org):
    with scope(organisation=org):
        yield org


def _apply(org, **overrides):
    values = {"organisation": org, "full_name": "Olga Petrova", "email": "Olga@Example.org",
              "motivation": "I went through this myself."}
    values.update(overrides)
    return services.volunteer_apply(**values)


def test_an_application_starts_the_history(scoped):
    volunteer = _apply(scoped)
    assert volunteer.stage == Stage.APPLIED and volunteer.email == "olga@example.org"
    step = volunteer.history.get()
    assert (step.from_stage, step.to_stage, step.changed_on) == ("", Stage.APPLIED, today())


def test_applying_again_adds_a_note_and_no_duplicate(scoped):
    first = _apply(scoped)
    again = _apply(scoped, email="olga@example.org", full_name="Somebody else")
    assert again.pk == first.pk and Volunteer.objects.count() == 1
    again.refresh_from_db()
    assert again.full_name == "Olga Petrova"
    assert again.history.count() == 2


def test_the_lifecycle_follows_the_allowed_steps(scoped, coordinator):
    volunteer = _apply(scoped)
    services.volunteer_screen(actor=coordinator, volunteer=volunteer, interviewed_on=today(),
                              decision=Screening.Decision.ACCEPT, notes="Calm, experienced.")
    for stage in (Stage.IN_TRAINING, Stage.ACTIVE, Stage.PAUSED, Stage.ACTIVE):
        services.volunteer_stage_change(actor=coordinator, volunteer=volunteer, to_stage=stage,
                                        changed_on=today())
    with pytest.raises(ValidationError, match="cannot move"):
        services.volunteer_stage_change(actor=coordinator, volunteer=volunteer,
                                        to_stage=Stage.APPLIED, changed_on=today())
    with pytest.raises(ValidationError) as error:
        services.volunteer_stage_change(actor=coordinator, volunteer=volunteer,
                                        to_stage=Stage.LEFT, changed_on=today())
    assert "reason" in error.value.message_dict
    services.volunteer_stage_change(actor=coordinator, volunteer=volunteer, to_stage=Stage.LEFT,
                                    changed_on=today(), reason="Moved to another city")
    stages = list(volunteer.history.order_by("id").values_list("to_stage", flat=True))
    assert stages == ["applied", "screened", "in_training", "active", "paused", "active", "left"]


def test_declining_closes_the_application_with_a_reason(scoped, coordinator):
    volunteer = _apply(scoped)
    with pytest.raises(ValidationError):
        services.volunteer_screen(actor=coordinator, volunteer=volunteer, interviewed_on=today(),
                                  decision=Screening.Decision.DECLINE)
    assert not Screening.objects.exists()  # nothing half-written
    services.volunteer_screen(actor=coordinator, volunteer=volunteer, interviewed_on=today(),
                              decision=Screening.Decision.DECLINE, reason="Not now")
    assert volunteer.stage == Stage.LEFT
    with pytest.raises(ValidationError, match="Only applicants"):
        services.volunteer_screen(actor=coordinator, volunteer=volunteer, interviewed_on=today(),
                                  decision=Screening.Decision.ACCEPT)


def test_dates_that_contradict_the_history_are_refused(scoped, coordinator):
    volunteer = _apply(scoped)
    with pytest.raises(ValidationError, match="earlier than the previous step"):
        services.volunteer_stage_change(actor=coordinator, volunteer=volunteer,
                                        to_stage=Stage.SCREENED,
                                        changed_on=today() - datetime.timedelta(days=3))
    with pytest.raises(ValidationError, match="future"):
        services.volunteer_stage_change(actor=coordinator, volunteer=volunteer,
                                        to_stage=Stage.SCREENED,
                                        changed_on=today() + datetime.timedelta(days=1))
    assert StageChange.objects.count() == 1


def test_a_pause_ends_after_it_starts(scoped, coordinator):
    volunteer = factories.VolunteerFactory(organisation=scoped, stage=Stage.ACTIVE)
    with pytest.raises(ValidationError) as error:
        services.volunteer_stage_change(actor=coordinator, volunteer=volunteer,
                                        to_stage=Stage.PAUSED, changed_on=today(),
                                        paused_until=today())
    assert "paused_until" in error.value.message_dict
    services.volunteer_stage_change(actor=coordinator, volunteer=volunteer, to_stage=Stage.PAUSED,
                                    changed_on=today(),
                                    paused_until=today() + datetime.timedelta(days=30))
    services.volunteer_stage_change(actor=coordinator, volunteer=volunteer, to_stage=Stage.ACTIVE,
                                    changed_on=today())
    assert volunteer.paused_until is None


def _post_application(client, org, **data):
    payload = {"full_name": "Anna", "email": "anna@example.org", "motivation": "To help.",
               "consent": "on", "website": ""}
    payload.update(data)
    return client.post(reverse("volunteer_apply", kwargs={"organisation_slug": org.slug}), payload)


def test_the_public_form_asks_the_organisations_questions(client, org):
    factories.QuestionFactory(organisation=org, label="Have you been through treatment?",
                              kind="yes_no")
    factories.QuestionFactory(organisation=org, label="Which city?", required=True)
    page = client.get(reverse("volunteer_apply", kwargs={"organisation_slug": org.slug}))
    assert "Which city?" in page.content.decode()
    missing = _post_application(client, org)
    assert missing.status_code == 200 and "This field is required." in missing.content.decode()
    with scopes_disabled():
        questions = {q.label: q.pk for q in org.applicationquestion_set.all()}
    response = _post_application(client, org, **{f"question_{questions['Which city?']}": "Izhevsk"})
    assert response.status_code == 302
    with scopes_disabled():
        answers = Volunteer.objects.get().answers
    assert {"question": "Which city?", "answer": "Izhevsk"} in answers
    assert {"question": "Have you been through treatment?", "answer": "no"} in answers


def test_the_public_form_never_reveals_a_known_person(client, org):
    first = _post_application(client, org)
    second = _post_application(client, org)
    assert first.status_code == second.status_code == 302
    assert first["Location"] == second["Location"]
    with scopes_disabled():
        assert Volunteer.objects.count() == 1


def test_the_honeypot_silently_drops_bots(client, org):
    response = _post_application(client, org, website="http://spam.example")
    assert response.status_code == 302
    with scopes_disabled():
        assert not Volunteer.objects.exists()


def test_the_public_form_is_rate_limited(client, org, settings):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache",
                                   "LOCATION": "apply-rate-test"}}
    for index in range(5):
        assert _post_application(client, org, email=f"p{index}@example.org").status_code == 302
    assert _post_application(client, org, email="p6@example.org").status_code == 429


def test_consent_to_keep_the_application_is_required(client, org):
    response = _post_application(client, org, consent="")
    assert response.status_code == 200
    with scopes_disabled():
        assert not Volunteer.objects.exists()
