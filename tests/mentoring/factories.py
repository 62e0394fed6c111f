"""Builders for mentoring tests: everything is entered through the services, as users would."""

import datetime

from django.utils import timezone

from peercircle.mentoring import services
from peercircle.mentoring.models import Agreement, AgreementTemplate, Mentor
from peercircle.organisations.models import Organisation
from peercircle.organisations.roles import Role, VolunteerKind
from peercircle.people.models import Consent, FamilyMember
from peercircle.people.services import (
    beneficiary_create,
    consent_give,
    family_create,
    family_member_add,
)
from peercircle.volunteers.models import Stage
from tests import factories
from tests.conftest import give_totp


def days_ago(days: int) -> datetime.date:
    return timezone.localdate() - datetime.timedelta(days=days)


def person(organisation, role, **kwargs):
    membership = factories.MembershipFactory(organisation=organisation, role=role, **kwargs)
    give_totp(membership.user)
    return membership.user


class Programme:
    """An institution running the programme with a partner NGO, a coordinator and a curator."""

    def __init__(self, institution=None, ngo=None):
        self.org = institution or factories.OrganisationFactory(
            slug="angara", name="Angara family centre", kind=Organisation.Kind.FAMILY_CENTRE,
            languages=["en"])
        self.ngo = ngo or factories.OrganisationFactory(slug="opora", name="Opora NGO")
        self.coordinator = person(self.org, Role.COORDINATOR)
        self.curator = person(self.org, Role.SUPERVISOR)
        self.programme = services.programme_ensure(actor=self.coordinator, organisation=self.org)
        services.programme_update(actor=self.coordinator, programme=self.programme, ngo=self.ngo)
        self.template = AgreementTemplate.objects.get(organisation=self.org)
        self.rehab = factories.PartnerFactory(organisation=self.org, name="Crossroads rehab",
                                              role="rehab_centre")
        self._families = 0

    def mentor(self, name="Mentor", *, origin=Mentor.Origin.ACTIVE_CITIZEN, peer=False,
               user=None, admitted="default") -> Mentor:
        admitted = days_ago(900) if admitted == "default" else admitted
        volunteer = factories.VolunteerFactory(organisation=self.org, full_name=name,
                                               stage=Stage.SCREENED, user=user)
        mentor = services.mentor_register(
            actor=self.coordinator, organisation=self.org, volunteer=volunteer,
            source=Mentor.Source.REHAB_CENTRE if peer else Mentor.Source.WEB_PAGE,
            origin=origin, is_peer_mentor=peer, referred_by=self.rehab if peer else None)
        services.mentor_diagnose(actor=self.coordinator, mentor=mentor,
                                 diagnostic_on=days_ago(910),
                                 diagnostic_result=Mentor.Diagnostic.SUITABLE)
        if admitted is not None:
            services.mentor_admit(actor=self.coordinator, mentor=mentor, admitted_on=admitted)
        return mentor

    def mentor_with_account(self, name="Marina Mentor", **kwargs):
        user = person(self.org, Role.VOLUNTEER, volunteer_kind=VolunteerKind.MENTOR)
        return self.mentor(name, user=user, **kwargs), user

    def family(self, *, children=1, consent=True, curator=None, referred=None):
        referred = referred or days_ago(900)
        self._families += 1
        family = family_create(actor=self.coordinator, organisation=self.org,
                               code=f"F-{self._families:03d}")
        parent = beneficiary_create(actor=self.coordinator, organisation=self.org)
        family_member_add(actor=self.coordinator, family=family, beneficiary=parent,
                          relation=FamilyMember.Relation.PARENT, is_legal_representative=True)
        if consent:
            consent_give(actor=self.coordinator, beneficiary=parent,
                         purpose=Consent.Purpose.DATA_PROCESSING, given_on=days_ago(950),
                         method=Consent.Method.SIGNED_PAPER, given_by="legal representative")
        kids = []
        for _ in range(children):
            child = beneficiary_create(actor=self.coordinator, organisation=self.org)
            family_member_add(actor=self.coordinator, family=family, beneficiary=child,
                              relation=FamilyMember.Relation.CHILD)
            kids.append(child)
        mentee = services.family_enrol(actor=self.coordinator, organisation=self.org,
                                       family=family, reason="social_risk",
                                       curator=curator or self.curator, referred_on=referred)
        mentee.parent, mentee.children = parent, kids
        return mentee

    def pair(self, mentor, family=None, *, matched=None, agreement=True, shared_with=()):
        matched = matched or days_ago(200)
        family = family or self.family()
        pair = services.pair_match(actor=self.coordinator, mentor=mentor, family=family,
                                   matched_on=matched)
        pair.mentee = family
        if agreement:
            services.agreement_conclude(
                actor=self.coordinator, pair=pair, legal_representative=family.parent,
                ngo=self.ngo, template=self.template, starts_on=matched,
                shared_with=shared_with)
            pair.refresh_from_db()
            pair.mentee = family
        return pair

    def agreement(self, pair) -> Agreement:
        return pair.agreements.get(status=Agreement.Status.ACTIVE)
