"""Issue 11 finding 17: TOTP secrets and recovery seeds are encrypted at rest."""

import importlib
import io

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret, hotp_value
from django.apps import apps
from django.core.management import call_command

from peercircle.accounts import secrets
from tests import factories
from tests.e2e.conftest import totp_now

pytestmark = pytest.mark.django_db

SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"


def test_finding_17_a_totp_secret_is_stored_encrypted_and_still_checks_codes():
    user = factories.UserFactory()
    TOTP.activate(user, SECRET)
    stored = Authenticator.objects.get(user=user, type=Authenticator.Type.TOTP).data["secret"]
    assert SECRET not in stored and stored.startswith(secrets.PREFIX)
    authenticator = Authenticator.objects.get(user=user, type=Authenticator.Type.TOTP)
    assert TOTP(authenticator).validate_code(totp_now(SECRET))


def test_finding_17_a_recovery_seed_is_stored_encrypted_and_its_codes_do_not_change():
    user = factories.UserFactory()
    codes = RecoveryCodes.activate(user)
    before = codes.get_unused_codes()
    stored = Authenticator.objects.get(user=user, type=Authenticator.Type.RECOVERY_CODES).data
    assert stored["seed"].startswith(secrets.PREFIX)
    again = RecoveryCodes(Authenticator.objects.get(pk=codes.instance.pk))
    assert again.get_unused_codes() == before and len(before) == 10


def test_secrets_kept_in_clear_before_are_encrypted_by_the_migration():
    user = factories.UserFactory()
    clear = Authenticator.objects.create(user=user, type=Authenticator.Type.TOTP,
                                         data={"secret": SECRET})
    seed = generate_totp_secret()
    codes = Authenticator.objects.create(user=user, type=Authenticator.Type.RECOVERY_CODES,
                                         data={"seed": seed, "used_mask": 0})
    migration = importlib.import_module(
        "peercircle.accounts.migrations.0003_encrypt_second_factor_secrets")
    migration.encrypt_secrets(apps, None)
    clear.refresh_from_db()
    codes.refresh_from_db()
    assert clear.data["secret"].startswith(secrets.PREFIX)
    assert codes.data["seed"].startswith(secrets.PREFIX)
    assert TOTP(clear).validate_code(totp_now(SECRET))
    assert secrets.decrypt(codes.data["seed"]) == seed
    assert hotp_value(SECRET, 0) == hotp_value(secrets.decrypt(clear.data["secret"]), 0)


def test_a_new_key_in_front_rotates_and_the_old_one_still_reads(settings):
    old = settings.MFA_ENCRYPTION_KEY
    user = factories.UserFactory()
    TOTP.activate(user, SECRET)
    new = "q0PTYlGBMyiQMn41pMqgSGqtMtdlNSj4n21oGW3rtIs="
    settings.MFA_ENCRYPTION_KEY = f"{new},{old}"
    out = io.StringIO()
    call_command("mfa_reencrypt", stdout=out)
    assert "re-encrypted 1" in out.getvalue()
    settings.MFA_ENCRYPTION_KEY = new  # the old key is gone: the secret still reads
    authenticator = Authenticator.objects.get(user=user)
    assert TOTP(authenticator).validate_code(totp_now(SECRET))


def test_production_refuses_to_run_without_the_key(settings):
    from peercircle.core.checks import second_factor_key

    settings.DEBUG = False
    settings.MFA_ENCRYPTION_KEY = ""
    assert [error.id for error in second_factor_key(None)] == ["peercircle.E003"]
