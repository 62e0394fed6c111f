"""What the mentoring app adds to the whole: its share of the role table and its home-page reminders."""

from peercircle.core import registry
from peercircle.core.dashboard import Todo
from peercircle.core.roles import Role
from peercircle.mentoring import dashboard
from peercircle.mentoring import permissions as perm

registry.grant_table({
    Role.COORDINATOR: {
        perm.CURATE,
        perm.MANAGE_MENTORING,
        perm.VIEW_MENTORING,
        perm.VIEW_MENTORING_REPORT,
    },
    Role.STAFF: {
        perm.CURATE,
        perm.MANAGE_MENTORING,
        perm.VIEW_MENTORING,
        perm.VIEW_MENTORING_REPORT,
    },
    Role.SUPERVISOR: {
        perm.CURATE,
        perm.VIEW_MENTORING,
    },
    Role.VOLUNTEER: {
        perm.LOG_MENTOR_MEETING,
        perm.VIEW_MENTORING,
    },
    Role.PARTNER: {
        perm.VIEW_MENTORING,
    },
})


@registry.home(110)
def reminders(*, user, organisation, permissions, cards, todos) -> None:
    todos.extend(Todo(text, url) for text, url in dashboard.reminders(
        user=user, organisation=organisation, permissions=permissions))
