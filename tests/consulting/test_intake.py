import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from django_scopes import scope, scopes_disabled

from peercircle.consulting import services
from peercircle.consulting.models import HelpRequest
from peercircle.consulting.selectors import bulk_proposal, proposals
from peercircle.core.models import HelpArea
from peercircle.people.models import BeneficiaryIdentity, Consent
from peercircle.volunteers.models import Stage
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def oncology():
    return HelpArea.objects.get(code="oncology")


def _submit(org, need, message="", **extra):
    values = dict(organisation=org, name="Anna", phone="+7 900 1", need=need, language="ru",
                  format="phone", urgency="soon", message=message)
    values.update(extra)
    return services.help_request_submit(**values)


def _consultant(org, need, capacity=2, **extra):
    volunteer = factories.VolunteerFactory(organisation=org, stage=Stage.ACTIVE,
                                           weekly_capacity=capacity, languages=["ru"], **extra)
    volunteer.lived_experience.add(need)
    return volunteer


def test_a_public_request_creates_a_pseudonymous_case_with_consent(org, oncology):
    help_request = _submit(org, oncology, "Мне поставили диагноз, страшно.")
    with scope(organisation=org):
        assert not help_request.crisis_flag
        beneficiary = help_request.beneficiary
        assert beneficiary.code.startswith("B-")
        assert Consent.objects.get(beneficiary=beneficiary).method == "electronic"
        assert BeneficiaryIdentity.objects.get(beneficiary=beneficiary).full_name == "Anna"


@pytest.mark.parametrize("text", ["Я больше не хочу жить", "Муж ИЗБИВАЕТ меня",
                                  "chcę się zabić, nie chcę żyć", "I want to die"])
def test_crisis_words_flag_a_request(org, oncology, text):
    assert _submit(org, oncology, text).crisis_flag


def test_proposals_explain_and_respect_load(org, oncology, coordinator):
    help_request = _submit(org, oncology)
    with scope(organisation=org):
        best = _consultant(org, oncology, capacity=1, full_name="Best Fit", formats=["phone"])
        _consultant(org, oncology, capacity=3, full_name="Second")
        paused = _consultant(org, oncology, full_name="Paused")
        paused.stage = Stage.PAUSED
        paused.save()
        found = proposals(help_request)
        assert [p.volunteer.full_name for p in found] == ["Best Fit", "Second"]
        assert found[0].reasons == ["lived_experience", "language", "format"]
        services.help_request_assign(actor=coordinator, help_request=help_request, volunteer=best)
        another = _submit(org, oncology)
        assert [p.volunteer.full_name for p in proposals(another)] == ["Second"]
        with pytest.raises(ValidationError, match="no free capacity"):
            services.help_request_assign(actor=coordinator, help_request=another, volunteer=best)
        with pytest.raises(ValidationError, match="not an active consultant"):
            services.help_request_assign(actor=coordinator, help_request=another, volunteer=paused)


def test_capacity_frees_up_after_a_week(org, oncology, coordinator):
    with scope(organisation=org):
        volunteer = _consultant(org, oncology, capacity=1)
        first = _submit(org, oncology)
        services.help_request_assign(actor=coordinator, help_request=first, volunteer=volunteer)
        HelpRequest.objects.filter(pk=first.pk).update(
            assigned_at=timezone.now() - datetime.timedelta(days=8))
        services.help_request_assign(actor=coordinator, help_request=_submit(org, oncology),
                                     volunteer=volunteer)


def test_bulk_plan_leaves_crisis_requests_to_professionals(org, oncology, coordinator):
    with scope(organisation=org):
        _consultant(org, oncology, capacity=5)
        calm = [_submit(org, oncology) for _ in range(3)]
        _submit(org, oncology, "думаю про суицид")
        rows, left = bulk_proposal(organisation=org)
        assert sorted(r.pk for r, _v, _p in rows) == sorted(r.pk for r in calm) and left == 0
        pairs = [(r.pk, v.pk) for r, v, _p in rows]
        assert services.routing_bulk_confirm(actor=coordinator, organisation=org, pairs=pairs) == 3


def test_a_refused_pair_undoes_the_whole_bulk_confirmation(org, oncology, coordinator):
    with scope(organisation=org):
        volunteer = _consultant(org, oncology, capacity=1)
        requests = [_submit(org, oncology) for _ in range(2)]
        with pytest.raises(ValidationError):
            services.routing_bulk_confirm(actor=coordinator, organisation=org,
                                          pairs=[(r.pk, volunteer.pk) for r in requests])
        assert not HelpRequest.objects.filter(status="assigned").exists()


def _post(client, org, oncology, **data):
    payload = {"name": "Anna", "phone": "+7 900", "need": oncology.pk, "language": "ru",
               "format": "phone", "urgency": "soon", "message": "", "consent": "on",
               "website": ""}
    payload.update(data)
    return client.post(reverse("help_request", kwargs={"organisation_slug": org.slug}), payload)


def test_the_public_form_shows_emergency_contacts_only_for_crisis(client, org, oncology):
    org.emergency_info = "Телефон доверия 8-800-2000-122"
    org.save()
    thanks = _post(client, org, oncology, message="не хочу жить")
    page = client.get(thanks["Location"]).content.decode()
    assert "8-800-2000-122" in page
    calm = client.get(_post(client, org, oncology)["Location"]).content.decode()
    assert "8-800-2000-122" not in calm


def test_the_public_form_needs_a_way_to_reach_the_person(client, org, oncology):
    response = _post(client, org, oncology, phone="", email="")
    assert response.status_code == 200
    with scopes_disabled():
        assert not HelpRequest.objects.exists()


def test_the_public_form_drops_bots_and_limits_rate(client, org, oncology):
    assert _post(client, org, oncology, website="x").status_code == 302
    with scopes_disabled():
        assert not HelpRequest.objects.exists()
    for _ in range(4):
        assert _post(client, org, oncology).status_code == 302
    assert _post(client, org, oncology).status_code == 429


def test_the_network_form_sends_the_request_to_the_member_that_fits(client, oncology):
    from peercircle.core.models import Region

    network = factories.NetworkFactory()
    hub = factories.OrganisationFactory(network=network, coordinates_network=True)
    samara = factories.OrganisationFactory(network=network, name="Samara NGO")
    kazan = factories.OrganisationFactory(network=network, name="Kazan NGO")
    samara.regions.add(Region.objects.get(code="ru-sam"))
    kazan.regions.add(Region.objects.get(code="ru-ta"))
    for member in (samara, kazan):
        member.help_areas.add(oncology)
    url = reverse("help_request_network", kwargs={"network_slug": network.slug})
    payload = {"name": "Anna", "phone": "+7 900", "need": oncology.pk, "language": "ru",
               "format": "phone", "urgency": "soon", "consent": "on",
               "region": Region.objects.get(code="ru-ta").pk}
    assert client.post(url, payload).status_code == 302
    payload["need"] = HelpArea.objects.get(code="hiv").pk
    assert client.post(url, payload).status_code == 302
    with scopes_disabled():
        assert [r.organisation for r in HelpRequest.objects.order_by("pk")] == [kazan, hub]


def test_a_crisis_request_goes_to_a_peer_only_once_a_professional_is_involved(
        org, oncology, coordinator, client):
    """Issue 12 item 13: one click no longer gives a crisis-flagged request to a peer."""
    with scope(organisation=org):
        volunteer = _consultant(org, oncology, capacity=3)
        crisis = _submit(org, oncology, "думаю про суицид")
        assert crisis.crisis_flag
        with pytest.raises(ValidationError, match="professional"):
            services.help_request_assign(actor=coordinator, help_request=crisis,
                                         volunteer=volunteer)
        crisis.refresh_from_db()
        assert crisis.assigned_to is None and crisis.professional_involved_at is None
        services.help_request_assign(actor=coordinator, help_request=crisis, volunteer=volunteer,
                                     professional_involved=True)
        crisis.refresh_from_db()
        assert crisis.assigned_to == volunteer
        assert crisis.professional_involved_by == coordinator  # recorded, with whose word
        escalated = _submit(org, oncology, "думаю про суицид")
        services.help_request_escalate(actor=coordinator, help_request=escalated)
        escalated.refresh_from_db()  # escalating is involving a professional: recorded too
        assert escalated.professional_involved_by == coordinator
    client.force_login(coordinator)
    page = client.get(reverse("consulting:request_detail",
                              kwargs={"org": org.slug, "request_pk": crisis.pk})).content.decode()
    assert "A professional was involved: confirmed by" in page
