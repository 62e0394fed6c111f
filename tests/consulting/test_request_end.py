"""Issue 14: a help request ends with a reason, can be reopened, and the queue counts each ending."""

import pytest
from django.urls import reverse
from django_scopes import scope, scopes_disabled

from peercircle.consulting import services
from peercircle.consulting.models import HelpRequest
from peercircle.core.models import AuditEntry, HelpArea

pytestmark = pytest.mark.django_db


def _request(client, org):
    need = HelpArea.objects.get(code="oncology")
    client.post(reverse("help_request", kwargs={"organisation_slug": org.slug}), {
        "name": "Anna", "phone": "+7 900 1", "need": need.pk, "language": "ru",
        "format": "phone", "urgency": "soon", "consent": "on"})
    with scopes_disabled():
        return HelpRequest.objects.latest("created_at")


def _url(name, help_request):
    return reverse(f"consulting:{name}", kwargs={"org": help_request.organisation.slug,
                                                 "request_pk": help_request.pk})


def test_a_coordinator_closes_a_request_with_how_it_ended_and_reopens_it(
        client, org, coordinator, client_for):
    help_request = _request(client, org)
    staff = client_for(coordinator)
    page = staff.get(_url("request_detail", help_request)).content.decode()
    assert "How did it end?" in page
    assert staff.post(_url("request_close", help_request), {"reason": ""}).status_code == 302
    help_request.refresh_from_db()
    assert help_request.status == HelpRequest.Status.NEW  # no reason, nothing changed
    staff.post(_url("request_close", help_request), {"reason": "referred"})
    with scopes_disabled():
        help_request.refresh_from_db()
        assert (help_request.status, help_request.close_reason) == ("closed", "referred")
        assert help_request.closed_by == coordinator and help_request.closed_at is not None
        assert AuditEntry.objects.filter(object_type="consulting.HelpRequest",
                                         object_id=str(help_request.pk),
                                         after__close_reason="referred").exists()
    queue = staff.get(reverse("consulting:queue", kwargs={"org": org.slug})).content.decode()
    assert "Referred elsewhere — 1" in queue and "Helped — 0" in queue
    staff.post(_url("request_reopen", help_request))
    help_request.refresh_from_db()
    assert (help_request.status, help_request.close_reason) == ("new", "")


def test_closing_twice_or_reopening_an_open_request_is_refused(client, org, coordinator):
    from django.core.exceptions import ValidationError

    help_request = _request(client, org)
    with scope(organisation=org):
        with pytest.raises(ValidationError):
            services.help_request_reopen(actor=coordinator, help_request=help_request)
        with pytest.raises(ValidationError):
            services.help_request_close(actor=coordinator, help_request=help_request,
                                        reason="gone fishing")
        services.help_request_close(actor=coordinator, help_request=help_request, reason="helped")
        with pytest.raises(ValidationError, match="already closed"):
            services.help_request_close(actor=coordinator, help_request=help_request,
                                        reason="duplicate")


def test_a_volunteer_cannot_close_a_request(client, org, member, client_for):
    help_request = _request(client, org)
    volunteer = client_for(member("volunteer", volunteer_kind="peer_consultant"))
    assert volunteer.post(_url("request_close", help_request), {"reason": "helped"}).status_code in (
        403, 404)
