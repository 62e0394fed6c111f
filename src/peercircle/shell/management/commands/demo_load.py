from django.core.management.base import BaseCommand
from django.utils import translation

from peercircle.demo import DEMO_PASSWORD, demo_load


class Command(BaseCommand):
    help = "Load the demo network (five seed programmes, invented people) and print the logins."

    def handle(self, *args, **options):
        with translation.override("en"):
            logins = demo_load()
        self.stdout.write(self.style.SUCCESS("Demo network loaded. Sign in with:"))
        for email, roles in logins:
            self.stdout.write(f"  {email:<38} {roles}")
        self.stdout.write(f"Password for every demo login: {DEMO_PASSWORD}")
        self.stdout.write("Coordinators, supervisors and the network coordinator are asked to set "
                          "up an authenticator app (TOTP) at their first sign-in; the operator "
                          "adds the TOTP key printed beside it to an authenticator app.")
