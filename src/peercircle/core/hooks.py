"""What the core app adds to the whole (core.registry): its role grants, and its home-page items and
menu entries where it has them."""

from django.utils.translation import gettext_lazy as _l

from peercircle.core import dashboard, registry
from peercircle.core import permissions as perm
from peercircle.core.roles import Role

registry.grant_table({
    Role.NETWORK_COORDINATOR: {
        perm.MANAGE_LOCALITIES,
        perm.VIEW_AUDIT,
        perm.VIEW_HOME,
    },
    Role.COORDINATOR: {
        perm.MANAGE_LOCALITIES,
        perm.MANAGE_PROGRAMMES,
        perm.RECORD_ACTIVITY,
        perm.VIEW_ALL_ACTIVITIES,
        perm.VIEW_AUDIT,
        perm.VIEW_HOME,
        perm.VIEW_LEDGER,
    },
    Role.STAFF: {
        perm.MANAGE_LOCALITIES,
        perm.RECORD_ACTIVITY,
        perm.VIEW_ALL_ACTIVITIES,
        perm.VIEW_HOME,
        perm.VIEW_LEDGER,
    },
    Role.SUPERVISOR: {
        perm.RECORD_ACTIVITY,
        perm.VIEW_ALL_ACTIVITIES,
        perm.VIEW_HOME,
        perm.VIEW_LEDGER,
    },
    Role.VOLUNTEER: {
        perm.RECORD_ACTIVITY,
        perm.VIEW_HOME,
        perm.VIEW_LEDGER,
    },
    Role.PARTNER: {
        perm.VIEW_HOME,
    },
})

# the audit log tells who opened whose record
registry.require_two_factor({perm.VIEW_AUDIT})

# the month's activities, after the casework cards
registry.home(30)(dashboard.activities)

registry.menu("my_work", 20, _l("Activities"), "core:activity_list", perm.VIEW_LEDGER)
registry.menu("organisation", 80, _l("Audit log"), "core:audit_list", perm.VIEW_AUDIT)
registry.menu("organisation", 55, _l("Localities"), "core:localities", perm.MANAGE_LOCALITIES)
registry.menu("programmes", 5, _l("Programmes of the organisation"), "core:programme_list",
              perm.MANAGE_PROGRAMMES)
