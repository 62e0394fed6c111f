"""Access-matrix samples of the mentoring app: a pair with its agreement, entered through the
services. The NGO party is a third organisation, so neither `own` nor `other` is party to the
other's pairs."""

import datetime

from django.utils import timezone
from django_scopes import scopes_disabled

from peercircle.organisations.roles import Role
from tests import factories


def samples(org) -> dict:
    from peercircle.mentoring import services
    from peercircle.mentoring.models import AgreementTemplate, Mentor
    from peercircle.people.services import (
        beneficiary_create,
        consent_give,
        family_create,
        family_member_add,
    )
    from peercircle.volunteers.models import Stage

    past = timezone.localdate() - datetime.timedelta(days=30)
    with scopes_disabled():
        actor = factories.MembershipFactory(organisation=org, role=Role.COORDINATOR).user
        curator = factories.MembershipFactory(organisation=org, role=Role.SUPERVISOR).user
        services.programme_ensure(actor=actor, organisation=org)
        volunteer = factories.VolunteerFactory(organisation=org, stage=Stage.SCREENED)
        mentor = services.mentor_register(actor=actor, organisation=org, volunteer=volunteer,
                                          source=Mentor.Source.WEB_PAGE)
        services.mentor_diagnose(actor=actor, mentor=mentor, diagnostic_on=past,
                                 diagnostic_result=Mentor.Diagnostic.SUITABLE)
        services.mentor_admit(actor=actor, mentor=mentor, admitted_on=past)
        family = family_create(actor=actor, organisation=org, code=f"MF-{org.slug}")
        parent = beneficiary_create(actor=actor, organisation=org)
        family_member_add(actor=actor, family=family, beneficiary=parent, relation="parent",
                          is_legal_representative=True)
        consent_give(actor=actor, beneficiary=parent, purpose="data_processing", given_on=past,
                     method="signed_paper", given_by="legal representative")
        mentee = services.family_enrol(actor=actor, organisation=org, family=family,
                                       reason="social_risk", curator=curator, referred_on=past)
        pair = services.pair_match(actor=actor, mentor=mentor, family=mentee, matched_on=past)
        agreement = services.agreement_conclude(
            actor=actor, pair=pair, legal_representative=parent,
            ngo=factories.OrganisationFactory(), starts_on=past,
            template=AgreementTemplate.objects.get(organisation=org))
    return {"pair_pk": pair.pk, "mentor_pk": mentor.pk, "mentee_family_pk": mentee.pk,
            "agreement_pk": agreement.pk}
