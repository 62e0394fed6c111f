"""Issue 12 item 9: a date inside a sentence is written as the person's language writes it,
never ISO; Polish short dates follow Polish office usage (03.12.2026)."""

import datetime

import pytest
from django.template import Context, Template
from django.utils import translation

from peercircle.core.dates import shown
from peercircle.core.models import Activity

DAY = datetime.date(2026, 12, 3)


@pytest.mark.parametrize("language,expected", [("ru", "03.12.2026"), ("pl", "03.12.2026"),
                                               ("en", "12/03/2026")])
def test_a_short_date_in_each_language(language, expected):
    with translation.override(language):
        assert shown(DAY) == expected
        rendered = Template('{{ day|date:"SHORT_DATE_FORMAT" }}').render(Context({"day": DAY}))
        assert rendered == expected


def test_a_record_named_by_its_date_is_not_iso():
    activity = Activity(kind=Activity.Kind.CONSULTATION, date=DAY)
    with translation.override("ru"):
        assert str(activity) == "Консультация 03.12.2026"
    with translation.override("pl"):
        assert "2026-12-03" not in str(activity) and "03.12.2026" in str(activity)
