"""What the wellbeing app adds to the whole (core.registry): its role grants, and its home-page items and
menu entries where it has them."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l
from django.utils.translation import ngettext

from peercircle.consulting.permissions import REQUEST_SUPERVISION
from peercircle.core import registry
from peercircle.core.dashboard import Todo, org_url
from peercircle.core.roles import Role
from peercircle.wellbeing import permissions as perm
from peercircle.wellbeing.selectors import open_support_requests, self_check_due

registry.grant_table({
    Role.COORDINATOR: {
        perm.TAKE_SELF_CHECK,
        perm.VIEW_SUPPORT_REQUESTS,
    },
    Role.STAFF: {
        perm.TAKE_SELF_CHECK,
    },
    Role.SUPERVISOR: {
        perm.TAKE_SELF_CHECK,
    },
    Role.VOLUNTEER: {
        perm.TAKE_SELF_CHECK,
    },
})

# requests for support name the helper who asked
registry.require_two_factor({perm.VIEW_SUPPORT_REQUESTS})


@registry.home(70)
def support_requests(*, user, organisation, permissions, cards, todos) -> None:
    if perm.VIEW_SUPPORT_REQUESTS not in permissions:
        return
    support = open_support_requests(organisation=organisation).count()
    if support:
        todos.append(Todo(ngettext(
            "%(count)d volunteer asked for support.",
            "%(count)d volunteers asked for support.", support,
        ) % {"count": support}, org_url("wellbeing:support_requests", organisation)))


@registry.home(90)
def self_check(*, user, organisation, permissions, cards, todos) -> None:
    # for the people who do the peer work (the ones who may ask for supervision)
    if REQUEST_SUPERVISION in permissions and perm.TAKE_SELF_CHECK in permissions \
            and self_check_due(organisation=organisation, user=user):
        todos.append(Todo(_("It is time for your quarterly wellbeing self-check."),
                          org_url("wellbeing:self_check", organisation)))

registry.menu("my_work", 60, _l("Wellbeing"), "wellbeing:overview", perm.TAKE_SELF_CHECK)
