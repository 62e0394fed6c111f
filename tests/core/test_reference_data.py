"""Issue 14: reference data as data — every Russian federal subject and every Polish voivodeship
ships with its ISO 3166-2 code and names in Russian, Polish and English."""

import pytest

from peercircle.core.models import Region

pytestmark = pytest.mark.django_db


def test_every_federal_subject_and_voivodeship_is_there_in_three_languages():
    assert Region.objects.filter(country="RU").count() == 83  # ISO 3166-2:RU
    assert Region.objects.filter(country="PL").count() == 16
    for region in Region.objects.all():
        assert region.name_en and region.name_ru and region.name_pl, region.code
    # the regions the seeds name (seed 003 runs in Angarsk, Irkutsk Oblast)
    assert {"ru-irk", "ru-khm", "ru-pri", "ru-sa", "pl-14"} <= set(
        Region.objects.values_list("code", flat=True))
