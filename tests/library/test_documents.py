import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from peercircle.library import selectors, services
from peercircle.organisations.roles import Role
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def network_world(member):
    network = factories.NetworkFactory()
    hub = factories.OrganisationFactory(network=network, coordinates_network=True)
    ngo = factories.OrganisationFactory(network=network)
    outsider = factories.OrganisationFactory()
    return {"hub": hub, "ngo": ngo, "outsider": outsider,
            "network_coordinator": member(Role.NETWORK_COORDINATOR, organisation=hub),
            "coordinator": member(Role.COORDINATOR, organisation=ngo),
            "volunteer": member(Role.VOLUNTEER, organisation=ngo)}


def test_a_network_document_reaches_every_member_and_asks_again_on_a_new_version(network_world):
    w = network_world
    document = services.document_publish(actor=w["network_coordinator"], organisation=w["hub"],
                                         title="Ethics code", kind="ethics_code",
                                         text="Version one.", for_network=True)
    assert document in selectors.documents_for(organisation=w["ngo"])
    assert document not in selectors.documents_for(organisation=w["outsider"])
    assert selectors.unsigned_for(organisation=w["ngo"], user=w["volunteer"]) == [document]
    services.document_sign(actor=w["volunteer"], organisation=w["ngo"],
                           version=selectors.current_version(document))
    assert selectors.unsigned_for(organisation=w["ngo"], user=w["volunteer"]) == []
    old = selectors.current_version(document)
    services.version_publish(actor=w["network_coordinator"], organisation=w["hub"],
                             document=document, text="Version two.", changes="Confidentiality")
    assert selectors.unsigned_for(organisation=w["ngo"], user=w["volunteer"]) == [document]
    with pytest.raises(ValidationError, match="newer version"):
        services.document_sign(actor=w["volunteer"], organisation=w["ngo"], version=old)
    signed, unsigned = selectors.signature_status(document=document, organisation=w["ngo"])
    assert signed == [] and set(unsigned) == {w["coordinator"], w["volunteer"]}


def test_only_the_coordinating_organisation_publishes_for_the_network(network_world):
    w = network_world
    with pytest.raises(ValidationError):
        services.document_publish(actor=w["coordinator"], organisation=w["ngo"], title="Rules",
                                  kind="service_rules", text="…", for_network=True)


def test_an_unchanged_text_is_not_a_new_version(network_world):
    w = network_world
    document = services.document_publish(actor=w["coordinator"], organisation=w["ngo"],
                                         title="Rules", kind="service_rules", text="Same.")
    with pytest.raises(ValidationError, match="same as the current"):
        services.version_publish(actor=w["coordinator"], organisation=w["ngo"],
                                 document=document, text="Same.")


def test_the_coordinator_sees_who_has_not_acknowledged(client_for, network_world):
    w = network_world
    document = services.document_publish(actor=w["coordinator"], organisation=w["ngo"],
                                         title="Volunteer agreement", kind="volunteer_agreement",
                                         text="I will keep confidentiality.")
    client = client_for(w["volunteer"])
    home = client.get(reverse("core:dashboard", kwargs={"org": w["ngo"].slug})).content.decode()
    assert "Read and acknowledge: Volunteer agreement." in home
    client.post(reverse("library:sign", kwargs={"org": w["ngo"].slug, "document_pk": document.pk}))
    client = client_for(w["coordinator"])
    page = client.get(reverse("library:detail", kwargs={"org": w["ngo"].slug,
                                                        "document_pk": document.pk})).content
    assert "Not yet: 1 person" in page.decode() and "Acknowledged: 1 person" in page.decode()
