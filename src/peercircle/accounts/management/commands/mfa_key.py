"""`peercircle mfa_key`: print a new key for MFA_ENCRYPTION_KEY (docs/deployment.md)."""

from cryptography.fernet import Fernet
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Print a new Fernet key for MFA_ENCRYPTION_KEY."

    def handle(self, *args, **options):
        self.stdout.write(Fernet.generate_key().decode())
