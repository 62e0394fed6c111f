"""Issue 14: a member organisation adopts a version of its network's community document; the
network coordinator sees, per member, which version it adopted and when, and how many of its
members acknowledged the current one (counts only)."""

import pytest
from django.urls import reverse
from django_scopes import scope

from peercircle.library import selectors, services
from peercircle.organisations.roles import Role
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(member):
    network = factories.NetworkFactory()
    hub = factories.OrganisationFactory(network=network, coordinates_network=True, name="Hub")
    ngo = factories.OrganisationFactory(network=network, name="Тёплый дом")
    quiet = factories.OrganisationFactory(network=network, name="Яблоко")
    return {"hub": hub, "ngo": ngo, "quiet": quiet,
            "network_coordinator": member(Role.NETWORK_COORDINATOR, organisation=hub),
            "coordinator": member(Role.COORDINATOR, organisation=ngo),
            "volunteer": member(Role.VOLUNTEER, organisation=ngo)}


def _detail(org, document):
    return reverse("library:detail", kwargs={"org": org.slug, "document_pk": document.pk})


def test_the_network_coordinator_sees_who_adopted_which_version(world, client_for):
    w = world
    document = services.document_publish(actor=w["network_coordinator"], organisation=w["hub"],
                                         title="Ethics code", kind="ethics_code",
                                         text="Version one.", for_network=True)
    ngo = client_for(w["coordinator"])
    assert "Adopt version 1 for our organisation" in ngo.get(_detail(w["ngo"], document)).content.decode()
    assert ngo.post(reverse("library:adopt", kwargs={"org": w["ngo"].slug,
                                                     "document_pk": document.pk})).status_code == 302
    services.document_sign(actor=w["volunteer"], organisation=w["ngo"],
                           version=selectors.current_version(document))
    services.version_publish(actor=w["network_coordinator"], organisation=w["hub"],
                             document=document, text="Version two.", changes="Confidentiality")
    rows = {row.organisation.name: row for row in selectors.network_adoption(
        organisation=w["hub"], document=document)}
    assert rows["Тёплый дом"].adopted.number == 1 and not rows["Тёплый дом"].current
    assert rows["Яблоко"].adopted is None and "Hub" not in rows  # members only
    assert (rows["Тёплый дом"].acknowledged, rows["Тёплый дом"].members) == (0, 2)
    page = client_for(w["network_coordinator"]).get(_detail(w["hub"], document)).content.decode()
    assert "Adoption across the network" in page and "not the current one" in page
    assert "not adopted" in page
    assert w["volunteer"].full_name not in page  # counts only: who they are stays with the member


def test_an_organisation_adopts_a_version_once_and_only_of_its_own_network(world, member):
    from django.core.exceptions import ValidationError

    w = world
    document = services.document_publish(actor=w["network_coordinator"], organisation=w["hub"],
                                         title="Ethics code", kind="ethics_code",
                                         text="Version one.", for_network=True)
    version = selectors.current_version(document)
    with scope(organisation=w["ngo"]):
        services.document_adopt(actor=w["coordinator"], organisation=w["ngo"], version=version)
        with pytest.raises(ValidationError, match="already adopted"):
            services.document_adopt(actor=w["coordinator"], organisation=w["ngo"], version=version)
    outsider = factories.OrganisationFactory()
    with scope(organisation=outsider), pytest.raises(ValidationError):
        services.document_adopt(actor=member(Role.COORDINATOR, organisation=outsider),
                                organisation=outsider, version=version)


def test_a_member_coordinator_does_not_see_the_network_table(world, client_for):
    w = world
    document = services.document_publish(actor=w["network_coordinator"], organisation=w["hub"],
                                         title="Ethics code", kind="ethics_code",
                                         text="Version one.", for_network=True)
    page = client_for(w["coordinator"]).get(_detail(w["ngo"], document)).content.decode()
    assert "Adoption across the network" not in page
