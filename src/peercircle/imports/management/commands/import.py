"""`peercircle import KIND FILE --org SLUG [--dry-run]`: the web import, from the command line.

Columns are matched as the web page would (the organisation's remembered mapping, then the
column names); `--map field=Header` overrides. Every row is checked first; rows with errors are
written to the rejected-rows file (`--rejected`, by default FILE.rejected.csv); the valid rows are
written in one transaction, so an interrupted import leaves nothing behind.
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from django_scopes import scope

from peercircle.core.audit import audit_record
from peercircle.core.models import AuditEntry
from peercircle.imports.engine import read_headers, run_import
from peercircle.imports.importers import IMPORTERS, guess_mapping
from peercircle.imports.models import ImportRun
from peercircle.imports.parsing import FileProblem
from peercircle.imports.services import remembered_mapping


class Command(BaseCommand):
    help = "Import volunteers, beneficiaries, families, consultations or attendance from CSV/XLSX."

    def add_arguments(self, parser):
        parser.add_argument("kind", choices=sorted(IMPORTERS))
        parser.add_argument("file")
        parser.add_argument("--org", required=True, help="the organisation's slug")
        parser.add_argument("--user", help="e-mail of the member recorded as importing "
                                           "(default: the organisation's first coordinator)")
        parser.add_argument("--dry-run", action="store_true", help="check every row, write nothing")
        parser.add_argument("--map", action="append", default=[], metavar="FIELD=HEADER",
                            help="which column holds a field (repeatable)")
        parser.add_argument("--rejected", help="where to write the rejected rows (CSV)")
        parser.add_argument("--language", default="", help="language of the messages (en, ru, pl)")

    def handle(self, *args, kind, file, org, user, dry_run, map, rejected, language, **options):
        from peercircle.organisations.models import Membership, Organisation

        organisation = Organisation.objects.filter(slug=org).first()
        if organisation is None:
            raise CommandError(f"No organisation {org!r}.")
        memberships = Membership.objects.filter(organisation=organisation, is_active=True)
        actor = self._actor(memberships, user)
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"No file {file}.")
        with translation.override(language or actor.language or "en"), scope(organisation=organisation):
            try:
                headers = read_headers(path, path.name)
            except FileProblem as problem:
                raise CommandError(str(problem)) from problem
            mapping = self._mapping(kind, headers, organisation, map)
            verbose = options["verbosity"] >= 2
            if verbose:
                for name, header in mapping.items():
                    self.stdout.write(f"  {name} <- {header}")
            rejected_path = Path(rejected) if rejected else path.with_name(path.name + ".rejected.csv")

            def progress(done, total):
                if verbose:
                    self.stdout.write(f"{'checked' if dry_run else 'written'} {done} rows", ending="\n")
                    self.stdout.flush()

            def record(summary):
                run = ImportRun.objects.create(
                    organisation=organisation, kind=kind, file_name=path.name[:200],
                    file_size=path.stat().st_size, headers=headers, mapping=mapping,
                    status=ImportRun.Status.IMPORTED, summary=summary.as_dict(), created_by=actor)
                audit_record(actor=actor, organisation=organisation, action=AuditEntry.Action.CREATE,
                             instance=run, after={"kind": kind, "file": path.name,
                                                  "rows_written": summary.written,
                                                  "rejected": summary.rejected,
                                                  "already_imported": summary.skipped})

            with open(rejected_path, "w", encoding="utf-8", newline="") as stream:
                summary = run_import(organisation=organisation, actor=actor, kind=kind, path=path,
                                     name=path.name, mapping=mapping, write=not dry_run,
                                     rejected_stream=stream, progress=progress, on_commit=record)
            self._report(summary, rejected_path, dry_run)

    @staticmethod
    def _actor(memberships, user):
        member = (memberships.filter(user__email__iexact=user) if user else
                  memberships.filter(role__in=["coordinator", "staff"]).order_by("id")).first()
        if member is None:
            raise CommandError("Name a member of the organisation with --user.")
        return member.user

    @staticmethod
    def _mapping(kind, headers, organisation, overrides) -> dict:
        """Matched as the web page does (remembered, then by name), with --map overriding."""
        mapping = guess_mapping(kind, headers, remembered_mapping(organisation=organisation,
                                                                  kind=kind))
        for item in overrides:
            name, _sep, header = item.partition("=")
            if name not in {c.name for c in IMPORTERS[kind].columns}:
                raise CommandError(f"Unknown field {name!r}.")
            mapping[name] = header
        return mapping

    def _report(self, summary, rejected_path, dry_run) -> None:
        if not summary.rejected:
            rejected_path.unlink(missing_ok=True)
        if summary.file_error:
            raise CommandError(summary.file_error)
        for number, who, errors in summary.errors[:50]:
            self.stdout.write(f"row {number}" + (f" ({who})" if who else "") + ": "
                              + " · ".join(errors))
        self.stdout.write(
            f"{summary.total} rows: {summary.valid} valid, {summary.skipped} imported before, "
            f"{summary.rejected} rejected; {summary.written} written"
            + (" (dry run: nothing written)" if dry_run else ""))
        if summary.rejected:
            self.stdout.write(f"rejected rows: {rejected_path}")
