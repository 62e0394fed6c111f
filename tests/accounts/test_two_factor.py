"""Issue 11 finding 4: a second factor for every role that can read identities, consents or
imports (derived from the permissions), and a first authenticator bound to the invitation."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django_scopes import scopes_disabled

from peercircle.core.access import ROLE_PERMISSIONS, roles_requiring_two_factor
from peercircle.organisations.models import Invitation
from peercircle.organisations.roles import Role
from peercircle.people import permissions as people_perm
from tests import factories

pytestmark = pytest.mark.django_db

PASSPHRASE = "a-long-passphrase-9"


def test_finding_4_the_roles_needing_a_second_factor_are_those_reading_sensitive_data():
    # written from the requirement: whoever reads identities, consents, imports, the audit log,
    # supervision or requests for support; volunteers and partner contacts read none of them
    assert roles_requiring_two_factor() == {Role.NETWORK_COORDINATOR, Role.COORDINATOR, Role.STAFF,
                                            Role.SUPERVISOR}


def test_finding_4_a_role_given_an_identity_permission_needs_a_second_factor(client, monkeypatch):
    monkeypatch.setitem(ROLE_PERMISSIONS, Role.PARTNER,
                        ROLE_PERMISSIONS[Role.PARTNER] | {people_perm.VIEW_IDENTITY})
    membership = factories.MembershipFactory(role=Role.PARTNER, partner=factories.PartnerFactory())
    client.force_login(membership.user)
    response = client.get(reverse("core:dashboard", kwargs={"org": membership.organisation.slug}))
    assert response.status_code == 302 and response["Location"] == reverse("mfa_activate_totp")


def test_finding_4_staff_cannot_open_identities_without_a_second_factor(client):
    membership = factories.MembershipFactory(role=Role.STAFF)
    beneficiary = factories.BeneficiaryFactory(organisation=membership.organisation)
    client.force_login(membership.user)
    url = reverse("people:identity_open", kwargs={"org": membership.organisation.slug,
                                                  "beneficiary_pk": beneficiary.pk})
    assert client.post(url)["Location"] == reverse("mfa_activate_totp")
    imports = reverse("imports:list", kwargs={"org": membership.organisation.slug})
    assert client.get(imports)["Location"] == reverse("mfa_activate_totp")


def _invited_staff(org, coordinator, django_capture_on_commit_callbacks):
    """A coordinator invites a staff member, who accepts and chooses a password."""
    inviter = Client()
    inviter.force_login(coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        inviter.post(reverse("organisations:invite", kwargs={"org": org.slug}),
                     {"email": "new.staff@example.org", "role": "staff", "language": "ru"})
    with scopes_disabled():
        invitation = Invitation.objects.get(email="new.staff@example.org")
    invited = Client()
    url = reverse("invitation_accept", kwargs={"token": invitation.token})
    assert invited.post(url, {"full_name": "Nina Volkova", "password1": PASSPHRASE,
                              "password2": PASSPHRASE}).status_code == 302
    return invitation, invited, url


def _sign_in(email):
    client = Client()
    assert client.post(reverse("account_login"), {"login": email, "password": PASSPHRASE}).status_code == 302
    return client


def test_finding_4_the_person_who_accepts_the_invitation_sets_up_the_authenticator(
        org, coordinator, django_capture_on_commit_callbacks):
    _invitation, invited, _url = _invited_staff(org, coordinator, django_capture_on_commit_callbacks)
    dashboard = invited.get(reverse("core:dashboard", kwargs={"org": org.slug}))
    assert dashboard["Location"] == reverse("mfa_activate_totp")
    activate = invited.get(reverse("mfa_activate_totp"))
    assert activate.status_code in (200, 302)
    assert activate.status_code == 200 or "reauthenticate" in activate["Location"]


def test_finding_4_someone_who_learnt_the_password_cannot_set_up_the_first_authenticator(
        org, coordinator, django_capture_on_commit_callbacks):
    _invitation, _invited, _url = _invited_staff(org, coordinator, django_capture_on_commit_callbacks)
    intruder = _sign_in("new.staff@example.org")
    bound = reverse("two_factor_from_invitation")
    assert intruder.get(reverse("core:dashboard", kwargs={"org": org.slug}))["Location"] == bound
    assert intruder.get(reverse("mfa_activate_totp"))["Location"] == bound
    assert intruder.post(reverse("mfa_activate_totp"), {"code": "123456"})["Location"] == bound
    page = intruder.get(bound)
    assert page.status_code == 200 and "invitation" in page.content.decode()


def test_finding_4_the_invitation_link_opened_again_lets_its_person_set_up(
        org, coordinator, django_capture_on_commit_callbacks):
    invitation, _invited, url = _invited_staff(org, coordinator, django_capture_on_commit_callbacks)
    later = _sign_in("new.staff@example.org")  # a new session on the person's own phone
    assert later.get(url)["Location"] == reverse("mfa_activate_totp")
    assert later.get(reverse("core:dashboard", kwargs={"org": org.slug}))["Location"] == reverse(
        "mfa_activate_totp")
    # once expired, the link no longer does; the coordinator sends a new invitation for the role
    with scopes_disabled():
        Invitation.objects.filter(pk=invitation.pk).update(
            expires_at=timezone.now() - datetime.timedelta(minutes=1))
    stale = _sign_in("new.staff@example.org")
    assert stale.get(url).status_code == 410
    assert stale.get(reverse("mfa_activate_totp"))["Location"] == reverse("two_factor_from_invitation")
    inviter = Client()
    inviter.force_login(coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        again = inviter.post(reverse("organisations:invite", kwargs={"org": org.slug}),
                             {"email": "new.staff@example.org", "role": "staff", "language": "ru"})
    assert again.status_code == 302
    with scopes_disabled():
        fresh = Invitation.objects.filter(email="new.staff@example.org").latest("created_at")
    stale.post(reverse("invitation_accept", kwargs={"token": fresh.token}))
    assert stale.get(reverse("core:dashboard", kwargs={"org": org.slug}))["Location"] == reverse(
        "mfa_activate_totp")


def test_a_person_with_an_authenticator_cannot_be_invited_again_to_the_same_role(
        org, coordinator, client_for, member):
    staff = member("staff")  # with an authenticator set up
    response = client_for(coordinator).post(reverse("organisations:invite", kwargs={"org": org.slug}),
                                            {"email": staff.email, "role": "staff", "language": "ru"})
    assert response.status_code == 200 and "already has this role" in response.content.decode()
