"""The competency framework, self- and supervisor assessments, and growth over time."""

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q, QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _

from peercircle.core.audit import audited_save
from peercircle.training.models import Assessment, Competency

LEVELS = 4


def framework_for(*, organisation) -> QuerySet[Competency]:
    if organisation.network_id:
        return Competency.objects.filter(network_id=organisation.network_id)
    return Competency.objects.filter(organisation=organisation)


def competency_add(*, actor, organisation, name: str, description: str, levels: list[str]):
    if len([level for level in levels if level.strip()]) != LEVELS:
        raise ValidationError(_("Describe all four levels."))
    owner = ({"network_id": organisation.network_id} if organisation.network_id
             else {"organisation": organisation})
    if organisation.network_id and not organisation.coordinates_network:
        raise ValidationError(_("The network's coordinating organisation keeps the framework."))
    position = framework_for(organisation=organisation).count()
    return audited_save(Competency(name=name, description=description, levels=levels,
                                   position=position, **owner),
                        actor=actor, organisation=organisation)


def assessment_record(*, actor, organisation, person, levels: dict[int, int], kind: str):
    """One assessment per competency of the framework, on today's date."""
    framework = {c.pk: c for c in framework_for(organisation=organisation)}
    if kind == Assessment.Kind.SELF and person != actor:
        raise ValidationError(_("A self-assessment is made by the person themself."))
    if kind == Assessment.Kind.SUPERVISOR and person == actor:
        raise ValidationError(_("Supervisors do not assess themselves."))
    if set(levels) != set(framework) or not all(1 <= v <= LEVELS for v in levels.values()):
        raise ValidationError(_("Choose a level for every competency."))
    today = timezone.localdate()
    with transaction.atomic():
        return [audited_save(Assessment(organisation=organisation, person=person,
                                        competency=framework[pk], kind=kind, level=level,
                                        assessor=actor, assessed_on=today),
                             actor=actor, organisation=organisation)
                for pk, level in levels.items()]


def member_get(*, organisation, pk: int):
    return get_object_or_404(get_user_model().objects.filter(
        memberships__organisation=organisation, memberships__is_active=True).distinct(), pk=pk)


def growth(*, organisation, person) -> dict:
    """Assessments by date: rows of (date, kind, {competency: level}) and the latest levels."""
    assessments = (Assessment.objects.filter(organisation=organisation, person=person)
                   .select_related("competency").order_by("assessed_on", "id"))
    rows: dict[tuple, dict] = {}
    for a in assessments:
        rows.setdefault((a.assessed_on, a.kind), {})[a.competency_id] = a.level
    return {"rows": [(day, kind, levels) for (day, kind), levels in rows.items()]}


def people_to_assess(*, organisation, user):
    return (get_user_model().objects.filter(
        Q(memberships__organisation=organisation, memberships__is_active=True,
          memberships__role="volunteer")).exclude(pk=user.pk).distinct().order_by("full_name"))
