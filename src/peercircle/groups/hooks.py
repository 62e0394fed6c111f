"""What the groups app adds to the whole: its share of the role table and its home-page reminders."""

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
