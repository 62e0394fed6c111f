"""What the mentoring app adds to the whole (core.registry): its role grants, and its home-page items and
menu entries where it has them."""

from django.db.models import Count
from django.utils.translation import gettext_lazy as _l

from peercircle.core import metrics, registry
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

registry.menu("programmes", 10, _l("Mentoring pairs"), "mentoring:overview", perm.VIEW_MENTORING)
registry.menu("programmes", 20, _l("Curation due"), "mentoring:due", perm.CURATE)
registry.menu("programmes", 30, _l("Mentors"), "mentoring:mentors", perm.MANAGE_MENTORING)
registry.menu("programmes", 40, _l("Mentee families"), "mentoring:families", perm.MANAGE_MENTORING)
registry.menu("programmes", 50, _l("Mentor Club"), "mentoring:club", perm.VIEW_MENTORING)
registry.menu("programmes", 60, _l("Mentoring report"), "mentoring:report",
              perm.VIEW_MENTORING_REPORT)
registry.menu("programmes", 70, _l("Mentoring settings"), "mentoring:settings",
              perm.MANAGE_MENTORING)
registry.menu("programmes", 80, permission=perm.VIEW_MENTORING)  # a divider after mentoring


# Reporting metrics over outcomes (core.metrics; computed by reporting)
def _outcome():
    from peercircle.mentoring.models import Outcome

    return Outcome


metrics.register_source("outcome", metrics.Source(_outcome, "", "date", activity=False,
                                                  outcomes=True))
for _code, _label, _expression in (
        ("outcomes", _l("Outcomes of given types"), lambda q: Count("id", filter=q)),
        ("outcome_families", _l("Families with outcomes of given types"),
         lambda q: Count("family_id", filter=q, distinct=True))):
    metrics.register(metrics.Metric(
        _code, _label, (metrics.Part("outcome", _expression),),
        filters=metrics.PERIOD_ONLY | {"outcome_types"}, breakdowns=frozenset({"quarter"}),
        drill="outcomes", needs_outcome_types=True, disclosure="people"))


@registry.my_work(20)
def _my_pairs(*, user, organisation, permissions, volunteer):
    from django.utils.translation import gettext as _

    from peercircle.mentoring.models import Pair

    pairs = list(Pair.objects.filter(organisation=organisation, mentor__volunteer__user=user,
                                     status=Pair.Status.ACTIVE)
                 .select_related("mentor__volunteer", "family__family"))
    if not pairs:
        return None
    return registry.MyWorkSection(_("My mentoring pairs"), "mentoring/partials/my_pairs.html",
                                  {"pairs": pairs})


@registry.primary_actions(20)
def log_meeting(*, user, organisation, permissions) -> list[tuple[str, str]]:
    """A mentor logs a meeting with each family they accompany."""
    from django.utils.translation import gettext as _

    from peercircle.core.dashboard import org_url
    from peercircle.mentoring.models import Pair

    if perm.LOG_MENTOR_MEETING not in permissions:
        return []
    pairs = (Pair.objects.filter(organisation=organisation, mentor__volunteer__user=user,
                                 status__in=Pair.OPEN).select_related("family").order_by("pk"))
    return [(_("Log a meeting: %(family)s") % {"family": pair.family},
             org_url("mentoring:meeting_log", organisation, pair_pk=pair.pk)) for pair in pairs[:3]]
