"""Issue 14: a consultant's own work page on a phone, in Russian: the request given to them, the
contact details opened (audited), a pause of their own."""

import pytest
from django.utils import timezone
from django_scopes import scope
from playwright.sync_api import expect

from peercircle.consulting import services as consulting
from peercircle.core.models import HelpArea
from peercircle.organisations.roles import Role
from peercircle.volunteers import services as volunteers
from tests import factories
from tests.e2e.conftest import assert_accessible, screenshot, sign_in_as

pytestmark = pytest.mark.e2e


def test_a_consultant_calls_back_from_my_work_on_a_phone(e2e, browser):
    org = factories.OrganisationFactory(name="Тёплый дом")
    coordinator = factories.MembershipFactory(role=Role.COORDINATOR, organisation=org).user
    person = factories.MembershipFactory(role=Role.VOLUNTEER, organisation=org,
                                         volunteer_kind="peer_consultant").user
    person.language = "ru"
    person.save()
    today = timezone.localdate()
    with scope(organisation=org):
        record = volunteers.volunteer_apply(organisation=org, full_name=person.full_name,
                                            email=person.email)
        volunteers.volunteer_screen(actor=coordinator, volunteer=record, interviewed_on=today,
                                    decision="accept")
        volunteers.volunteer_stage_change(actor=coordinator, volunteer=record, to_stage="active",
                                          changed_on=today)
        volunteers.volunteer_link_account(actor=coordinator, volunteer=record, user=person)
        record.refresh_from_db()
        volunteers.volunteer_profile_update(actor=coordinator, volunteer=record, weekly_capacity=3)
        help_request = consulting.help_request_submit(
            organisation=org, name="Анна Петрова", phone="+7 900 111 22 33",
            need=HelpArea.objects.get(code="oncology"), language="ru", format="phone",
            urgency="soon")
        consulting.help_request_assign(actor=coordinator, help_request=help_request,
                                       volunteer=record)
    phone = browser.new_context(viewport={"width": 390, "height": 844}, locale="ru-RU")
    page = phone.new_page()
    sign_in_as(page, e2e, person)
    page.goto(f"{e2e.url}/o/{org.slug}/my-work/")
    expect(page.get_by_role("heading", name="Моя работа")).to_be_visible()
    expect(page.get_by_text(help_request.beneficiary.code)).to_be_visible()
    assert_accessible(page)
    screenshot(page, "my-work-phone-ru")
    page.get_by_role("button", name="Показать, как связаться").click()
    expect(page.get_by_role("link", name="+7 900 111 22 33")).to_be_visible()
    screenshot(page, "my-request-contact-ru")
    page.goto(f"{e2e.url}/o/{org.slug}/my-work/")
    page.get_by_role("button", name="Приостановить мою работу").click()
    expect(page.get_by_role("button", name="Я вернулся(-лась)")).to_be_visible()
    phone.close()
