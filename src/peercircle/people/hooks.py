"""What the people app adds to the whole (core.registry): its role grants, and its home-page items and
menu entries where it has them."""

from django.db.models import Count
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l
from django.utils.translation import ngettext

from peercircle.core import registry
from peercircle.core.dashboard import Card, Todo, org_url
from peercircle.core.roles import Role
from peercircle.organisations import permissions as org_perm
from peercircle.people import permissions as perm
from peercircle.people import selectors
from peercircle.people.models import Beneficiary

# Supervisors and curators work with cases under their codes, never with identities.
registry.grant_table({
    Role.COORDINATOR: {
        perm.MANAGE_BENEFICIARIES,
        perm.MANAGE_CONSENT,
        perm.MANAGE_FAMILIES,
        perm.MANAGE_IDENTITY,
        perm.VIEW_BENEFICIARIES,
        perm.VIEW_FAMILIES,
        perm.VIEW_IDENTITY,
        # data-subject rights: a person's data produced for them, erased at their request
        perm.EXPORT_SUBJECT_DATA,
        perm.ERASE_SUBJECT,
        perm.VIEW_PROCESSING_REGISTER,
    },
    Role.STAFF: {
        perm.MANAGE_BENEFICIARIES,
        perm.MANAGE_CONSENT,
        perm.MANAGE_FAMILIES,
        perm.MANAGE_IDENTITY,
        perm.VIEW_BENEFICIARIES,
        perm.VIEW_FAMILIES,
        perm.VIEW_IDENTITY,
        perm.VIEW_PROCESSING_REGISTER,
    },
    Role.NETWORK_COORDINATOR: {perm.VIEW_PROCESSING_REGISTER},
    Role.SUPERVISOR: {
        perm.VIEW_BENEFICIARIES,
        perm.VIEW_FAMILIES,
    },
})

# names, contacts and consents of the people served, and everything recorded about them
registry.require_two_factor({perm.VIEW_IDENTITY, perm.MANAGE_IDENTITY, perm.MANAGE_CONSENT,
                             perm.EXPORT_SUBJECT_DATA, perm.ERASE_SUBJECT})


@registry.home(20)
def casework(*, user, organisation, permissions, cards, todos) -> None:
    if perm.VIEW_BENEFICIARIES not in permissions:
        return
    beneficiaries = selectors.beneficiary_list(organisation=organisation)
    cards.append(Card(_("Beneficiaries"), beneficiaries.count(),
                      org_url("people:beneficiary_list", organisation)))
    cards.append(Card(_("Families"), selectors.family_list(organisation=organisation)
                      .count(), org_url("people:family_list", organisation)))
    lacking = selectors.beneficiaries_without_consent(organisation=organisation).count()
    if lacking:
        todos.append(Todo(ngettext(
            "%(count)d beneficiary has no recorded consent to data processing.",
            "%(count)d beneficiaries have no recorded consent to data processing.", lacking,
        ) % {"count": lacking}, org_url("people:beneficiary_list", organisation)))

registry.menu("casework", 20, _l("Beneficiaries"), "people:beneficiary_list", perm.VIEW_BENEFICIARIES)
registry.menu("casework", 30, _l("Families"), "people:family_list", perm.VIEW_BENEFICIARIES)
registry.menu("organisation", 90, _l("Data protection"), "people:data_protection",
              org_perm.MANAGE_ORGANISATION)
registry.menu("organisation", 91, _l("Register of processing activities"), "people:processing_register",
              perm.VIEW_PROCESSING_REGISTER)


def beneficiary_counts(member_ids: list[int]) -> tuple[dict[str, int], int]:
    """Beneficiaries of a network's members by region and in all (the network figures call this
    with scopes disabled and suppress small numbers)."""
    records = Beneficiary.objects.filter(organisation_id__in=member_ids)
    by_region = dict(records.values_list("region__code").annotate(n=Count("id", distinct=True))
                     .order_by())
    return by_region, records.count()


registry.network_count("beneficiaries", beneficiary_counts)


@registry.provide("require_consent")
def _require_consent(participants) -> None:
    """The ledger's consent rule (core.services.activity_record): named people consented."""
    from peercircle.people.services import require_consent

    require_consent(participants)


@registry.provide("participant_choices")
def _participant_choices(*, organisation, permissions):
    """The people a ledger form may name: the organisation's beneficiaries, for those who may
    see them; None for the rest (the form then counts anonymous participants only)."""
    if perm.VIEW_BENEFICIARIES not in permissions:
        return None
    return Beneficiary.objects.filter(organisation=organisation)
