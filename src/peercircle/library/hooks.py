"""What the library app adds to the whole (core.registry): its role grants, and its home-page items and
menu entries where it has them."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from peercircle.core import registry
from peercircle.core.dashboard import Todo, org_url
from peercircle.core.roles import Role
from peercircle.library import permissions as perm
from peercircle.library.selectors import unsigned_for

registry.grant_table({
    Role.NETWORK_COORDINATOR: {
        perm.PUBLISH_DOCUMENTS,
        perm.READ_DOCUMENTS,
        perm.VIEW_NETWORK_ADOPTION,
        perm.VIEW_SIGNATURES,
    },
    Role.COORDINATOR: {
        perm.ADOPT_DOCUMENTS,
        perm.PUBLISH_DOCUMENTS,
        perm.READ_DOCUMENTS,
        perm.VIEW_SIGNATURES,
    },
    Role.STAFF: {
        perm.READ_DOCUMENTS,
    },
    Role.SUPERVISOR: {
        perm.READ_DOCUMENTS,
    },
    Role.VOLUNTEER: {
        perm.READ_DOCUMENTS,
    },
    Role.PARTNER: {
        perm.READ_DOCUMENTS,
    },
})


@registry.home(100)
def documents_to_acknowledge(*, user, organisation, permissions, cards, todos) -> None:
    for document in unsigned_for(organisation=organisation, user=user):
        todos.append(Todo(_("Read and acknowledge: %(title)s.") % {"title": document.title},
                          org_url("library:detail", organisation, document_pk=document.pk)))

registry.menu("my_work", 70, _l("Documents"), "library:list")


@registry.my_work(50)
def _my_documents(*, user, organisation, permissions, volunteer):
    from django.utils.translation import gettext as _

    from peercircle.library.selectors import unsigned_for

    if perm.READ_DOCUMENTS not in permissions:
        return None
    documents = unsigned_for(organisation=organisation, user=user)
    if not documents:
        return None
    return registry.MyWorkSection(_("Documents to read and acknowledge"),
                                  "library/partials/my_documents.html", {"documents": documents})
