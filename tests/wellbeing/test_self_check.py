import pytest
from django.urls import reverse
from django_scopes import scope, scopes_disabled

from peercircle.core.models import AuditEntry
from peercircle.organisations.roles import Role
from peercircle.wellbeing.instrument import ITEMS, is_high, scale_scores
from peercircle.wellbeing.models import SelfCheck, SupportRequest

pytestmark = pytest.mark.django_db


def _answers(value: int, leisure: int | None = None) -> dict[str, int]:
    answers = {code: value for code, *_rest in ITEMS}
    if leisure is not None:
        answers["w7"] = leisure
    return answers


def test_scores_are_scale_means_with_the_reversed_item_turned_round():
    assert scale_scores(_answers(50)) == {"personal": 50.0, "work": 50.0, "client": 50.0}
    # Plenty of energy for family (100) counts as no burnout (0) on that item.
    scores = scale_scores(_answers(0, leisure=100))
    assert scores == {"personal": 0.0, "work": 0.0, "client": 0.0}
    scores = scale_scores(_answers(75, leisure=0))
    assert scores["work"] == round((6 * 75 + 100) / 7, 1) and is_high(scores)
    assert not is_high(scale_scores(_answers(25, leisure=75)))


def _take(client, org, value):
    data = {code: str(v) for code, v in _answers(value, leisure=100 - value).items()}
    return client.post(reverse("wellbeing:self_check", kwargs={"org": org.slug}), data)


def test_a_high_score_offers_supervision_and_a_pause(client_for, member, org):
    volunteer = member(Role.VOLUNTEER)
    client = client_for(volunteer)
    response = _take(client, org, 75)
    page = client.get(response["Location"]).content.decode()
    assert "Ask for supervision" in page and "Tell my coordinator I need support" in page
    calm = client.get(_take(client, org, 25)["Location"]).content.decode()
    assert "Ask for supervision" not in calm


def test_an_unanswered_question_is_refused(client_for, member, org):
    client = client_for(member(Role.VOLUNTEER))
    response = client.post(reverse("wellbeing:self_check", kwargs={"org": org.slug}), {"p1": "50"})
    assert response.status_code == 400
    with scopes_disabled():
        assert not SelfCheck.objects.exists()


def test_the_coordinator_sees_only_that_someone_asked_for_support(client_for, member, org):
    volunteer, coordinator = member(Role.VOLUNTEER), member(Role.COORDINATOR)
    client = client_for(volunteer)
    result_url = _take(client, org, 75)["Location"]
    client.post(reverse("wellbeing:support", kwargs={"org": org.slug}), {"wants_pause": "on"})
    with scopes_disabled():
        assert SupportRequest.objects.get().wants_pause
    client.force_login(coordinator)
    assert client.get(result_url).status_code == 404
    page = client.get(reverse("wellbeing:support_requests", kwargs={"org": org.slug}))
    assert volunteer.full_name in page.content.decode()
    overview = client.get(reverse("wellbeing:overview", kwargs={"org": org.slug})).content.decode()
    assert "75.0" not in overview  # the volunteer's scores; CSRF tokens have no dot
    with scope(organisation=org):
        entry = AuditEntry.objects.get(object_type="wellbeing.SelfCheck")
        assert entry.after["personal"] == "•••" and entry.after["answers"] == "•••"


def test_the_self_check_is_due_every_quarter(client_for, member, org):
    volunteer = member(Role.VOLUNTEER)
    client = client_for(volunteer)
    home = reverse("core:dashboard", kwargs={"org": org.slug})
    assert "quarterly wellbeing self-check" in client.get(home).content.decode()
    _take(client, org, 25)
    assert "quarterly wellbeing self-check" not in client.get(home).content.decode()
