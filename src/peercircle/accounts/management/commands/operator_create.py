"""`peercircle operator_create --email … --name …`: the first operator of an installation.

The password is asked twice at the terminal (or read from the first line of standard input
when it is not a terminal); the command prints the authenticator secret and recovery codes once.
"""

import getpass
import sys

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from peercircle.accounts.operators import operator_create


class Command(BaseCommand):
    help = "Create an operator account of the installation, with its authenticator (TOTP)."

    def add_arguments(self, parser):
        parser.add_argument("--email", required=True)
        parser.add_argument("--name", required=True, help="the operator's full name")
        parser.add_argument("--language", default="ru", choices=["ru", "pl", "en"])

    def handle(self, *args, email, name, language, **options):
        password = self._password()
        try:
            created = operator_create(email=email, full_name=name, password=password,
                                      language=language)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from None
        self.stdout.write(self.style.SUCCESS(f"Operator {created.user.email} created."))
        self.stdout.write("Add this key to the authenticator app (or open the address):")
        self.stdout.write(f"  secret: {created.totp_secret}")
        self.stdout.write(f"  {created.totp_url}")
        self.stdout.write("Recovery codes, each usable once (keep them offline):")
        self.stdout.write("  " + " ".join(created.recovery_codes))

    def _password(self) -> str:
        if sys.stdin.isatty():
            first = getpass.getpass("Password: ")
            if first != getpass.getpass("Password again: "):
                raise CommandError("The two passwords differ.")
            return first
        line = sys.stdin.readline().rstrip("\n")
        if not line:
            raise CommandError("Give the password on the first line of standard input.")
        return line
