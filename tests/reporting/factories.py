"""Factories and helpers of the reporting tests: records entered through the services."""

import datetime
from decimal import Decimal

import factory
from django.utils import timezone

from peercircle.core.services import activity_record
from peercircle.reporting.models import Indicator, Project
from tests import factories


class ProjectFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Project

    organisation = factory.SubFactory(factories.OrganisationFactory)
    title = factory.Sequence(lambda n: f"Project {n}")
    starts_on = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=200))
    ends_on = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=30))


class IndicatorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Indicator

    project = factory.SubFactory(ProjectFactory)
    organisation = factory.SelfAttribute("project.organisation")
    name = factory.Sequence(lambda n: f"Indicator {n}")
    metric = "activities"
    target = Decimal(10)
    kinds = factory.LazyFunction(lambda: ["consultation"])


def consenting(organisation, count: int, **kwargs) -> list:
    """Beneficiaries who consented to data processing."""
    people = [factories.BeneficiaryFactory(organisation=organisation, **kwargs)
              for _ in range(count)]
    for person in people:
        factories.ConsentFactory(beneficiary=person, organisation=organisation)
    return people


def log(actor, organisation, kind="consultation", *, days_ago=1, minutes=60, fmt="phone",
        providers=None, participants=(), anonymous=0, **kwargs):
    return activity_record(
        actor=actor, organisation=organisation, kind=kind,
        date=timezone.localdate() - datetime.timedelta(days=days_ago), duration_minutes=minutes,
        format=fmt, providers=providers or [actor], participants=participants,
        anonymous_count=anonymous, **kwargs)
