"""Factories of the events app."""

import datetime

import factory
from django.utils import timezone

from peercircle.events.models import CalendarPlan, Event, PlanItem, Registration
from tests.factories import OrganisationFactory


class EventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Event
        skip_postgeneration_save = True

    organisation = factory.SubFactory(OrganisationFactory)
    title = factory.Sequence(lambda n: f"Webinar {n}")
    kind = Event.Kind.WEBINAR
    starts_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=3))
    ends_at = factory.LazyAttribute(lambda e: e.starts_at + datetime.timedelta(hours=2))
    online_url = "https://meet.example.org/webinar"
    is_public = True


class RegistrationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Registration

    event = factory.SubFactory(EventFactory)
    organisation = factory.LazyAttribute(lambda r: r.event.organisation)
    full_name = factory.Faker("name")
    email = factory.Sequence(lambda n: f"guest{n}@example.org")
    language = "en"
    status = Registration.Status.CONFIRMED
    site_url = "http://testserver"


class PlanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CalendarPlan

    organisation = factory.SubFactory(OrganisationFactory)
    title = "Patients' team in action"


class PlanItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PlanItem

    plan = factory.SubFactory(PlanFactory)
    organisation = factory.LazyAttribute(lambda i: i.plan.organisation)
    number = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: f"Seminar-training {n}")
    starts_on = datetime.date(2023, 3, 1)
    ends_on = datetime.date(2023, 4, 30)
