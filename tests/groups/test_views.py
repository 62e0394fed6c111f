import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from django_scopes import scopes_disabled

from peercircle.core.models import Activity
from peercircle.groups.models import AnimatorCurriculum, Club, GroupSession
from peercircle.organisations.roles import Role
from tests import factories
from tests.clock import yesterday
from tests.groups.factories import (
    ClubFactory,
    GroupFactory,
    InitiativeFactory,
    MemberFactory,
    consenting,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def animator(member):
    return member(Role.VOLUNTEER, volunteer_kind="animator")


@pytest.fixture
def group(org, animator):
    with scopes_disabled():
        group = GroupFactory(club=ClubFactory(organisation=org), animators=[animator])
        MemberFactory(group=group, beneficiary=consenting(org, code="B-SECRET"))
    return group


def _url(name, group, **kwargs):
    return reverse(f"groups:{name}", kwargs={"org": group.organisation.slug,
                                             "group_pk": group.pk, **kwargs})


def test_other_volunteers_get_404_for_a_groups_members(client_for, member, group):
    stranger = member(Role.VOLUNTEER, volunteer_kind="animator")
    client = client_for(stranger)
    assert client.get(_url("members", group)).status_code == 404
    assert client.get(_url("session_log", group)).status_code == 404
    assert client.post(_url("members", group), {"code": "B-X"}).status_code == 404
    page = client.get(_url("group", group))
    assert page.status_code == 200 and "B-SECRET" not in page.content.decode()


def test_issue_12_item_16_the_animator_takes_attendance_by_the_names_the_group_uses(
        client_for, group, animator, coordinator, member):
    """Members are shown to their group's animators by the name the group uses, beside the code;
    the coordinator who manages clubs, the audit log and every other page see the code only."""
    with scopes_disabled():
        joined = group.members.get()
    client = client_for(animator)
    response = client.post(_url("members", group), {"code": "B-NEW", "known_as": "x"})
    assert response.status_code == 200  # (an unknown code: refused, the name kept in the form)
    assert 'value="x"' in response.content.decode()
    rename = _url("member_rename", group, member_pk=joined.pk)
    assert client.post(rename, {f"m{joined.pk}-known_as": "  pani Zosia "}).status_code == 302
    with scopes_disabled():
        joined.refresh_from_db()
        assert joined.known_as == "pani Zosia"
    assert "pani Zosia" in client.get(_url("members", group)).content.decode()
    attendance = client.get(_url("session_log", group)).content.decode()
    assert "pani Zosia (B-SECRET)" in attendance

    # the coordinator manages the club: the members by code, and no way to the names
    staff = client_for(coordinator)
    for page in ("members", "session_log", "group"):
        assert "pani Zosia" not in staff.get(_url(page, group)).content.decode()
    assert staff.post(rename, {f"m{joined.pk}-known_as": "Z"}).status_code == 404
    audit = staff.get(reverse("core:audit_list", kwargs={"org": group.organisation.slug}))
    assert audit.status_code == 200 and "pani Zosia" not in audit.content.decode()
    # nor another animator of the organisation
    stranger = client_for(member(Role.VOLUNTEER, volunteer_kind="animator"))
    assert stranger.post(rename, {f"m{joined.pk}-known_as": "Z"}).status_code == 404


def test_the_animator_and_the_coordinator_see_the_members(client_for, group, animator,
                                                          coordinator, member):
    for user in (animator, coordinator):
        page = client_for(user).get(_url("members", group))
        assert page.status_code == 200 and "B-SECRET" in page.content.decode()
    supervisor = member(Role.SUPERVISOR)
    assert client_for(supervisor).get(_url("members", group)).status_code == 403


def test_the_animator_logs_a_session_from_the_form(client_for, group, animator):
    with scopes_disabled():
        present = group.members.get()
    response = client_for(animator).post(_url("session_log", group), {
        "date": yesterday().isoformat(), "duration_minutes": "90", "format": "in_person",
        "present": [present.pk], "anonymous_count": "4", "topic": "Jak szukać pracy",
        "client_key": "0b0e8a3c-64b3-4c2e-8d2d-000000000001"})
    assert response.status_code == 302
    with scopes_disabled():
        activity = GroupSession.objects.get().activity
        assert activity.participant_total == 5 and activity.kind == Activity.Kind.GROUP_SESSION


def test_a_session_with_nobody_shows_a_clear_message_and_writes_nothing(client_for, group,
                                                                        animator):
    response = client_for(animator).post(_url("session_log", group), {
        "date": yesterday().isoformat(), "duration_minutes": "90", "format": "in_person",
        "anonymous_count": "0", "client_key": "0b0e8a3c-64b3-4c2e-8d2d-000000000002"})
    assert response.status_code == 200
    assert "Mark who came" in response.content.decode()
    with scopes_disabled():
        assert not Activity.objects.exists()


def test_a_coordinator_creates_a_club_and_the_curriculum(client_for, org, coordinator,
                                                         animator):
    client = client_for(coordinator)
    response = client.post(reverse("groups:club_new", kwargs={"org": org.slug}), {
        "name": "Klub Samopomocy „Razem”", "kind": "self_help", "locality": "Stoczek",
        "animators": [animator.pk]})
    assert response.status_code == 302
    response = client.post(reverse("groups:curriculum_create", kwargs={"org": org.slug}), {
        "curriculum-starts_on": yesterday().isoformat(), "curriculum-format": "in_person",
        "curriculum-session_minutes": "180"})
    with scopes_disabled():
        curriculum = AnimatorCurriculum.objects.get()
        club = Club.objects.get()
    assert response["Location"].endswith(f"/courses/{curriculum.course_id}/")
    page = client.get(reverse("groups:club", kwargs={"org": org.slug, "club_pk": club.pk}))
    assert "not enrolled" in page.content.decode()


def test_bad_dates_give_a_message_on_the_form(client_for, org, coordinator):
    response = client_for(coordinator).post(
        reverse("groups:club_new", kwargs={"org": org.slug}),
        {"name": "K", "kind": "self_help", "locality": "S",
         "founded_on": (timezone.localdate() + datetime.timedelta(days=9)).isoformat()})
    assert response.status_code == 200
    assert "cannot be in the future" in response.content.decode()


def test_the_clubs_page_runs_a_fixed_number_of_queries(client_for, org, coordinator,
                                                       django_assert_max_num_queries):
    with scopes_disabled():
        for index in range(6):
            GroupFactory(club=ClubFactory(organisation=org, locality=f"L{index % 3}"))
    client = client_for(coordinator)
    with django_assert_max_num_queries(20):
        response = client.get(reverse("groups:clubs", kwargs={"org": org.slug}))
    assert response.status_code == 200 and "L2" in response.content.decode()


def test_network_pages_for_the_network_coordinator(client, member, settings):
    network = factories.NetworkFactory()
    hub = factories.OrganisationFactory(network=network, coordinates_network=True)
    ngo = factories.OrganisationFactory(network=network, name="Teply Dom")
    with scopes_disabled():
        ClubFactory(organisation=ngo, locality="Sarapul", name="Районный клуб Сарапул")
        InitiativeFactory(organisation=ngo, anonymous_participants=20, status="completed")
    keeper = member(Role.NETWORK_COORDINATOR, organisation=hub)
    client.force_login(keeper)
    page = client.get(reverse("groups:network", kwargs={"org": hub.slug})).content.decode()
    assert "Sarapul" in page and "Районный клуб Сарапул" in page
    page = client.get(reverse("groups:initiatives_network", kwargs={"org": hub.slug}))
    assert "Teply Dom" in page.content.decode()
    coordinator = member(Role.COORDINATOR, organisation=ngo)
    client.force_login(coordinator)
    assert client.get(reverse("groups:network", kwargs={"org": ngo.slug})).status_code == 403


def test_volunteers_see_initiatives_without_participant_codes(client_for, org, animator,
                                                              coordinator):
    with scopes_disabled():
        initiative = InitiativeFactory(organisation=org)
        initiative.team.add(animator)
        initiative.participants.add(factories.BeneficiaryFactory(organisation=org,
                                                                 code="B-PART01"))
    url = reverse("groups:initiative", kwargs={"org": org.slug, "initiative_pk": initiative.pk})
    page = client_for(animator).get(url).content.decode()
    assert initiative.title in page and "B-PART01" not in page
    assert "B-PART01" in client_for(coordinator).get(url).content.decode()


def test_a_coordinator_ends_a_group(client_for, group, coordinator):
    response = client_for(coordinator).post(_url("group_end", group))
    assert response.status_code == 302
    group.refresh_from_db()
    assert group.ended_on == timezone.localdate()


def test_the_home_page_reminds_the_animator(client_for, group, animator):
    page = client_for(animator).get(reverse("core:dashboard", kwargs={"org": group.organisation.slug}))
    assert f"No session of {group.name}" in page.content.decode()


def test_initiatives_are_created_edited_and_filtered(client_for, org, coordinator, animator):
    client = client_for(coordinator)
    data = {"title": "Ogród społeczny", "goal": "Spotkania sąsiadów", "status": "running",
            "starts_on": yesterday().isoformat(), "team": [animator.pk],
            "anonymous_participants": "15"}
    response = client.post(reverse("groups:initiative_new", kwargs={"org": org.slug}), data)
    assert response.status_code == 302
    with scopes_disabled():
        from peercircle.groups.models import Initiative

        initiative = Initiative.objects.get()
    edit = reverse("groups:initiative_edit", kwargs={"org": org.slug,
                                                     "initiative_pk": initiative.pk})
    assert "Ogród społeczny" in client.get(edit).content.decode()
    data.update(status="completed", results="15 sąsiadów", ends_on=yesterday().isoformat())
    assert client.post(edit, data).status_code == 302
    listing = reverse("groups:initiatives", kwargs={"org": org.slug})
    assert "Ogród społeczny" in client.get(listing + "?status=completed").content.decode()
    assert "Ogród społeczny" not in client.get(listing + "?status=planned").content.decode()
    data.update(ends_on=(yesterday() - datetime.timedelta(days=5)).isoformat())
    response = client.post(edit, data)
    assert "The end cannot be before the start." in response.content.decode()


def test_a_club_is_edited_and_closed(client_for, org, coordinator, animator):
    with scopes_disabled():
        club = ClubFactory(organisation=org, founded_on=yesterday() - datetime.timedelta(days=30))
        club.animators.add(animator)
    url = reverse("groups:club_edit", kwargs={"org": org.slug, "club_pk": club.pk})
    client = client_for(coordinator)
    assert animator.full_name in client.get(url).content.decode()
    response = client.post(url, {"name": club.name, "kind": "district", "locality": "Sarapul",
                                 "animators": [animator.pk],
                                 "founded_on": club.founded_on.isoformat(),
                                 "closed_on": yesterday().isoformat()})
    assert response.status_code == 302
    club.refresh_from_db()
    assert (club.kind, club.locality, club.closed_on) == ("district", "Sarapul", yesterday())
