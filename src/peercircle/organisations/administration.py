"""What the operator of an installation does: organisations and networks come to exist,
organisations are suspended and reactivated, and each gets its first coordinator.

The operator belongs to no organisation and reads no beneficiary data: these services touch
the organisations' own records (name, legal identity, contacts, status), never their work.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_scopes import scope

from peercircle.core.audit import audit_record, audited_save, snapshot
from peercircle.core.choices import name_taken
from peercircle.core.models import AuditEntry
from peercircle.organisations.legal import IDENTIFIERS, identifier_clean, identifiers_of_country
from peercircle.organisations.models import Invitation, Network, Organisation
from peercircle.organisations.roles import Role

IDENTITY_FIELDS = ("name", "slug", "kind", "country", "inn", "ogrn", "krs", "nip", "regon",
                   "address", "city", "email", "phone", "website", "languages", "time_zone")


def operator_check(actor) -> None:
    if not getattr(actor, "is_operator", False):
        raise ValidationError(_("Only the operator of the installation does this."))


def organisation_duplicates_check(*, data: dict, network: Network | None,
                                  exclude_pk: int | None = None, duplicates: bool = True) -> dict:
    """The legal identifiers in their compact form; refuses one another organisation has, and a
    name another organisation of the same network (or outside any network) already uses."""
    errors: dict[str, str] = {}
    others = Organisation.objects.exclude(pk=exclude_pk)
    cleaned = {}
    country = data.get("country") or "RU"
    for field in IDENTIFIERS:
        try:
            cleaned[field] = identifier_clean(field, data.get(field, ""))
        except ValidationError as error:
            errors[field] = error.messages[0]
            continue
        if cleaned[field] and field not in identifiers_of_country(country):
            errors[field] = _("This identifier is used by organisations of another country.")
        elif cleaned[field] and duplicates:
            same = others.filter(**{field: cleaned[field]}).first()
            if same is not None:
                errors[field] = _("%(name)s is already registered with this identifier.") % {
                    "name": same.name}
    if duplicates and name_taken(data.get("name", ""), others.filter(network=network)):
        errors["name"] = (_("The network already has an organisation of this name.") if network
                          else _("An organisation of this name is already registered."))
    if errors:
        raise ValidationError(errors)
    return cleaned


def organisation_create(*, actor, data: dict, network: Network | None = None) -> Organisation:
    """A new organisation, with its legal identity; it starts with no members."""
    operator_check(actor)
    return _organisation_write(actor=actor, organisation=Organisation(network=network),
                               data=data)


def organisation_identity_update(*, actor, organisation: Organisation,
                                 data: dict) -> Organisation:
    operator_check(actor)
    return _organisation_write(actor=actor, organisation=organisation, data=data)


def _organisation_write(*, actor, organisation: Organisation, data: dict) -> Organisation:
    data = {name: value for name, value in data.items() if name in IDENTITY_FIELDS}
    data.update(organisation_duplicates_check(data=data, network=organisation.network,
                                              exclude_pk=organisation.pk))
    for name, value in data.items():
        setattr(organisation, name, value)
    if organisation.pk is not None:
        return audited_save(organisation, actor=actor, organisation=organisation)
    with transaction.atomic():
        # a new organisation's first audit entry is on its own log, with the operator as actor
        organisation.full_clean()
        organisation.save()
        audit_record(actor=actor, organisation=organisation, action=AuditEntry.Action.CREATE,
                     instance=organisation, after=snapshot(organisation))
    return organisation


def organisation_suspend(*, actor, organisation: Organisation, reason: str) -> Organisation:
    """Its members' pages, its public forms and its open invitations stop; nothing is deleted."""
    operator_check(actor)
    if organisation.suspended_at is not None:
        raise ValidationError(_("The organisation is already suspended."))
    if not reason.strip():
        raise ValidationError({"reason": _("Say why: its members will read it.")})
    organisation.suspended_at = timezone.now()
    organisation.suspension_reason = reason.strip()
    return audited_save(organisation, actor=actor, organisation=organisation)


def organisation_reactivate(*, actor, organisation: Organisation) -> Organisation:
    operator_check(actor)
    if organisation.suspended_at is None:
        raise ValidationError(_("The organisation is not suspended."))
    organisation.suspended_at = None
    organisation.suspension_reason = ""
    return audited_save(organisation, actor=actor, organisation=organisation)


def first_coordinator_invite(*, actor, organisation: Organisation, email: str, language: str,
                             network_coordinator: bool = False, build_url) -> Invitation:
    """The operator invites an organisation's coordinator (and, for the organisation that
    coordinates a network, its network coordinator): the only roles the operator gives."""
    from peercircle.organisations.services import invitation_create

    operator_check(actor)
    if organisation.suspended_at is not None:
        raise ValidationError(_("The organisation is suspended: reactivate it first."))
    role = Role.COORDINATOR
    if network_coordinator:
        if not organisation.coordinates_network:
            raise ValidationError({"network_coordinator": _(
                "Only the organisation that coordinates a network has network coordinators.")})
        role = Role.NETWORK_COORDINATOR
    with scope(organisation=organisation):  # the invitation is the organisation's record
        return invitation_create(actor=actor, organisation=organisation, email=email,
                                 role=role, language=language, build_url=build_url)


def network_create(*, actor, name: str, slug: str, description: str = "",
                   coordinating: Organisation) -> Network:
    """A network, run by `coordinating` (an organisation in no network yet), its first member."""
    operator_check(actor)
    if coordinating.network_id is not None:
        raise ValidationError({"coordinating": _(
            "%(name)s is already a member of a network: it leaves that one first.")
            % {"name": coordinating.name}})
    if name_taken(name, Network.objects.all()):
        raise ValidationError({"name": _("A network of this name already exists.")})
    network = Network(name=name.strip(), slug=slug, description=description)
    with transaction.atomic():
        network.full_clean()
        network.save()
        coordinating.network = network
        coordinating.coordinates_network = True
        audited_save(coordinating, actor=actor, organisation=coordinating)
    return network
