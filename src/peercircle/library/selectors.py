from django.db.models import Max, Q, QuerySet
from django.shortcuts import get_object_or_404

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
