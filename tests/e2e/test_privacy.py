"""Finding 9 in the browser: a coordinator's audit log counts restricted entries, no more."""

import datetime

import pytest
from django.utils import timezone
from django_scopes import scope
from playwright.sync_api import expect

from peercircle.consulting.services import supervision
from peercircle.organisations.roles import Role
from tests import factories
from tests.conftest import give_totp
from tests.e2e.conftest import assert_accessible, screenshot, sign_in_as

pytestmark = pytest.mark.e2e


def test_finding_9_a_coordinator_reads_the_audit_log_without_supervision_details(e2e, page):
    org = factories.OrganisationFactory(name="Ciepły Dom", slug="cieply-dom")
    volunteer = factories.MembershipFactory(role=Role.VOLUNTEER, organisation=org,
                                            user__full_name="Wiktoria Wolontariuszka").user
    supervisor = factories.MembershipFactory(role=Role.SUPERVISOR, organisation=org,
                                             user__full_name="Stanisław Superwizor").user
    coordinator = factories.MembershipFactory(role=Role.COORDINATOR, organisation=org,
                                              user__language="pl").user
    give_totp(coordinator)
    with scope(organisation=org):
        request = supervision.supervision_request(actor=volunteer, organisation=org,
                                                  topic="Trudna rozmowa", urgency="urgent")
        supervision.supervision_schedule(
            actor=supervisor, supervision=request,
            scheduled_for=timezone.now() + datetime.timedelta(days=1), format="online")
    sign_in_as(page, e2e, coordinator)
    page.goto(f"{e2e.url}/o/{org.slug}/audit/")
    expect(page.get_by_role("heading", name="Dziennik zdarzeń")).to_be_visible()
    expect(page.get_by_text("2 zastrzeżone wpisy w tym miesiącu")).to_be_visible()
    body = page.locator("main").inner_text()
    assert "Wiktoria" not in body and "Stanisław" not in body and "Superwizja nr" not in body
    page.get_by_label("Osoba").fill("Wiktoria")
    page.get_by_role("button", name="Filtruj").click()
    expect(page.get_by_text("2 zastrzeżone wpisy w tym miesiącu")).to_be_visible()
    assert "Wiktoria Wolontariuszka" not in page.locator("table").inner_text()
    assert_accessible(page)
    screenshot(page, "audit-log-restricted-pl")
