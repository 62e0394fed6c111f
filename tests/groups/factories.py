"""Factories of the clubs and groups app."""

import datetime

import factory
from django.utils import timezone

from peercircle.groups.models import Club, GroupMember, Initiative, SelfHelpGroup
from tests import factories


class ClubFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Club

    organisation = factory.SubFactory(factories.OrganisationFactory)
    name = factory.Sequence(lambda n: f"Klub Samopomocy {n}")
    kind = Club.Kind.SELF_HELP
    locality = "Latowicz"


class GroupFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SelfHelpGroup
        skip_postgeneration_save = True

    club = factory.SubFactory(ClubFactory)
    organisation = factory.SelfAttribute("club.organisation")
    name = factory.Sequence(lambda n: f"Grupa {n}")
    topic = "Unemployment"
    started_on = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=60))

    @factory.post_generation
    def animators(self, create, extracted, **kwargs):
        if create and extracted:
            self.animators.set(extracted)


def consenting(organisation, **kwargs):
    """A beneficiary with an active consent to data processing."""
    return factories.ConsentFactory(
        beneficiary=factories.BeneficiaryFactory(organisation=organisation, **kwargs)).beneficiary


class MemberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = GroupMember

    group = factory.SubFactory(GroupFactory)
    organisation = factory.SelfAttribute("group.organisation")
    beneficiary = factory.LazyAttribute(lambda m: consenting(m.group.organisation))
    joined_on = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=30))


class InitiativeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Initiative

    organisation = factory.SubFactory(factories.OrganisationFactory)
    title = factory.Sequence(lambda n: f"Initiative {n}")
    goal = "Bring patients together"
    starts_on = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=30))
