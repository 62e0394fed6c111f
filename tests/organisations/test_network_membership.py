"""Networks: created by the operator, organisations invited and answering, leaving, the member
directory and the network's own help areas (issue 14)."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django_scopes import scope

from peercircle.core.choices import help_areas_offered, regions_offered
from peercircle.core.models import Activity, HelpArea, Region
from peercircle.organisations import administration, network_services
from peercircle.organisations.models import NetworkInvitation
from peercircle.organisations.roles import Role
from tests import factories
from tests.conftest import give_totp

pytestmark = pytest.mark.django_db


@pytest.fixture
def operator(db):
    user = factories.UserFactory(is_operator=True)
    give_totp(user)
    return user


@pytest.fixture
def network_world(operator, member):
    hub = factories.OrganisationFactory(name="Хаб", slug="hub", email="hub@example.org")
    network = administration.network_create(actor=operator, name="Равные рядом",
                                            slug="peers-here", coordinating=hub)
    ngo = factories.OrganisationFactory(name="Свеча", slug="svecha", email="svecha@example.org",
                                        publish_contacts=False)
    return {"hub": hub, "network": network, "ngo": ngo,
            "network_coordinator": member(Role.NETWORK_COORDINATOR, organisation=hub),
            "ngo_coordinator": member(Role.COORDINATOR, organisation=ngo)}


def test_the_operator_creates_a_network_run_by_an_organisation(network_world):
    hub = network_world["hub"]
    hub.refresh_from_db()
    assert hub.network == network_world["network"] and hub.coordinates_network


def test_an_organisation_already_in_a_network_cannot_coordinate_another(operator, network_world):
    with pytest.raises(ValidationError):
        administration.network_create(actor=operator, name="Другая", slug="other",
                                      coordinating=network_world["hub"])
    with pytest.raises(ValidationError):  # the same name, whatever the case
        administration.network_create(actor=operator, name="РАВНЫЕ РЯДОМ", slug="again",
                                      coordinating=network_world["ngo"])


def test_an_invited_organisation_joins_when_its_coordinator_accepts(client, network_world):
    hub, ngo = network_world["hub"], network_world["ngo"]
    client.force_login(network_world["network_coordinator"])
    response = client.post(reverse("organisations:network_invite", kwargs={"org": "hub"}),
                           {"organisation": ngo.pk, "message": "Присоединяйтесь!"})
    assert response.status_code == 302
    received = NetworkInvitation.objects.get()
    again = client.post(reverse("organisations:network_invite", kwargs={"org": "hub"}),
                        {"organisation": ngo.pk})
    assert again.status_code == 200 and NetworkInvitation.objects.count() == 1

    client.force_login(network_world["ngo_coordinator"])
    home = client.get(reverse("core:dashboard", kwargs={"org": "svecha"})).content.decode()
    assert reverse("organisations:network_invitation",
                   kwargs={"org": "svecha", "network_invitation_pk": received.pk}) in home
    client.post(reverse("organisations:network_invitation",
                        kwargs={"org": "svecha", "network_invitation_pk": received.pk}),
                {"answer": "accept"})
    ngo.refresh_from_db()
    assert ngo.network == network_world["network"] and not ngo.coordinates_network
    received.refresh_from_db()
    assert received.accepted_at and received.answered_by == network_world["ngo_coordinator"]

    client.force_login(network_world["network_coordinator"])
    directory = client.get(reverse("organisations:network_directory", kwargs={"org": "hub"}))
    page = directory.content.decode()
    assert "Свеча" in page and "Хаб" in page
    assert "hub@example.org" in page  # published
    assert "svecha@example.org" not in page  # this member chose not to publish its contacts
    assert hub.pk != ngo.pk


def test_a_declined_invitation_changes_nothing(network_world):
    received = network_services.network_invitation_create(
        actor=network_world["network_coordinator"], coordinating=network_world["hub"],
        organisation=network_world["ngo"])
    network_services.network_invitation_answer(actor=network_world["ngo_coordinator"],
                                               invitation=received, accept=False)
    network_world["ngo"].refresh_from_db()
    assert network_world["ngo"].network is None
    with pytest.raises(ValidationError):
        network_services.network_invitation_answer(actor=network_world["ngo_coordinator"],
                                                   invitation=received, accept=True)


def test_only_the_invited_organisations_coordinator_answers(client, network_world, member):
    received = network_services.network_invitation_create(
        actor=network_world["network_coordinator"], coordinating=network_world["hub"],
        organisation=network_world["ngo"])
    url = reverse("organisations:network_invitation",
                  kwargs={"org": "svecha", "network_invitation_pk": received.pk})
    client.force_login(member(Role.STAFF, organisation=network_world["ngo"]))
    assert client.post(url, {"answer": "accept"}).status_code == 403
    client.force_login(network_world["network_coordinator"])  # not the invited one's
    assert client.post(url, {"answer": "accept"}).status_code == 404
    network_world["ngo"].refresh_from_db()
    assert network_world["ngo"].network is None


def test_leaving_keeps_what_the_organisation_recorded(client, network_world):
    ngo = network_world["ngo"]
    ngo.network = network_world["network"]
    ngo.save()
    with scope(organisation=ngo):
        factories.ActivityFactory(organisation=ngo)
    client.force_login(network_world["ngo_coordinator"])
    client.post(reverse("organisations:network_leave", kwargs={"org": "svecha"}))
    ngo.refresh_from_db()
    assert ngo.network is None
    with scope(organisation=ngo):
        assert Activity.objects.filter(organisation=ngo).count() == 1
    with pytest.raises(ValidationError):  # the coordinating organisation runs it: it stays
        network_services.network_leave(actor=network_world["network_coordinator"],
                                       organisation=network_world["hub"])


def test_a_network_adds_and_retires_its_own_help_areas(client, network_world):
    hub, ngo = network_world["hub"], network_world["ngo"]
    client.force_login(network_world["network_coordinator"])
    response = client.post(reverse("organisations:network_help_areas", kwargs={"org": "hub"}),
                           {"name_ru": "Беженцы и вынужденные переселенцы",
                            "name_pl": "Uchodźcy i przesiedleńcy", "name_en": ""})
    assert response.status_code == 302
    area = HelpArea.objects.get(network=network_world["network"])
    assert area.name_en == "Беженцы и вынужденные переселенцы"  # falls back to the name given
    assert area in help_areas_offered(hub)
    assert area not in help_areas_offered(ngo)  # not a member: the common list only
    duplicate = client.post(reverse("organisations:network_help_areas", kwargs={"org": "hub"}),
                            {"name_ru": "БЕЖЕНЦЫ И ВЫНУЖДЕННЫЕ ПЕРЕСЕЛЕНЦЫ"})
    assert duplicate.status_code == 200
    assert HelpArea.objects.filter(network=network_world["network"]).count() == 1

    programme = factories.ProgrammeFactory(organisation=hub)
    programme.help_areas.add(area)
    client.post(reverse("organisations:network_help_area_retire",
                        kwargs={"org": "hub", "help_area_pk": area.pk}))
    area.refresh_from_db()
    assert area.retired_at is not None
    assert area not in help_areas_offered(hub)
    assert area in help_areas_offered(hub, keep=[area.pk])  # a record that has it keeps it
    assert list(programme.help_areas.all()) == [area]


def test_region_pickers_offer_the_organisations_country_sorted_in_its_language(org):
    from django.utils import translation

    org.country = "PL"
    with translation.override("pl"):
        names = [region.name for region in regions_offered(org)]
    assert len(names) == 16
    # dictionary order, written by hand: Ł right after L, not after Z
    assert [n.removeprefix("Województwo ") for n in names[:8]] == [
        "dolnośląskie", "kujawsko-pomorskie", "lubelskie", "lubuskie",
        "łódzkie", "małopolskie", "mazowieckie", "opolskie"]
    assert set(Region.objects.filter(country="PL").values_list("name_pl", flat=True)) == set(names)
