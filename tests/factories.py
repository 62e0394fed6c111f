"""factory_boy factories for every model the tests create."""

import datetime

import factory
from django.utils import timezone

from peercircle.accounts.models import User
from peercircle.consulting.models import CrisisTerm, HelpRequest, SupervisionRequest
from peercircle.core.models import Activity, HelpArea, Programme
from peercircle.organisations.models import Membership, Network, Organisation, Partner
from peercircle.organisations.roles import Role, VolunteerKind
from peercircle.people.models import Beneficiary, BeneficiaryIdentity, Consent, Family
from peercircle.volunteers.models import ApplicationQuestion, Stage, Volunteer

PASSWORD = "correct horse battery staple"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    full_name = factory.Faker("name")
    language = "en"
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @classmethod
    def _after_postgeneration(cls, instance, create, results=None):
        if create:
            instance.save()


class NetworkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Network

    name = factory.Sequence(lambda n: f"Network {n}")
    slug = factory.Sequence(lambda n: f"network-{n}")


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Organisation {n}")
    slug = factory.Sequence(lambda n: f"org-{n}")


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    role = Role.COORDINATOR
    volunteer_kind = factory.LazyAttribute(
        lambda m: VolunteerKind.PEER_CONSULTANT if m.role == Role.VOLUNTEER else ""
    )


class PartnerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Partner

    organisation = factory.SubFactory(OrganisationFactory)
    name = factory.Sequence(lambda n: f"Partner {n}")
    role = Partner.Role.LIBRARY


class BeneficiaryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Beneficiary

    organisation = factory.SubFactory(OrganisationFactory)
    code = factory.Sequence(lambda n: f"B-{n:06d}")
    birth_year = 1980
    created_by = factory.SubFactory(UserFactory)


class IdentityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = BeneficiaryIdentity

    beneficiary = factory.SubFactory(BeneficiaryFactory)
    organisation = factory.SelfAttribute("beneficiary.organisation")
    full_name = "Vera Testova"
    phone = "+7 900 000-00-00"


class ConsentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Consent

    beneficiary = factory.SubFactory(BeneficiaryFactory)
    organisation = factory.SelfAttribute("beneficiary.organisation")
    purpose = Consent.Purpose.DATA_PROCESSING
    given_on = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=10))
    method = Consent.Method.SIGNED_PAPER
    given_by = "beneficiary"
    recorded_by = factory.SubFactory(UserFactory)


class FamilyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Family

    organisation = factory.SubFactory(OrganisationFactory)
    code = factory.Sequence(lambda n: f"F-{n:04d}")


class ProgrammeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Programme

    organisation = factory.SubFactory(OrganisationFactory)
    name = factory.Sequence(lambda n: f"Programme {n}")
    kind = Programme.Kind.PEER_CONSULTING


class ActivityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Activity

    organisation = factory.SubFactory(OrganisationFactory)
    kind = Activity.Kind.CONSULTATION
    date = factory.LazyFunction(timezone.localdate)
    duration_minutes = 60
    format = "phone"
    anonymous_count = 1
    recorded_by = factory.SubFactory(UserFactory)


class VolunteerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Volunteer

    organisation = factory.SubFactory(OrganisationFactory)
    full_name = factory.Faker("name")
    email = factory.Sequence(lambda n: f"volunteer{n}@example.org")


def available_consultant(organisation, full_name: str, *, languages=("ru",), capacity: int = 2,
                         formats=("phone",), need: str = "oncology", lived: bool = False) -> Volunteer:
    """An active peer consultant with free weekly capacity who helps with `need` (or has lived
    through it), as routing finds one after screening, training and the profile page."""
    from django_scopes import scope

    with scope(organisation=organisation):
        volunteer = VolunteerFactory(organisation=organisation, full_name=full_name,
                                     stage=Stage.ACTIVE, weekly_capacity=capacity,
                                     languages=list(languages), formats=list(formats))
        area = HelpArea.objects.get(code=need)
        (volunteer.lived_experience if lived else volunteer.help_areas).add(area)
    return volunteer


class QuestionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ApplicationQuestion

    organisation = factory.SubFactory(OrganisationFactory)
    label = factory.Sequence(lambda n: f"Question {n}")


class HelpRequestFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = HelpRequest

    beneficiary = factory.SubFactory(BeneficiaryFactory)
    organisation = factory.SelfAttribute("beneficiary.organisation")
    need = factory.LazyFunction(lambda: HelpArea.objects.get(code="oncology"))
    language = "ru"
    format = "phone"


class CrisisTermFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CrisisTerm

    language = "ru"
    term = factory.Sequence(lambda n: f"кризис{n}")


class SupervisionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SupervisionRequest

    organisation = factory.SubFactory(OrganisationFactory)
    volunteer = factory.SubFactory(UserFactory)
    topic = "I froze when a client cried; I am afraid I did harm."


class SelfCheckFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "wellbeing.SelfCheck"

    organisation = factory.SubFactory(OrganisationFactory)
    person = factory.SubFactory(UserFactory)
    taken_on = factory.LazyFunction(timezone.localdate)
    answers = factory.LazyFunction(dict)
    personal = 40
    work = 40
    client = 40


class SupportRequestFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "wellbeing.SupportRequest"

    organisation = factory.SubFactory(OrganisationFactory)
    person = factory.SubFactory(UserFactory)


class GroupReviewFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "consulting.GroupReview"

    organisation = factory.SubFactory(OrganisationFactory)
    kind = "intervision"
    title = "Intervision: boundaries"
    date = factory.LazyFunction(timezone.localdate)
    format = "online"
    facilitator = factory.SubFactory(UserFactory)
