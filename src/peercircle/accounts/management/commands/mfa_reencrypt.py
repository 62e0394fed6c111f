"""`peercircle mfa_reencrypt`: encrypt every second-factor secret with the first key of
MFA_ENCRYPTION_KEY (after putting a new key in front of the old one); then the old key may go."""

from allauth.mfa.models import Authenticator
from django.core.management.base import BaseCommand
from django.db import transaction

from peercircle.accounts.secrets import authenticator_data_reencrypt


class Command(BaseCommand):
    help = "Re-encrypt TOTP secrets and recovery seeds with the first MFA_ENCRYPTION_KEY."

    def handle(self, *args, **options):
        count = 0
        with transaction.atomic():
            for authenticator in Authenticator.objects.select_for_update().iterator():
                authenticator.data = authenticator_data_reencrypt(authenticator.type,
                                                                  authenticator.data or {})
                authenticator.save(update_fields=["data"])
                count += 1
        self.stdout.write(f"re-encrypted {count} authenticator(s)")
