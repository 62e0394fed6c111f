"""Joining and leaving a network: the network invites, the organisation's coordinator answers,
and an organisation may leave at any time (what it recorded stays its own)."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from peercircle.core.audit import audit_record, audited_save
from peercircle.core.choices import name_taken
from peercircle.core.models import AuditEntry, HelpArea
from peercircle.organisations.models import NetworkInvitation, Organisation


def network_invitation_create(*, actor, coordinating: Organisation, organisation: Organisation,
                              message: str = "") -> NetworkInvitation:
    """The network `coordinating` runs asks `organisation` to join."""
    if not coordinating.coordinates_network or coordinating.network_id is None:
        raise ValidationError(_("Only the organisation that coordinates a network invites."))
    if organisation.network_id == coordinating.network_id:
        raise ValidationError({"organisation": _("%(name)s is already a member.")
                               % {"name": organisation.name}})
    if organisation.network_id is not None:
        raise ValidationError({"organisation": _(
            "%(name)s is a member of another network; it can join once it has left it.")
            % {"name": organisation.name}})
    if organisation.suspended_at is not None:
        raise ValidationError({"organisation": _("%(name)s is suspended on this installation.")
                               % {"name": organisation.name}})
    if NetworkInvitation.objects.filter(network_id=coordinating.network_id,
                                        organisation=organisation, accepted_at__isnull=True,
                                        declined_at__isnull=True).exists():
        raise ValidationError({"organisation": _("%(name)s has not answered the last invitation "
                                                 "yet.") % {"name": organisation.name}})
    invitation = NetworkInvitation(network_id=coordinating.network_id, organisation=organisation,
                                   invited_by=actor, message=message.strip())
    with transaction.atomic():
        invitation.full_clean()
        invitation.save()
        for side in (coordinating, organisation):
            audit_record(actor=actor, organisation=side, action=AuditEntry.Action.INVITE,
                         instance=invitation, after={"network": invitation.network.name,
                                                     "organisation": organisation.name})
    return invitation


def network_invitation_answer(*, actor, invitation: NetworkInvitation,
                              accept: bool) -> NetworkInvitation:
    """The invited organisation's coordinator accepts (it joins the network) or declines."""
    organisation = invitation.organisation
    if not invitation.is_pending:
        raise ValidationError(_("This invitation has already been answered."))
    if accept and organisation.network_id is not None:
        raise ValidationError(_("The organisation is a member of another network: leave it "
                                "first."))
    with transaction.atomic():
        invitation.answered_by = actor
        if accept:
            invitation.accepted_at = timezone.now()
            organisation.network = invitation.network
            organisation.coordinates_network = False
            audited_save(organisation, actor=actor, organisation=organisation)
        else:
            invitation.declined_at = timezone.now()
        invitation.save()
        audit_record(actor=actor, organisation=organisation,
                     action=AuditEntry.Action.JOIN if accept else AuditEntry.Action.REVOKE,
                     instance=invitation, after={"network": invitation.network.name})
    return invitation


def network_leave(*, actor, organisation: Organisation) -> Organisation:
    """The organisation leaves its network; its records, being its own, stay where they are."""
    if organisation.network_id is None:
        raise ValidationError(_("The organisation is in no network."))
    if organisation.coordinates_network:
        raise ValidationError(_("The coordinating organisation runs the network and cannot "
                                "leave it; the operator of the installation can help."))
    organisation.network = None
    return audited_save(organisation, actor=actor, organisation=organisation)


def _network_run_by(organisation: Organisation):
    if not organisation.coordinates_network or organisation.network_id is None:
        raise ValidationError(_("Only the organisation that coordinates a network does this."))
    return organisation.network


def network_help_area_add(*, actor, coordinating: Organisation, name_ru: str, name_pl: str,
                          name_en: str = "") -> HelpArea:
    """A help area of the network's own list, named in the languages the platform ships (a
    missing translation falls back to the name given)."""
    network = _network_run_by(coordinating)
    names = {"name_ru": name_ru.strip(), "name_pl": name_pl.strip(), "name_en": name_en.strip()}
    given = next((n for n in names.values() if n), "")
    if not given:
        raise ValidationError({"name_ru": _("Name the help area.")})
    names = {key: value or given for key, value in names.items()}
    offered = HelpArea.objects.filter(Q(network__isnull=True) | Q(network=network),
                                      retired_at__isnull=True)
    for key, value in names.items():
        if name_taken(value, offered, key):
            raise ValidationError({key: _("The list already has a help area of this name.")})
    base = slugify(names["name_en"]) or slugify(names["name_pl"]) or "area"
    code = f"{network.slug}-{base}"[:54]
    suffix = 1
    while HelpArea.objects.filter(code=code).exists():
        suffix += 1
        code = f"{network.slug}-{base}"[:50] + f"-{suffix}"
    area = HelpArea(code=code, network=network, **names)
    with transaction.atomic():
        area.full_clean()
        area.save()
        audit_record(actor=actor, organisation=coordinating, action=AuditEntry.Action.CREATE,
                     instance=area, after=names)
    return area


def network_help_area_retire(*, actor, coordinating: Organisation, area: HelpArea,
                             retire: bool = True) -> HelpArea:
    """A retired area is offered no more; the records that have it keep it."""
    network = _network_run_by(coordinating)
    if area.network_id != network.pk:
        raise ValidationError(_("Only the network's own help areas can be retired."))
    with transaction.atomic():
        area.retired_at = timezone.now() if retire else None
        area.save(update_fields=["retired_at"])
        audit_record(actor=actor, organisation=coordinating, action=AuditEntry.Action.UPDATE,
                     instance=area, after={"retired": retire})
    return area
