"""`peercircle subject_erase --org SLUG --code CODE`: erase one person's data at once (the record
stays anonymous, every count unchanged)."""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django_scopes import scope

from peercircle.people.management.commands._subject import actor_of, beneficiary_of, organisation_of
from peercircle.people.rights import services


class Command(BaseCommand):
    help = "Erase one beneficiary's identity, contacts, free text and files; anonymise the record."

    def add_arguments(self, parser):
        parser.add_argument("--org", required=True)
        parser.add_argument("--code", required=True)
        parser.add_argument("--actor", help="e-mail of the person erasing (for the audit log)")

    def handle(self, *args, org, code, actor=None, **options):
        organisation = organisation_of(org)
        user = actor_of(actor)
        with scope(organisation=organisation):
            beneficiary = beneficiary_of(organisation, code)
            try:
                erasure = services.subject_erase(actor=user, beneficiary=beneficiary)
            except ValidationError as error:
                raise CommandError(" ".join(error.messages)) from error
        self.stdout.write(f"Erased; the record is now {erasure.code} "
                          f"({erasure.records} records scrubbed).")
