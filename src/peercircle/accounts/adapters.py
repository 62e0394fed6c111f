import time

from allauth.account import app_settings as account_settings
from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.authentication import get_authentication_records
from allauth.core import context
from allauth.mfa.adapter import DefaultMFAAdapter
from django.utils import translation

from peercircle.accounts import secrets


def signed_in_just_now(request) -> bool:
    """The person typed their password (or a code) in this session within the re-authentication
    window: asking for it again on the next page would only teach people to type it twice."""
    if request is None or not request.user.is_authenticated:
        return False
    records = get_authentication_records(request, request.user)
    return bool(records) and (
        time.time() - records[-1]["at"] < account_settings.REAUTHENTICATION_TIMEOUT)


class AccountAdapter(DefaultAccountAdapter):
    """People join an organisation by invitation only; there is no open sign-up."""

    def is_open_for_signup(self, request) -> bool:
        return False

    def login(self, request, user):
        super().login(request, user)
        # The "signed in" message is written now: in the person's own language, not the
        # language the sign-in page happened to be shown in.
        if getattr(user, "language", None):
            translation.activate(user.language)
            request.LANGUAGE_CODE = user.language

    def is_reauthentication_required(self, *, app: str, **kwargs) -> bool:
        if signed_in_just_now(context.request):
            return False
        return super().is_reauthentication_required(app=app, **kwargs)


class MFAAdapter(DefaultMFAAdapter):
    """TOTP keys and recovery seeds are stored encrypted (accounts.secrets)."""

    def encrypt(self, text: str) -> str:
        return secrets.encrypt(text)

    def decrypt(self, encrypted_text: str) -> str:
        return secrets.decrypt(encrypted_text)
