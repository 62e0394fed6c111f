"""Reads of the reporting app: projects, indicators and the records behind a figure."""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.db.models import Count, Prefetch, Q, QuerySet
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from peercircle.core import metrics
from peercircle.core import permissions as core_perm
from peercircle.core.models import Activity
from peercircle.organisations import permissions as org_perm
from peercircle.people import permissions as people_perm
from peercircle.reporting import compute
from peercircle.reporting.models import Indicator, Project
from peercircle.volunteers import permissions as volunteer_perm


def project_list(*, organisation) -> QuerySet[Project]:
    return (Project.objects.filter(organisation=organisation)
            .annotate(indicator_count=Count("indicators")))


def project_get_for(*, organisation, pk: int) -> Project:
    """404 for a missing project and for another organisation's alike."""
    return get_object_or_404(
        Project.objects.filter(organisation=organisation).select_related("programme", "calendar_plan")
        .prefetch_related(Prefetch("indicators", Indicator.objects.select_related(
            "region", "programme", "member", "project"))), pk=pk)


def indicator_get_for(*, project: Project, pk: int) -> Indicator:
    return get_object_or_404(Indicator.objects.filter(project=project,
                                                      organisation=project.organisation)
                             .select_related("project", "region", "programme", "member"), pk=pk)


@dataclass
class DrillDown:
    """The records behind a figure, as a table; `allowed` False when the person may not see them."""

    columns: list[str]
    rows: list[list] = field(default_factory=list)
    allowed: bool = True
    truncated: bool = False


LIMIT = 500

# What a person needs to see the records behind each kind of figure.
DRILL_PERMISSIONS = {
    "activities": {core_perm.VIEW_ALL_ACTIVITIES, people_perm.VIEW_BENEFICIARIES},
    "beneficiaries": {core_perm.VIEW_ALL_ACTIVITIES, people_perm.VIEW_BENEFICIARIES},
    "families": {core_perm.VIEW_ALL_ACTIVITIES, people_perm.VIEW_FAMILIES},
    "providers": {core_perm.VIEW_ALL_ACTIVITIES, org_perm.VIEW_MEMBERS},
    "trained": {volunteer_perm.VIEW_VOLUNTEERS},
    "trained_reaching": {volunteer_perm.VIEW_VOLUNTEERS, core_perm.VIEW_ALL_ACTIVITIES},
}
DRILLS: dict[str, tuple[list, Callable]] = {}


def drill(name: str, columns: list, permissions: set[str] | None = None):
    def register(function: Callable) -> Callable:
        DRILLS[name] = (columns, function)
        if permissions is not None:
            DRILL_PERMISSIONS[name] = permissions
        return function

    return register


def _activities(indicator: Indicator, organisation, group: str | None) -> QuerySet[Activity]:
    q = compute.indicator_q(indicator, compute.SOURCES["activity"], group=group)
    return Activity.objects.filter(organisation=organisation).filter(q)


@drill("activities", [gettext_lazy("Date"), gettext_lazy("Kind"), gettext_lazy("Format"),
                      gettext_lazy("Region"), gettext_lazy("Minutes"),
                      gettext_lazy("Participants (codes)"), gettext_lazy("Anonymous")])
def _activity_rows(indicator, organisation, group):
    qs = (_activities(indicator, organisation, group).select_related("region")
          .prefetch_related("participants").order_by("date", "id"))
    return [[a.date, a.get_kind_display(), a.get_format_display(),
             a.region.name if a.region else "", a.duration_minutes,
             ", ".join(b.code for b in a.participants.all()), a.anonymous_count]
            for a in qs[:LIMIT + 1]]


@drill("beneficiaries", [gettext_lazy("Code"), gettext_lazy("Year of birth"),
                         gettext_lazy("Region"), gettext_lazy("Activities counted")])
def _beneficiary_rows(indicator, organisation, group):
    from peercircle.people.models import Beneficiary

    activities = _activities(indicator, organisation, group)
    qs = (Beneficiary.objects.filter(organisation=organisation, activities__in=activities)
          .annotate(n=Count("activities")).select_related("region").order_by("code"))
    return [[b.code, b.birth_year or "", b.region.name if b.region else "", b.n]
            for b in qs[:LIMIT + 1]]


@drill("families", [gettext_lazy("Code"), gettext_lazy("Region"),
                    gettext_lazy("Members reached")])
def _family_rows(indicator, organisation, group):
    from peercircle.people.models import Family

    activities = _activities(indicator, organisation, group)
    qs = (Family.objects.filter(organisation=organisation,
                                members__beneficiary__activities__in=activities)
          .annotate(n=Count("members__beneficiary", distinct=True)).select_related("region")
          .order_by("code"))
    return [[f.code, f.region.name if f.region else "", f.n] for f in qs[:LIMIT + 1]]


@drill("providers", [gettext_lazy("Person"), gettext_lazy("Activities counted")])
def _provider_rows(indicator, organisation, group):
    activities = _activities(indicator, organisation, group)
    rows = (activities.values("providers__full_name", "providers__email")
            .annotate(n=Count("id")).order_by("providers__full_name"))
    return [[r["providers__full_name"] or r["providers__email"], r["n"]]
            for r in rows[:LIMIT + 1]]


@drill("trained", [gettext_lazy("Volunteer"), gettext_lazy("Course"),
                   gettext_lazy("Completed on")])
def _trained_rows(indicator, organisation, group):
    from peercircle.training.models import Enrolment

    q = compute.indicator_q(indicator, compute.SOURCES["enrolment"], group=group)
    qs = (Enrolment.objects.filter(organisation=organisation).filter(q)
          .select_related("volunteer", "course").order_by("completed_on", "id"))
    return [[e.volunteer.full_name, e.course.title, e.completed_on] for e in qs[:LIMIT + 1]]


@drill("trained_reaching", [gettext_lazy("Person"), gettext_lazy("Activities counted"),
                            gettext_lazy("Reached")])
def _reaching_rows(indicator, organisation, group):
    from peercircle.volunteers.models import Volunteer

    users = set(compute.trained_population([organisation.pk], indicator))
    counts = dict(_activities(indicator, organisation, None).filter(providers__in=users)
                  .values_list("providers").annotate(n=Count("id")).order_by())
    people = (Volunteer.objects.filter(organisation=organisation, user__in=users)
              .order_by("full_name"))
    threshold = indicator.threshold or 1
    return [[v.full_name, counts.get(v.user_id, 0),
             _("yes") if counts.get(v.user_id, 0) >= threshold else _("no")]
            for v in people[:LIMIT + 1]]


def _other(name: str, organisation, indicator, group):
    source = compute.SOURCES[name]
    q = compute.indicator_q(indicator, source, group=group)
    qs = source.model().objects.filter(organisation=organisation).filter(q)
    return qs.exclude(**source.exclude) if source.exclude else qs


@drill("outcomes", [gettext_lazy("Date"), gettext_lazy("Outcome"), gettext_lazy("Family")],
       {"mentoring.view", people_perm.VIEW_FAMILIES})
def _outcome_rows(indicator, organisation, group):
    qs = (_other("outcome", organisation, indicator, group).select_related("type", "family")
          .order_by("date", "id"))
    return [[o.date, o.type.name, o.family.code] for o in qs[:LIMIT + 1]]


@drill("events", [gettext_lazy("Date"), gettext_lazy("Event"), gettext_lazy("Kind"),
                  gettext_lazy("Participants")], {"events.view"})
def _event_rows(indicator, organisation, group):
    from peercircle.events.models import Event

    start, end = indicator.period
    qs = (Event.objects.filter(organisation=organisation, cancelled=False,
                               starts_at__date__gte=start, starts_at__date__lte=end)
          .annotate(n=Count("registrations__attendance__registration", distinct=True))
          .order_by("starts_at"))
    return [[e.starts_at.date(), e.title, e.get_kind_display(), e.n] for e in qs[:LIMIT + 1]]


@drill("initiatives", [gettext_lazy("Starts on"), gettext_lazy("Initiative"),
                       gettext_lazy("Locality"), gettext_lazy("Participants")],
       {"groups.view_initiatives"})
def _initiative_rows(indicator, organisation, group):
    qs = (_other("initiative", organisation, indicator, group)
          .annotate(n=Count("participants")).order_by("starts_on", "id"))
    return [[i.starts_on, i.title, i.locality, i.n + i.anonymous_participants]
            for i in qs[:LIMIT + 1]]


@drill("clubs", [gettext_lazy("Club"), gettext_lazy("Kind"), gettext_lazy("Locality")],
       {"groups.view"})
def _club_rows(indicator, organisation, group):
    from peercircle.groups.models import Club

    start, end = indicator.period
    qs = (Club.objects.filter(organisation=organisation)
          .filter(Q(founded_on__isnull=True) | Q(founded_on__lte=end))
          .filter(Q(closed_on__isnull=True) | Q(closed_on__gte=start)).order_by("name"))
    return [[c.name, c.get_kind_display(), c.locality] for c in qs[:LIMIT + 1]]


def drill_down(*, indicator: Indicator, organisation, permissions, group=None) -> DrillDown:
    """Only this organisation's records, and only for people allowed to see that kind of record;
    beneficiaries and families appear by their codes."""
    metric = metrics.get(indicator.metric)
    columns, rows_of = DRILLS[metric.drill]
    if not DRILL_PERMISSIONS[metric.drill] <= set(permissions):
        return DrillDown([str(c) for c in columns], allowed=False)
    rows = rows_of(indicator, organisation, group)
    return DrillDown([str(c) for c in columns], rows[:LIMIT], truncated=len(rows) > LIMIT)
