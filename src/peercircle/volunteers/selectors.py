from django.db.models import Count, QuerySet
from django.shortcuts import get_object_or_404

from peercircle.volunteers.models import ApplicationQuestion, Stage, Volunteer


def volunteer_list(*, organisation, stage: str = "", search: str = "") -> QuerySet[Volunteer]:
    qs = Volunteer.objects.filter(organisation=organisation).prefetch_related("help_areas")
    if stage:
        qs = qs.filter(stage=stage)
    if search:
        qs = qs.filter(full_name__icontains=search.strip())
    return qs


def volunteer_get_for(*, organisation, pk: int) -> Volunteer:
    qs = Volunteer.objects.filter(organisation=organisation).select_related("user")
    qs = qs.prefetch_related("help_areas", "lived_experience", "regions")
    return get_object_or_404(qs, pk=pk)


def stage_counts(*, organisation) -> list[tuple[str, str, int]]:
    counts = dict(
        Volunteer.objects.filter(organisation=organisation).values_list("stage")
        .annotate(n=Count("id")).order_by()
    )
    return [(value, label, counts.get(value, 0)) for value, label in Stage.choices]


def question_list(*, organisation) -> QuerySet[ApplicationQuestion]:
    return ApplicationQuestion.objects.filter(organisation=organisation)


def question_get_for(*, organisation, pk: int) -> ApplicationQuestion:
    return get_object_or_404(question_list(organisation=organisation), pk=pk)


def volunteer_history(volunteer: Volunteer):
    return volunteer.history.select_related("changed_by")


def my_record(*, organisation, user):
    """The person's own volunteer record here, if a coordinator linked it or they accepted an
    invitation sent from it."""
    return (Volunteer.objects.filter(organisation=organisation, user=user)
            .exclude(stage="left").first())
