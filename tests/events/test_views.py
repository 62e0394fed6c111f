import datetime

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext
from django_scopes import scope, scopes_disabled
from icalendar import Calendar

from peercircle.core.models import Activity
from peercircle.events import services
from peercircle.events.models import Event, EventFeedback, Registration
from tests import factories
from tests.events.factories import EventFactory, RegistrationFactory

pytestmark = pytest.mark.django_db


def _register_url(event):
    return reverse("event_register", kwargs={"organisation_slug": event.organisation.slug,
                                             "event_pk": event.pk})


def _past(org, organiser=None):
    starts = timezone.now() - datetime.timedelta(days=2)
    with scope(organisation=org):
        event = EventFactory(organisation=org, starts_at=starts,
                             ends_at=starts + datetime.timedelta(hours=2))
        if organiser:
            event.organisers.set([organiser])
    return event


def test_public_registration_sends_a_confirmation_and_opens_the_registration_page(
        client, org, django_capture_on_commit_callbacks):
    with scope(organisation=org):
        event = EventFactory(organisation=org, title="Webinar")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(_register_url(event), {"full_name": "Anna",
                                                      "email": "anna@example.org"})
    with scopes_disabled():
        registration = Registration.objects.get()
    assert response.status_code == 200 and registration.token not in response.content.decode()
    assert len(registration.token) >= 40
    assert registration.token in mail.outbox[0].body
    page = client.get(reverse("event_registration", kwargs={
        "registration_token": registration.token})).content.decode()
    assert "Anna, you are registered" in page
    assert "https://meet.example.org/webinar" in page  # the link is for confirmed people


def test_honeypot_is_answered_like_a_success_and_nothing_is_saved(client, org):
    with scope(organisation=org):
        event = EventFactory(organisation=org)
    response = client.post(_register_url(event), {"full_name": "Bot", "email": "b@example.org",
                                                  "website": "http://spam.example"})
    assert response.status_code == 200 and "Thank you" in response.content.decode()
    with scopes_disabled():
        assert not Registration.objects.exists()


def test_public_registration_is_rate_limited(client, org):
    with scope(organisation=org):
        event = EventFactory(organisation=org)
    statuses = [client.post(_register_url(event), {"full_name": "A", "email": f"a{n}@x.org"})
                .status_code for n in range(12)]
    assert statuses[-1] == 429 and statuses.count(200) == 10


def test_private_events_have_no_public_page_or_file(client, org):
    with scope(organisation=org):
        event = EventFactory(organisation=org, is_public=False)
    assert client.get(_register_url(event)).status_code == 404
    assert client.get(reverse("event_ics_public", kwargs={
        "organisation_slug": org.slug, "event_pk": event.pk})).status_code == 404


def test_public_ics_parses_back(client, org):
    with scope(organisation=org):
        event = EventFactory(organisation=org, title="Round table")
    response = client.get(reverse("event_ics_public", kwargs={
        "organisation_slug": org.slug, "event_pk": event.pk}))
    assert response["Content-Type"].startswith("text/calendar")
    [entry] = Calendar.from_ical(response.content).walk("VEVENT")
    assert str(entry["summary"]) == "Round table"
    assert _register_url(event) in str(entry["url"])


def test_cancellation_link_promotes_the_next_person(client, org,
                                                    django_capture_on_commit_callbacks):
    with scope(organisation=org):
        event = EventFactory(organisation=org, capacity=1)
        first = RegistrationFactory(event=event)
        waiting = RegistrationFactory(event=event, status=Registration.Status.WAITING)
    url = reverse("event_registration", kwargs={"registration_token": first.token})
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"action": "cancel"})
    with scopes_disabled():
        waiting.refresh_from_db()
        first.refresh_from_db()
    assert first.status == "cancelled" and waiting.status == "confirmed"
    assert [m.to for m in mail.outbox] == [[first.email], [waiting.email]]
    assert client.get(reverse("event_registration", kwargs={
        "registration_token": "not-a-token"})).status_code == 404


def test_feedback_through_the_registration_page_after_the_event(client, org, member):
    coordinator = member("coordinator")
    event = _past(org, coordinator)
    with scope(organisation=org):
        registration = RegistrationFactory(event=event)
    url = reverse("event_registration", kwargs={"registration_token": registration.token})
    assert "How was it?" in client.get(url).content.decode()
    client.post(url, {"action": "feedback", "rating": "4", "usefulness": "5",
                      "comment": "Спасибо"})
    with scopes_disabled():
        assert EventFeedback.objects.get().rating == 4
    assert "How was it?" not in client.get(url).content.decode()
    staff = client
    staff.force_login(coordinator)
    page = staff.get(reverse("events:feedback", kwargs={"org": org.slug,
                                                        "event_pk": event.pk})).content.decode()
    assert "<svg" in page and "Спасибо" in page and "4.0" in page


def test_coordinator_creates_an_event_with_partners(client_for, org, member):
    from tests import factories

    coordinator = member("coordinator")
    partner = factories.PartnerFactory(organisation=org, name="Library")
    client = client_for(coordinator)
    response = client.post(reverse("events:new", kwargs={"org": org.slug}), {
        "title": "District meeting", "kind": "district_meeting",
        "starts_at": "2030-05-01T10:00", "ends_at": "2030-05-01T13:00", "venue": "Votkinsk",
        "audience": "public", "is_public": "on", "capacity": "20",
        "organisers": [coordinator.pk], "partners": [partner.pk]})
    assert response.status_code == 302
    with scope(organisation=org):
        event = Event.objects.get()
        assert list(event.partners.all()) == [partner]
        assert event.day_minutes == 180
    response = client.post(reverse("events:new", kwargs={"org": org.slug}), {
        "title": "No place", "kind": "webinar", "starts_at": "2030-05-01T10:00",
        "ends_at": "2030-05-01T09:00", "audience": "public"})
    content = response.content.decode()
    assert "Give a venue or an online link." in content
    assert "The event must end after it starts." in content


def test_htmx_toggle_marks_and_refuses_cancelled_people(client_for, org, member):
    volunteer = member("volunteer")
    event = _past(org, volunteer)
    with scope(organisation=org):
        present = RegistrationFactory(event=event, full_name="Olga")
        cancelled = RegistrationFactory(event=event, status="cancelled")
    client = client_for(volunteer)
    day = event.days()[0].isoformat()
    url = reverse("events:attendance_toggle", kwargs={"org": org.slug, "event_pk": event.pk,
                                                      "registration_pk": present.pk})
    response = client.post(url, {"day": day, "present": "1"}, HTTP_HX_REQUEST="true")
    assert 'aria-pressed="true"' in response.content.decode()
    assert 'hx-swap-oob="true"' in response.content.decode()
    url = reverse("events:attendance_toggle", kwargs={"org": org.slug, "event_pk": event.pk,
                                                      "registration_pk": cancelled.pk})
    response = client.post(url, {"day": day, "present": "1"}, HTTP_HX_REQUEST="true")
    assert "confirmed registrations" in response.content.decode()
    with scopes_disabled():
        assert Activity.objects.get().anonymous_count == 1


def test_everyone_confirmed_is_marked_present_in_one_tap(client_for, org, member):
    volunteer = member("volunteer")
    event = _past(org, volunteer)
    with scope(organisation=org):
        people = [RegistrationFactory(event=event) for _ in range(4)]
        RegistrationFactory(event=event, status="waiting")
    client = client_for(volunteer)
    day = event.days()[0].isoformat()
    page = reverse("events:attendance", kwargs={"org": org.slug, "event_pk": event.pk})
    assert "Mark everyone present" in client.get(page, {"day": day}).content.decode()
    url = reverse("events:attendance_all", kwargs={"org": org.slug, "event_pk": event.pk})
    response = client.post(url, {"day": day}, follow=True)
    content = response.content.decode()
    assert "4 more people are marked present." in content
    assert "Mark everyone present" not in content  # nobody is left to mark
    with scopes_disabled():
        assert set(event.registrations.filter(attendance__day=day)) == set(people)
        assert Activity.objects.get().anonymous_count == 4
    with scope(organisation=org):
        future = EventFactory(organisation=org)
        future.organisers.set([volunteer])
        RegistrationFactory(event=future)
    url = reverse("events:attendance_all", kwargs={"org": org.slug, "event_pk": future.pk})
    response = client.post(url, {"day": future.days()[0].isoformat()}, follow=True)
    assert "before the day of the event" in response.content.decode()
    with scopes_disabled():
        assert Activity.objects.count() == 1


def test_a_coordinator_links_a_registration_without_seeing_whose_record_it_is(client_for, org,
                                                                              member):
    coordinator = member("coordinator")
    event = _past(org, coordinator)
    with scope(organisation=org):
        olga = RegistrationFactory(event=event, full_name="Olga")
        person = factories.BeneficiaryFactory(organisation=org, code="B-7788")
        factories.ConsentFactory(beneficiary=person)
    client = client_for(coordinator)
    url = reverse("events:registration_link", kwargs={"org": org.slug, "event_pk": event.pk,
                                                      "registration_pk": olga.pk})
    response = client.post(url, {"code": "B-9999"}, follow=True)
    assert "Olga: No person with this code." in response.content.decode()
    response = client.post(url, {"code": "b-7788"}, follow=True)
    content = response.content.decode()
    assert "Olga is linked to the beneficiary record." in content
    assert "B-7788" not in content  # the page says a link exists, not whose record it is
    with scopes_disabled():
        olga.refresh_from_db()
        assert olga.beneficiary == person
    response = client.post(url, {"code": ""}, follow=True)
    assert "The link of Olga to a beneficiary record is removed." in response.content.decode()


def test_private_feed_is_a_calendar_of_my_events(client_for, org, member):
    user = member("volunteer")
    with scope(organisation=org):
        RegistrationFactory(event=EventFactory(organisation=org, title="Mine"), email=user.email,
                            user=user)
    client = client_for(user)
    client.post(reverse("events:feed", kwargs={"org": org.slug}), {"action": "create"})
    feed = services.feed_create(user=user)
    client.logout()
    response = client.get(reverse("event_feed", kwargs={"feed_token": feed.token}))
    titles = [str(e["summary"]) for e in Calendar.from_ical(response.content).walk("VEVENT")]
    assert titles == ["Mine"]
    services.feed_revoke(user=user)
    assert client.get(reverse("event_feed", kwargs={"feed_token": feed.token})
                      ).status_code == 404


def test_home_page_reminds_of_todays_attendance_and_overdue_plan_items(client_for, org, member):
    from tests.events.factories import PlanItemFactory

    coordinator = member("coordinator")
    starts = timezone.now() - datetime.timedelta(minutes=10)
    with scope(organisation=org):
        event = EventFactory(organisation=org, title="District meeting", starts_at=starts,
                             ends_at=starts + datetime.timedelta(hours=2))
        event.organisers.set([coordinator])
        PlanItemFactory(plan__organisation=org, ends_on=timezone.localdate()
                        - datetime.timedelta(days=3))
    page = client_for(coordinator).get(reverse("core:dashboard", kwargs={"org": org.slug}))
    content = page.content.decode()
    assert "Mark attendance today: District meeting." in content
    assert "1 calendar-plan item is overdue." in content


def test_finding_7_public_ics_has_no_meeting_link(client, org):
    with scope(organisation=org):
        event = EventFactory(organisation=org, online_url="https://meet.example.org/secret-room")
    response = client.get(reverse("event_ics_public", kwargs={
        "organisation_slug": org.slug, "event_pk": event.pk}))
    assert response.status_code == 200
    assert b"secret-room" not in response.content


def test_finding_7_private_feed_gives_the_link_only_for_confirmed_registrations(client, org,
                                                                               member):
    user = member("volunteer")
    with scope(organisation=org):
        confirmed = EventFactory(organisation=org, title="Confirmed",
                                 online_url="https://meet.example.org/confirmed-room")
        waiting = EventFactory(organisation=org, title="Waiting",
                               online_url="https://meet.example.org/waiting-room")
        RegistrationFactory(event=confirmed, email=user.email, user=user)
        RegistrationFactory(event=waiting, email=user.email, user=user,
                            status=Registration.Status.WAITING)
    feed = services.feed_create(user=user)
    response = client.get(reverse("event_feed", kwargs={"feed_token": feed.token}))
    entries = {str(e["summary"]): e.to_ical() for e in
               Calendar.from_ical(response.content).walk("VEVENT")}
    assert set(entries) == {"Confirmed", "Waiting"}
    assert b"confirmed-room" in entries["Confirmed"]
    assert b"waiting-room" not in entries["Waiting"]


def test_finding_17_line_break_in_a_title_does_not_break_public_registration(
        client, org, django_capture_on_commit_callbacks):
    with scope(organisation=org):
        event = EventFactory(organisation=org)
        Event.objects.filter(pk=event.pk).update(title="Round\ntable")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(_register_url(event), {"full_name": "Anna",
                                                      "email": "anna@example.org"})
    assert response.status_code in (200, 302)
    assert len(mail.outbox) == 1 and "\n" not in mail.outbox[0].subject


def test_finding_13a_registering_again_answers_as_a_first_registration(
        client, org, django_capture_on_commit_callbacks):
    with scope(organisation=org):
        event = EventFactory(organisation=org, title="Webinar")
    data = {"full_name": "Anna", "email": "anna@example.org"}
    with django_capture_on_commit_callbacks(execute=True):
        first = client.post(_register_url(event), data, HTTP_ACCEPT_LANGUAGE="pl")
    with django_capture_on_commit_callbacks(execute=True):
        second = client.post(_register_url(event), {**data, "full_name": "Someone else"},
                             HTTP_ACCEPT_LANGUAGE="pl")
    assert first.status_code == second.status_code == 200
    main = [r.content.decode().split("<main")[1].split("</main>")[0] for r in (first, second)]
    assert main[0] == main[1] and "Dziękujemy" in main[0]
    with scopes_disabled():
        registration = Registration.objects.get()
    assert [m.to for m in mail.outbox] == [["anna@example.org"], ["anna@example.org"]]
    assert registration.token in mail.outbox[1].body
    with translation.override("pl"):
        assert mail.outbox[1].subject == gettext("You are registered: %(event)s") % {
            "event": "Webinar"}


def test_finding_14_volunteer_who_is_not_an_organiser_cannot_reach_attendance(client_for, org,
                                                                             member):
    volunteer, organiser = member("volunteer"), member("volunteer")
    event = _past(org, organiser)
    with scope(organisation=org):
        registration = RegistrationFactory(event=event, full_name="Secret Registrant")
    day = event.days()[0].isoformat()
    kwargs = {"org": org.slug, "event_pk": event.pk}
    outsider = client_for(volunteer)
    assert outsider.get(reverse("events:attendance", kwargs=kwargs), {"day": day}
                        ).status_code == 404
    assert outsider.post(reverse("events:attendance_all", kwargs=kwargs), {"day": day}
                         ).status_code == 404
    assert outsider.post(reverse("events:attendance_toggle", kwargs={
        **kwargs, "registration_pk": registration.pk}), {"day": day, "present": "1"}
    ).status_code == 404
    with scopes_disabled():
        assert not registration.attendance.exists()
    page = client_for(organiser).get(reverse("events:attendance", kwargs=kwargs), {"day": day})
    assert page.status_code == 200 and "Secret Registrant" in page.content.decode()


def _feed_titles(client, user):
    feed = services.feed_create(user=user)
    response = client.get(reverse("event_feed", kwargs={"feed_token": feed.token}))
    return {str(e["summary"]) for e in Calendar.from_ical(response.content).walk("VEVENT")}


def test_finding_8_an_unverified_address_never_becomes_primary(client_for, org, member):
    from allauth.account.models import EmailAddress

    user = factories.MembershipFactory(organisation=org, role="volunteer").user  # no second factor
    EmailAddress.objects.create(user=user, email=user.email, verified=False, primary=True)
    client = client_for(user)
    client.post(reverse("account_email"), {"action_add": "", "email": "victim@example.org"})
    assert EmailAddress.objects.filter(user=user, email="victim@example.org", verified=False).exists()
    client.post(reverse("account_email"), {"action_primary": "", "email": "victim@example.org"})
    user.refresh_from_db()
    assert user.email != "victim@example.org"
    assert not EmailAddress.objects.filter(email="victim@example.org", primary=True).exists()


def test_finding_8_the_feed_holds_the_persons_registrations_not_their_addresss(
        client_for, org, member, django_capture_on_commit_callbacks):
    user = member("volunteer")
    with scope(organisation=org):
        # registered by someone else with the same address (e.g. before it became the account's)
        RegistrationFactory(event=EventFactory(organisation=org, title="Address only"),
                            email=user.email)
        mine = EventFactory(organisation=org, title="Registered while signed in")
        confirmed_later = EventFactory(organisation=org, title="Confirmed from its link")
    client = client_for(user)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(_register_url(mine), {"full_name": "Me", "email": "another@example.org"})
    assert _feed_titles(client, user) == {"Registered while signed in"}
    with scope(organisation=org):
        registration = RegistrationFactory(event=confirmed_later, email="old@example.org")
    page = reverse("event_registration", kwargs={"registration_token": registration.token})
    assert "calendar feed of my account" in client.get(page).content.decode()
    assert client.post(page, {"action": "link"}).status_code == 302
    assert _feed_titles(client, user) == {"Registered while signed in", "Confirmed from its link"}
    # someone else's account cannot take it over with the same link
    other = member("volunteer")
    client.force_login(other)
    client.post(page, {"action": "link"})
    with scopes_disabled():
        registration.refresh_from_db()
    assert registration.user == user
