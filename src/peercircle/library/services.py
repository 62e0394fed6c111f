from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from peercircle.core.audit import audit_record, audited_save
from peercircle.core.models import AuditEntry
from peercircle.library.models import CommunityDocument, DocumentVersion, Signature


def document_publish(*, actor, organisation, title: str, kind: str, text: str,
                     for_network: bool = False, must_sign: bool = True) -> CommunityDocument:
    """A new document with its first version, for this organisation or its whole network."""
    if for_network and not (organisation.coordinates_network and organisation.network_id):
        raise ValidationError({"for_network": _("Only the network's coordinating organisation "
                                                "publishes for the network.")})
    owner = ({"network_id": organisation.network_id} if for_network
             else {"organisation": organisation})
    with transaction.atomic():
        document = audited_save(CommunityDocument(title=title, kind=kind, must_sign=must_sign,
                                                  **owner),
                                actor=actor, organisation=organisation)
        version_publish(actor=actor, organisation=organisation, document=document, text=text)
    return document


def version_publish(*, actor, organisation, document: CommunityDocument, text: str,
                    changes: str = "") -> DocumentVersion:
    """A new version; everyone must acknowledge it again."""
    if not text.strip():
        raise ValidationError({"text": _("The document has no text.")})
    last = document.versions.order_by("-number").first()
    if last is not None and last.text.strip() == text.strip():
        raise ValidationError({"text": _("The text is the same as the current version.")})
    version = DocumentVersion(document=document, number=(last.number + 1) if last else 1,
                              text=text, changes=changes, published_by=actor)
    return audited_save(version, actor=actor, organisation=organisation)


def document_sign(*, actor, organisation, version: DocumentVersion) -> Signature:
    if version.document.versions.order_by("-number").first() != version:
        raise ValidationError(_("A newer version exists: read and accept that one."))
    with transaction.atomic():
        signature, created = Signature.objects.get_or_create(version=version, user=actor,
                                                             organisation=organisation)
        if created:
            audit_record(actor=actor, organisation=organisation,
                         action=AuditEntry.Action.CREATE, instance=signature,
                         after={"version": version.number})
    return signature


def document_adopt(*, actor, organisation, version: DocumentVersion):
    """The organisation adopts this version of its network's document (once per version)."""
    from django.utils import timezone

    from peercircle.library.models import Adoption

    document = version.document
    if not document.network_id or document.network_id != organisation.network_id:
        raise ValidationError(_("Only a document of your organisation's network is adopted."))
    if Adoption.objects.filter(version=version, organisation=organisation).exists():
        raise ValidationError(_("Your organisation has already adopted this version."))
    adoption = Adoption(version=version, organisation=organisation,
                        adopted_on=timezone.localdate(), adopted_by=actor)
    return audited_save(adoption, actor=actor, organisation=organisation)
