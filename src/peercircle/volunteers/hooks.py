"""What the volunteers app adds to the whole (core.registry): its role grants, and its home-page items and
menu entries where it has them."""

from django.utils.translation import gettext_lazy as _l
from django.utils.translation import ngettext

from peercircle.core import permissions as core_perm
from peercircle.core import registry
from peercircle.core.dashboard import Todo, org_url
from peercircle.core.roles import Role
from peercircle.volunteers import permissions as perm
from peercircle.volunteers.models import Stage, Volunteer

registry.grant_table({
    Role.COORDINATOR: {
        perm.CONFIGURE_APPLICATION,
        perm.MANAGE_VOLUNTEERS,
        perm.VIEW_VOLUNTEERS,
    },
    Role.STAFF: {
        perm.MANAGE_VOLUNTEERS,
        perm.VIEW_VOLUNTEERS,
    },
})


@registry.home(60)
def applications_waiting(*, user, organisation, permissions, cards, todos) -> None:
    if perm.MANAGE_VOLUNTEERS not in permissions:
        return
    applied = Volunteer.objects.filter(organisation=organisation, stage=Stage.APPLIED).count()
    if applied:
        todos.append(Todo(ngettext(
            "%(count)d volunteer application is waiting for screening.",
            "%(count)d volunteer applications are waiting for screening.", applied,
        ) % {"count": applied}, org_url("volunteers:list", organisation) + "?stage=applied"))

registry.menu("organisation", 10, _l("Volunteers"), "volunteers:list", perm.VIEW_VOLUNTEERS)
registry.menu("my_work", 5, _l("My work"), "volunteers:my_work", core_perm.RECORD_ACTIVITY)



@registry.on_invitation_accepted
def _link_invited_volunteer(*, invitation, membership) -> None:
    from peercircle.volunteers.services import volunteer_link_on_accept

    volunteer_link_on_accept(invitation=invitation, membership=membership)
