"""Reads about organisations, memberships, invitations and partners."""

from django.db.models import Count, Q, QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django_scopes import scopes_disabled

from peercircle.organisations.models import Invitation, Membership, Network, Organisation, Partner


def organisation_by_slug(slug: str | None) -> Organisation | None:
    if not slug:
        return None
    return Organisation.objects.select_related("network").filter(slug=slug).first()


def network_by_slug(slug: str | None) -> Network | None:
    if not slug:
        return None
    return Network.objects.filter(slug=slug).first()


def membership_roles(*, user, organisation: Organisation | None) -> frozenset[str]:
    if organisation is None or not user.is_authenticated:
        return frozenset()
    roles = Membership.objects.filter(
        user=user, organisation=organisation, is_active=True
    ).values_list("role", flat=True)
    return frozenset(roles)


def memberships_of(user) -> QuerySet[Membership]:
    return (
        Membership.objects.filter(user=user, is_active=True)
        .select_related("organisation")
        .order_by("organisation__name", "role")
    )


def organisations_of(user) -> list[Organisation]:
    seen: dict[int, Organisation] = {}
    for membership in memberships_of(user):
        seen.setdefault(membership.organisation_id, membership.organisation)
    return list(seen.values())


def member_list(*, organisation: Organisation) -> QuerySet[Membership]:
    return (
        Membership.objects.filter(organisation=organisation)
        .select_related("user", "partner")
        .order_by("-is_active", "user__full_name", "role")
    )


def membership_get(*, organisation: Organisation, pk: int) -> Membership:
    return get_object_or_404(member_list(organisation=organisation), pk=pk)


def invitation_pending_list(*, organisation: Organisation) -> QuerySet[Invitation]:
    return Invitation.objects.filter(
        organisation=organisation, accepted_at__isnull=True, revoked_at__isnull=True,
        expires_at__gt=timezone.now(),
    ).select_related("invited_by")


def invitation_get(*, organisation: Organisation, pk: int) -> Invitation:
    return get_object_or_404(invitation_pending_list(organisation=organisation), pk=pk)


def invitation_accepted_for_roles(*, email: str, roles) -> bool:
    """Whether `email` joined any of `roles`, anywhere, by accepting an invitation."""
    with scopes_disabled():
        return Invitation.objects.filter(email__iexact=email, accepted_at__isnull=False,
                                         role__in=roles).exists()


def authenticator_set_up(*, email: str) -> bool:
    """Whether the account of this address has set up an authenticator app (TOTP)."""
    from allauth.mfa.models import Authenticator

    return Authenticator.objects.filter(user__email__iexact=email,
                                        type=Authenticator.Type.TOTP).exists()


def invitation_opens_enrolment(invitation: Invitation | None, user) -> bool:
    """An accepted, unexpired invitation opened again by the person it was sent to, whose role
    needs a second factor they have not set up: the link lets them set up the first one."""
    from django.utils import timezone

    from peercircle.core.access import roles_requiring_two_factor

    return bool(
        invitation is not None and user.is_authenticated and invitation.accepted_at
        and invitation.revoked_at is None and invitation.expires_at > timezone.now()
        and user.email.lower() == invitation.email.lower()
        and invitation.role in roles_requiring_two_factor()
        and not authenticator_set_up(email=user.email)
    )


def invitation_by_token(token: str) -> Invitation | None:
    """Invitation links are opened outside any organisation: the token itself is the key."""
    with scopes_disabled():
        return (
            Invitation.objects.select_related("organisation", "invited_by")
            .filter(token=token)
            .first()
        )


def partner_list(*, organisation: Organisation) -> QuerySet[Partner]:
    return Partner.objects.filter(organisation=organisation).annotate(
        contact_count=Count("contacts", filter=Q(contacts__is_active=True))
    )


def partner_get(*, organisation: Organisation, pk: int) -> Partner:
    return get_object_or_404(Partner.objects.filter(organisation=organisation), pk=pk)


def network_members(*, organisation: Organisation) -> QuerySet[Organisation]:
    """The organisations of the network this organisation coordinates (none if it does not)."""
    if not organisation.coordinates_network or organisation.network_id is None:
        return Organisation.objects.none()
    return Organisation.objects.filter(network_id=organisation.network_id).prefetch_related(
        "regions"
    )
