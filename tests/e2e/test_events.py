import datetime

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from django_scopes import scopes_disabled
from playwright.sync_api import expect

from peercircle.core.models import Activity
from peercircle.events import services
from peercircle.organisations.roles import Role
from tests import factories
from tests.conftest import give_totp
from tests.e2e.conftest import assert_accessible, screenshot, sign_in_as
from tests.events.factories import EventFactory, PlanItemFactory, RegistrationFactory

pytestmark = pytest.mark.e2e

PHONE = {"width": 390, "height": 844}


def _coordinator():
    """A coordinator with two-factor set up, and their organisation."""
    membership = factories.MembershipFactory(role=Role.COORDINATOR)
    give_totp(membership.user)
    return membership.organisation, membership.user


def _held_two_days_ago(org, title: str):
    starts = timezone.now() - datetime.timedelta(days=2)
    return EventFactory(organisation=org, title=title, starts_at=starts,
                        ends_at=starts + datetime.timedelta(hours=2))


def test_public_registration_with_waiting_list(e2e, page):
    org = factories.OrganisationFactory(slug="vmeste", name="Вместе")
    with scopes_disabled():
        event = EventFactory(organisation=org, title="Open Space: discussion", capacity=2,
                             venue="Samara, library")
        RegistrationFactory(event=event, email="first@example.org")
    page.goto(f"{e2e.url}/events/vmeste/{event.pk}/")
    expect(page.get_by_role("heading", name="Open Space: discussion")).to_be_visible()
    page.get_by_label("Your name").fill("Anna Sokolova")
    page.get_by_label("E-mail").fill("anna@@example")
    page.get_by_role("button", name="Register").click()
    expect(page.get_by_text("Enter a valid e-mail address")).to_be_visible()
    page.get_by_label("E-mail").fill("anna@example.org")
    page.get_by_role("button", name="Register").click()
    # The page answers the same for any address; the registration's link goes by e-mail.
    expect(page.get_by_role("heading", name="Thank you")).to_be_visible()
    with scopes_disabled():
        token = event.registrations.get(email="anna@example.org").token
    assert any(token in message.body for message in mail.outbox)
    page.goto(e2e.url + reverse("event_registration", kwargs={"registration_token": token}))
    expect(page.get_by_text("Anna Sokolova, you are registered.")).to_be_visible()
    expect(page.get_by_role("button", name="Cancel my registration")).to_be_visible()
    assert_accessible(page)
    screenshot(page, "event_registered")

    page.goto(f"{e2e.url}/events/vmeste/{event.pk}/")
    expect(page.get_by_text("All places are taken. You can join the waiting list")).to_be_visible()
    page.get_by_role("button", name="PL").click()
    expect(page.locator("html")).to_have_attribute("lang", "pl")
    answers = []
    for name, email in (("Boris Volkov", "boris@example.org"), ("Kto inny", "anna@example.org")):
        page.goto(f"{e2e.url}/events/vmeste/{event.pk}/")
        page.locator("#id_full_name").fill(name)
        page.locator("#id_email").fill(email)
        page.locator("#id_join_waiting_list").check()
        page.locator("main form button[type=submit]").click()
        expect(page.get_by_role("heading", name="Dziękujemy")).to_be_visible()
        answers.append(page.locator("main").inner_text())
    # Finding 13a: registering an address again reads exactly like a first registration.
    assert answers[0] == answers[1]
    assert_accessible(page)
    screenshot(page, "event_registered_again_pl")
    with scopes_disabled():
        assert event.registrations.exclude(status="cancelled").count() == 3
    with scopes_disabled():
        assert event.registrations.filter(status="waiting").get().email == "boris@example.org"


def test_volunteer_marks_attendance_on_a_phone(e2e, page):
    page.set_viewport_size(PHONE)
    membership = factories.MembershipFactory(role=Role.VOLUNTEER)
    org, volunteer = membership.organisation, membership.user
    give_totp(volunteer)
    starts = timezone.now() - datetime.timedelta(minutes=30)
    with scopes_disabled():
        event = EventFactory(organisation=org, title="District meeting", starts_at=starts,
                             ends_at=starts + datetime.timedelta(hours=2), online_url="",
                             venue="Votkinsk library")
        event.organisers.set([volunteer])
        RegistrationFactory(event=event, full_name="Olga Petrova")
        RegistrationFactory(event=event, full_name="Irina Zaitseva")
        RegistrationFactory(event=event, full_name="Cancelled Person", status="cancelled")
    sign_in_as(page, e2e, volunteer)
    page.goto(f"{e2e.url}/o/{org.slug}/events/{event.pk}/")
    page.get_by_role("link", name="Mark attendance").click()
    expect(page.get_by_text("0 present")).to_be_visible()
    expect(page.get_by_role("button", name="Cancelled Person")).to_have_count(0)
    olga = page.get_by_role("button", name="Olga Petrova")
    box = olga.bounding_box()
    assert box["height"] >= 44 and box["width"] >= 300  # a large touch target
    olga.click()
    expect(page.get_by_role("button", name="Olga Petrova")).to_have_attribute("aria-pressed",
                                                                               "true")
    expect(page.get_by_text("1 present")).to_be_visible()
    page.get_by_role("button", name="Irina Zaitseva").click()
    expect(page.get_by_text("2 present")).to_be_visible()
    page.get_by_role("button", name="Irina Zaitseva").click()
    expect(page.get_by_role("button", name="Irina Zaitseva")).to_have_attribute("aria-pressed",
                                                                                 "false")
    expect(page.get_by_text("1 present")).to_be_visible()
    assert_accessible(page)
    screenshot(page, "event_attendance_phone")
    with scopes_disabled():
        [activity] = Activity.objects.filter(kind="event_session")
        assert activity.anonymous_count == 1
    page.reload()
    expect(page.get_by_role("button", name="Olga Petrova")).to_have_attribute("aria-pressed",
                                                                               "true")
    # at a full meeting it is quicker to mark everyone and then unmark who did not come
    page.get_by_role("button", name="Mark everyone present").click()
    expect(page.get_by_text("1 more person is marked present.")).to_be_visible()
    expect(page.get_by_text("2 present")).to_be_visible()
    expect(page.get_by_role("button", name="Irina Zaitseva")).to_have_attribute("aria-pressed",
                                                                                 "true")
    expect(page.get_by_role("button", name="Mark everyone present")).to_have_count(0)
    screenshot(page, "event_attendance_everyone")
    with scopes_disabled():
        activity.refresh_from_db()
        assert activity.anonymous_count == 2


def test_calendar_plan_timeline_highlights_overdue_items(e2e, page):
    org, coordinator = _coordinator()
    today = timezone.localdate()
    with scopes_disabled():
        first = PlanItemFactory(plan__organisation=org, number=1, title="Seminar-training",
                                starts_on=today - datetime.timedelta(days=90),
                                ends_on=today - datetime.timedelta(days=60), status="done")
        PlanItemFactory(plan=first.plan, number=2, title="Online round table",
                        starts_on=today - datetime.timedelta(days=40),
                        ends_on=today - datetime.timedelta(days=10), status="planned")
        PlanItemFactory(plan=first.plan, number=3, title="Open Space discussions",
                        starts_on=today - datetime.timedelta(days=5),
                        ends_on=today + datetime.timedelta(days=50), status="in_progress")
        EventFactory(organisation=org, title="Webinar on boundaries", plan_item=first)
    sign_in_as(page, e2e, coordinator)
    page.goto(f"{e2e.url}/o/{org.slug}/plans/")
    page.get_by_role("link", name=first.plan.title).click()
    timeline = page.get_by_role("list", name="Timeline of the plan")
    expect(timeline.get_by_role("listitem")).to_have_count(3)
    overdue = timeline.get_by_role("listitem").filter(has_text="Online round table")
    expect(overdue.get_by_text("Overdue")).to_be_visible()
    expect(page.get_by_text("1 overdue")).to_be_visible()
    expect(page.get_by_role("link", name="Webinar on boundaries")).to_be_visible()
    assert_accessible(page)
    screenshot(page, "plan_timeline")
    page.get_by_role("link", name="Edit Online round table").click()
    page.get_by_label("Status").select_option("done")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("The plan item is saved.")).to_be_visible()
    expect(page.get_by_text("Overdue")).to_have_count(0)
    page.set_viewport_size(PHONE)
    screenshot(page, "plan_timeline_phone")


def test_coordinator_creates_an_event_and_reads_its_feedback(e2e, page):
    org, coordinator = _coordinator()
    with scopes_disabled():
        past = _held_two_days_ago(org, "Burnout prevention webinar")
        for rating, comment in ((5, "Very useful"), (4, ""), (5, "More practice, please")):
            RegistrationFactory(event=past)
            past.feedback.create(organisation=org, rating=rating, usefulness=4,
                                 comment=comment)
    sign_in_as(page, e2e, coordinator)
    page.goto(f"{e2e.url}/o/{org.slug}/events/")
    page.get_by_role("link", name="New event").click()
    page.get_by_label("Title").fill("Festival-conference")
    page.get_by_label("Kind").select_option("festival")
    page.get_by_label("Starts").fill("2030-10-11T10:00")
    page.get_by_label("Ends").fill("2030-10-11T18:00")
    page.get_by_label("Venue").fill("Moscow, Shumkina 3")
    page.get_by_label("Places").fill("200")
    page.get_by_label("Public registration page").check()
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("The event is created.")).to_be_visible()
    page.get_by_label("Session").fill("Opening")
    page.get_by_label("Starts").fill("2030-10-11T10:00")
    page.get_by_label("Ends").fill("2030-10-11T10:45")
    page.get_by_role("button", name="Add the session").click()
    expect(page.get_by_text("The session is added to the programme.")).to_be_visible()
    expect(page.get_by_role("heading", name="Programme", exact=True)).to_be_visible()
    expect(page.get_by_text("Public registration page — share this address:")).to_be_visible()
    assert_accessible(page)
    screenshot(page, "event_detail")
    page.goto(f"{e2e.url}/o/{org.slug}/events/{past.pk}/feedback/")
    expect(page.get_by_role("img", name="Overall rating: number of answers per mark")
           ).to_be_visible()
    expect(page.get_by_text("More practice, please")).to_be_visible()
    assert_accessible(page)
    screenshot(page, "event_feedback")


def test_a_coordinator_links_a_participant_to_their_beneficiary_record(e2e, page):
    org, coordinator = _coordinator()
    with scopes_disabled():
        event = _held_two_days_ago(org, "Parents' circle")
        event.organisers.set([coordinator])
        olga = RegistrationFactory(event=event, full_name="Olga Petrova")
        RegistrationFactory(event=event, full_name="Irina Zaitseva")
        person = factories.BeneficiaryFactory(organisation=org, code="B-0042")
        factories.ConsentFactory(beneficiary=person)
        services.attendance_mark(actor=coordinator, event=event, day=event.days()[0],
                                 registrations=[olga], present=True)
    sign_in_as(page, e2e, coordinator)
    page.goto(f"{e2e.url}/o/{org.slug}/events/{event.pk}/")
    page.get_by_label("Card code of Olga Petrova").fill("B-0099")
    page.get_by_role("button", name="Link Olga Petrova").click()
    expect(page.get_by_text("Olga Petrova: No person with this code.")).to_be_visible()
    page.get_by_label("Card code of Olga Petrova").fill("b-0042")
    page.get_by_role("button", name="Link Olga Petrova").click()
    expect(page.get_by_text("Olga Petrova is linked to the beneficiary record.")).to_be_visible()
    expect(page.get_by_text("linked", exact=True)).to_be_visible()
    expect(page.get_by_text("B-0042")).to_have_count(0)
    assert_accessible(page)
    screenshot(page, "event_registration_linked")
    with scopes_disabled():
        [activity] = Activity.objects.filter(kind="event_session")
        assert list(activity.participants.all()) == [person]
    page.get_by_role("button", name="Unlink Olga Petrova").click()
    expect(page.get_by_text("The link of Olga Petrova to a beneficiary record is removed.")
           ).to_be_visible()
    with scopes_disabled():
        assert not activity.participants.exists()


def test_finding_14_volunteer_who_is_not_an_organiser_cannot_reach_attendance(e2e, page):
    membership = factories.MembershipFactory(role=Role.VOLUNTEER)
    org, volunteer = membership.organisation, membership.user
    give_totp(volunteer)
    organiser = factories.MembershipFactory(role=Role.VOLUNTEER, organisation=org).user
    starts = timezone.now() - datetime.timedelta(minutes=30)
    with scopes_disabled():
        event = EventFactory(organisation=org, title="Club meeting", starts_at=starts,
                             ends_at=starts + datetime.timedelta(hours=2))
        event.organisers.set([organiser])
        RegistrationFactory(event=event, full_name="Olga Petrova")
    sign_in_as(page, e2e, volunteer)
    page.goto(f"{e2e.url}/o/{org.slug}/events/{event.pk}/")
    expect(page.get_by_role("heading", name="Club meeting")).to_be_visible()
    expect(page.get_by_role("link", name="Mark attendance")).to_have_count(0)
    response = page.goto(f"{e2e.url}/o/{org.slug}/events/{event.pk}/attendance/")
    assert response.status == 404
    expect(page.get_by_text("Olga Petrova")).to_have_count(0)
    screenshot(page, "event_attendance_not_organiser")
