"""Reads about beneficiaries, families and consent. Identities are opened only via services."""

from django.core.exceptions import ValidationError
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from peercircle.people.models import Beneficiary, Consent, Family


def _active_consent(purpose: str) -> Exists:
    return Exists(
        Consent.objects.filter(
            beneficiary=OuterRef("pk"), purpose=purpose, withdrawn_on__isnull=True
        )
    )


def beneficiary_list(*, organisation, search: str = "", need=None) -> QuerySet[Beneficiary]:
    qs = (
        Beneficiary.objects.filter(organisation=organisation)
        .select_related("region")
        .prefetch_related("needs")
        .annotate(has_consent=_active_consent(Consent.Purpose.DATA_PROCESSING))
    )
    if search:
        qs = qs.filter(code__icontains=search.strip())
    if need is not None:
        qs = qs.filter(needs=need)
    return qs


def beneficiary_get_for(*, organisation, pk: int) -> Beneficiary:
    """The beneficiary of this organisation; missing and foreign alike are 404."""
    return get_object_or_404(beneficiary_list(organisation=organisation), pk=pk)


def beneficiary_by_code(organisation, code: str, field: str = "code") -> Beneficiary:
    """The person with this card code (any letter case); a clear error on `field` otherwise."""
    beneficiary = Beneficiary.objects.filter(organisation=organisation,
                                             code__iexact=code.strip()).first()
    if beneficiary is None:
        raise ValidationError({field: _("No person with this code. Check the code on the "
                                        "person's card.")})
    return beneficiary


def beneficiaries_without_consent(*, organisation) -> QuerySet[Beneficiary]:
    return beneficiary_list(organisation=organisation).filter(has_consent=False)


def consent_list(*, beneficiary) -> QuerySet[Consent]:
    return beneficiary.consents.select_related("partner", "recorded_by")


def consent_get_for(*, organisation, pk: int) -> Consent:
    return get_object_or_404(
        Consent.objects.filter(organisation=organisation).select_related("beneficiary"), pk=pk
    )


def consent_is_active(*, beneficiary, purpose: str, partner=None) -> bool:
    qs = Consent.objects.filter(beneficiary=beneficiary, purpose=purpose,
                                withdrawn_on__isnull=True)
    if partner is not None:
        qs = qs.filter(partner=partner)
    return qs.exists()


def beneficiaries_lacking_consent(beneficiaries, *, purpose: str) -> list[Beneficiary]:
    ids = [b.pk for b in beneficiaries]
    consenting = set(
        Consent.objects.filter(beneficiary_id__in=ids, purpose=purpose, withdrawn_on__isnull=True)
        .values_list("beneficiary_id", flat=True)
    )
    return [b for b in beneficiaries if b.pk not in consenting]


def family_list(*, organisation, search: str = "") -> QuerySet[Family]:
    qs = Family.objects.filter(organisation=organisation).select_related("region")
    qs = qs.prefetch_related("needs", "members__beneficiary")
    if search:
        qs = qs.filter(Q(code__icontains=search.strip()))
    return qs


def family_get_for(*, organisation, pk: int) -> Family:
    return get_object_or_404(family_list(organisation=organisation), pk=pk)
