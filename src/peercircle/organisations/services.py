"""Writes about organisations, members, invitations and partners: atomic and audited."""

import datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from peercircle.core import registry
from peercircle.core.audit import audit_record, audited_save
from peercircle.core.models import AuditEntry
from peercircle.organisations.models import Invitation, Membership, Organisation, Partner
from peercircle.organisations.roles import Role


def organisation_update(*, actor, organisation: Organisation, data: dict) -> Organisation:
    m2m = {name: data.pop(name) for name in ("regions", "help_areas") if name in data}
    for name, value in data.items():
        setattr(organisation, name, value)
    return audited_save(organisation, actor=actor, organisation=organisation, m2m=m2m)


def _role_details_validate(*, role: str, volunteer_kind: str, partner) -> None:
    errors = {}
    if role == Role.VOLUNTEER and not volunteer_kind:
        errors["volunteer_kind"] = _("Say how the volunteer works: consultant, mentor or animator.")
    if role != Role.VOLUNTEER and volunteer_kind:
        errors["volunteer_kind"] = _("Only volunteers have this choice.")
    if role == Role.PARTNER and partner is None:
        errors["partner"] = _("Choose the partner organisation this contact represents.")
    if role != Role.PARTNER and partner is not None:
        errors["partner"] = _("Only partner contacts represent a partner organisation.")
    if errors:
        raise ValidationError(errors)


def roles_grantable_by(*, actor, organisation: Organisation) -> list[str]:
    """The roles `actor` may give or take away in `organisation`: the network-coordinator role
    only by a network coordinator of the same organisation, where it coordinates a network."""
    roles = [role for role in Role.values if role != Role.NETWORK_COORDINATOR]
    if organisation.coordinates_network and Membership.objects.filter(
            user=actor, organisation=organisation, role=Role.NETWORK_COORDINATOR,
            is_active=True).exists():
        roles.insert(0, Role.NETWORK_COORDINATOR)
    return roles


def _role_grant_check(*, actor, organisation: Organisation, role: str, previous: str = "") -> None:
    if getattr(actor, "is_operator", False):
        return  # the operator gives first coordinators only (administration.first_coordinator_invite)
    for changed in {role, previous} - {""}:
        if changed == Role.NETWORK_COORDINATOR and changed not in roles_grantable_by(
                actor=actor, organisation=organisation):
            raise ValidationError({"role": _(
                "Only a network coordinator of this organisation gives or takes away the "
                "network coordinator's role.")})


def invitation_create(*, actor, organisation: Organisation, email: str, role: str,
                      volunteer_kind: str = "", partner=None, language: str = "ru",
                      build_url) -> Invitation:
    """Invite a person by e-mail; the link is sent once the invitation is saved."""
    email = email.strip().lower()
    _role_details_validate(role=role, volunteer_kind=volunteer_kind, partner=partner)
    _role_grant_check(actor=actor, organisation=organisation, role=role)
    has_role = Membership.objects.filter(organisation=organisation, user__email=email, role=role,
                                         is_active=True)
    # a new invitation for the same role is how a person who never set up the authenticator
    # their role needs gets a fresh link to set it up (their first one is bound to a link)
    if has_role.exists() and not _awaits_second_factor(email=email, role=role):
        raise ValidationError({"email": _("This person already has this role here.")})
    invitation = Invitation(
        organisation=organisation, email=email, role=role, volunteer_kind=volunteer_kind,
        partner=partner, language=language, invited_by=actor,
        expires_at=timezone.now() + datetime.timedelta(days=settings.INVITATION_VALID_DAYS),
    )
    with transaction.atomic():
        invitation.full_clean()
        invitation.save()
        audit_record(actor=actor, organisation=organisation, action=AuditEntry.Action.INVITE,
                     instance=invitation, after={"email": email, "role": role})
        url = build_url(reverse("invitation_accept", kwargs={"token": invitation.token}))
        transaction.on_commit(lambda: _invitation_send(invitation, url))
    return invitation


def _awaits_second_factor(*, email: str, role: str) -> bool:
    from peercircle.core.access import roles_requiring_two_factor
    from peercircle.organisations.selectors import authenticator_set_up

    return role in roles_requiring_two_factor() and not authenticator_set_up(email=email)


def _invitation_send(invitation: Invitation, url: str) -> None:
    with translation.override(invitation.language):
        context = {"invitation": invitation, "url": url,
                   "role": Role(invitation.role).label}
        subject = _("Invitation to %(organisation)s on PeerCircle") % {
            "organisation": invitation.organisation.name
        }
        body = render_to_string("organisations/email/invitation.txt", context)
    send_mail(subject, body, None, [invitation.email])


def invitation_revoke(*, actor, invitation: Invitation) -> Invitation:
    with transaction.atomic():
        invitation.revoked_at = timezone.now()
        invitation.save(update_fields=["revoked_at", "updated_at"])
        audit_record(actor=actor, organisation=invitation.organisation,
                     action=AuditEntry.Action.REVOKE, instance=invitation)
    return invitation


def invitation_check(invitation: Invitation | None) -> Invitation:
    if invitation is None or not invitation.is_pending:
        raise ValidationError(_("This invitation link is no longer valid."))
    if invitation.organisation.suspended_at is not None:
        raise ValidationError(_("%(organisation)s is suspended on this installation: the "
                                "invitation can be used once it is reactivated.")
                              % {"organisation": invitation.organisation.name})
    if invitation.expires_at <= timezone.now():
        raise ValidationError(
            _("This invitation has expired. Ask the coordinator to send a new one.")
        )
    return invitation


def invitation_accept(*, invitation: Invitation, user=None, full_name: str = "",
                      password: str = "") -> Membership:
    """Join the organisation: as the signed-in person, or as a new account made here."""
    invitation_check(invitation)
    with transaction.atomic():
        if user is None or not user.is_authenticated:
            user = _account_for_invitation(invitation, full_name=full_name, password=password)
        elif user.email.lower() != invitation.email:
            raise ValidationError(
                _("This invitation was sent to %(email)s. Sign out and open the link again.")
                % {"email": invitation.email}
            )
        membership, _created = Membership.objects.update_or_create(
            user=user, organisation=invitation.organisation, role=invitation.role,
            defaults={"volunteer_kind": invitation.volunteer_kind, "partner": invitation.partner,
                      "is_active": True},
        )
        invitation.accepted_at = timezone.now()
        invitation.save(update_fields=["accepted_at", "updated_at"])
        audit_record(actor=user, organisation=invitation.organisation,
                     action=AuditEntry.Action.JOIN, instance=membership,
                     after={"role": membership.role})
        for hook in registry.invitation_accepted_hooks:
            hook(invitation=invitation, membership=membership)
    return membership


def _account_for_invitation(invitation: Invitation, *, full_name: str, password: str):
    User = get_user_model()
    if User.objects.filter(email__iexact=invitation.email).exists():
        raise ValidationError(
            _("An account with this e-mail already exists. Sign in first, then open the link.")
        )
    errors = {}
    if not full_name.strip():
        errors["full_name"] = _("Tell us your name.")
    user = User(email=invitation.email, full_name=full_name.strip(), language=invitation.language)
    try:
        validate_password(password, user)
    except ValidationError as error:
        errors["password1"] = error.messages
    if errors:
        raise ValidationError(errors)
    user.set_password(password)
    user.save()
    # the invitation link was sent to this address: opening it proves the person reads it
    from allauth.account.models import EmailAddress

    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    return user


def membership_update(*, actor, membership: Membership, role: str, volunteer_kind: str = "",
                      partner=None, is_active: bool = True) -> Membership:
    _role_details_validate(role=role, volunteer_kind=volunteer_kind, partner=partner)
    if role != membership.role or is_active != membership.is_active:
        _role_grant_check(actor=actor, organisation=membership.organisation, role=role,
                          previous=membership.role)
    if membership.user_id == actor.pk and not is_active:
        raise ValidationError({"is_active": _("You cannot switch off your own membership.")})
    membership.role, membership.volunteer_kind = role, volunteer_kind
    membership.partner, membership.is_active = partner, is_active
    return audited_save(membership, actor=actor, organisation=membership.organisation)


def partner_save(*, actor, organisation: Organisation, partner: Partner | None = None,
                 data: dict) -> Partner:
    partner = partner or Partner(organisation=organisation)
    for name, value in data.items():
        setattr(partner, name, value)
    return audited_save(partner, actor=actor, organisation=organisation)


def last_organisation_remember(*, user, organisation: Organisation) -> None:
    if user.last_organisation_id != organisation.pk:
        user.last_organisation = organisation
        user.save(update_fields=["last_organisation"])

