import json

import pytest
from django_scopes import scopes_disabled
from playwright.sync_api import expect

from peercircle.core.models import Activity
from peercircle.organisations.roles import Role
from tests import factories
from tests.e2e.conftest import assert_accessible, screenshot, settled, sign_in_as

pytestmark = pytest.mark.e2e


@pytest.fixture
def phone_page(e2e, browser):
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="en-GB",
                                  is_mobile=True, has_touch=True)
    page = context.new_page()
    page.set_default_timeout(15_000)
    membership = factories.MembershipFactory(role=Role.VOLUNTEER)
    factories.ProgrammeFactory(organisation=membership.organisation, name="Patients' team",
                               target_per_provider=20)
    sign_in_as(page, e2e, membership.user)
    page.base = f"{e2e.url}/o/{membership.organisation.slug}"
    page.membership = membership
    yield page
    context.close()


def _count():
    with scopes_disabled():
        return Activity.objects.count()


def test_a_consultation_is_logged_in_a_few_taps(phone_page):
    page = phone_page
    page.goto(page.base + "/consultations/new/")
    page.get_by_label("Phone", exact=True).check()
    page.get_by_label("Oncology").check()
    assert_accessible(page)
    screenshot(page, "consultation-phone")
    page.get_by_role("button", name="Save and add another").click()
    expect(page.get_by_text("The consultation is saved.")).to_be_visible()
    page.get_by_label("Chat or messenger").check()
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.get_by_text("Patients' team: 2 of 20 consultations")).to_be_visible()
    expect(page.get_by_text("2 consultations in all.")).to_be_visible()
    assert_accessible(page)
    screenshot(page, "my-consultations-phone")
    assert _count() == 2


class Taps:
    """Counts what a thumb does: every tap on the page (typing into a field is not one)."""

    def __init__(self, page):
        self.page, self.count = page, 0

    def __call__(self, locator):
        self.count += 1
        locator.click()


def test_a_repeat_caller_is_logged_under_their_code_in_six_taps_from_home(phone_page):
    """Issue 12 items 2, 3, 14: a new anonymous caller gets a code on the confirmation; when they
    call again the volunteer logs them under it from the home page in at most six taps, on large
    buttons, and the group-size field stays out of the way of an individual session."""
    page = phone_page
    page.goto(page.base + "/")
    tap = Taps(page)
    tap(page.get_by_role("link", name="Log a consultation").first)
    group_size = page.get_by_label("People in the group (not named)")
    expect(group_size).to_be_hidden()  # an individual session has no group to count
    tap(page.get_by_label("Phone", exact=True))
    tap(page.get_by_role("button", name="Save", exact=True))
    message = page.get_by_text("The consultation is saved. The person's code is")
    expect(message).to_be_visible()
    code = message.inner_text().split("The person's code is ")[1].split(":")[0]
    with scopes_disabled():
        assert Activity.objects.get().contact_code == code

    # the caller rings again: home → log → type the code → phone → save
    page.goto(page.base + "/")
    tap = Taps(page)
    tap(page.get_by_role("link", name="Log a consultation").first)
    box = page.get_by_label("Person's code")
    tap(box)
    box.type(code.lower()[:3])  # the list of codes the person may use narrows as one types
    expect(page.locator(f"datalist option[value='{code}']")).to_have_count(1)
    box.fill(code.lower())  # typed in small letters, as one does on a phone
    # a segmented row of big buttons, not small stacked circles
    phone = page.locator("label[for=id_format_1]")
    assert phone.bounding_box()["height"] >= 44
    tap(page.get_by_label("Phone", exact=True))
    screenshot(page, "consultation-repeat-caller-phone")
    tap(page.get_by_role("button", name="Save", exact=True))
    expect(page.get_by_text("The consultation is saved.", exact=True)).to_be_visible()
    assert tap.count <= 6, tap.count
    with scopes_disabled():
        assert sorted(Activity.objects.values_list("contact_code", flat=True)) == [code, code]

    # a group session shows the field when it applies, and a refusal keeps what was typed
    page.goto(page.base + "/consultations/new/")
    page.get_by_label("Group", exact=True).check()
    expect(group_size).to_be_visible()
    page.get_by_label("Phone", exact=True).check()
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.get_by_text("Say how many people took part.")).to_be_visible()
    # shown as refused, never as sent (item 19), with what was chosen kept
    expect(page.locator("#offline-status")).to_have_text(
        "The consultation is not saved: correct what is marked below and save it again.")
    # the list of errors takes the focus and links to the field (issue 23)
    expect(page.locator("#error-summary")).to_be_focused()
    expect(page.locator("#error-summary a")).to_have_text("People in the group (not named)")
    expect(page.get_by_label("Group", exact=True)).to_be_checked()
    expect(page.get_by_label("Phone", exact=True)).to_be_checked()
    assert_accessible(page)
    screenshot(page, "consultation-group-refused-phone")
    group_size.fill("5")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.get_by_text("The consultation is saved.", exact=True)).to_be_visible()
    assert _count() == 3


def test_a_consultation_survives_a_lost_connection_and_is_sent_once(phone_page):
    page = phone_page
    page.goto(page.base + "/consultations/new/")
    page.get_by_label("Phone", exact=True).check()
    page.get_by_label("Oncology").check()
    page.context.set_offline(True)
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.get_by_text("No connection: the consultation is kept on this device")).to_be_visible()
    screenshot(page, "consultation-offline")
    assert _count() == 0
    assert len(_kept(page)) == 1
    page.context.set_offline(False)
    page.evaluate("window.dispatchEvent(new Event('online'))")
    expect(page.get_by_text("Consultations kept on this device have been sent.")).to_be_visible()
    assert _count() == 1
    assert _kept(page) == []
    # The same item sent again (a retry after a lost answer) is still recorded once.
    page.evaluate("window.dispatchEvent(new Event('online'))")
    page.reload()
    assert _count() == 1


# Finding 12: the offline queue belongs to one person in one organisation, is encrypted on the
# device, keeps what the server did not accept, and is cleared (after a warning) at sign-out.

def _storage(page) -> dict:
    return page.evaluate("Object.assign({}, localStorage)")


def _kept(page) -> list:
    """The items this device keeps, whoever they belong to."""
    return [item for name, value in _storage(page).items()
            if name.startswith("peercircle-offline:") for item in json.loads(value)]


def _keep_offline(page, count=1, group=False, fill=None) -> None:
    """Fill the form and save it with the connection down, `count` times. (Requests are also
    refused outright: Chromium may still let a request out just after going offline.)"""
    page.goto(page.base + "/consultations/new/")
    page.route("**/consultations/new/", _no_posts)
    page.context.set_offline(True)
    page.wait_for_function("!navigator.onLine")
    for _ in range(count):
        if fill:
            fill(page)
        page.check("input[name=format][value=phone]")
        if group:
            page.check("input[name=mode][value=group]")
        page.click("button[name=save]")
        expect(page.locator("#offline-status")).to_be_visible()
    page.unroute("**/consultations/new/", _no_posts)
    assert len(_kept(page)) >= count


def _no_posts(route):
    if route.request.method == "POST":
        route.abort()
    else:
        route.fallback()


def _provider_emails():
    with scopes_disabled():
        return sorted(Activity.objects.values_list("providers__email", flat=True))


def test_finding_12_kept_consultations_are_encrypted_on_the_device(phone_page):
    page = phone_page

    def fill(page):
        page.get_by_label("Oncology").check()
        page.get_by_label("Next contact (optional)").fill("2031-07-19")

    _keep_offline(page, fill=fill)
    stored = json.dumps(_storage(page))
    for clear_text in ("2031-07-19", "help_areas", "follow_up_on", "format", "phone",
                       "consultations/new"):
        assert clear_text not in stored
    assert "peercircle-offline-queue" not in _storage(page)  # nothing kept the old, clear way
    page.context.set_offline(False)
    page.evaluate("window.dispatchEvent(new Event('online'))")
    expect(page.get_by_text("Consultations kept on this device have been sent.")).to_be_visible()
    with scopes_disabled():
        assert str(Activity.objects.get().follow_up_on) == "2031-07-19"


def test_finding_12_an_error_answer_keeps_the_consultation_on_the_device(phone_page):
    page = phone_page
    _keep_offline(page)
    failing = {"status": 500}

    def answer(route):
        if route.request.method == "POST":
            route.fulfill(status=failing["status"], body="Server error")
        else:
            route.continue_()

    page.route("**/consultations/new/", answer)
    page.context.set_offline(False)
    page.evaluate("window.dispatchEvent(new Event('online'))")
    expect(page.get_by_text("The server did not accept the consultation now.")).to_be_visible()
    assert len(_kept(page)) == 1 and _count() == 0
    # Sent online while the server is briefly unavailable (503): kept, and said so as "later",
    # not as refused (issue 22)
    failing["status"] = 503
    page.goto(page.base + "/consultations/new/")
    page.check("input[name=format][value=phone]")
    page.click("button[name=save]")
    expect(page.get_by_text("The server is briefly unavailable. The consultation is kept on this "
                            "device")).to_be_visible()
    assert len(_kept(page)) == 2 and _count() == 0
    page.unroute("**/consultations/new/")
    page.evaluate("window.dispatchEvent(new Event('online'))")
    expect(page.get_by_text("Consultations kept on this device have been sent.")).to_be_visible()
    assert _count() == 2 and _kept(page) == []


def test_finding_12_a_refused_form_is_shown_to_the_person_not_reported_as_sent(phone_page):
    page = phone_page
    _keep_offline(page, group=True)  # a group with nobody in it: the server refuses it
    page.context.set_offline(False)
    page.evaluate("window.dispatchEvent(new Event('online'))")
    expect(page.get_by_text("A consultation kept on this device was not accepted.")).to_be_visible()
    expect(page.get_by_text("Say how many people took part.")).to_be_visible()
    expect(page.get_by_text("Consultations kept on this device have been sent.")).to_have_count(0)
    assert len(_kept(page)) == 1 and _count() == 0
    page.get_by_label("People in the group (not named)").fill("4")
    page.click("button[name=save]")
    expect(page.get_by_text("The consultation is saved.")).to_be_visible()
    assert _count() == 1 and _kept(page) == []


def test_finding_12_signing_out_warns_about_unsent_consultations_then_clears_them(phone_page):
    page = phone_page
    user = page.membership.user
    user.language = "ru"
    user.save(update_fields=["language"])
    page.route("**/consultations/new/",
               lambda route: route.abort() if route.request.method == "POST" else route.continue_())
    _keep_offline(page, count=2)
    page.context.set_offline(False)
    page.reload()
    page.click(".navbar-toggler")
    page.click("#user-menu")
    page.get_by_role("button", name="Выйти", exact=True).click()
    settled(page)
    warning = page.locator("#offline-pending")
    expect(warning).to_contain_text("2 консультации, сохранённые на этом устройстве, не "
                                    "отправлены; при выходе они будут удалены.")
    assert_accessible(page)
    screenshot(page, "sign-out-unsent-consultations-ru")
    assert len(_kept(page)) == 2
    page.get_by_role("button", name="Выйти и удалить их").click()
    settled(page)
    assert "/accounts/login/" in page.url
    assert _kept(page) == [] and _count() == 0


def test_finding_12_the_next_person_on_the_phone_never_sends_the_first_persons_items(phone_page, e2e):
    page = phone_page
    first = page.membership.user
    second = factories.MembershipFactory(role=Role.VOLUNTEER,
                                         organisation=page.membership.organisation).user
    _keep_offline(page)
    page.context.clear_cookies()  # the session ends without signing out
    page.context.set_offline(False)
    page.evaluate("window.dispatchEvent(new Event('online'))")
    expect(page.get_by_text("You are no longer signed in.")).to_be_visible()
    assert len(_kept(page)) == 1 and _count() == 0
    sign_in_as(page, e2e, second)  # someone else signs in on the same phone
    page.goto(page.base + "/consultations/new/")
    page.check("input[name=format][value=phone]")
    page.click("button[name=save]")
    expect(page.get_by_text("The consultation is saved.")).to_be_visible()
    assert _provider_emails() == [second.email]
    assert len(_kept(page)) == 1  # the first person's item stays, unread and unsent
    page.context.clear_cookies()
    sign_in_as(page, e2e, first)
    page.goto(page.base + "/consultations/new/")
    expect(page.get_by_text("Consultations kept on this device have been sent.")).to_be_visible()
    assert _provider_emails() == sorted([first.email, second.email])
    assert _kept(page) == []
