"""Encrypt the TOTP secrets and recovery seeds kept in clear text before (accounts/secrets.py)."""

from django.db import migrations


def encrypt_secrets(apps, schema_editor):
    from peercircle.accounts.secrets import authenticator_data_reencrypt, is_encrypted

    Authenticator = apps.get_model("mfa", "Authenticator")
    for authenticator in Authenticator.objects.all().iterator():
        data = authenticator.data or {}
        if all(is_encrypted(data.get(field) or "fernet:") for field in ("secret", "seed")):
            continue
        authenticator.data = authenticator_data_reencrypt(authenticator.type, data)
        authenticator.save(update_fields=["data"])


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0002_initial"),
        ("mfa", "0003_authenticator_type_uniq"),
    ]

    operations = [migrations.RunPython(encrypt_secrets, migrations.RunPython.noop)]
