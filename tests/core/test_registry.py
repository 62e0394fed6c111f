"""The menu and the home page are assembled from what the apps register (core.registry)."""

import pytest
from django.utils import translation

from peercircle.core import registry
from peercircle.core.access import ROLE_PERMISSIONS
from peercircle.core.navigation import menu_for
from peercircle.organisations.roles import Role
from tests import factories

pytestmark = pytest.mark.django_db


def _links(role, organisation):
    with translation.override("en"):
        return {section.label: [label for label, _ in section.links]
                for section in menu_for(organisation=organisation,
                                        permissions=ROLE_PERMISSIONS[role])}


def test_a_partner_contacts_menu_has_only_what_the_role_table_grants():
    organisation = factories.OrganisationFactory()
    assert _links(Role.PARTNER, organisation) == {
        "My work": ["Supervision", "Documents"],
        "Programmes": ["Mentoring pairs", "Mentor Club", "", "Events"],
        "Organisation": ["Profile"],
    }


def test_network_entries_only_where_the_organisation_coordinates_its_network():
    member = factories.OrganisationFactory(coordinates_network=False)
    hub = factories.OrganisationFactory(coordinates_network=True)
    register = "Register of processing activities"
    assert _links(Role.NETWORK_COORDINATOR, member)["Organisation"][-4:] == [
        "Profile", "Localities", "Audit log", register]
    assert _links(Role.NETWORK_COORDINATOR, hub)["Organisation"][-4:] == [
        "Network", "Crisis words", "Audit log", register]


def test_every_app_registers_its_home_items_in_a_fixed_order():
    names = [f"{hook.add.__module__}.{hook.add.__name__}" for hook in registry.home_hooks]
    assert names == [
        "peercircle.organisations.hooks.network_card", "peercircle.people.hooks.casework",
        "peercircle.core.dashboard.activities", "peercircle.organisations.hooks.management",
        "peercircle.consulting.hooks.requests_waiting",
        "peercircle.volunteers.hooks.applications_waiting",
        "peercircle.wellbeing.hooks.support_requests", "peercircle.consulting.hooks.supervision",
        "peercircle.wellbeing.hooks.self_check",
        "peercircle.library.hooks.documents_to_acknowledge",
        "peercircle.mentoring.hooks.reminders", "peercircle.groups.hooks.reminders",
        "peercircle.events.hooks.reminders", "peercircle.accounts.hooks.second_factor",
    ]


def test_an_unknown_menu_section_is_refused():
    with pytest.raises(ValueError):
        registry.menu("elsewhere", 1, "Somewhere", "core:dashboard")
