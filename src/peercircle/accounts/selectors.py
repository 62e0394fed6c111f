from allauth.mfa.models import Authenticator

from peercircle.core.access import roles_requiring_two_factor
from peercircle.organisations.models import Membership
from peercircle.organisations.selectors import invitation_accepted_for_roles


def two_factor_required(user) -> bool:
    """The person holds, somewhere, a role with a permission the apps declared sensitive, or
    operates the installation."""
    if getattr(user, "is_operator", False):
        return True
    return Membership.objects.filter(
        user=user, is_active=True, role__in=roles_requiring_two_factor()
    ).exists()


def two_factor_enabled(user) -> bool:
    return Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()


def two_factor_missing(user) -> bool:
    return two_factor_required(user) and not two_factor_enabled(user)


def two_factor_enrolment_bound(user) -> bool:
    """The person joined a role needing a second factor by invitation: their first authenticator
    is set up only from that invitation's link (in the session that opened it)."""
    return invitation_accepted_for_roles(email=user.email, roles=roles_requiring_two_factor())
