import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from django_scopes import scope

from peercircle.core.models import AuditEntry
from peercircle.people import services
from peercircle.people.models import BeneficiaryIdentity, Consent, FamilyMember
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def scoped(org):
    with scope(organisation=org):
        yield org


def test_a_new_beneficiary_gets_a_code_and_an_audit_entry(scoped, coordinator):
    beneficiary = services.beneficiary_create(actor=coordinator, organisation=scoped,
                                              birth_year=1985)
    assert beneficiary.code.startswith("B-") and len(beneficiary.code) == 8
    entry = AuditEntry.objects.get(object_id=str(beneficiary.pk))
    assert entry.action == AuditEntry.Action.CREATE
    assert entry.actor == coordinator and entry.after["birth_year"] == 1985


def test_a_name_cannot_be_kept_without_consent(scoped, coordinator):
    beneficiary = factories.BeneficiaryFactory(organisation=scoped)
    with pytest.raises(services.ConsentRequired, match=beneficiary.code):
        services.identity_save(actor=coordinator, beneficiary=beneficiary, full_name="Vera")
    assert not BeneficiaryIdentity.objects.exists()
    assert not AuditEntry.objects.exists()


def test_identity_changes_are_audited_without_the_values(scoped, coordinator):
    beneficiary = factories.BeneficiaryFactory(organisation=scoped)
    factories.ConsentFactory(beneficiary=beneficiary)
    services.identity_save(actor=coordinator, beneficiary=beneficiary, full_name="Vera Ivanova",
                           phone="+7 900 111-22-33")
    entry = AuditEntry.objects.get(object_type="people.BeneficiaryIdentity")
    assert entry.after["full_name"] == "•••"
    assert "Vera" not in str(entry.after) and "111" not in str(entry.after)


def test_opening_an_identity_is_written_to_the_audit_log(scoped, coordinator):
    identity = factories.IdentityFactory(beneficiary__organisation=scoped)
    opened = services.identity_open(actor=coordinator, beneficiary=identity.beneficiary)
    assert opened == identity
    entry = AuditEntry.objects.get(action=AuditEntry.Action.VIEW_IDENTITY)
    assert entry.actor == coordinator and entry.organisation == scoped


def test_consent_to_sharing_names_a_partner(scoped, coordinator):
    beneficiary = factories.BeneficiaryFactory(organisation=scoped)
    with pytest.raises(ValidationError) as error:
        services.consent_give(actor=coordinator, beneficiary=beneficiary,
                              purpose=Consent.Purpose.SHARING, given_on=timezone.localdate(),
                              method="verbal", given_by="beneficiary")
    assert "partner" in error.value.message_dict
    partner = factories.PartnerFactory(organisation=scoped)
    consent = services.consent_give(actor=coordinator, beneficiary=beneficiary,
                                    purpose=Consent.Purpose.SHARING, partner=partner,
                                    given_on=timezone.localdate(), method="verbal",
                                    given_by="beneficiary")
    assert consent.is_active


def test_consent_dates_must_make_sense(scoped, coordinator):
    beneficiary = factories.BeneficiaryFactory(organisation=scoped)
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    with pytest.raises(ValidationError, match="future"):
        services.consent_give(actor=coordinator, beneficiary=beneficiary,
                              purpose=Consent.Purpose.DATA_PROCESSING, given_on=tomorrow,
                              method="verbal", given_by="beneficiary")
    consent = factories.ConsentFactory(beneficiary=beneficiary)
    with pytest.raises(ValidationError, match="before it was given"):
        services.consent_withdraw(actor=coordinator, consent=consent,
                                  withdrawn_on=consent.given_on - datetime.timedelta(days=1))
    services.consent_withdraw(actor=coordinator, consent=consent,
                              withdrawn_on=timezone.localdate())
    with pytest.raises(ValidationError, match="already withdrawn"):
        services.consent_withdraw(actor=coordinator, consent=consent,
                                  withdrawn_on=timezone.localdate())
    assert not services.beneficiary_has_data_consent(beneficiary)


def test_withdrawn_consent_stops_identity_work(scoped, coordinator):
    consent = factories.ConsentFactory(beneficiary__organisation=scoped)
    services.consent_withdraw(actor=coordinator, consent=consent,
                              withdrawn_on=timezone.localdate())
    with pytest.raises(services.ConsentRequired):
        services.identity_save(actor=coordinator, beneficiary=consent.beneficiary,
                               full_name="Someone")


def test_household_links_follow_the_rules(scoped, coordinator, other_org):
    family = factories.FamilyFactory(organisation=scoped)
    parent = factories.BeneficiaryFactory(organisation=scoped)
    child = factories.BeneficiaryFactory(organisation=scoped)
    services.family_member_add(actor=coordinator, family=family, beneficiary=parent,
                               relation="parent", is_legal_representative=True)
    with pytest.raises(ValidationError, match="already in the family"):
        services.family_member_add(actor=coordinator, family=family, beneficiary=parent,
                                   relation="parent")
    with pytest.raises(ValidationError, match="child cannot"):
        services.family_member_add(actor=coordinator, family=family, beneficiary=child,
                                   relation="child", is_legal_representative=True)
    stranger = factories.BeneficiaryFactory(organisation=other_org)
    with pytest.raises(ValidationError, match="this organisation"):
        services.family_member_add(actor=coordinator, family=family, beneficiary=stranger,
                                   relation="child")
    assert FamilyMember.objects.count() == 1


def test_family_codes_are_unique_per_organisation(scoped, coordinator):
    services.family_create(actor=coordinator, organisation=scoped, code="F-1")
    with pytest.raises(ValidationError):
        services.family_create(actor=coordinator, organisation=scoped, code="F-1")
