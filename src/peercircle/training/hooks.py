"""What the training app adds to the whole: its share of the role table."""

from peercircle.core import registry
from peercircle.core.roles import Role
from peercircle.training import permissions as perm

registry.grant_table({
    Role.NETWORK_COORDINATOR: {
        perm.KEEP_FRAMEWORK,
        perm.SELF_ASSESS,
    },
    Role.COORDINATOR: {
        perm.KEEP_FRAMEWORK,
        perm.MANAGE_COURSES,
        perm.SELF_ASSESS,
        perm.VIEW_COURSES,
    },
    Role.STAFF: {
        perm.MANAGE_COURSES,
        perm.SELF_ASSESS,
        perm.VIEW_COURSES,
    },
    Role.SUPERVISOR: {
        perm.ASSESS_OTHERS,
        perm.SELF_ASSESS,
        perm.VIEW_COURSES,
    },
    Role.VOLUNTEER: {
        perm.SELF_ASSESS,
    },
})
