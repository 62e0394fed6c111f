from dataclasses import dataclass

from django.db.models import Max, Q, QuerySet
from django.shortcuts import get_object_or_404
from django_scopes import scopes_disabled

from peercircle.library.models import CommunityDocument, DocumentVersion, Signature
from peercircle.organisations.models import Membership


def documents_for(*, organisation) -> QuerySet[CommunityDocument]:
    """The organisation's own documents and those of its network."""
    owner = Q(organisation=organisation)
    if organisation.network_id:
        owner |= Q(network_id=organisation.network_id)
    return CommunityDocument.objects.filter(owner).annotate(current=Max("versions__number"))


def document_get_for(*, organisation, pk: int) -> CommunityDocument:
    return get_object_or_404(documents_for(organisation=organisation), pk=pk)


def current_version(document: CommunityDocument) -> DocumentVersion | None:
    return document.versions.order_by("-number").first()


def has_signed(*, version, user, organisation) -> bool:
    return Signature.objects.filter(version=version, user=user, organisation=organisation).exists()


def signature_status(*, document, organisation) -> tuple[list, list]:
    """(signed, not signed) active members for the current version."""
    version = current_version(document)
    members = (Membership.objects.filter(organisation=organisation, is_active=True)
               .select_related("user").order_by("user__full_name"))
    people = list({m.user_id: m.user for m in members}.values())
    signed_ids = set(Signature.objects.filter(version=version, organisation=organisation)
                     .values_list("user_id", flat=True)) if version else set()
    return ([p for p in people if p.pk in signed_ids],
            [p for p in people if p.pk not in signed_ids])


def unsigned_for(*, organisation, user) -> list[CommunityDocument]:
    """Documents whose current version this person has not acknowledged here (two queries)."""
    documents = [d for d in documents_for(organisation=organisation).filter(must_sign=True)
                 if d.current]
    signed = set(Signature.objects.filter(
        user=user, organisation=organisation,
        version__document__in=documents).values_list("version__document_id", "version__number"))
    return [d for d in documents if (d.pk, d.current) not in signed]


@dataclass(frozen=True)
class MemberAdoption:
    organisation: object
    adopted: object  # the latest version adopted (DocumentVersion) or None
    adopted_on: object  # its date, or None
    current: bool  # the adopted version is the current one
    acknowledged: int  # members of the organisation who acknowledged the current version
    members: int  # its active members


def adoption_for(*, organisation, document: CommunityDocument) -> object:
    """The latest adoption of this document by the organisation, or None."""
    from peercircle.library.models import Adoption

    return (Adoption.objects.filter(organisation=organisation, version__document=document)
            .select_related("version").order_by("-version__number").first())


def network_adoption(*, organisation, document: CommunityDocument) -> list[MemberAdoption]:
    """For a network's coordinating organisation: per member, which version of the document it
    adopted and when, and how many of its members acknowledged the current version (counts
    only: who they are stays with the member). A few queries whatever the network's size."""
    from django.db.models import Count

    from peercircle.library.models import Adoption
    from peercircle.organisations.models import Organisation

    if not (organisation.coordinates_network and document.network_id == organisation.network_id):
        return []
    version = current_version(document)
    # the members, not the coordinating organisation that publishes the document
    members = list(Organisation.objects.filter(network_id=document.network_id)
                   .exclude(pk=organisation.pk).order_by("name"))
    latest: dict[int, object] = {}
    with scopes_disabled():  # every member's adoption of the network's document (ADR 7)
        for adoption in (Adoption.objects.filter(version__document=document)
                         .select_related("version").order_by("version__number")):
            latest[adoption.organisation_id] = adoption
    acknowledged = dict(Signature.objects.filter(version=version).values("organisation_id")
                        .annotate(n=Count("user", distinct=True))
                        .values_list("organisation_id", "n")) if version else {}
    member_counts = dict(Membership.objects.filter(organisation__in=members, is_active=True)
                         .values("organisation_id").annotate(n=Count("user", distinct=True))
                         .values_list("organisation_id", "n"))
    rows = []
    for member in members:
        adoption = latest.get(member.pk)
        rows.append(MemberAdoption(
            member, adoption.version if adoption else None,
            adoption.adopted_on if adoption else None,
            bool(adoption and version and adoption.version_id == version.pk),
            acknowledged.get(member.pk, 0), member_counts.get(member.pk, 0)))
    return rows
