"""Issue 14, "volunteer meets record": the link between a volunteer's record and their account is
made by the product's own flow (apply → screen → invite from the record → accept), or by hand,
audited; unlinking keeps the work."""

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django_scopes import scope, scopes_disabled

from peercircle.core.models import Activity, AuditEntry
from peercircle.core.services import activity_record
from peercircle.organisations.models import Invitation
from peercircle.volunteers import services
from peercircle.volunteers.models import Volunteer

pytestmark = pytest.mark.django_db
PASSPHRASE = "a-long-passphrase-9"


def _url(name, volunteer):
    return reverse(f"volunteers:{name}", kwargs={"org": volunteer.organisation.slug,
                                                 "volunteer_pk": volunteer.pk})


def _applied_and_screened(org, coordinator, client_for):
    with scope(organisation=org):
        volunteer = services.volunteer_apply(organisation=org, full_name="Ольга Смирнова",
                                             email="olga@example.org")
    client = client_for(coordinator)
    response = client.post(_url("screen", volunteer), {
        "interviewed_on": timezone.localdate().isoformat(), "decision": "accept"})
    assert response.status_code == 302
    return volunteer, client


def test_an_invitation_sent_from_the_record_links_the_account_that_accepts_it(
        org, coordinator, client_for, django_capture_on_commit_callbacks):
    volunteer, client = _applied_and_screened(org, coordinator, client_for)
    assert "Invite to PeerCircle" in client.get(_url("detail", volunteer)).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(_url("invite", volunteer),
                               {"volunteer_kind": "peer_consultant", "language": "ru"})
    assert response.status_code == 302
    assert mail.outbox[-1].to == ["olga@example.org"]
    with scopes_disabled():
        invitation = Invitation.objects.get(email="olga@example.org")
    newcomer = Client()
    newcomer.post(reverse("invitation_accept", kwargs={"token": invitation.token}),
                  {"full_name": "Ольга Смирнова", "password1": PASSPHRASE, "password2": PASSPHRASE})
    with scopes_disabled():
        volunteer.refresh_from_db()
        assert volunteer.user is not None and volunteer.user.email == "olga@example.org"
        assert AuditEntry.objects.filter(object_type="volunteers.Volunteer",
                                         object_id=str(volunteer.pk), actor=volunteer.user,
                                         action=AuditEntry.Action.UPDATE).exists()
    page = client.get(_url("detail", volunteer)).content.decode()
    assert "Linked to the account of" in page


def test_a_record_not_yet_screened_is_not_invited(org, coordinator, member,
                                                                    client_for):
    with scope(organisation=org):
        applied = services.volunteer_apply(organisation=org, full_name="A", email="a@example.org")
    response = client_for(coordinator).post(_url("invite", applied),
                                            {"volunteer_kind": "peer_consultant", "language": "ru"})
    assert response.status_code == 200 and "once they are screened" in response.content.decode()
    with scopes_disabled():
        assert not Invitation.objects.filter(email="a@example.org").exists()


def test_a_coordinator_links_and_unlinks_by_hand_and_the_work_stays(org, coordinator, member,
                                                                     client_for):
    volunteer, client = _applied_and_screened(org, coordinator, client_for)
    person = member("volunteer", volunteer_kind="peer_consultant")
    assert client.post(_url("link", volunteer), {"user": person.pk}).status_code == 302
    with scope(organisation=org):
        volunteer.refresh_from_db()
        assert volunteer.user == person
        activity_record(actor=person, organisation=org, kind=Activity.Kind.CONSULTATION,
                        date=timezone.localdate(), duration_minutes=30, format="phone",
                        providers=[person], anonymous_count=1)
    # a second record cannot take the same account
    with scope(organisation=org):
        other = services.volunteer_apply(organisation=org, full_name="B", email="b@example.org")
    response = client.post(_url("link", other), {"user": person.pk})
    assert response.status_code == 200 and "already linked" in response.content.decode()
    assert client.post(_url("link", volunteer), {"action": "unlink"}).status_code == 302
    with scope(organisation=org):
        volunteer.refresh_from_db()
        assert volunteer.user is None
        assert Activity.objects.filter(providers=person).count() == 1
        assert AuditEntry.objects.filter(object_type="volunteers.Volunteer",
                                         object_id=str(volunteer.pk), actor=coordinator).count() >= 2


def test_only_members_of_the_organisation_can_be_linked(org, other_org, coordinator, member,
                                                        client_for):
    volunteer, client = _applied_and_screened(org, coordinator, client_for)
    outsider = member("volunteer", organisation=other_org, volunteer_kind="peer_consultant")
    response = client.post(_url("link", volunteer), {"user": outsider.pk})
    assert response.status_code == 200
    with scopes_disabled():
        assert Volunteer.objects.get(pk=volunteer.pk).user is None
