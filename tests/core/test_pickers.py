"""Issue 12 item 6: pickers read like the rest of the page: an empty choice says what to do (no
"---------"), phone numbers are typed on the dial pad, regions offered are the organisation's
country's, in the person's language and dictionary order."""

import re

import pytest
from django.urls import reverse

from peercircle.core.models import Region

pytestmark = pytest.mark.django_db

PAGES = ["people:beneficiary_create", "groups:club_new", "organisations:profile_edit",
         "consulting:consultation_new", "training:course_new", "events:new",
         "organisations:invite"]


@pytest.mark.parametrize("name", PAGES)
def test_no_page_offers_a_row_of_dashes(client, org, member, name):
    client.force_login(member("coordinator"))
    page = client.get(reverse(name, kwargs={"org": org.slug}))
    assert page.status_code == 200
    assert "---------" not in page.content.decode()


def test_the_public_request_form_takes_a_phone_number_on_the_dial_pad(client, org):
    page = client.get(reverse("help_request", args=[org.slug])).content.decode()
    assert re.search(r'<input type="tel" name="phone"', page)
    assert "---------" not in page


def test_a_russian_organisations_region_picker_offers_russian_regions_in_russian_order(
        client, org, member):
    user = member("coordinator")
    user.language = "ru"
    user.save()
    client.force_login(user)
    page = client.get(reverse("people:beneficiary_create", kwargs={"org": org.slug}))
    select = re.search(r'<select name="region".*?</select>', page.content.decode(), re.S).group(0)
    names = re.findall(r'<option value="\d+">([^<]+)</option>', select)
    assert len(names) == Region.objects.filter(country="RU").count()
    assert "Mazowieckie" not in select and "Мазовецкое воеводство" not in select
    assert names[:3] == ["Алтайский край", "Амурская область", "Архангельская область"]
    assert "data-searchable" in select  # a long list can be narrowed by typing
