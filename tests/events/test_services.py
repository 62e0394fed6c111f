import datetime

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext
from django_scopes import scope, scopes_disabled
from icalendar import Calendar

from peercircle.core.models import Activity, AuditEntry
from peercircle.events import ical, selectors, services
from peercircle.events.models import CalendarFeed, Event, EventDay, Registration
from tests import factories
from tests.events.factories import EventFactory, PlanItemFactory, RegistrationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def scoped(org):
    with scope(organisation=org):
        yield org


def _register(event, email, **kwargs):
    return services.registration_create(event=event, full_name="Guest", email=email,
                                        site_url="http://testserver", language="en", **kwargs)


def _past_event(org, organiser, **kwargs):
    # yesterday at ten: two hours that never cross midnight, whatever the time the tests run
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    starts = timezone.make_aware(datetime.datetime.combine(yesterday, datetime.time(10)))
    event = EventFactory(organisation=org, starts_at=starts,
                         ends_at=starts + datetime.timedelta(hours=2), **kwargs)
    event.organisers.set([organiser])
    return event


def test_capacity_then_waiting_list_with_clear_messages(scoped, django_capture_on_commit_callbacks):
    event = EventFactory(organisation=scoped, capacity=2)
    with django_capture_on_commit_callbacks(execute=True):
        _register(event, "Anna@Example.org")
        _register(event, "boris@example.org")
    assert [m.to for m in mail.outbox] == [["anna@example.org"], ["boris@example.org"]]
    assert "You are registered" in mail.outbox[0].subject
    with pytest.raises(services.EventFull) as full:
        _register(event, "vera@example.org")
    assert "waiting list" in full.value.messages[0]
    waiting = _register(event, "vera@example.org", join_waiting_list=True)
    assert waiting.status == Registration.Status.WAITING
    assert services.waiting_position(waiting) == 1
    assert services.places_left(event) == 0


def test_duplicates_and_malformed_addresses_are_refused(scoped):
    event = EventFactory(organisation=scoped)
    _register(event, "anna@example.org")
    with pytest.raises(ValidationError) as duplicate:
        _register(event, " ANNA@example.org ")
    assert "already registered" in duplicate.value.message_dict["email"][0]
    with pytest.raises(ValidationError) as malformed:
        _register(event, "anna@@example")
    assert "valid e-mail" in malformed.value.message_dict["email"][0]
    assert event.registrations.count() == 1


def test_messages_follow_the_registrants_language(scoped, django_capture_on_commit_callbacks):
    event = EventFactory(organisation=scoped, title="Вебинар")
    with django_capture_on_commit_callbacks(execute=True):
        services.registration_create(event=event, full_name="Анна", email="anna@example.org",
                                     language="ru", site_url="http://testserver")
    with translation.override("ru"):
        subject = gettext("You are registered: %(event)s") % {"event": "Вебинар"}
        when = date_format(timezone.localtime(event.starts_at), "DATETIME_FORMAT")
    assert mail.outbox[0].subject == subject
    assert when in mail.outbox[0].body  # dates in the registrant's language
    with translation.override("en"):
        assert date_format(timezone.localtime(event.starts_at), "DATETIME_FORMAT") != when
    assert "http://testserver/events/registration/" in mail.outbox[0].body


def test_cancelling_promotes_the_first_waiting_person(scoped, django_capture_on_commit_callbacks):
    event = EventFactory(organisation=scoped, capacity=1)
    first = _register(event, "anna@example.org")
    second = _register(event, "boris@example.org", join_waiting_list=True)
    third = _register(event, "vera@example.org", join_waiting_list=True)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.registration_cancel(registration=first)
    second.refresh_from_db()
    third.refresh_from_db()
    assert second.status == Registration.Status.CONFIRMED
    assert third.status == Registration.Status.WAITING
    assert services.waiting_position(third) == 1
    promoted = [m for m in mail.outbox if m.to == ["boris@example.org"]]
    assert promoted and "A place is free" in promoted[0].subject
    # the cancelled address may register again (it joins the queue behind the others)
    again = _register(event, "anna@example.org", join_waiting_list=True)
    assert again.status == Registration.Status.WAITING


def test_attendance_keeps_one_ledger_row_per_event_day(scoped, member):
    organiser = member("coordinator")
    event = _past_event(scoped, organiser)
    people = [RegistrationFactory(event=event) for _ in range(3)]
    day = event.days()[0]
    with_consent = factories.BeneficiaryFactory(organisation=scoped)
    factories.ConsentFactory(beneficiary=with_consent)
    people[0].beneficiary = with_consent
    people[0].save()
    for registration in people:
        services.attendance_set(actor=organiser, registration=registration, day=day,
                                present=True)
    activity = EventDay.objects.get(event=event, day=day).activity
    assert Activity.objects.filter(kind="event_session").count() == 1
    assert activity.mode == Activity.Mode.GROUP
    assert activity.anonymous_count == 2
    assert list(activity.participants.all()) == [with_consent]
    assert list(activity.providers.all()) == [organiser]
    assert activity.duration_minutes == 120
    services.attendance_set(actor=organiser, registration=people[1], day=day, present=False)
    activity.refresh_from_db()
    assert activity.anonymous_count == 1
    assert Activity.objects.filter(kind="event_session").count() == 1
    services.attendance_set(actor=organiser, registration=people[0], day=day, present=False)
    services.attendance_set(actor=organiser, registration=people[2], day=day, present=False)
    assert not Activity.objects.filter(kind="event_session").exists()
    assert not EventDay.objects.exists()


def test_attendance_is_refused_for_cancelled_or_waiting_people_and_future_days(scoped, member):
    organiser = member("coordinator")
    event = _past_event(scoped, organiser)
    cancelled = RegistrationFactory(event=event, status=Registration.Status.CANCELLED)
    waiting = RegistrationFactory(event=event, status=Registration.Status.WAITING)
    for registration in (cancelled, waiting):
        with pytest.raises(ValidationError, match="confirmed registrations"):
            services.attendance_set(actor=organiser, registration=registration,
                                    day=event.days()[0], present=True)
    future = EventFactory(organisation=scoped)
    with pytest.raises(ValidationError, match="before the day"):
        services.attendance_set(actor=organiser, registration=RegistrationFactory(event=future),
                                day=future.days()[0], present=True)
    assert not Activity.objects.exists()


def test_a_whole_group_is_marked_at_once_with_one_ledger_update(scoped, member,
                                                                 django_assert_max_num_queries):
    organiser = member("coordinator")
    event = _past_event(scoped, organiser)
    people = [RegistrationFactory(event=event) for _ in range(12)]
    day = event.days()[0]
    services.attendance_set(actor=organiser, registration=people[0], day=day, present=True)
    with django_assert_max_num_queries(130):  # one ledger update (~25 queries), not 11
        changed = services.attendance_mark(actor=organiser, event=event, day=day,
                                           registrations=people, present=True)
    assert changed == 11
    assert EventDay.objects.get(event=event, day=day).activity.anonymous_count == 12
    assert services.attendance_mark(actor=organiser, event=event, day=day,
                                    registrations=people[:2], present=True) == 0
    assert services.attendance_mark(actor=organiser, event=event, day=day,
                                    registrations=people[:5], present=False) == 5
    activity = Activity.objects.get(kind="event_session")
    assert activity.anonymous_count == 7
    assert event.registrations.filter(attendance__day=day).count() == 7


def test_a_group_mark_with_one_wrong_person_writes_nothing(scoped, member):
    organiser = member("coordinator")
    event = _past_event(scoped, organiser)
    people = [RegistrationFactory(event=event) for _ in range(3)]
    elsewhere = RegistrationFactory(event=_past_event(scoped, organiser))
    waiting = RegistrationFactory(event=event, status=Registration.Status.WAITING)
    day = event.days()[0]
    with pytest.raises(ValidationError, match="registered for this event"):
        services.attendance_mark(actor=organiser, event=event, day=day,
                                 registrations=[*people, elsewhere], present=True)
    with pytest.raises(ValidationError, match="confirmed registrations"):
        services.attendance_mark(actor=organiser, event=event, day=day,
                                 registrations=[*people, waiting], present=True)
    assert not event.registrations.filter(attendance__day=day).exists()
    assert not Activity.objects.exists()


def test_a_registration_linked_to_a_beneficiary_counts_them_by_name(scoped, member):
    organiser = member("coordinator")
    event = _past_event(scoped, organiser)
    day = event.days()[0]
    olga, irina = RegistrationFactory(event=event), RegistrationFactory(event=event)
    services.attendance_mark(actor=organiser, event=event, day=day, registrations=[olga, irina],
                             present=True)
    person = factories.BeneficiaryFactory(organisation=scoped, code="B-0042")
    factories.ConsentFactory(beneficiary=person)
    services.registration_link(actor=organiser, registration=olga, code=" b-0042 ")
    activity = EventDay.objects.get(event=event, day=day).activity
    assert list(activity.participants.all()) == [person]  # the ledger follows at once
    assert activity.anonymous_count == 1
    with pytest.raises(ValidationError, match="already linked to this person"):
        services.registration_link(actor=organiser, registration=irina, code="B-0042")
    irina.beneficiary = person  # two coordinators at once: the database keeps one link
    with pytest.raises(IntegrityError), transaction.atomic():
        irina.save()
    irina.refresh_from_db()
    services.registration_link(actor=organiser, registration=olga, code="")
    activity.refresh_from_db()
    assert not activity.participants.exists() and activity.anonymous_count == 2
    olga.refresh_from_db()
    assert olga.beneficiary is None


def test_a_link_needs_a_known_code_consent_and_a_live_registration(scoped, member):
    organiser = member("coordinator")
    event = _past_event(scoped, organiser)
    registration = RegistrationFactory(event=event)
    with pytest.raises(ValidationError, match="No person with this code"):
        services.registration_link(actor=organiser, registration=registration, code="B-404")
    elsewhere = factories.BeneficiaryFactory(code="B-0001")  # another organisation's person
    factories.ConsentFactory(beneficiary=elsewhere)
    with pytest.raises(ValidationError, match="No person with this code"):
        services.registration_link(actor=organiser, registration=registration, code="B-0001")
    factories.BeneficiaryFactory(organisation=scoped, code="B-0002")  # no consent
    with pytest.raises(ValidationError, match="consent"):
        services.registration_link(actor=organiser, registration=registration, code="B-0002")
    cancelled = RegistrationFactory(event=event, status=Registration.Status.CANCELLED)
    with pytest.raises(ValidationError, match="cancelled"):
        services.registration_link(actor=organiser, registration=cancelled, code="B-0002")
    registration.refresh_from_db()
    assert registration.beneficiary is None


def test_multi_day_seminar_has_one_ledger_row_per_day(scoped, member):
    organiser = member("coordinator")
    starts = timezone.now() - datetime.timedelta(days=3)
    event = EventFactory(organisation=scoped, kind=Event.Kind.SEMINAR, online_url="",
                         venue="Самара, загородный комплекс", starts_at=starts,
                         ends_at=starts + datetime.timedelta(days=2), minutes_per_day=360)
    event.organisers.set([organiser])
    registration = RegistrationFactory(event=event)
    for day in event.days():
        services.attendance_set(actor=organiser, registration=registration, day=day,
                                present=True)
        services.attendance_set(actor=organiser, registration=registration, day=day,
                                present=True)  # marked twice: still one row
    rows = Activity.objects.filter(kind="event_session").order_by("date")
    assert [a.date for a in rows] == event.days()
    assert {a.duration_minutes for a in rows} == {360}
    assert {a.format for a in rows} == {"in_person"}


def test_ics_file_parses_back(scoped):
    event = EventFactory(organisation=scoped, title="Онлайн круглый стол",
                         venue="", online_url="https://meet.example.org/rt")
    content = ical.events_ics([event], name=event.title,
                              url_for=lambda e: "https://example.org/e", link_for=lambda e: True)
    calendar = Calendar.from_ical(content)
    [entry] = calendar.walk("VEVENT")
    assert str(entry["summary"]) == "Онлайн круглый стол"
    assert entry.decoded("dtstart") == event.starts_at.replace(microsecond=0)
    assert entry.decoded("dtend") == event.ends_at.replace(microsecond=0)
    assert str(entry["location"]) == "https://meet.example.org/rt"
    assert str(entry["uid"]) == f"event-{event.pk}@peercircle"
    assert str(entry["status"]) == "CONFIRMED"


def test_feed_token_lists_own_events_and_stops_when_revoked(org, other_org, member):
    user = member("volunteer")
    with scope(organisation=org):
        mine = EventFactory(organisation=org, title="Mine")
        RegistrationFactory(event=mine, email=user.email, user=user)
        run = EventFactory(organisation=org, title="I run it")
        run.organisers.set([user])
        EventFactory(organisation=org, title="Someone else's")
    with scope(organisation=other_org):
        elsewhere = EventFactory(organisation=other_org, title="Registered elsewhere")
        RegistrationFactory(event=elsewhere, email=user.email, user=user)
        # only an address in common with the account: not the person's (finding 8)
        RegistrationFactory(event=EventFactory(organisation=other_org, title="Same address only"),
                            email=user.email)
    feed = services.feed_create(user=user)
    titles = {e.title for e in selectors.feed_events(feed.token)}
    assert titles == {"Mine", "I run it", "Registered elsewhere"}
    renewed = services.feed_create(user=user)
    assert selectors.feed_events(feed.token) is None
    assert selectors.feed_events(renewed.token) is not None
    services.feed_revoke(user=user)
    assert selectors.feed_events(renewed.token) is None
    with scopes_disabled():
        assert CalendarFeed.objects.filter(revoked_at__isnull=True).count() == 0


def test_feedback_is_anonymous_once_and_after_the_event(scoped, member):
    organiser = member("coordinator")
    event = _past_event(scoped, organiser)
    registration = RegistrationFactory(event=event)
    feedback = services.feedback_give(registration=registration, rating=5, usefulness=4,
                                      comment="Очень полезно")
    assert not hasattr(feedback, "registration")
    with pytest.raises(ValidationError, match="already received"):
        services.feedback_give(registration=registration, rating=1, usefulness=1)
    future = RegistrationFactory(event=EventFactory(organisation=scoped))
    with pytest.raises(ValidationError, match="after the event"):
        services.feedback_give(registration=future, rating=5, usefulness=5)
    summary = selectors.feedback_summary(event)
    assert summary["count"] == 1 and summary["rating"] == 5 and summary["comments"] == [
        "Очень полезно"]


def test_reminders_go_once_in_the_registrants_language(org, django_capture_on_commit_callbacks):
    with scope(organisation=org):
        soon = EventFactory(organisation=org, title="Вебинар",
                            starts_at=timezone.now() + datetime.timedelta(hours=5))
        soon.ends_at = soon.starts_at + datetime.timedelta(hours=1)
        soon.save()
        RegistrationFactory(event=soon, language="ru")
        RegistrationFactory(event=soon, status=Registration.Status.WAITING)
        RegistrationFactory(event=EventFactory(organisation=org))  # in three days
    with django_capture_on_commit_callbacks(execute=True):
        call_command("events_send_reminders", "--hours", "24")
    assert len(mail.outbox) == 1
    with translation.override("ru"):
        assert mail.outbox[0].subject == gettext("Reminder: %(event)s") % {"event": "Вебинар"}
        assert date_format(timezone.localtime(soon.starts_at), "DATETIME_FORMAT") in \
            mail.outbox[0].body
    with django_capture_on_commit_callbacks(execute=True):
        call_command("events_send_reminders", "--hours", "24")
    assert len(mail.outbox) == 1


def test_feedback_requests_after_the_event_go_to_those_who_came(scoped, member,
                                                                 django_capture_on_commit_callbacks):
    organiser = member("coordinator")
    event = _past_event(scoped, organiser)
    came, absent = RegistrationFactory(event=event), RegistrationFactory(event=event)
    services.attendance_set(actor=organiser, registration=came, day=event.days()[0],
                            present=True)
    with django_capture_on_commit_callbacks(execute=True):
        assert services.feedback_requests_send(organisation=scoped) == 1
        assert services.feedback_requests_send(organisation=scoped) == 0
    assert mail.outbox[-1].to == [came.email]
    assert came.token in mail.outbox[-1].body
    assert absent.feedback_requested_at is None


def test_plan_items_are_overdue_until_done(scoped, member):
    coordinator = member("coordinator")
    item = PlanItemFactory(plan__organisation=scoped, ends_on=timezone.localdate()
                           - datetime.timedelta(days=1))
    assert item.is_overdue
    services.plan_item_update(actor=coordinator, item=item, status="done")
    assert not item.is_overdue
    with pytest.raises(ValidationError, match="before the start"):
        services.plan_item_add(actor=coordinator, plan=item.plan, title="Round table",
                               starts_on=datetime.date(2023, 7, 31),
                               ends_on=datetime.date(2023, 7, 1))
    added = services.plan_item_add(actor=coordinator, plan=item.plan, title="Round table",
                                   starts_on=datetime.date(2023, 7, 1),
                                   ends_on=datetime.date(2023, 7, 31))
    assert added.number == item.number + 1


def test_co_organisers_must_be_partners_or_network_members(scoped, member, other_org):
    coordinator = member("coordinator")
    foreign_partner = factories.PartnerFactory(organisation=other_org)
    start = timezone.now() + datetime.timedelta(days=1)
    with pytest.raises(ValidationError) as error:
        services.event_create(actor=coordinator, organisation=scoped, title="Fest",
                              kind="festival", starts_at=start,
                              ends_at=start + datetime.timedelta(hours=8), venue="Hall",
                              partners=[foreign_partner], co_organisations=[other_org])
    assert set(error.value.message_dict) == {"partners", "co_organisations"}


def test_plan_figures_count_events_held_and_distinct_participants(scoped, member):
    organiser = member("coordinator")
    item = PlanItemFactory(plan__organisation=scoped)
    held = _past_event(scoped, organiser, plan_item=item)
    second = _past_event(scoped, organiser, plan_item=item)
    EventFactory(organisation=scoped, plan_item=item)  # not held yet
    _past_event(scoped, organiser, plan_item=item, cancelled=True)
    for event, emails in ((held, ["a@example.org", "b@example.org"]),
                          (second, ["a@example.org"])):
        for email in emails:
            services.attendance_set(actor=organiser, day=event.days()[0], present=True,
                                    registration=RegistrationFactory(event=event, email=email))
    RegistrationFactory(event=held, email="absent@example.org")
    assert selectors.plan_figures(item.plan) == {"events_held": 2, "participants": 2}


def test_finding_17_control_characters_in_a_title_are_refused(scoped, member):
    coordinator = member("coordinator")
    start = timezone.now() + datetime.timedelta(days=5)
    with pytest.raises(ValidationError) as error:
        services.event_create(actor=coordinator, organisation=scoped, title="Webinar\nBcc: x",
                              kind="webinar", starts_at=start,
                              ends_at=start + datetime.timedelta(hours=1), venue="Hall")
    assert set(error.value.message_dict) == {"title"}


def test_finding_17_one_failing_reminder_does_not_stop_the_run(org, monkeypatch):
    with scope(organisation=org):
        soon = EventFactory(organisation=org, starts_at=timezone.now() + datetime.timedelta(hours=5))
        soon.ends_at = soon.starts_at + datetime.timedelta(hours=1)
        soon.save()
        # A title saved before the rule above: its line break must not reach the subject.
        Event.objects.filter(pk=soon.pk).update(title="Line\nbreak")
        broken = RegistrationFactory(event=soon)
        fine = RegistrationFactory(event=soon)
    real_mail = services._mail

    def failing_mail(registration, kind):
        if registration.pk == broken.pk:
            raise RuntimeError("mail server said no")
        real_mail(registration, kind)

    from peercircle.events.services import reminders

    monkeypatch.setattr(reminders, "_mail", failing_mail)  # the reminder run's sender
    with pytest.raises(CommandError, match="1 e-mail"):
        call_command("events_send_reminders", "--hours", "24")
    assert [m.to for m in mail.outbox] == [[fine.email]]
    assert "\n" not in mail.outbox[0].subject and "Line break" in mail.outbox[0].subject
    with scopes_disabled():
        broken.refresh_from_db()
        fine.refresh_from_db()
    assert broken.reminder_sent_at is None and fine.reminder_sent_at is not None


def _queries_to_mark(scoped, organiser, how_many):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    event = _past_event(scoped, organiser)
    people = [RegistrationFactory(event=event) for _ in range(how_many)]
    with CaptureQueriesContext(connection) as marking:
        services.attendance_mark(actor=organiser, event=event, day=event.days()[0],
                                 registrations=people, present=True)
    with CaptureQueriesContext(connection) as unmarking:
        services.attendance_mark(actor=organiser, event=event, day=event.days()[0],
                                 registrations=people, present=False)
    return _statements(marking.captured_queries), _statements(unmarking.captured_queries)


def _statements(queries) -> int:
    """Queries sent, one bulk insert or delete counted once (the database layer splits a long
    one into batches: SQLite's limit on parameters, Django's chunks of 100 ids to delete)."""
    count, last = 0, None
    for query in queries:
        sql = query["sql"]
        key = sql.split("(")[0].split(" WHERE ")[0] if sql.startswith(("INSERT", "DELETE")) else None
        if key is None or key != last:
            count += 1
        last = key
    return count


def test_marking_200_people_present_costs_the_queries_of_marking_11(scoped, member):
    """Issue 13 item 4: marks and their audit entries are written in bulk."""
    organiser = member("coordinator")
    assert _queries_to_mark(scoped, organiser, 200) == _queries_to_mark(scoped, organiser, 11)


def test_every_mark_and_unmark_is_audited(scoped, member):
    organiser = member("coordinator")
    event = _past_event(scoped, organiser)
    people = [RegistrationFactory(event=event) for _ in range(3)]
    day = event.days()[0]
    services.attendance_mark(actor=organiser, event=event, day=day, registrations=people,
                             present=True)
    services.attendance_mark(actor=organiser, event=event, day=day, registrations=people[:1],
                             present=False)
    entries = AuditEntry.objects.filter(object_type="events.EventAttendance")
    assert entries.filter(action=AuditEntry.Action.CREATE).count() == 3
    assert entries.filter(action=AuditEntry.Action.DELETE).count() == 1
    assert all(entry.actor == organiser for entry in entries)


def test_an_events_ledger_rows_count_in_its_region(scoped, member):
    """Issue 14: events carry a region, and so do the ledger rows of their days."""
    from peercircle.core.models import Region

    organiser = member("coordinator")
    event = _past_event(scoped, organiser)
    event.region = Region.objects.get(code="ru-irk")
    event.save()
    registration = RegistrationFactory(event=event)
    services.attendance_set(actor=organiser, registration=registration, day=event.days()[0],
                            present=True)
    assert EventDay.objects.get(event=event).activity.region.code == "ru-irk"


def test_raising_the_capacity_promotes_the_waiting_list_before_anyone_new(
        scoped, member, django_capture_on_commit_callbacks):
    """Issue 12 item 18: new places go to those waiting, in order, with the e-mail; nobody new
    is confirmed while anyone waits."""
    organiser = member("coordinator")
    event = EventFactory(organisation=scoped, capacity=1)
    event.organisers.set([organiser])
    _register(event, "anna@example.org")
    boris = _register(event, "boris@example.org", join_waiting_list=True)
    vera = _register(event, "vera@example.org", join_waiting_list=True)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.event_update(actor=organiser, event=event, capacity=2)
    boris.refresh_from_db()
    vera.refresh_from_db()
    assert (boris.status, vera.status) == (Registration.Status.CONFIRMED,
                                           Registration.Status.WAITING)
    assert [m.to for m in mail.outbox] == [["boris@example.org"]]
    with pytest.raises(services.EventFull):  # the newcomer does not take vera's turn
        _register(event, "gleb@example.org")
    Event.objects.filter(pk=event.pk).update(capacity=3)  # a place freed some other way
    event.refresh_from_db()
    newcomer = _register(event, "gleb@example.org", join_waiting_list=True)
    vera.refresh_from_db()
    assert vera.status == Registration.Status.CONFIRMED
    assert newcomer.status == Registration.Status.WAITING
