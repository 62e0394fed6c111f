"""`peercircle retention_run [--org SLUG] [--dry-run]`: erase the people whose withdrawal of
consent or whose retention period has passed, then run every app's retention hook (uploaded
spreadsheets past their time, …), and report what was done (run it nightly)."""

from django.core.management.base import BaseCommand
from django.utils import timezone
from django_scopes import scope, scopes_disabled

from peercircle.core import registry
from peercircle.organisations.models import Organisation
from peercircle.people.management.commands._subject import organisation_of
from peercircle.people.rights import services


class Command(BaseCommand):
    help = "Anonymise records past their retention period or their erasure date."

    def add_arguments(self, parser):
        parser.add_argument("--org", help="only this organisation")
        parser.add_argument("--dry-run", action="store_true", help="report, change nothing")

    def handle(self, *args, org=None, dry_run=False, **options):
        if org:
            organisations = [organisation_of(org)]
        else:
            with scopes_disabled():
                organisations = list(Organisation.objects.order_by("slug"))
        reports = services.retention_run(organisations=organisations, dry_run=dry_run)
        verb = "would erase" if dry_run else "erased"
        for report in reports:
            self.stdout.write(
                f"{report.organisation}: {verb} {len(report.withdrawals)} after withdrawal, "
                f"{len(report.expired)} past retention; {len(report.failed)} failed")
            for code in report.failed:
                self.stderr.write(f"{report.organisation}: could not erase {code}")
        failed = False
        for organisation in organisations:
            with scope(organisation=organisation):
                for hook in registry.retention_hooks:
                    try:
                        lines = hook(organisation=organisation, today=timezone.localdate(), dry_run=dry_run)
                    except Exception as error:  # noqa: BLE001 — one failure never stops the run
                        self.stderr.write(f"{organisation.slug}: {hook.__module__}: {error}")
                        failed = True
                        continue
                    for line in lines:
                        self.stdout.write(f"{organisation.slug}: {line}")
        if failed or any(report.failed for report in reports):
            raise SystemExit(1)
