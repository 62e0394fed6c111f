"""What the training app adds to the whole (core.registry): its role grants, and its home-page items and
menu entries where it has them."""

from django.db.models import Count
from django.utils.translation import gettext_lazy as _l

from peercircle.core import metrics, registry
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


# Reporting metrics over training (core.metrics; computed by reporting)
def _enrolment():
    from peercircle.training.models import Enrolment

    return Enrolment


metrics.register_source("enrolment", metrics.Source(_enrolment, "", "completed_on", activity=False))
metrics.register(metrics.Metric(
    "volunteers_trained", _l("Volunteers who completed training"),
    (metrics.Part("enrolment", lambda q: Count("volunteer_id", filter=q, distinct=True)),),
    filters=metrics.PERIOD_ONLY, breakdowns=frozenset({"quarter"}), drill="trained",
    disclosure="exact"))
# computed by reporting from completions and the ledger's providers (no part of its own)
metrics.register(metrics.Metric(
    "trained_reaching", _l("Trained people who each gave at least N"), (), needs_threshold=True,
    breakdowns=frozenset(), drill="trained_reaching", disclosure="exact"))


@registry.my_work(40)
def _my_training(*, user, organisation, permissions, volunteer):
    from decimal import Decimal

    from django.db.models import Sum
    from django.utils.translation import gettext as _

    from peercircle.training.models import Attendance, Enrolment

    if volunteer is None:
        return None
    minutes = Attendance.objects.filter(enrolment__volunteer=volunteer).aggregate(
        total=Sum("session__duration_minutes"))["total"] or 0
    completed = list(Enrolment.objects.filter(volunteer=volunteer, completed_on__isnull=False)
                     .select_related("course").order_by("-completed_on"))
    return registry.MyWorkSection(_("My training"), "training/partials/my_training.html",
                                  {"hours": (Decimal(minutes) / 60).quantize(Decimal("0.1")),
                                   "completed": completed})
