"""Reads for consultations: whom a consultant works with, their progress, the team's figures."""

from django.db.models import Count, Q, QuerySet

from peercircle.core.models import Activity, Programme
from peercircle.people.models import Beneficiary
from peercircle.people.permissions import VIEW_BENEFICIARIES


def beneficiaries_for_logging(*, organisation, user, permissions) -> QuerySet[Beneficiary]:
    """Staff pick any code; a consultant picks among the people routed to them or met before."""
    qs = Beneficiary.objects.filter(organisation=organisation)
    if VIEW_BENEFICIARIES not in permissions:
        qs = qs.filter(Q(help_requests__assigned_to__user=user) | Q(activities__providers=user))
    return qs.distinct().order_by("code")


def contact_codes_of(*, organisation, user) -> list[str]:
    """The anonymous contacts' codes this person logged before (their repeat callers)."""
    return list(Activity.objects.filter(organisation=organisation, providers=user)
                .exclude(contact_code="").values_list("contact_code", flat=True).distinct()[:500])


def my_consultations(*, organisation, user) -> QuerySet[Activity]:
    return (Activity.objects.filter(organisation=organisation, providers=user,
                                    kind=Activity.Kind.CONSULTATION)
            .select_related("programme").prefetch_related("participants", "help_areas")
            .order_by("-date", "-id"))


def my_progress(*, organisation, user) -> list[dict]:
    """For each programme with a target: how many consultations this person gave in it."""
    done = dict(
        my_consultations(organisation=organisation, user=user).order_by()
        .values_list("programme").annotate(n=Count("id"))
    )
    return [{"programme": p, "done": done.get(p.pk, 0), "target": p.target_per_provider,
             "percent": min(100, round(100 * done.get(p.pk, 0) / p.target_per_provider))}
            for p in Programme.objects.filter(organisation=organisation,
                                              target_per_provider__gt=0)]


def consultation_figures(*, organisation) -> dict:
    """Counts per consultant, per region and per topic (no beneficiary is named)."""
    qs = Activity.objects.filter(organisation=organisation, kind=Activity.Kind.CONSULTATION)
    return {
        "total": qs.count(),
        "by_consultant": list(qs.order_by().values("providers__full_name")
                              .annotate(n=Count("id", distinct=True)).order_by("-n")),
        "by_region": list(qs.order_by().values("region__name_en", "region__name_ru",
                                               "region__name_pl")
                          .annotate(n=Count("id", distinct=True)).order_by("-n")),
        "by_topic": list(qs.order_by().values("help_areas__name_en", "help_areas__name_ru",
                                              "help_areas__name_pl")
                         .annotate(n=Count("id", distinct=True)).order_by("-n")),
    }


def default_region(*, organisation, user):
    """The region a consultation is logged in unless the consultant changes it: the first region
    of their volunteer record, else the first the organisation serves, else none."""
    from peercircle.volunteers.models import Volunteer

    volunteer = Volunteer.objects.filter(organisation=organisation, user=user).first()
    region = volunteer.regions.order_by("pk").first() if volunteer else None
    return region or organisation.regions.order_by("pk").first()
