"""Browser tests of the mentoring programme: a four-party agreement end to end, and the curator's
overdue list from the home page."""

import datetime

import pytest
from django_scopes import scopes_disabled
from playwright.sync_api import expect

from peercircle.mentoring import services
from peercircle.mentoring.models import PairEvent
from peercircle.people.models import Consent, FamilyMember
from peercircle.people.services import (
    beneficiary_create,
    consent_give,
    family_create,
    family_member_add,
)
from tests.e2e.conftest import assert_accessible, open_menu, screenshot, sign_in_as
from tests.mentoring.factories import Programme, days_ago

pytestmark = pytest.mark.e2e


def test_a_coordinator_takes_a_family_in_matches_a_mentor_and_starts_the_agreement(
        e2e, page, tmp_path):
    with scopes_disabled():
        world = Programme()
        world.coordinator.full_name = "Elena Coordinator"
        world.coordinator.save()
        world.curator.full_name = "Irina Curator"
        world.curator.save()
        world.mentor("Galina Sokolova")
        family = family_create(actor=world.coordinator, organisation=world.org, code="F-777")
        parent = beneficiary_create(actor=world.coordinator, organisation=world.org,
                                    code="B-PARENT")
        family_member_add(actor=world.coordinator, family=family, beneficiary=parent,
                          relation=FamilyMember.Relation.PARENT, is_legal_representative=True)
    org = world.org
    sign_in_as(page, e2e, world.coordinator)
    page.goto(f"{e2e.url}/o/{org.slug}/")
    open_menu(page, "Programmes", "Mentee families")
    page.locator("#id_family").select_option(label="F-777")
    page.get_by_label("Reason for support").select_option("social_risk")
    page.get_by_label("Family curator").select_option(label="Irina Curator")
    page.get_by_role("button", name="Take into the programme").click()
    expect(page.get_by_text("The family is taken into the programme.")).to_be_visible()
    expect(page.get_by_role("cell", name="Galina Sokolova")).to_be_visible()
    page.locator("#id_mentor").select_option(label="Galina Sokolova")
    page.get_by_label("Why this match").fill("Same district, raised three children.")
    screenshot(page, "mentoring-match")
    page.get_by_role("button", name="Match").click()
    expect(page.get_by_text("The mentor and the family are matched.")).to_be_visible()
    page.get_by_role("link", name="Conclude the agreement").click()
    expect(page.get_by_label("NGO (party to the agreement)")).to_have_value(str(world.ngo.pk))
    page.get_by_label("Legal representative").select_option(label="B-PARENT")
    page.get_by_label("Start date").fill(days_ago(0).isoformat())
    page.get_by_role("button", name="Start the agreement").click()
    expect(page.get_by_text("gave no consent to processing of personal data")).to_be_visible()
    with scopes_disabled():
        consent_give(actor=world.coordinator, beneficiary=parent,
                     purpose=Consent.Purpose.DATA_PROCESSING, given_on=days_ago(2),
                     method=Consent.Method.SIGNED_PAPER, given_by="mother")
    signed = tmp_path / "agreement.pdf"
    signed.write_bytes(b"%PDF-1.4 signed agreement")
    page.get_by_label("Legal representative").select_option(label="B-PARENT")
    page.get_by_label("Start date").fill(days_ago(0).isoformat())
    page.get_by_label("End date").fill(days_ago(3).isoformat())
    page.get_by_label("Signed copy (PDF, JPEG or PNG)").set_input_files(str(signed))
    page.get_by_role("button", name="Start the agreement").click()
    expect(page.get_by_text("The end date must be after the start date.")).to_be_visible()
    page.get_by_label("End date").fill("")
    page.get_by_label("Signed copy (PDF, JPEG or PNG)").set_input_files(str(signed))
    page.get_by_role("button", name="Start the agreement").click()
    expect(page.get_by_text("The agreement is in force.")).to_be_visible()
    expect(page.get_by_text("Active", exact=True)).to_be_visible()
    expect(page.get_by_text("Signed copy kept")).to_be_visible()
    expect(page.get_by_text(world.ngo.name).first).to_be_visible()
    end = days_ago(0).replace(year=days_ago(0).year + 1) - datetime.timedelta(days=1)
    with scopes_disabled():
        agreement = family.mentoring.pairs.get().agreements.get()
        assert agreement.ends_on == end and agreement.signed_copy
    assert_accessible(page)
    screenshot(page, "mentoring-pair")
    open_menu(page, "Programmes", "Mentoring report")
    expect(page.get_by_role("row", name="Families with a mentor 1")).to_be_visible()
    expect(page.get_by_role("row", name="Pairs active at the end of the period 1")).to_be_visible()
    assert_accessible(page)
    screenshot(page, "mentoring-report")
    open_menu(page, "Programmes", "Mentoring pairs")
    expect(page.get_by_role("link", name="F-777")).to_be_visible()
    screenshot(page, "mentoring-overview")


def test_the_curator_sees_overdue_work_on_the_home_page_and_logs_a_visit(e2e, page):
    with scopes_disabled():
        world = Programme()
        late = world.pair(world.mentor("Vera Lapina"), matched=days_ago(120))
        services.pair_event_log(actor=world.curator, pair=late, kind=PairEvent.Kind.HOME_VISIT,
                                date=days_ago(50))
        expiring = world.pair(world.mentor("Oksana Gromova"), matched=days_ago(355))
        family_code, expiring_code = late.mentee.family.code, expiring.mentee.family.code
    sign_in_as(page, e2e, world.curator)
    page.goto(f"{e2e.url}/o/{world.org.slug}/")
    expect(page.get_by_text(f"The agreement of family {expiring_code} expires")).to_be_visible()
    page.get_by_role("link", name="mentoring curation tasks are overdue").click()
    row = page.get_by_role("row").filter(has_text=family_code).filter(
        has_text="Monthly home visit")
    expect(row.get_by_text("days overdue")).to_be_visible()
    assert_accessible(page)
    screenshot(page, "mentoring-due")
    row.get_by_role("link", name="Log").click()
    expect(page.get_by_label("What took place")).to_have_value("home_visit")
    page.get_by_label("Notes (no names)").fill("Home visit: the flat is warm, children at school.")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("The curator's work is logged.")).to_be_visible()
    expect(page.get_by_text("the flat is warm")).to_be_visible()
    page.goto(f"{e2e.url}/o/{world.org.slug}/mentoring/due/")
    expect(page.get_by_role("row").filter(has_text=family_code).filter(
        has_text="Monthly home visit")).to_have_count(0)
