"""Issue 14: a network and its NGOs start from an empty database, through the product's own
paths only — the operator's command and pages, invitations, the public forms, the coordinator's
pages and a volunteer's phone — until the project indicator "trained people who each gave at
least 20" reads 1."""

import datetime
import io
import re

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from django_scopes import scopes_disabled
from playwright.sync_api import expect

from peercircle.accounts.models import User
from peercircle.organisations.models import Organisation
from peercircle.volunteers.models import Volunteer
from tests.e2e.conftest import (
    assert_accessible,
    screenshot,
    set_up_authenticator,
    settled,
    totp_now,
)

pytestmark = pytest.mark.e2e

PASSWORD = "a-long-passphrase-9"


def _link_sent_to(email: str, path: str) -> str:
    bodies = [m.body for m in mail.outbox if email in m.to]
    assert bodies, f"no e-mail to {email}"
    return re.search(rf"https?://\S+{path}\S*", bodies[-1]).group(0)


def _operator(monkeypatch) -> str:
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
    out = io.StringIO()
    call_command("operator_create", "--email", "operator@example.org", "--name", "Olga Operator",
                 "--language", "en", stdout=out)
    return re.search(r"secret: (\S+)", out.getvalue()).group(1)


def _sign_in(page, url: str, email: str, secret: str) -> None:
    page.goto(url + "/accounts/login/")
    page.locator("#id_login").fill(email)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("main form button[type=submit]").last.click()
    page.locator("#id_code").fill(totp_now(secret))
    page.locator("main form button[type=submit]").first.click()  # the other one cancels
    settled(page)


def _organisation(page, **fields) -> None:
    page.get_by_role("link", name="New organisation").click()
    for name, value in fields.items():
        element = page.locator(f"#id_{name}")
        if element.evaluate("e => e.tagName") == "SELECT":
            element.select_option(value)
        else:
            element.fill(value)
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Invite its coordinator now.")).to_be_visible()


def _accept_and_set_up_the_authenticator(browser, url: str, name: str):
    """The invited person joins and, their role protecting sensitive data, sets up TOTP."""
    context = browser.new_context(locale="en-GB")
    page = context.new_page()
    page.goto(url)
    page.get_by_label("Your name").fill(name)
    page.locator("#id_password1").fill(PASSWORD)
    page.locator("#id_password2").fill(PASSWORD)
    page.locator("main form button[type=submit]").click()
    settled(page)
    # the password was typed a moment ago: the set-up does not ask for it again
    expect(page).to_have_url(re.compile("/accounts/2fa/totp/activate/"))
    set_up_authenticator(page)
    expect(page.get_by_text(re.compile("recovery codes", re.I)).first).to_be_visible()
    return page


def test_a_network_and_its_ngos_start_from_an_empty_database(e2e, browser, page, monkeypatch):
    assert not Organisation.objects.exists() and not User.objects.exists()
    today = timezone.localdate()

    # the operator: a command makes the account with its authenticator; the rest is the web
    secret = _operator(monkeypatch)
    _sign_in(page, e2e.url, "operator@example.org", secret)
    expect(page.get_by_role("heading", name="Organisations of the installation")).to_be_visible()
    _organisation(page, name="Peers Here Centre", slug="hub", inn="7707083893",
                  ogrn="1027700132195", city="Moscow")
    page.get_by_role("link", name="Organisations of the installation").click()
    page.get_by_role("link", name="New organisation").click()
    page.locator("#id_name").fill("Svecha")
    page.locator("#id_slug").fill("svecha")
    page.locator("#id_inn").fill("7707083893")  # the hub's: refused, nothing saved
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Peers Here Centre is already registered with this identifier.")
           ).to_be_visible()
    page.locator("#id_inn").fill("")
    page.locator("#id_time_zone").select_option("Europe/Samara")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Invite its coordinator now.")).to_be_visible()
    page.locator("#id_email").fill("coordinator@svecha.example.org")
    page.locator("#id_language").select_option("en")
    page.get_by_role("button", name="Send the invitation").click()
    expect(page.get_by_text("The invitation is sent to coordinator@svecha.example.org.")
           ).to_be_visible()
    assert_accessible(page)
    screenshot(page, "operator-organisation")

    page.get_by_role("link", name="Organisations of the installation").click()
    page.get_by_role("link", name="New network").click()
    page.locator("#id_name").fill("Peers Here")
    page.get_by_label("Short name in addresses").fill("peers-here")
    page.get_by_label("Coordinating organisation").select_option(label="Peers Here Centre")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("The network is created.")).to_be_visible()
    page.get_by_role("link", name="Peers Here Centre").click()
    page.locator("#id_email").fill("network@hub.example.org")
    page.locator("#id_language").select_option("en")
    page.get_by_label("Invite as the network coordinator").check()
    page.get_by_role("button", name="Send the invitation").click()
    expect(page.get_by_text("The invitation is sent to network@hub.example.org.")).to_be_visible()
    page.goto(e2e.url + "/operator/")
    assert_accessible(page)
    screenshot(page, "operator-home")

    # both first coordinators accept and set up their authenticator
    network = _accept_and_set_up_the_authenticator(
        browser, _link_sent_to("network@hub.example.org", "/invitations/"), "Nadia Network")
    coordinator = _accept_and_set_up_the_authenticator(
        browser, _link_sent_to("coordinator@svecha.example.org", "/invitations/"), "Kira Coord")

    # the network invites Svecha; its coordinator accepts from the home page
    network.goto(e2e.url + "/o/hub/network/invite/")
    network.get_by_label("Organisation").select_option(label="Svecha")
    network.get_by_role("button", name="Send the invitation").click()
    expect(network.get_by_text("The invitation is sent.")).to_be_visible()
    coordinator.goto(e2e.url + "/o/svecha/")
    coordinator.get_by_role("link", name="Peers Here invites your organisation to join.").click()
    assert_accessible(coordinator)
    coordinator.get_by_role("button", name="Join the network").click()
    expect(coordinator.get_by_text("Svecha is now a member of Peers Here.")).to_be_visible()
    network.goto(e2e.url + "/o/hub/network/members/")
    expect(network.get_by_role("heading", name="Svecha")).to_be_visible()
    assert_accessible(network)
    screenshot(network, "network-directory")

    # a programme with a target of 20 consultations each
    coordinator.goto(e2e.url + "/o/svecha/programmes/new/")
    coordinator.locator("#id_name").fill("Peer consulting")
    coordinator.get_by_label("Kind").select_option("peer_consulting")
    coordinator.get_by_label("Consultations each consultant is expected to give").fill("20")
    coordinator.get_by_role("button", name="Save").click()
    expect(coordinator.get_by_role("cell", name="Peer consulting", exact=True)).to_be_visible()

    # a person applies on the public form, is screened, trained and invited
    public = browser.new_context(locale="ru-RU", viewport={"width": 390, "height": 844})
    applicant = public.new_page()
    applicant.goto(e2e.url + "/apply/svecha/")
    applicant.locator("#id_full_name").fill("Ольга Смирнова")
    applicant.locator("#id_email").fill("olga@example.org")
    applicant.locator("#id_motivation").fill("Сама прошла через это.")
    applicant.get_by_label("Онкология").check()
    applicant.get_by_label("Русский").check()
    applicant.locator("#id_consent").check()
    applicant.locator("main form button[type=submit]").click()
    expect(applicant).to_have_url(re.compile("/thanks/"))

    coordinator.goto(e2e.url + "/o/svecha/volunteers/")
    coordinator.get_by_role("link", name="Ольга Смирнова").click()
    volunteer_url = coordinator.url
    coordinator.get_by_role("link", name="Record the screening").click()
    coordinator.get_by_label("Accept").check()
    coordinator.get_by_role("button", name="Save").click()
    expect(coordinator.get_by_text("The screening is recorded.")).to_be_visible()

    coordinator.goto(e2e.url + "/o/svecha/courses/new/")
    coordinator.locator("#id_title").fill("Supportive counselling")
    coordinator.locator("#id_minimum_hours").fill("2")
    coordinator.get_by_role("button", name="Save").click()
    coordinator.locator("#id_enrol-volunteer").select_option(label="Ольга Смирнова")
    coordinator.get_by_role("button", name="Enrol").click()
    expect(coordinator.get_by_text("The volunteer is enrolled.")).to_be_visible()
    coordinator.locator("#id_session-topic").fill("Listening")
    coordinator.locator("#id_session-date").fill((today - datetime.timedelta(days=1)).isoformat())
    coordinator.get_by_role("button", name="Save").click()
    coordinator.get_by_role("link", name="Mark attendance Listening").click()
    coordinator.get_by_label("Ольга Смирнова").check()
    coordinator.get_by_role("button", name="Save").click()
    coordinator.get_by_role("button", name="Mark completed Ольга Смирнова").click()
    expect(coordinator.get_by_text("The course is marked as completed.")).to_be_visible()

    coordinator.goto(volunteer_url)
    coordinator.get_by_role("link", name="Change stage").click()
    coordinator.get_by_label("New stage").select_option("active")
    coordinator.get_by_role("button", name="Save").click()
    coordinator.get_by_role("link", name="Edit profile").click()
    coordinator.get_by_label("Consultations a week").fill("5")
    coordinator.get_by_role("button", name="Save").click()
    coordinator.get_by_role("link", name="Invite to PeerCircle").click()
    coordinator.get_by_label("Volunteer works as").select_option("peer_consultant")
    coordinator.get_by_label("Language of the invitation").select_option("ru")
    coordinator.get_by_role("button", name="Send the invitation").click()

    volunteer = public.new_page()
    volunteer.goto(_link_sent_to("olga@example.org", "/invitations/"))
    volunteer.get_by_label("Ваше имя").fill("Ольга Смирнова")
    volunteer.locator("#id_password1").fill(PASSWORD)
    volunteer.locator("#id_password2").fill(PASSWORD)
    volunteer.get_by_role("button", name="Принять приглашение").click()
    expect(volunteer.get_by_role("heading", name="Svecha")).to_be_visible()

    # a public request for help is routed to her; she is told by e-mail and calls back
    applicant.goto(e2e.url + "/request/svecha/")
    applicant.locator("#id_name").fill("Анна")
    applicant.locator("#id_phone").fill("+7 900 100 20 30")
    applicant.locator("#id_need").select_option(label="Онкология")
    applicant.locator("#id_consent").check()
    applicant.locator("main form button[type=submit]").click()
    expect(applicant).to_have_url(re.compile("/thanks/"))
    coordinator.goto(e2e.url + "/o/svecha/requests/")
    coordinator.locator("table tbody a").first.click()
    coordinator.get_by_role("button", name="Assign Ольга Смирнова").click()
    expect(coordinator.get_by_text("The request is given to Ольга Смирнова.")).to_be_visible()
    volunteer.goto(_link_sent_to("olga@example.org", "/o/svecha/"))
    volunteer.goto(e2e.url + "/o/svecha/my-work/")
    volunteer.get_by_role("button", name="Показать, как связаться").click()
    expect(volunteer.get_by_role("link", name="+7 900 100 20 30")).to_be_visible()

    # 20 consultations logged on the phone
    volunteer.goto(e2e.url + "/o/svecha/consultations/new/")
    for _ in range(20):
        volunteer.get_by_label("Телефон", exact=True).check()
        with volunteer.expect_navigation():  # the form is sent by its offline-safe script
            volunteer.get_by_role("button", name="Сохранить и добавить ещё").click()
        expect(volunteer.get_by_text("Консультация сохранена.")).to_be_visible()
    screenshot(volunteer, "consultation-twentieth-phone-ru")
    public.close()

    # the project's indicator: trained people who each gave at least 20
    coordinator.goto(e2e.url + "/o/svecha/projects/new/")
    coordinator.locator("#id_title").fill("Patients' team in action")
    coordinator.locator("#id_starts_on").fill((today - datetime.timedelta(days=30)).isoformat())
    coordinator.locator("#id_ends_on").fill((today + datetime.timedelta(days=300)).isoformat())
    coordinator.get_by_role("button", name="Save").click()
    coordinator.get_by_label("Indicator set").select_option("patients_team")
    coordinator.get_by_role("button", name="Add the indicators").click()
    indicator = coordinator.get_by_role(
        "progressbar", name="Trained consultants who each gave at least 20 consultations")
    expect(indicator).to_have_attribute("aria-valuenow", "3")  # 1 of the target 30
    expect(coordinator.get_by_text("1 of 1 trained people reached 20.")).to_be_visible()
    assert_accessible(coordinator)
    screenshot(coordinator, "adoption-indicator")
    with scopes_disabled():
        olga = Volunteer.objects.get(email="olga@example.org")
    assert olga.user is not None and olga.user.email == "olga@example.org"
