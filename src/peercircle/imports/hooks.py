"""What the imports app adds to the whole (core.registry): its role grants, and its home-page items and
menu entries where it has them."""

from django.utils.translation import gettext_lazy as _l

from peercircle.core import registry
from peercircle.core.roles import Role
from peercircle.imports import permissions as perm

registry.grant_table({
    # the coordinating organisation's network coordinator onboards member organisations in bulk
    Role.NETWORK_COORDINATOR: {
        perm.IMPORT_DATA,
    },
    Role.COORDINATOR: {
        perm.IMPORT_DATA,
    },
    Role.STAFF: {
        perm.IMPORT_DATA,
    },
})

# an import reads and writes whole spreadsheets of people
registry.require_two_factor({perm.IMPORT_DATA})

registry.menu("reports", 30, _l("Import from spreadsheets"), "imports:list", perm.IMPORT_DATA)


@registry.retention
def _import_files(*, organisation, today, dry_run):
    from peercircle.imports.services import import_files_expire

    return import_files_expire(organisation=organisation, today=today, dry_run=dry_run)
