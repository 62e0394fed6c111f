from allauth.mfa.models import Authenticator

from peercircle.organisations.models import Membership
from peercircle.organisations.roles import ROLES_REQUIRING_TWO_FACTOR


def two_factor_required(user) -> bool:
    return Membership.objects.filter(
        user=user, is_active=True, role__in=ROLES_REQUIRING_TWO_FACTOR
    ).exists()


def two_factor_enabled(user) -> bool:
    return Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()


def two_factor_missing(user) -> bool:
    return two_factor_required(user) and not two_factor_enabled(user)
