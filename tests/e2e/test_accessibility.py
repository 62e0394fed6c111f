"""Issue 23: focus you can see, with the keyboard only; swaps that move focus or announce; the
accessibility statement; reflow at 320 px is in test_phone_pages_fit.py."""

import re

import pytest
from playwright.sync_api import expect

from peercircle.organisations.roles import Role
from tests import factories
from tests.conftest import give_totp
from tests.e2e.conftest import assert_accessible, screenshot, sign_in_as, totp_now

pytestmark = pytest.mark.e2e

SIZES = [(1280, 720), (390, 844)]  # a laptop, a phone

FOCUS = """() => {
    // a choice drawn as a button (an invisible radio over its label) shows its ring on the label
    const focused = document.activeElement;
    const e = focused.matches('.btn-check') ? focused.nextElementSibling : focused;
    const style = getComputedStyle(e);
    let node = e.parentElement, background = 'rgba(0, 0, 0, 0)';
    while (node && /rgba\\(0, 0, 0, 0\\)|transparent/.test(background)) {
        background = getComputedStyle(node).backgroundColor; node = node.parentElement;
    }
    return {tag: e.tagName, name: (e.innerText || e.value || e.name || e.id || '').trim().slice(0, 40),
            width: parseFloat(style.outlineWidth), style: style.outlineStyle,
            color: style.outlineColor, background: background.startsWith('rgba(0, 0, 0, 0)')
              ? 'rgb(255, 255, 255)' : background};
}"""


def _luminance(css: str) -> float:
    r, g, b = (int(v) for v in re.findall(r"\d+", css)[:3])

    def channel(value):
        value /= 255
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(one: str, other: str) -> float:
    lighter, darker = sorted((_luminance(one), _luminance(other)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def _tab_and_check(page, steps: int) -> list[str]:
    seen = []
    for _ in range(steps):
        page.keyboard.press("Tab")
        focus = page.evaluate(FOCUS)
        assert focus["tag"] != "BODY", seen  # never lost to the page body
        assert focus["style"] != "none" and focus["width"] >= 3, focus
        assert contrast(focus["color"], focus["background"]) >= 3, focus
        seen.append(focus["name"])
    return seen


@pytest.mark.parametrize("width,height", SIZES)
def test_sign_in_with_two_factor_and_log_a_consultation_with_the_keyboard_only(
        e2e, browser, width, height):
    """The first everyday task, keyboard only, in Russian: every focused element shows a ring of
    at least 3 px with 3:1 contrast against what is behind it."""
    membership = factories.MembershipFactory(role=Role.STAFF, user__language="ru")
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    secret = generate_totp_secret()
    TOTP.activate(membership.user, secret)
    context = browser.new_context(viewport={"width": width, "height": height}, locale="ru-RU")
    page = context.new_page()
    page.goto(e2e.url + "/accounts/login/")
    seen = _tab_and_check(page, 3)  # the skip link, the language switch…
    assert seen[0] == "Перейти к содержимому"
    _tab_to(page, page.locator("#id_login"))
    page.keyboard.type(membership.user.email)
    page.keyboard.press("Tab")
    page.keyboard.type(factories.PASSWORD)
    screenshot(page, f"keyboard-sign-in-ru-{width}")
    page.keyboard.press("Enter")
    expect(page.locator("#id_code")).to_be_focused()  # the code field takes the focus itself
    page.keyboard.type(totp_now(secret))
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_contain_text(membership.organisation.name)
    # to the home page's primary action by Tab alone
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.innerText || ''").strip() == \
                "Записать консультацию":
            break
    else:
        pytest.fail("the primary action is not reached with Tab")
    focus = page.evaluate(FOCUS)
    assert focus["width"] >= 3 and contrast(focus["color"], focus["background"]) >= 3
    screenshot(page, f"keyboard-focus-primary-action-ru-{width}")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Записать консультацию")
    _tab_and_check(page, 6)
    _pick_radio(page, page.get_by_label("Телефон", exact=True))
    _tab_to(page, page.locator("button[name=save]"))
    page.keyboard.press("Enter")
    expect(page.get_by_text("Консультация сохранена.")).to_be_visible()
    context.close()


def test_forced_colors_keep_a_focus_ring(e2e, browser):
    context = browser.new_context(viewport={"width": 1280, "height": 720}, locale="pl-PL",
                                  forced_colors="active")
    page = context.new_page()
    page.goto(e2e.url + "/accounts/login/")
    for _ in range(4):
        page.keyboard.press("Tab")
        focus = page.evaluate(FOCUS)
        assert focus["style"] != "none" and focus["width"] >= 3, focus
    screenshot(page, "focus-forced-colors-pl")
    context.close()


def test_a_swap_moves_focus_into_what_replaced_the_button(e2e, page):
    """"Show name and contacts" replaces the focused button: focus goes to the opened details'
    heading, never to the page body."""
    membership = factories.MembershipFactory(role=Role.COORDINATOR, user__language="pl")
    give_totp(membership.user)
    org = membership.organisation
    from django_scopes import scope
    with scope(organisation=org):
        person = factories.BeneficiaryFactory(organisation=org)
        factories.ConsentFactory(beneficiary=person)
        factories.IdentityFactory(beneficiary=person)
    sign_in_as(page, e2e, membership.user)
    page.goto(f"{e2e.url}/o/{org.slug}/beneficiaries/{person.pk}/")
    button = page.get_by_role("button", name="Pokaż imię i nazwisko oraz dane kontaktowe")
    button.focus()
    page.keyboard.press("Enter")
    # the button itself was in the region: wait for what replaced it, then for the focus there
    expect(page.locator("#identity dl")).to_be_visible()
    focused = page.locator("#identity :focus")
    expect(focused).to_have_count(1)
    assert page.evaluate("document.activeElement !== document.body")
    screenshot(page, "identity-opened-focus-pl")


@pytest.mark.parametrize("language,heading", [("ru", "Заявление о доступности"),
                                              ("pl", "Deklaracja dostępności")])
def test_the_accessibility_statement(e2e, browser, language, heading):
    context = browser.new_context(viewport={"width": 390, "height": 844},
                                  locale=f"{language}-{language.upper()}")
    page = context.new_page()
    page.goto(e2e.url + "/accounts/login/")
    page.get_by_role("contentinfo").get_by_role("link", name=heading).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(heading)
    expect(page.get_by_text("WCAG 2.2")).to_be_visible()
    assert_accessible(page)
    screenshot(page, f"accessibility-statement-{language}")
    context.close()


@pytest.mark.parametrize("width,height", SIZES)
def test_register_for_a_public_event_with_the_keyboard_only(e2e, browser, width, height):
    """A refused registration (a wrong address) leads with its errors; the link in the summary
    takes the focus to the field; the form sent again from the keyboard registers."""
    from django_scopes import scopes_disabled

    from tests.events.factories import EventFactory

    org = factories.OrganisationFactory(slug="razem", name="Razem", country="PL",
                                        languages=["pl"])
    with scopes_disabled():
        event = EventFactory(organisation=org, title="Klub seniora: spotkanie", capacity=20)
    context = browser.new_context(viewport={"width": width, "height": height}, locale="pl-PL")
    page = context.new_page()
    page.goto(f"{e2e.url}/events/razem/{event.pk}/")
    _tab_to(page, page.get_by_label("Imię i nazwisko"))
    page.keyboard.type("Anna Nowak")
    page.keyboard.press("Tab")
    page.keyboard.type("anna@@example")
    page.keyboard.press("Enter")
    summary = page.locator("#error-summary")
    expect(summary).to_be_focused()
    assert page.title().startswith("Błąd:")
    assert_accessible(page)
    screenshot(page, f"keyboard-event-refused-pl-{width}")
    page.keyboard.press("Tab")  # the first error's link
    page.keyboard.press("Enter")
    expect(page.locator("#id_email")).to_be_focused()
    page.keyboard.press("Control+A")
    page.keyboard.type("anna@example.org")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Dziękujemy")
    context.close()


@pytest.mark.parametrize("width,height", SIZES)
def test_switch_the_language_with_the_keyboard(e2e, page, width, height):
    page.set_viewport_size({"width": width, "height": height})
    page.goto(e2e.url + "/accounts/login/")
    _tab_and_check(page, 1)  # the skip link
    for _ in range(6):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.value") == "ru":
            break
    page.keyboard.press("Enter")
    expect(page.locator("html")).to_have_attribute("lang", "ru")
    for _ in range(6):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.value") == "pl":
            break
    focus = page.evaluate(FOCUS)
    assert focus["width"] >= 3 and contrast(focus["color"], focus["background"]) >= 3, focus
    page.keyboard.press("Enter")
    expect(page.locator("html")).to_have_attribute("lang", "pl")
    expect(page.get_by_role("heading", level=1)).to_have_text("Zaloguj się")


def _ring_ok(page) -> None:
    focus = page.evaluate(FOCUS)
    assert focus["tag"] != "BODY"
    assert focus["style"] != "none" and focus["width"] >= 3, focus
    assert contrast(focus["color"], focus["background"]) >= 3, focus


def _tab_to(page, target, limit: int = 90) -> None:
    """Reach a control with the Tab key alone, from wherever focus is: every control passed on
    the way shows its ring and focus never falls to the page body."""
    handle = target.element_handle()
    for _ in range(limit):
        page.keyboard.press("Tab")
        _ring_ok(page)
        if page.evaluate("element => document.activeElement === element", handle):
            return
    pytest.fail(f"{target} not reached with {limit} presses of Tab")


def _pick_radio(page, radio) -> None:
    """A radio button chosen as with a keyboard: Tab into its group, arrows to it."""
    name = radio.get_attribute("name")
    for _ in range(90):
        page.keyboard.press("Tab")
        _ring_ok(page)
        if page.evaluate("document.activeElement.name") == name:
            break
    else:
        pytest.fail(f"the group {name!r} is not reached with Tab")
    for _ in range(10):
        if radio.is_checked():
            return
        page.keyboard.press("ArrowRight")
        _ring_ok(page)
    pytest.fail(f"{radio} not reached with the arrow keys")


def _choose(page, select, label: str) -> None:
    """A select operated from the keyboard: tab to it, arrow down to the option."""
    _tab_to(page, select)
    for _ in range(30):
        if select.evaluate("s => s.options[s.selectedIndex].text") == label:
            return
        page.keyboard.press("ArrowDown")
    pytest.fail(f"{label!r} not reached with the arrow keys")


def _type_into(page, field, text: str) -> None:
    _tab_to(page, field)
    page.keyboard.type(text)


@pytest.mark.parametrize("width,height", SIZES)
def test_create_a_beneficiary_with_consent_with_the_keyboard_only(e2e, page, width, height):
    page.set_viewport_size({"width": width, "height": height})
    membership = factories.MembershipFactory(role=Role.STAFF, user__language="ru")
    give_totp(membership.user)
    org = membership.organisation
    sign_in_as(page, e2e, membership.user)
    page.goto(f"{e2e.url}/o/{org.slug}/beneficiaries/new/")
    _type_into(page, page.get_by_label("Год рождения"), "1984")
    page.keyboard.press("Enter")
    expect(page.locator('[aria-current="step"]')).to_contain_text("Согласие")
    _choose(page, page.get_by_label("Цель"), "Обработка персональных данных")
    _choose(page, page.get_by_label("Как было дано"), "Подписано на бумаге")
    _type_into(page, page.get_by_label("Кто дал"), "сам человек")
    page.keyboard.press("Enter")
    expect(page.get_by_text("Согласие записано.")).to_be_visible()
    _type_into(page, page.get_by_label("ФИО"), "Вера Иванова")
    screenshot(page, f"keyboard-beneficiary-identity-ru-{width}")
    page.keyboard.press("Enter")
    expect(page.get_by_text("Имя и контакты сохранены.")).to_be_visible()


@pytest.mark.parametrize("width,height", SIZES)
def test_route_a_help_request_with_the_keyboard_only(e2e, page, width, height):
    from django_scopes import scopes_disabled

    from peercircle.consulting.models import HelpRequest

    membership = factories.MembershipFactory(role=Role.COORDINATOR, user__language="pl")
    give_totp(membership.user)
    org = membership.organisation
    factories.available_consultant(org, "Irena Nowak", languages=["pl"], capacity=3)
    page.set_viewport_size({"width": width, "height": height})
    public = page.context.browser.new_page(locale="pl-PL",
                                           viewport={"width": width, "height": height})
    public.goto(f"{e2e.url}/request/{org.slug}/")
    _type_into(public, public.locator("#id_name"), "Anna")
    _type_into(public, public.locator("#id_phone"), "+48 600 100 200")
    for select, option in (("#id_need", "option:has-text('Onkolog')"),
                           ("#id_language", "option[value=pl]"),
                           ("#id_format", "option[value=phone]")):
        _choose(public, public.locator(select),
                public.locator(f"{select} {option}").first.inner_text())
    _tab_to(public, public.locator("#id_consent"))
    public.keyboard.press("Space")
    _tab_to(public, public.locator("main form button[type=submit]"))
    public.keyboard.press("Enter")
    expect(public.get_by_role("heading", level=1)).to_be_visible()
    public.close()

    sign_in_as(page, e2e, membership.user)
    page.goto(f"{e2e.url}/o/{org.slug}/requests/")
    _tab_to(page, page.get_by_role("cell").get_by_role("link").first)
    page.keyboard.press("Enter")
    _tab_to(page, page.get_by_role("button", name="Irena Nowak"))
    screenshot(page, f"keyboard-routing-pl-{width}")
    page.keyboard.press("Enter")
    expect(page.get_by_text("Irena Nowak").first).to_be_visible()
    with scopes_disabled():
        assert HelpRequest.objects.get().assigned_to.full_name == "Irena Nowak"
