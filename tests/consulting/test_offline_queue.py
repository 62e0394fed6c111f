"""Finding 12, the server's half: what the consultation page gives the device, the refusal of
an item kept for someone else, and the sign-out page's warning."""

import uuid

import pytest
from django.urls import reverse
from django_scopes import scopes_disabled

from peercircle.consulting import offline
from peercircle.core.models import Activity
from peercircle.organisations.roles import Role
from tests import factories
from tests.clock import today

pytestmark = pytest.mark.django_db


def _payload():
    return {"date": today().isoformat(), "duration_minutes": "45", "format": "phone",
            "mode": "individual", "client_key": str(uuid.uuid4())}


def _url(org):
    return reverse("consulting:consultation_new", kwargs={"org": org.slug})


def test_finding_12_each_person_and_organisation_has_its_own_queue_and_key(org, other_org):
    first, second = factories.UserFactory(), factories.UserFactory()
    tokens = {offline.queue_token(u, o) for u in (first, second) for o in (org, other_org)}
    keys = {offline.queue_key(u, o) for u in (first, second) for o in (org, other_org)}
    assert len(tokens) == 4 and len(keys) == 4
    assert offline.person_token(first) != offline.person_token(second)
    assert offline.queue_token(first, org) == offline.queue_token(first, org)  # stable
    assert first.email not in offline.person_token(first)


def test_finding_12_the_page_carries_the_queue_and_is_not_cached(client_for, member, org):
    volunteer = member(Role.VOLUNTEER)
    response = client_for(volunteer).get(_url(org))
    page = response.content.decode()
    assert f'data-offline-queue="{offline.queue_token(volunteer, org)}"' in page
    assert f'data-offline-key="{offline.queue_key(volunteer, org)}"' in page
    assert f'data-offline-person="{offline.person_token(volunteer)}"' in page
    assert "no-store" in response["Cache-Control"]


def test_finding_12_an_item_kept_for_another_person_is_not_recorded(client_for, member, org):
    first, second = member(Role.VOLUNTEER), member(Role.VOLUNTEER)
    client = client_for(second)
    refused = client.post(_url(org), _payload(), HTTP_X_REQUESTED_WITH="offline-form",
                          HTTP_X_OFFLINE_QUEUE=offline.queue_token(first, org))
    assert refused.status_code == 409
    with scopes_disabled():
        assert not Activity.objects.exists()
    accepted = client.post(_url(org), _payload(), HTTP_X_REQUESTED_WITH="offline-form",
                           HTTP_X_OFFLINE_QUEUE=offline.queue_token(second, org))
    assert accepted.status_code == 204 and accepted["X-Location"]
    with scopes_disabled():
        assert list(Activity.objects.get().providers.all()) == [second]


@pytest.mark.parametrize(("language", "pending", "text"), [
    ("ru", "1", "1 консультация, сохранённая на этом устройстве, не отправлена"),
    ("ru", "3", "3 консультации, сохранённые на этом устройстве, не отправлены"),
    ("ru", "5", "5 консультаций, сохранённых на этом устройстве, не отправлены"),
    ("pl", "2", "2 konsultacje zapisane na tym urządzeniu nie zostały wysłane"),
    ("en", "7", "7 consultations saved on this device have not been sent; signing out will "
                "delete them."),
])
def test_finding_12_the_sign_out_page_says_how_many_consultations_will_be_deleted(
        client_for, member, language, pending, text):
    user = member(Role.VOLUNTEER)
    user.language = language
    user.save(update_fields=["language"])
    client = client_for(user)
    page = client.get(reverse("account_logout"), {"pending": pending},
                      HTTP_ACCEPT_LANGUAGE=language).content.decode()
    assert text in page
    assert f'data-offline-person="{offline.person_token(user)}"' in page
    assert "data-offline-confirm" in page


def test_finding_12_the_sign_out_page_without_waiting_items_just_asks(client_for, member):
    client = client_for(member(Role.VOLUNTEER))
    for pending in ("", "0", "-4", "many"):
        page = client.get(reverse("account_logout"), {"pending": pending}).content.decode()
        assert 'id="offline-pending"' not in page
