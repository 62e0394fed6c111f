"""What the reporting app adds to the whole (core.registry): its role grants, and its home-page items and
menu entries where it has them."""

from django.utils.translation import gettext_lazy as _l

from peercircle.core import registry
from peercircle.core.roles import Role
from peercircle.reporting import permissions as perm

registry.grant_table({
    Role.NETWORK_COORDINATOR: {
        perm.EXPORT_REPORTS,
        perm.MANAGE_PROJECTS,
        perm.VIEW_NETWORK_STATS,
        perm.VIEW_PROJECTS,
    },
    Role.COORDINATOR: {
        perm.EXPORT_REPORTS,
        perm.MANAGE_PROJECTS,
        perm.VIEW_PROJECTS,
    },
    Role.STAFF: {
        perm.EXPORT_REPORTS,
        perm.MANAGE_PROJECTS,
        perm.VIEW_PROJECTS,
    },
})

registry.menu("reports", 10, _l("Projects and indicators"), "reporting:projects", perm.VIEW_PROJECTS)
registry.menu("reports", 20, _l("Network statistics"), "reporting:network", perm.VIEW_NETWORK_STATS)
