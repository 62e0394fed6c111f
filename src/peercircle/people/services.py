"""Writes about beneficiaries, identities, families and consent: atomic and audited."""

import datetime
import secrets

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from peercircle.core.audit import audit_record, audited_save
from peercircle.core.models import AuditEntry
from peercircle.people.models import (
    Beneficiary,
    BeneficiaryIdentity,
    Consent,
    Family,
    FamilyMember,
)
from peercircle.people.selectors import beneficiaries_lacking_consent, consent_is_active

IDENTITY_FIELDS = frozenset({"full_name", "phone", "email", "address"})
CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
CONSENT_DOCUMENT_TYPES = (".pdf", ".jpg", ".jpeg", ".png")


class ConsentRequired(ValidationError):
    """Work that needs a beneficiary's consent was asked for without it."""


def require_consent(beneficiaries, *, purpose: str = Consent.Purpose.DATA_PROCESSING) -> None:
    lacking = beneficiaries_lacking_consent(list(beneficiaries), purpose=purpose)
    if lacking:
        raise ConsentRequired(
            _("%(codes)s gave no consent to %(purpose)s. Record the consent first.")
            % {
                "codes": ", ".join(b.code for b in lacking),
                "purpose": Consent.Purpose(purpose).label.lower(),
            },
            code="consent_required",
        )


def beneficiary_code_new(*, organisation) -> str:
    while True:
        code = "B-" + "".join(secrets.choice(CODE_ALPHABET) for _ in range(6))
        if not Beneficiary.objects.filter(organisation=organisation, code=code).exists():
            return code


def beneficiary_create(*, actor, organisation, code: str = "", birth_year=None, gender="",
                       region=None, needs=()) -> Beneficiary:
    beneficiary = Beneficiary(
        organisation=organisation, code=code or beneficiary_code_new(organisation=organisation),
        birth_year=birth_year, gender=gender, region=region, created_by=actor,
    )
    return audited_save(beneficiary, actor=actor, organisation=organisation,
                        m2m={"needs": needs})


def beneficiary_update(*, actor, beneficiary: Beneficiary, birth_year=None, gender="",
                       region=None, needs=()) -> Beneficiary:
    beneficiary.birth_year, beneficiary.gender, beneficiary.region = birth_year, gender, region
    return audited_save(beneficiary, actor=actor, organisation=beneficiary.organisation,
                        m2m={"needs": needs})


def identity_save(*, actor, beneficiary: Beneficiary, full_name: str, phone: str = "",
                  email: str = "", address: str = "") -> BeneficiaryIdentity:
    """Keep a name and contacts; refused until the person consented to data processing."""
    with transaction.atomic():
        _refuse_anonymised(beneficiary)
        require_consent([beneficiary])
        identity = BeneficiaryIdentity.objects.filter(beneficiary=beneficiary).first()
        identity = identity or BeneficiaryIdentity(
            organisation=beneficiary.organisation, beneficiary=beneficiary
        )
        identity.full_name, identity.phone = full_name, phone
        identity.email, identity.address = email, address
        return audited_save(identity, actor=actor, organisation=beneficiary.organisation,
                            masked=IDENTITY_FIELDS)


def identity_open(*, actor, beneficiary: Beneficiary) -> BeneficiaryIdentity | None:
    """Show a beneficiary's identity to someone allowed to see it; the opening is audited."""
    with transaction.atomic():
        identity = BeneficiaryIdentity.objects.filter(beneficiary=beneficiary).first()
        audit_record(actor=actor, organisation=beneficiary.organisation,
                     action=AuditEntry.Action.VIEW_IDENTITY, instance=beneficiary)
    return identity


def _refuse_anonymised(beneficiary: Beneficiary) -> None:
    if beneficiary.anonymised_on:
        raise ValidationError(_("This person's data was erased: nothing new is recorded about "
                                "them."))


def _consent_validate(consent: Consent) -> None:
    errors = {}
    if consent.given_on and consent.given_on > timezone.localdate():
        errors["given_on"] = _("Consent cannot be given on a future date.")
    if consent.purpose == Consent.Purpose.SHARING and consent.partner_id is None:
        errors["partner"] = _("Name the partner the data may be shared with.")
    if consent.purpose != Consent.Purpose.SHARING and consent.partner_id is not None:
        errors["partner"] = _("A partner is named only for consent to sharing.")
    document = consent.document
    if document and not document.name.lower().endswith(CONSENT_DOCUMENT_TYPES):
        errors["document"] = _("Upload the signed document as PDF, JPEG or PNG.")
    if errors:
        raise ValidationError(errors)


def consent_give(*, actor, beneficiary: Beneficiary, purpose: str, given_on: datetime.date,
                 method: str, given_by: str, partner=None, document=None) -> Consent:
    consent = Consent(
        organisation=beneficiary.organisation, beneficiary=beneficiary, purpose=purpose,
        partner=partner, given_on=given_on, method=method, given_by=given_by,
        recorded_by=actor,
    )
    if document:
        consent.document = document
    _refuse_anonymised(beneficiary)
    _consent_validate(consent)
    with transaction.atomic():
        audited_save(consent, actor=actor, organisation=beneficiary.organisation)
    return consent


def consent_withdraw(*, actor, consent: Consent, withdrawn_on: datetime.date) -> Consent:
    if consent.withdrawn_on is not None:
        raise ValidationError(_("This consent was already withdrawn."))
    if withdrawn_on < consent.given_on:
        raise ValidationError({"withdrawn_on": _("Consent cannot be withdrawn before it was given.")})
    if withdrawn_on > timezone.localdate():
        raise ValidationError({"withdrawn_on": _("Withdrawal cannot be dated in the future.")})
    consent.withdrawn_on = withdrawn_on
    return audited_save(consent, actor=actor, organisation=consent.organisation)


def family_create(*, actor, organisation, code: str, region=None, needs=(),
                  notes: str = "") -> Family:
    family = Family(organisation=organisation, code=code, region=region, notes=notes)
    return audited_save(family, actor=actor, organisation=organisation, m2m={"needs": needs})


def family_update(*, actor, family: Family, region=None, needs=(), notes: str = "") -> Family:
    family.region, family.notes = region, notes
    return audited_save(family, actor=actor, organisation=family.organisation,
                        m2m={"needs": needs})


def family_member_add(*, actor, family: Family, beneficiary: Beneficiary, relation: str,
                      is_legal_representative: bool = False) -> FamilyMember:
    if beneficiary.organisation_id != family.organisation_id:
        raise ValidationError({"beneficiary": _("Choose a person of this organisation.")})
    if FamilyMember.objects.filter(family=family, beneficiary=beneficiary).exists():
        raise ValidationError({"beneficiary": _("This person is already in the family.")})
    if is_legal_representative and relation == FamilyMember.Relation.CHILD:
        raise ValidationError(
            {"is_legal_representative": _("A child cannot be the family's legal representative.")}
        )
    member = FamilyMember(organisation=family.organisation, family=family,
                          beneficiary=beneficiary, relation=relation,
                          is_legal_representative=is_legal_representative)
    return audited_save(member, actor=actor, organisation=family.organisation)


def beneficiary_has_data_consent(beneficiary: Beneficiary) -> bool:
    return consent_is_active(beneficiary=beneficiary, purpose=Consent.Purpose.DATA_PROCESSING)
