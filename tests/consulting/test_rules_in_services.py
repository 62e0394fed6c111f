"""Issue 13 item 4: rules that lived only in forms hold in the services and models, so every
path (page, import, command, a future API) applies them."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from django_scopes import scope, scopes_disabled

from peercircle.consulting import services
from peercircle.consulting.models import HelpRequest
from peercircle.core.models import HelpArea
from peercircle.people import services as people
from tests import factories

pytestmark = pytest.mark.django_db


def test_a_help_request_needs_a_phone_or_an_e_mail_in_the_service(org):
    need = HelpArea.objects.first()
    with scope(organisation=org), pytest.raises(ValidationError) as error:
        services.help_request_submit(organisation=org, name="Anna", need=need, language="ru",
                                     format="phone", urgency="soon", phone="  ", email="")
    assert "phone" in error.value.message_dict
    with scopes_disabled():
        assert not HelpRequest.objects.exists()


def test_the_public_form_shows_the_services_message(client, org):
    need = HelpArea.objects.first()
    response = client.post(reverse("help_request", kwargs={"organisation_slug": org.slug}), {
        "name": "Anna", "need": need.pk, "language": "ru", "format": "phone",
        "urgency": "soon", "consent": "on"})
    assert response.status_code == 200
    assert "Give a phone number or an e-mail" in response.content.decode()


@pytest.mark.parametrize("year", [1899, timezone.localdate().year + 1])
def test_a_year_of_birth_outside_1900_to_now_is_refused_by_the_model(org, year):
    actor = factories.UserFactory()
    with scope(organisation=org), pytest.raises(ValidationError) as error:
        people.beneficiary_create(actor=actor, organisation=org, birth_year=year)
    assert "birth_year" in error.value.message_dict
