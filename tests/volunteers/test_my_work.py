"""Issue 14, "My work": a volunteer linked to their record sees the requests given to them, is
told by e-mail (a link only), opens the person's contact details (audited, nobody else can), sees
their training and documents, and pauses themselves."""

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django_scopes import scope, scopes_disabled

from peercircle.consulting.models import HelpRequest
from peercircle.core.models import AuditEntry, HelpArea
from peercircle.volunteers import services
from peercircle.volunteers.models import Stage

pytestmark = pytest.mark.django_db


@pytest.fixture
def consultant(org, coordinator, member, client_for):
    """A volunteer through the product's flows: applies, is screened, made active with capacity,
    and linked to their account by the coordinator."""
    person = member("volunteer", volunteer_kind="peer_consultant")
    with scope(organisation=org):
        record = services.volunteer_apply(organisation=org, full_name=person.full_name,
                                          email=person.email)
    staff = client_for(coordinator)
    url = lambda name: reverse(f"volunteers:{name}", kwargs={"org": org.slug,  # noqa: E731
                                                            "volunteer_pk": record.pk})
    staff.post(url("screen"), {"interviewed_on": timezone.localdate().isoformat(),
                               "decision": "accept"})
    staff.post(url("stage"), {"to_stage": "active", "changed_on": timezone.localdate().isoformat()})
    staff.post(url("link"), {"user": person.pk})
    with scope(organisation=org):  # the capacity, as the coordinator sets it on the profile page
        record.refresh_from_db()
        services.volunteer_profile_update(actor=coordinator, volunteer=record, weekly_capacity=3)
        record.refresh_from_db()
    assert record.stage == Stage.ACTIVE and record.user == person
    return person, record, staff


def _public_request(org):
    Client().post(reverse("help_request", kwargs={"organisation_slug": org.slug}), {
        "name": "Анна Петрова", "phone": "+7 900 111 22 33",
        "need": HelpArea.objects.get(code="oncology").pk, "language": "ru", "format": "phone",
        "urgency": "soon", "consent": "on"})
    with scopes_disabled():
        return HelpRequest.objects.latest("created_at")


def test_a_request_given_to_a_consultant_reaches_them_and_only_them(
        org, consultant, member, client_for, django_capture_on_commit_callbacks):
    person, record, staff = consultant
    help_request = _public_request(org)
    with django_capture_on_commit_callbacks(execute=True):
        staff.post(reverse("consulting:request_assign",
                           kwargs={"org": org.slug, "request_pk": help_request.pk}),
                   {"volunteer": record.pk})
    message = mail.outbox[-1]
    assert message.to == [person.email]
    assert f"/o/{org.slug}/my-work/" in message.body
    assert "Анна" not in message.body and "+7 900" not in message.body  # a link only
    me = client_for(person)
    page = me.get(reverse("volunteers:my_work", kwargs={"org": org.slug})).content.decode()
    assert help_request.beneficiary.code in page and "Анна" not in page
    contact = reverse("consulting:my_request_contact",
                      kwargs={"org": org.slug, "request_pk": help_request.pk})
    opened = me.post(contact).content.decode()
    assert "Анна Петрова" in opened and "+7 900 111 22 33" in opened
    with scopes_disabled():
        assert AuditEntry.objects.filter(action=AuditEntry.Action.VIEW_IDENTITY, actor=person,
                                         object_id=str(help_request.beneficiary_id)).count() == 1
    other = Client()
    other.force_login(member("volunteer", volunteer_kind="peer_consultant"))
    assert other.post(contact).status_code == 404


def test_a_volunteer_pauses_themselves_and_comes_back(org, consultant, client_for):
    person, record, _staff = consultant
    me = client_for(person)
    url = reverse("volunteers:my_work", kwargs={"org": org.slug})
    me.post(url, {"paused_until": ""})
    record.refresh_from_db()
    assert record.stage == Stage.PAUSED
    assert "I am back" in me.get(url).content.decode()
    me.post(url)
    record.refresh_from_db()
    assert record.stage == Stage.ACTIVE


def test_a_member_without_a_record_is_told_how_to_get_one(org, member, client_for):
    page = client_for(member("staff")).get(reverse("volunteers:my_work", kwargs={"org": org.slug}))
    assert page.status_code == 200 and "No volunteer record here is linked" in page.content.decode()
