"""Encryption at rest of the second-factor secrets allauth keeps in the database (TOTP keys and
recovery-code seeds), with a key from the environment: a copy of the database alone does not
let anyone generate a person's codes.

`MFA_ENCRYPTION_KEY`: one or more Fernet keys, comma-separated; the first encrypts, all decrypt
(add a new key in front to rotate, then run `peercircle mfa_reencrypt`). Without it (only
allowed while DEBUG is on) a key is derived from SECRET_KEY.
"""

import base64
import hashlib

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

PREFIX = "fernet:"


def _keys() -> list[bytes]:
    configured = [key.strip() for key in getattr(settings, "MFA_ENCRYPTION_KEY", "").split(",")
                  if key.strip()]
    if configured:
        return [key.encode() for key in configured]
    if not settings.DEBUG:
        raise ImproperlyConfigured("Set MFA_ENCRYPTION_KEY (a Fernet key) in production.")
    digest = hashlib.sha256(("peercircle-mfa:" + settings.SECRET_KEY).encode()).digest()
    return [base64.urlsafe_b64encode(digest)]


def _fernet() -> MultiFernet:
    return MultiFernet([Fernet(key) for key in _keys()])


def is_encrypted(text: str) -> bool:
    return text.startswith(PREFIX)


def encrypt(text: str) -> str:
    return PREFIX + _fernet().encrypt(text.encode()).decode()


def decrypt(stored: str) -> str:
    """The clear text of a stored secret; a secret kept before encryption (not yet migrated by
    accounts/migrations/0003) is returned as it is."""
    if not is_encrypted(stored):
        return stored
    try:
        return _fernet().decrypt(stored[len(PREFIX):].encode()).decode()
    except InvalidToken as error:
        raise ImproperlyConfigured(
            "A second-factor secret cannot be decrypted: MFA_ENCRYPTION_KEY has changed without "
            "keeping the old key after the new one.") from error


def reencrypt(stored: str) -> str:
    """The stored secret encrypted with the first key (clear text is encrypted)."""
    return encrypt(decrypt(stored))


SECRET_FIELDS = {"totp": ("secret",), "recovery_codes": ("seed",)}
SECRET_LISTS = {"recovery_codes": ("migrated_codes",)}


def authenticator_data_reencrypt(kind: str, data: dict) -> dict:
    """An Authenticator's data with every secret in it encrypted with the current first key."""
    data = dict(data)
    for field in SECRET_FIELDS.get(kind, ()):
        if data.get(field):
            data[field] = reencrypt(data[field])
    for field in SECRET_LISTS.get(kind, ()):
        if data.get(field):
            data[field] = [reencrypt(item) for item in data[field]]
    return data
