"""`peercircle subject_export --org SLUG --code CODE FILE`: everything kept about one person, as
JSON or PDF by the file's extension, in their language; audited like opening their identity."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django_scopes import scope

from peercircle.people.management.commands._subject import actor_of, beneficiary_of, organisation_of
from peercircle.people.rights import selectors, services


class Command(BaseCommand):
    help = "Write everything kept about one beneficiary to FILE (.json or .pdf)."

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--org", required=True)
        parser.add_argument("--code", required=True)
        parser.add_argument("--language", help="ru, pl or en; by default the person's own")
        parser.add_argument("--actor", help="e-mail of the person producing it (for the audit log)")

    def handle(self, *args, file, org, code, language=None, actor=None, **options):
        path = Path(file)
        fmt = path.suffix.lower().lstrip(".")
        if fmt not in services.FORMATS:
            raise CommandError("The file must end in .json or .pdf.")
        organisation = organisation_of(org)
        user = actor_of(actor)
        with scope(organisation=organisation):
            beneficiary = beneficiary_of(organisation, code)
            export = services.subject_export(
                actor=user, beneficiary=beneficiary, fmt=fmt,
                language=language or selectors.subject_language(beneficiary))
        partial = path.with_name(path.name + ".part")
        partial.write_bytes(export.content)
        partial.replace(path)
        self.stdout.write(f"{path}: {len(export.content)} bytes")
