"""Reads about organisations, memberships, invitations and partners."""

from django.db.models import Count, Q, QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django_scopes import scopes_disabled

from peercircle.organisations.models import (
    Invitation,
    Membership,
    Network,
    NetworkInvitation,
    Organisation,
    Partner,
)


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


def organisation_list_for_operator() -> QuerySet[Organisation]:
    """Every organisation of the installation, with the counts the operator needs (people with
    a role, coordinators, open invitations): its own records, never its work."""
    now = timezone.now()
    with scopes_disabled():
        return (
            Organisation.objects.select_related("network")
            .annotate(
                people=Count("memberships", filter=Q(memberships__is_active=True), distinct=True),
                coordinators=Count("memberships", distinct=True, filter=Q(
                    memberships__is_active=True,
                    memberships__role__in=["coordinator", "network_coordinator"])),
                open_invitations=Count("invitation", distinct=True, filter=Q(
                    invitation__accepted_at__isnull=True, invitation__revoked_at__isnull=True,
                    invitation__expires_at__gt=now)),
            )
            .order_by("name")
        )


def organisation_get_for_operator(pk: int) -> Organisation:
    return get_object_or_404(Organisation.objects.select_related("network"), pk=pk)


def invitations_sent_by_operator(*, organisation: Organisation) -> list[Invitation]:
    with scopes_disabled():
        return list(Invitation.objects.filter(organisation=organisation,
                                              role__in=["coordinator", "network_coordinator"]
                                              ).order_by("-created_at"))


def network_list() -> QuerySet[Network]:
    return Network.objects.annotate(member_count=Count("organisations")).order_by("name")


def organisations_outside_networks() -> QuerySet[Organisation]:
    return Organisation.objects.filter(network__isnull=True, suspended_at__isnull=True)


def network_directory(*, organisation: Organisation) -> QuerySet[Organisation]:
    """The member organisations of this organisation's network, with what the directory shows:
    profile, regions, help areas, programmes and the contacts each chose to publish."""
    from django.db.models import Prefetch

    from peercircle.core.models import Programme

    if organisation.network_id is None:
        return Organisation.objects.none()
    with scopes_disabled():
        programmes = Programme.objects.filter(archived_on__isnull=True).order_by("name")
        return (
            Organisation.objects.filter(network_id=organisation.network_id,
                                        suspended_at__isnull=True)
            .prefetch_related("regions", "help_areas",
                              Prefetch("programme_set", queryset=programmes))
            .order_by("-coordinates_network", "name")
        )


def network_invitations_sent(*, organisation: Organisation) -> QuerySet[NetworkInvitation]:
    return NetworkInvitation.objects.filter(network_id=organisation.network_id).select_related(
        "organisation", "invited_by", "answered_by")


def network_invitations_received(*, organisation: Organisation) -> QuerySet[NetworkInvitation]:
    return NetworkInvitation.objects.filter(
        organisation=organisation, accepted_at__isnull=True, declined_at__isnull=True
    ).select_related("network", "invited_by")


def network_invitation_get(*, organisation: Organisation, pk: int) -> NetworkInvitation:
    return get_object_or_404(network_invitations_received(organisation=organisation), pk=pk)
