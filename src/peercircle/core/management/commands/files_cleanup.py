"""`peercircle files_cleanup`: removes files that no record points to (core/cleanup.py)."""

from django.core.management.base import BaseCommand

from peercircle.core.cleanup import files_cleanup


class Command(BaseCommand):
    help = ("Remove files in private media and the temporary folder that no record points to and "
            "that are older than a day; print what was removed.")

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="List, remove nothing.")

    def handle(self, *args, dry_run=False, **options):
        removed = files_cleanup(dry_run=dry_run)
        for path, size in removed:
            self.stdout.write(f"{'would remove' if dry_run else 'removed'} {path} ({size} bytes)")
        self.stdout.write(f"{len(removed)} file(s), {sum(s for _p, s in removed)} bytes"
                          + (" (dry run: nothing removed)" if dry_run else ""))
