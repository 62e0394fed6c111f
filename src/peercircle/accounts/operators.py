"""The operator of an installation: the first account of a new installation, made from the
command line with its authenticator already set up (`peercircle operator_create`)."""

from dataclasses import dataclass

from allauth.account.models import EmailAddress
from allauth.mfa.adapter import get_adapter as get_mfa_adapter
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _


@dataclass
class OperatorCreated:
    user: object
    totp_secret: str
    totp_url: str
    recovery_codes: list[str]


def operator_create(*, email: str, full_name: str, password: str, language: str = "ru",
                    check_password: bool = True) -> OperatorCreated:
    """A new operator account, e-mail verified, with an authenticator (TOTP) and recovery codes:
    the secret is returned once, to be added to the operator's authenticator app."""
    User = get_user_model()
    email = User.objects.normalize_email(email.strip()).lower()
    if not email or "@" not in email:
        raise ValidationError(_("Give the operator's e-mail address."))
    if User.objects.filter(email__iexact=email).exists():
        raise ValidationError(_("An account with this e-mail already exists."))
    if not full_name.strip():
        raise ValidationError(_("Give the operator's name."))
    user = User(email=email, full_name=full_name.strip(), language=language, is_operator=True)
    if check_password:  # the demo's shared, published password is the one exception
        validate_password(password, user)
    user.set_password(password)
    with transaction.atomic():
        user.save()
        EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
        secret = generate_totp_secret()
        TOTP.activate(user, secret)
        codes = RecoveryCodes.activate(user).get_unused_codes()
    return OperatorCreated(user, secret, get_mfa_adapter().build_totp_url(user, secret), codes)
