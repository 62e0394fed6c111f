"""What the organisations app adds to the whole (core.registry): its role grants, and its home-page items and
menu entries where it has them."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l
from django.utils.translation import ngettext

from peercircle.core import registry
from peercircle.core.dashboard import Card, Todo, org_url
from peercircle.core.roles import Role
from peercircle.organisations import permissions as perm
from peercircle.organisations import selectors

registry.grant_table({
    Role.NETWORK_COORDINATOR: {
        perm.MANAGE_NETWORK,
        perm.VIEW_MEMBERS,
        perm.VIEW_NETWORK,
        perm.VIEW_NETWORK_DIRECTORY,
        perm.VIEW_PARTNERS,
        perm.VIEW_PROFILE,
    },
    Role.COORDINATOR: {
        perm.MANAGE_MEMBERS,
        perm.MANAGE_ORGANISATION,
        perm.MANAGE_PARTNERS,
        perm.VIEW_MEMBERS,
        perm.VIEW_NETWORK_DIRECTORY,
        perm.VIEW_PARTNERS,
        perm.VIEW_PROFILE,
    },
    Role.STAFF: {
        perm.VIEW_MEMBERS,
        perm.VIEW_NETWORK_DIRECTORY,
        perm.VIEW_PARTNERS,
        perm.VIEW_PROFILE,
    },
    Role.SUPERVISOR: {
        perm.VIEW_MEMBERS,
        perm.VIEW_NETWORK_DIRECTORY,
        perm.VIEW_PROFILE,
    },
    Role.VOLUNTEER: {
        perm.VIEW_PROFILE,
    },
    Role.PARTNER: {
        perm.VIEW_PROFILE,
    },
})


@registry.home(10)
def network_card(*, user, organisation, permissions, cards, todos) -> None:
    if perm.VIEW_NETWORK in permissions and organisation.coordinates_network:
        count = selectors.network_members(organisation=organisation).count()
        cards.append(Card(_("Member organisations"), count,
                          org_url("organisations:network", organisation)))


@registry.home(40)
def management(*, user, organisation, permissions, cards, todos) -> None:
    if perm.MANAGE_ORGANISATION in permissions:
        for received in selectors.network_invitations_received(organisation=organisation):
            todos.append(Todo(
                _("%(network)s invites your organisation to join.")
                % {"network": received.network.name},
                org_url("organisations:network_invitation", organisation,
                        network_invitation_pk=received.pk)))
    if perm.MANAGE_MEMBERS not in permissions:
        return
    members = selectors.member_list(organisation=organisation).filter(is_active=True)
    volunteers = members.filter(role=Role.VOLUNTEER).count()
    cards.append(Card(_("Volunteers"), volunteers, org_url("organisations:members", organisation)))
    pending = selectors.invitation_pending_list(organisation=organisation).count()
    if pending:
        todos.append(Todo(ngettext(
            "%(count)d invitation is waiting to be accepted.",
            "%(count)d invitations are waiting to be accepted.", pending,
        ) % {"count": pending}, org_url("organisations:members", organisation)))
    if not organisation.regions.exists() or not organisation.help_areas.exists():
        todos.append(Todo(_("Complete the profile: regions served and help areas."),
                          org_url("organisations:profile_edit", organisation)))

registry.menu("organisation", 30, _l("Members"), "organisations:members", perm.VIEW_MEMBERS)
registry.menu("organisation", 40, _l("Partners"), "organisations:partners", perm.VIEW_PARTNERS)
registry.menu("organisation", 50, _l("Profile"), "organisations:profile")
registry.menu("organisation", 60, _l("Network"), "organisations:network", perm.VIEW_NETWORK,
              network_only=True)
registry.menu("organisation", 65, _l("Member directory"), "organisations:network_directory",
              perm.VIEW_NETWORK_DIRECTORY, in_network=True)


# Tenancy, for the middleware and the page shell in core (core.registry.provided)
registry.provide("organisation_by_slug")(selectors.organisation_by_slug)
registry.provide("network_by_slug")(selectors.network_by_slug)
registry.provide("membership_roles")(selectors.membership_roles)
registry.provide("organisations_of")(selectors.organisations_of)


@registry.provide("organisation_visited")
def _organisation_visited(*, user, organisation) -> None:
    from peercircle.organisations.services import last_organisation_remember

    last_organisation_remember(user=user, organisation=organisation)
