"""What the training app adds to the whole (core.registry): its role grants, and its home-page items and
menu entries where it has them."""

from django.utils.translation import gettext_lazy as _l

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

registry.menu("my_work", 50, _l("Competencies"), "training:framework", perm.SELF_ASSESS)
registry.menu("organisation", 20, _l("Training"), "training:courses", perm.VIEW_COURSES)
