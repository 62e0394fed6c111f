import datetime

import pytest
from django.utils import timezone
from django_scopes import scopes_disabled
from playwright.sync_api import expect

from peercircle.groups.models import GroupSession
from peercircle.organisations.roles import Role
from tests import factories
from tests.conftest import give_totp
from tests.e2e.conftest import assert_accessible, open_menu, screenshot, sign_in_as
from tests.groups.factories import (
    ClubFactory,
    GroupFactory,
    InitiativeFactory,
    MemberFactory,
    consenting,
)

pytestmark = pytest.mark.e2e


def test_an_animator_logs_a_group_session_on_a_phone(e2e, page):
    page.set_viewport_size({"width": 390, "height": 844})
    animator = factories.MembershipFactory(role=Role.VOLUNTEER, volunteer_kind="animator")
    org = animator.organisation
    with scopes_disabled():
        club = ClubFactory(organisation=org, name="Klub Samopomocy w Stoczku", locality="Stoczek")
        group = GroupFactory(club=club, name="Grupa wsparcia", animators=[animator.user],
                             schedule="Wtorki 17:00")
        MemberFactory(group=group, beneficiary=consenting(org, code="B-ANNA01"))
        MemberFactory(group=group, beneficiary=consenting(org, code="B-PIOT02"))
    sign_in_as(page, e2e, animator.user)
    # the animator notes the names the group uses (issue 12 item 16)
    page.goto(f"{e2e.url}/o/{org.slug}/groups/{group.pk}/members/")
    page.get_by_label("Name in the group for B-ANNA01").fill("Ania")
    page.get_by_role("button", name="Save the name B-ANNA01").click()
    expect(page.get_by_text("The name is saved.")).to_be_visible()
    assert_accessible(page)
    screenshot(page, "groups_members_named_phone")
    page.goto(f"{e2e.url}/o/{org.slug}/clubs/")
    page.get_by_role("link", name="Log a session Grupa wsparcia").click()
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    page.get_by_label("Date").fill(yesterday.isoformat())
    expect(page.get_by_label("B-PIOT02")).to_be_visible()
    page.get_by_label("Ania (B-ANNA01)").check()
    page.get_by_label("B-PIOT02").check()  # several members, each a toggle of its own
    expect(page.get_by_label("Ania (B-ANNA01)")).to_be_checked()
    page.get_by_label("People who came but are not registered").fill("3")
    page.get_by_label("What the group worked on (no names)").fill("Jak rozmawiać z urzędem")
    screenshot(page, "groups_session_phone")
    assert_accessible(page)
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.get_by_text("The session is logged.")).to_be_visible()
    expect(page.get_by_role("cell", name="Jak rozmawiać z urzędem")).to_be_visible()
    with scopes_disabled():
        activity = GroupSession.objects.get().activity
        assert activity.participant_total == 5  # two members and three unregistered
    assert_accessible(page)
    screenshot(page, "groups_group_phone")


def test_a_coordinator_sets_up_a_club_and_the_network_sees_it(e2e, page):
    network = factories.NetworkFactory()
    hub = factories.OrganisationFactory(network=network, coordinates_network=True)
    coordinator = factories.MembershipFactory(role=Role.COORDINATOR,
                                              organisation=factories.OrganisationFactory(
                                                  network=network, name="OPS Razem"))
    org = coordinator.organisation
    give_totp(coordinator.user)
    animator = factories.MembershipFactory(role=Role.VOLUNTEER, organisation=org,
                                           volunteer_kind="animator",
                                           user__full_name="Ewa Woźniak").user
    with scopes_disabled():
        factories.PartnerFactory(organisation=org, name="Biblioteka Publiczna")
        InitiativeFactory(organisation=org, status="completed", anonymous_participants=20)
    sign_in_as(page, e2e, coordinator.user)
    page.goto(f"{e2e.url}/o/{org.slug}/")
    open_menu(page, "Programmes", "Clubs and groups")
    page.get_by_role("button", name="Create the animator curriculum").click()
    expect(page.get_by_text("The animator curriculum is created")).to_be_visible()
    expect(page.get_by_text("Building partnership around self-help").first).to_be_visible()
    page.goto(f"{e2e.url}/o/{org.slug}/clubs/new/")
    page.get_by_label("Name").fill("Klub Integracji Społecznej")
    page.get_by_label("Kind").select_option(label="Social integration club")
    page.get_by_label("Locality").fill("Latowicz")
    page.get_by_label("Ewa Woźniak").check()
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("The club is created.")).to_be_visible()
    page.get_by_label("Partner", exact=True).select_option(label="Biblioteka Publiczna")
    page.get_by_label("Role in the coalition").fill("Sala na spotkania grup")
    page.get_by_role("button", name="Add to the coalition").click()
    expect(page.get_by_role("cell", name="Sala na spotkania grup")).to_be_visible()
    expect(page.get_by_role("cell", name="not enrolled")).to_be_visible()
    page.get_by_role("link", name="New group").click()
    page.get_by_label("Name").fill("Grupa wsparcia dla bezrobotnych")
    page.get_by_label("Topic").fill("Powrót do pracy")
    page.get_by_label("Ewa Woźniak").check()
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("The group is created.")).to_be_visible()
    page.get_by_role("link", name="Klub Integracji Społecznej").click()
    assert_accessible(page)
    screenshot(page, "groups_club")
    page.goto(f"{e2e.url}/o/{org.slug}/clubs/")
    assert_accessible(page)
    screenshot(page, "groups_clubs")
    open_menu(page, "Programmes", "Good practice")
    page.get_by_role("link", name="Share a good practice").click()
    page.get_by_label("Title").fill("Koalicja zaczyna się od jednej sali")
    page.get_by_label("Club").select_option(label="Klub Integracji Społecznej")
    page.get_by_label("What we did and what we learned").fill(
        "Pierwsze spotkania odbyły się w bibliotece; po trzech miesiącach działała koalicja.")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("The practice is published.")).to_be_visible()
    open_menu(page, "Programmes", "Community initiatives")
    assert_accessible(page)
    screenshot(page, "groups_initiatives")
    assert animator

    keeper = factories.MembershipFactory(role=Role.NETWORK_COORDINATOR, organisation=hub).user
    give_totp(keeper)
    page.context.clear_cookies()
    sign_in_as(page, e2e, keeper)
    page.goto(f"{e2e.url}/o/{hub.slug}/")
    open_menu(page, "Programmes", "Clubs of the network")
    expect(page.get_by_role("rowheader", name="Latowicz")).to_be_visible()
    assert_accessible(page)
    screenshot(page, "groups_network")
    open_menu(page, "Programmes", "Initiatives of the network")
    expect(page.get_by_role("rowheader", name="OPS Razem")).to_be_visible()
    assert_accessible(page)
    screenshot(page, "groups_initiatives_network")
    open_menu(page, "Programmes", "Good practice")
    page.get_by_role("link", name="Koalicja zaczyna się od jednej sali").click()
    expect(page.get_by_text("po trzech miesiącach działała koalicja")).to_be_visible()
    assert_accessible(page)
