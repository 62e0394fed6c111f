import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django_scopes import scope

from peercircle.organisations.roles import Role
from peercircle.training import competencies as service
from tests import factories

pytestmark = pytest.mark.django_db
LEVELS = ["Knows", "Tries", "Does", "Teaches"]


@pytest.fixture
def network(member):
    network = factories.NetworkFactory()
    hub = factories.OrganisationFactory(network=network, coordinates_network=True)
    ngo = factories.OrganisationFactory(network=network)
    return {"hub": hub, "ngo": ngo, "keeper": member(Role.NETWORK_COORDINATOR, organisation=hub),
            "coordinator": member(Role.COORDINATOR, organisation=ngo),
            "volunteer": member(Role.VOLUNTEER, organisation=ngo),
            "supervisor": member(Role.SUPERVISOR, organisation=ngo)}


def test_the_network_keeps_one_framework_for_its_members(network):
    listening = service.competency_add(actor=network["keeper"], organisation=network["hub"],
                                       name="Active listening", description="", levels=LEVELS)
    assert list(service.framework_for(organisation=network["ngo"])) == [listening]
    with pytest.raises(ValidationError, match="coordinating organisation"):
        service.competency_add(actor=network["coordinator"], organisation=network["ngo"],
                               name="Boundaries", description="", levels=LEVELS)
    with pytest.raises(ValidationError, match="four levels"):
        service.competency_add(actor=network["keeper"], organisation=network["hub"],
                               name="Ethics", description="", levels=LEVELS[:3])


def test_self_and_supervisor_assessments_show_growth(network):
    ngo = network["ngo"]
    c = service.competency_add(actor=network["keeper"], organisation=network["hub"],
                               name="Active listening", description="", levels=LEVELS)
    with scope(organisation=ngo):
        service.assessment_record(actor=network["volunteer"], organisation=ngo,
                                  person=network["volunteer"], levels={c.pk: 1}, kind="self")
        service.assessment_record(actor=network["supervisor"], organisation=ngo,
                                  person=network["volunteer"], levels={c.pk: 2},
                                  kind="supervisor")
        with pytest.raises(ValidationError):
            service.assessment_record(actor=network["supervisor"], organisation=ngo,
                                      person=network["volunteer"], levels={c.pk: 5},
                                      kind="supervisor")
        with pytest.raises(ValidationError, match="themself"):
            service.assessment_record(actor=network["supervisor"], organisation=ngo,
                                      person=network["volunteer"], levels={c.pk: 2}, kind="self")
        rows = service.growth(organisation=ngo, person=network["volunteer"])["rows"]
    assert [(kind, levels) for _day, kind, levels in rows] == [
        ("self", {c.pk: 1}), ("supervisor", {c.pk: 2})]


def test_a_supervisor_cannot_open_someone_outside_the_organisation(client_for, network):
    stranger = factories.UserFactory()
    client = client_for(network["supervisor"])
    url = reverse("training:person_assessment",
                  kwargs={"org": network["ngo"].slug, "person_pk": stranger.pk})
    assert client.get(url).status_code == 404
