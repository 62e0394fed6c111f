"""What the groups app adds to the whole (core.registry): its role grants, and its home-page items and
menu entries where it has them."""

from django.utils.translation import gettext_lazy as _l

from peercircle.core import registry
from peercircle.core.dashboard import Todo
from peercircle.core.roles import Role
from peercircle.groups import dashboard
from peercircle.groups import permissions as perm

registry.grant_table({
    Role.NETWORK_COORDINATOR: {
        perm.SHARE_PRACTICE,
        perm.VIEW_CLUBS,
        perm.VIEW_INITIATIVES,
        perm.VIEW_NETWORK_CLUBS,
    },
    Role.COORDINATOR: {
        perm.LOG_GROUP_SESSION,
        perm.MANAGE_CLUBS,
        perm.MANAGE_INITIATIVES,
        perm.SHARE_PRACTICE,
        perm.VIEW_CLUBS,
        perm.VIEW_INITIATIVES,
    },
    Role.STAFF: {
        perm.LOG_GROUP_SESSION,
        perm.MANAGE_CLUBS,
        perm.MANAGE_INITIATIVES,
        perm.SHARE_PRACTICE,
        perm.VIEW_CLUBS,
        perm.VIEW_INITIATIVES,
    },
    Role.SUPERVISOR: {
        perm.SHARE_PRACTICE,
        perm.VIEW_CLUBS,
    },
    Role.VOLUNTEER: {
        perm.LOG_GROUP_SESSION,
        perm.SHARE_PRACTICE,
        perm.VIEW_CLUBS,
        perm.VIEW_INITIATIVES,
    },
})


@registry.home(120)
def reminders(*, user, organisation, permissions, cards, todos) -> None:
    todos.extend(Todo(text, url) for text, url in dashboard.reminders(
        user=user, organisation=organisation, permissions=permissions))

registry.menu("programmes", 100, _l("Clubs and groups"), "groups:clubs", perm.VIEW_CLUBS)
registry.menu("programmes", 110, _l("Good practice"), "groups:practices", perm.VIEW_CLUBS)
registry.menu("programmes", 120, _l("Clubs of the network"), "groups:network",
              perm.VIEW_NETWORK_CLUBS, network_only=True)
registry.menu("programmes", 130, _l("Initiatives of the network"), "groups:initiatives_network",
              perm.VIEW_NETWORK_CLUBS, network_only=True)
registry.menu("programmes", 140, _l("Community initiatives"), "groups:initiatives",
              perm.VIEW_INITIATIVES)
