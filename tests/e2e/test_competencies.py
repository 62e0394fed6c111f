import pytest
from playwright.sync_api import expect

from peercircle.organisations.roles import Role
from peercircle.training import competencies
from tests import factories
from tests.e2e.conftest import assert_accessible, screenshot, sign_in_as

pytestmark = pytest.mark.e2e


def test_a_volunteer_assesses_themself_and_sees_growth(e2e, page):
    membership = factories.MembershipFactory(role=Role.VOLUNTEER)
    org = membership.organisation
    keeper = factories.MembershipFactory(role=Role.COORDINATOR, organisation=org).user
    for name in ("Active listening", "Boundaries"):
        competencies.competency_add(actor=keeper, organisation=org, name=name, description="",
                                    levels=["Knows", "Tries", "Does", "Teaches"])
    sign_in_as(page, e2e, membership.user)
    for levels in (("1", "2"), ("3", "3")):
        page.goto(f"{e2e.url}/o/{org.slug}/competencies/")
        page.get_by_role("link", name="Assess myself").click()
        page.get_by_role("button", name="Save").click()
        expect(page.get_by_text("This field is required.").first).to_be_visible()
        for group, level in zip(("Active listening", "Boundaries"), levels, strict=True):
            page.get_by_role("group", name=group).get_by_label(level, exact=False).first.check()
        page.get_by_role("button", name="Save").click()
        expect(page.get_by_text("The assessment is saved.")).to_be_visible()
    expect(page.get_by_role("img", name="Self-assessed levels over time")).to_be_visible()
    assert_accessible(page)
    screenshot(page, "competency-growth")
