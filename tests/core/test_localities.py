"""Localities and districts are added by the organisations that work there (issue 14), and the
locality fields of the forms suggest them."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django_scopes import scope

from peercircle.core.localities import locality_add
from peercircle.core.models import AuditEntry, Locality, Region

pytestmark = pytest.mark.django_db


def test_a_coordinator_adds_a_locality_and_the_club_form_suggests_it(client, org, member):
    samara = Region.objects.get(code="ru-sam")
    org.regions.set([samara])
    coordinator = member("coordinator")
    client.force_login(coordinator)
    url = reverse("core:localities", kwargs={"org": org.slug})
    response = client.post(url, {"region": samara.pk, "name": "  Тольятти ", "kind": "city"})
    assert response.status_code == 302
    locality = Locality.objects.get()
    assert (locality.name, locality.added_by) == ("Тольятти", org)
    with scope(organisation=org):
        assert AuditEntry.objects.filter(object_type="core.Locality").exists()
    page = client.get(reverse("groups:club_new", kwargs={"org": org.slug})).content.decode()
    assert 'list="id_locality-suggestions"' in page and '<option value="Тольятти">' in page


def test_the_same_name_twice_or_a_region_of_another_country_is_refused(org, member):
    samara, mazowsze = Region.objects.get(code="ru-sam"), Region.objects.get(code="pl-14")
    coordinator = member("coordinator")
    with scope(organisation=org):
        locality_add(actor=coordinator, organisation=org, region=samara, name="Сызрань",
                     kind="city")
        with pytest.raises(ValidationError) as error:
            locality_add(actor=coordinator, organisation=org, region=samara, name="СЫЗРАНЬ",
                         kind="city")
        assert "name" in error.value.message_dict
        with pytest.raises(ValidationError) as error:
            locality_add(actor=coordinator, organisation=org, region=mazowsze,
                         name="Mińsk Mazowiecki", kind="city")
        assert "region" in error.value.message_dict
    assert Locality.objects.count() == 1
