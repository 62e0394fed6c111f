"""What the groups app adds to the whole (core.registry): its role grants, and its home-page items and
menu entries where it has them."""

from django.db.models import Count, Sum
from django.utils.translation import gettext_lazy as _l

from peercircle.core import metrics, registry
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

registry.menu("programmes", 100, _l("Clubs and groups"), "groups:clubs", perm.VIEW_CLUBS)
registry.menu("programmes", 110, _l("Good practice"), "groups:practices", perm.VIEW_CLUBS)
registry.menu("programmes", 120, _l("Clubs of the network"), "groups:network",
              perm.VIEW_NETWORK_CLUBS, network_only=True)
registry.menu("programmes", 130, _l("Initiatives of the network"), "groups:initiatives_network",
              perm.VIEW_NETWORK_CLUBS, network_only=True)
registry.menu("programmes", 140, _l("Community initiatives"), "groups:initiatives",
              perm.VIEW_INITIATIVES)


# Reporting metrics over initiatives and clubs (core.metrics; computed by reporting)
def _initiative():
    from peercircle.groups.models import Initiative

    return Initiative


def clubs_running(org_ids, indicator) -> int:
    """Clubs founded by the end of the period and not closed before its start."""
    from django.db.models import Q

    from peercircle.groups.models import Club

    start, end = indicator.period
    ids = [indicator.member_id] if indicator.member_id else org_ids
    return (Club.objects.filter(organisation_id__in=ids)
            .filter(Q(founded_on__isnull=True) | Q(founded_on__lte=end))
            .filter(Q(closed_on__isnull=True) | Q(closed_on__gte=start)).count())


metrics.register_source("initiative", metrics.Source(_initiative, "", "starts_on", activity=False,
                                                     exclude={"status": "cancelled"}))
metrics.register_source("initiative_participant", metrics.Source(
    lambda: _initiative().participants.through, "", "initiative__starts_on", activity=False,
    org="initiative__organisation_id", exclude={"initiative__status": "cancelled"}))
metrics.register(metrics.Metric(
    "initiatives", _l("Community initiatives"),
    (metrics.Part("initiative", lambda q: Count("id", filter=q)),),
    filters=metrics.PERIOD_ONLY, breakdowns=frozenset(), drill="initiatives", disclosure="exact"))
metrics.register(metrics.Metric(
    "initiative_participants", _l("Participants of community initiatives"),
    (metrics.Part("initiative", lambda q: Sum("anonymous_participants", filter=q)),
     metrics.Part("initiative_participant", lambda q: Count("id", filter=q))),
    filters=metrics.PERIOD_ONLY, breakdowns=frozenset(), drill="initiatives", disclosure="people"))
metrics.register(metrics.Metric(
    "clubs", _l("Clubs running"), (), filters=metrics.PERIOD_ONLY, breakdowns=frozenset(),
    drill="clubs", custom=clubs_running, disclosure="exact"))


@registry.primary_actions(30)
def log_session(*, user, organisation, permissions) -> list[tuple[str, str]]:
    """An animator logs a session of each group they run."""
    from django.utils.translation import gettext as _

    from peercircle.core.dashboard import org_url
    from peercircle.groups.models import SelfHelpGroup

    if perm.LOG_GROUP_SESSION not in permissions:
        return []
    groups = SelfHelpGroup.objects.filter(organisation=organisation, animators=user,
                                          ended_on__isnull=True).order_by("name")
    return [(_("Log a session: %(group)s") % {"group": group.name},
             org_url("groups:session_log", organisation, group_pk=group.pk))
            for group in groups[:3]]
