import datetime

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from django_scopes import scope, scopes_disabled

from peercircle.accounts.models import User
from peercircle.core.models import AuditEntry
from peercircle.organisations.models import Invitation, Membership
from peercircle.organisations.network import network_figures, suppress, suppress_columns
from peercircle.organisations.roles import Role
from tests import factories

pytestmark = pytest.mark.django_db


def _invite(client, org, **data):
    payload = {"email": "new.volunteer@example.org", "role": "volunteer",
               "volunteer_kind": "peer_consultant", "language": "ru"}
    payload.update(data)
    return client.post(reverse("organisations:invite", kwargs={"org": org.slug}), payload)


def test_a_coordinator_invites_by_email_in_the_invitees_language(
    client_for, coordinator, org, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = _invite(client_for(coordinator), org)
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.subject.startswith("Приглашение") and "PeerCircle" in message.subject
    assert coordinator.full_name in message.body
    assert message.to == ["new.volunteer@example.org"]
    with scopes_disabled():
        token = Invitation.objects.get().token
    assert f"/invitations/{token}/" in message.body


def test_an_invitation_for_a_volunteer_must_say_how_they_work(client_for, coordinator, org):
    response = _invite(client_for(coordinator), org, volunteer_kind="")
    assert response.status_code == 200
    assert "consultant, mentor or animator" in response.content.decode()
    with scopes_disabled():
        assert not Invitation.objects.exists()


def test_accepting_an_invitation_creates_the_account_and_membership(client_for, coordinator, org,
                                                                    client):
    _invite(client_for(coordinator), org)
    client.logout()
    with scopes_disabled():
        token = Invitation.objects.get().token
    url = reverse("invitation_accept", kwargs={"token": token})
    weak = client.post(url, {"full_name": "Nina", "password1": "123", "password2": "123"})
    assert weak.status_code == 200 and not User.objects.filter(full_name="Nina").exists()
    response = client.post(url, {"full_name": "Nina Volkova", "password1": "a-long-passphrase-9",
                                 "password2": "a-long-passphrase-9"})
    assert response.status_code == 302
    user = User.objects.get(email="new.volunteer@example.org")
    assert user.language == "ru"
    assert Membership.objects.get(user=user).role == Role.VOLUNTEER
    assert client.post(url, {}).status_code == 410  # a link works once


def test_an_expired_invitation_is_refused(client, coordinator, org):
    invitation = Invitation.objects.create(
        organisation=org, email="late@example.org", role=Role.STAFF, invited_by=coordinator,
        expires_at=timezone.now() - datetime.timedelta(minutes=1))
    response = client.get(reverse("invitation_accept", kwargs={"token": invitation.token}))
    assert response.status_code == 410
    assert "expired" in response.content.decode()


def test_a_coordinator_cannot_switch_off_their_own_membership(client_for, coordinator, org):
    membership = coordinator.memberships.get()
    response = client_for(coordinator).post(
        reverse("organisations:member_edit", kwargs={"org": org.slug, "membership_pk": membership.pk}),
        {"role": "coordinator", "is_active": ""})
    assert response.status_code == 200
    membership.refresh_from_db()
    assert membership.is_active


def test_profile_edit_is_audited(client_for, coordinator, org):
    response = client_for(coordinator).post(
        reverse("organisations:profile_edit", kwargs={"org": org.slug}),
        {"name": "Alpha NGO", "kind": "ngo", "languages": ["ru", "tt"], "formats": ["phone"],
         "time_zone": "Europe/Moscow",
         "help_areas": [], "regions": []})
    assert response.status_code == 302
    org.refresh_from_db()
    assert org.languages == ["ru", "tt"]
    with scope(organisation=org):
        assert AuditEntry.objects.filter(object_type="organisations.Organisation").exists()


def test_small_numbers_are_suppressed_and_others_rounded_to_five():
    assert [suppress(n) for n in (0, 1, 4, 5, 7, 8, 120, 122)] == [
        "0", "<5", "<5", "5", "5", "10", "120", "120"]


def test_a_table_and_its_total_are_rounded_so_subtracting_gives_nothing_small():
    # Requirement changed (finding 11): instead of hiding a second count, every figure is
    # rounded to a multiple of 5, so the total less the other rows never gives the 2 away.
    rows, total = suppress_columns([[6, 1], [2, 3], [9, 20], [0, 0]], [17, 24])
    assert [row[0] for row in rows] == ["5", "<5", "10", "0"]
    assert [row[1] for row in rows] == ["<5", "<5", "20", "0"]
    assert total == ["15", "25"]


def test_no_second_count_is_hidden_when_the_total_is_hidden_itself():
    rows, total = suppress_columns([[3], [0]], [3])
    assert rows == [["<5"], ["0"]] and total == ["<5"]


def test_network_figures_are_counts_with_small_numbers_hidden(org):
    network = factories.NetworkFactory()
    hub = factories.OrganisationFactory(network=network, coordinates_network=True)
    member = factories.OrganisationFactory(network=network)
    for _ in range(7):
        factories.BeneficiaryFactory(organisation=member)
    factories.BeneficiaryFactory(organisation=org)  # not in the network
    factories.MembershipFactory(organisation=member, role=Role.VOLUNTEER)
    figures = network_figures(organisation=hub)
    assert figures["member_count"] == 2
    assert figures["total"].beneficiaries == "5"  # 7, rounded to a multiple of 5
    assert figures["total"].volunteers == "<5"


def test_finding_17_only_a_network_coordinator_gives_the_network_coordinators_role(
        client_for, member, org, django_capture_on_commit_callbacks):
    org.coordinates_network = True
    org.save()
    coordinator = member("coordinator")
    client = client_for(coordinator)
    page = client.get(reverse("organisations:invite", kwargs={"org": org.slug})).content.decode()
    assert 'value="network_coordinator"' not in page
    response = _invite(client, org, email="nc@example.org", role="network_coordinator",
                       volunteer_kind="")
    assert response.status_code == 200
    with scopes_disabled():
        assert not Invitation.objects.filter(email="nc@example.org").exists()
    staff = factories.MembershipFactory(organisation=org, role=Role.STAFF)
    edit = reverse("organisations:member_edit", kwargs={"org": org.slug, "membership_pk": staff.pk})
    client.post(edit, {"role": "network_coordinator", "is_active": "on"})
    staff.refresh_from_db()
    assert staff.role == Role.STAFF
    # nor takes it away
    existing = factories.MembershipFactory(organisation=org, role=Role.NETWORK_COORDINATOR)
    edit = reverse("organisations:member_edit", kwargs={"org": org.slug, "membership_pk": existing.pk})
    client.post(edit, {"role": "network_coordinator"})
    existing.refresh_from_db()
    assert existing.is_active and existing.role == Role.NETWORK_COORDINATOR
    # a network coordinator of the organisation (who manages its members too) does
    network_coordinator = member("network_coordinator")
    factories.MembershipFactory(user=network_coordinator, organisation=org, role=Role.COORDINATOR)
    client = client_for(network_coordinator)
    assert 'value="network_coordinator"' in client.get(
        reverse("organisations:invite", kwargs={"org": org.slug})).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        assert _invite(client, org, email="nc@example.org", role="network_coordinator",
                       volunteer_kind="").status_code == 302


def test_a_network_coordinator_elsewhere_cannot_give_the_role_here(member, org, other_org):
    from django.core.exceptions import ValidationError

    from peercircle.organisations import services

    org.coordinates_network = True
    org.save()
    other_org.coordinates_network = True
    other_org.save()
    outsider = member("network_coordinator", organisation=other_org)
    factories.MembershipFactory(user=outsider, organisation=org, role=Role.COORDINATOR)
    with scope(organisation=org), pytest.raises(ValidationError):
        services.invitation_create(actor=outsider, organisation=org, email="x@example.org",
                                   role=Role.NETWORK_COORDINATOR, build_url=str)
