import pytest
from django.core import mail
from django_scopes import scopes_disabled

from peercircle.core.models import Activity
from peercircle.demo import demo_load
from peercircle.events.models import CalendarPlan, Event, EventFeedback, Registration


@pytest.mark.django_db
def test_the_demo_has_seed_events_and_the_calendar_plan(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        demo_load()
    # the demo's people changing their minds e-mail nobody (neither the cancelled nor the promoted)
    assert mail.outbox == []
    with scopes_disabled():
        plan = CalendarPlan.objects.get(organisation__slug="vmeste-samara")
        assert plan.items.count() == 10
        assert plan.items.filter(events__isnull=False).distinct().count() >= 6
        for slug in ("ryadom", "vmeste-samara", "teply-dom"):
            assert Event.objects.filter(organisation__slug=slug).count() >= 4
        assert Event.objects.filter(kind="festival", sessions__isnull=False).exists()
        assert Registration.objects.filter(status="waiting").exists()
        assert Registration.objects.filter(status="cancelled").exists()
        assert Activity.objects.filter(kind="event_session", event_day__isnull=False).exists()
        assert EventFeedback.objects.exists()
        count = Event.objects.count()
    demo_load()
    with scopes_disabled():
        assert Event.objects.count() == count
