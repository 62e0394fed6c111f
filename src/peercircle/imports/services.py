"""Writes of the imports app: upload a file, match its columns (remembered), check it, commit it.

Checking and committing run as background jobs (core.jobs): `import_check_run` and
`import_commit_run` are the jobs' functions.
"""

import tempfile
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files import File
from django.db import transaction
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.translation import gettext as _

from peercircle.core.audit import audit_record, audited_save
from peercircle.core.cleanup import TEMP_PREFIX
from peercircle.core.jobs import JobError, job_progress, job_start
from peercircle.core.models import AuditEntry
from peercircle.imports.engine import missing_columns, read_headers, run_import
from peercircle.imports.importers import IMPORTERS, guess_mapping
from peercircle.imports.models import ColumnMapping, ImportRun
from peercircle.imports.parsing import FileProblem
from peercircle.imports.permissions import IMPORT_DATA

DEFAULT_MAX_BYTES = 200 * 1024 * 1024
ACCEPTED = (".csv", ".txt", ".tsv", ".xlsx", ".xlsm")


def max_bytes() -> int:
    return getattr(settings, "IMPORT_MAX_BYTES", DEFAULT_MAX_BYTES)


def remembered_mapping(*, organisation, kind: str) -> dict:
    saved = ColumnMapping.objects.filter(organisation=organisation, kind=kind).first()
    return saved.mapping if saved else {}


def import_upload(*, actor, organisation, kind: str, file) -> ImportRun:
    if kind not in IMPORTERS or not IMPORTERS[kind].offered_to(organisation):
        raise ValidationError({"kind": _("Choose what the file holds.")})
    if file.size > max_bytes():
        raise ValidationError({"file": _("The file is %(size)s; files up to %(limit)s can be imported. "
                                         "Split it into several files.")
                               % {"size": filesizeformat(file.size), "limit": filesizeformat(max_bytes())}})
    if not file.name.lower().endswith(ACCEPTED):
        raise ValidationError({"file": _("Upload a CSV or Excel (.xlsx) file.")})
    if file.size == 0:
        raise ValidationError({"file": _("The file is empty: it has no header row and no data.")})
    run = ImportRun(organisation=organisation, kind=kind, file_name=Path(file.name).name[:200],
                    file_size=file.size, created_by=actor)
    run.file.save(Path(file.name).name, file, save=False)
    try:
        run.headers = read_headers(run.file.path, run.file_name)
        run.mapping = guess_mapping(kind, run.headers,
                                    remembered_mapping(organisation=organisation, kind=kind))
        return audited_save(run, actor=actor, organisation=organisation)
    except FileProblem as problem:
        run.file.delete(save=False)
        raise ValidationError({"file": str(problem)}) from problem
    except BaseException:
        run.file.delete(save=False)  # never an uploaded file that no record points to
        raise


def import_map(*, actor, run: ImportRun, mapping: dict) -> ImportRun:
    """Keep the matched columns (remembered for the next file) and start checking every row."""
    if not run.can_check:
        raise ValidationError(_("This file is already being imported."))
    mapping = {k: v for k, v in mapping.items() if v}
    missing = missing_columns(run.kind, mapping)
    if missing:
        raise ValidationError(_("Match these columns first: %(columns)s.") % {"columns": ", ".join(missing)})
    chosen = [v for v in mapping.values()]
    if len(chosen) != len(set(chosen)):
        raise ValidationError(_("Each column of the file can be matched to one field only."))
    with transaction.atomic():
        ColumnMapping.objects.update_or_create(organisation=run.organisation, kind=run.kind,
                                               defaults={"mapping": mapping})
        run.mapping = mapping
        run.status = ImportRun.Status.CHECKING
        run.summary = {}
        audited_save(run, actor=actor, organisation=run.organisation)
    job = job_start(actor=actor, organisation=run.organisation, kind="import_check",
                    permission=IMPORT_DATA,
                    task=import_check_run, import_pk=run.pk,
                    title=_("Checking the file “%(name)s”") % {"name": run.file_name})
    ImportRun.objects.filter(pk=run.pk).update(check_job=job)
    run.refresh_from_db()
    return run


def import_commit(*, actor, run: ImportRun) -> ImportRun:
    if run.status != ImportRun.Status.CHECKED:
        raise ValidationError(_("Check the file before importing it."))
    if not run.summary.get("valid"):
        raise ValidationError(_("No row of this file can be imported."))
    if IMPORTERS[run.kind].all_or_nothing and run.summary.get("rejected"):
        raise ValidationError(_("This kind of file is imported whole or not at all: correct the "
                                "rows listed below and upload the file again."))
    ImportRun.objects.filter(pk=run.pk).update(status=ImportRun.Status.IMPORTING)
    job = job_start(actor=actor, organisation=run.organisation, kind="import_commit",
                    permission=IMPORT_DATA,
                    task=import_commit_run, import_pk=run.pk,
                    title=_("Importing the file “%(name)s”") % {"name": run.file_name})
    ImportRun.objects.filter(pk=run.pk).update(commit_job=job)
    run.refresh_from_db()
    return run


def _pass(job, run: ImportRun, *, write: bool):
    # Named after the import: a pass killed with its worker leaves its file behind, and the next
    # pass of the same import (the retry) removes it; files_cleanup finds any other.
    prefix = f"{TEMP_PREFIX}rejected-{run.pk}-"
    for leftover in Path(tempfile.gettempdir()).glob(prefix + "*"):
        leftover.unlink(missing_ok=True)
    with tempfile.NamedTemporaryFile("w+", encoding="utf-8", newline="", suffix=".csv",
                                     prefix=prefix, delete=False) as rejected:
        def record(summary):
            run.summary = summary.as_dict()
            run.status = ImportRun.Status.IMPORTED
            run.committed_at = timezone.now()
            run.save(update_fields=["summary", "status", "committed_at", "updated_at"])
            audit_record(actor=job.user, organisation=run.organisation,
                         action=AuditEntry.Action.CREATE, instance=run,
                         after={"kind": run.kind, "file": run.file_name,
                                "rows_written": summary.written, "rejected": summary.rejected,
                                "already_imported": summary.skipped})

        summary = run_import(organisation=run.organisation, actor=job.user, kind=run.kind,
                             path=run.file.path, name=run.file_name, mapping=run.mapping,
                             write=write, rejected_stream=rejected,
                             progress=lambda done, total: job_progress(job, done, total),
                             on_commit=record)
        rejected_path = Path(rejected.name)
    try:
        if run.rejected:  # the previous pass's file: replaced, never left behind
            run.rejected.delete(save=False)
        if summary.rejected:
            with open(rejected_path, "rb") as stream:
                run.rejected.save(f"rejected-{Path(run.file_name).stem}.csv", File(stream), save=False)
        else:
            run.rejected = ""
    finally:
        rejected_path.unlink(missing_ok=True)
    return summary


def import_check_run(job, *, import_pk: int) -> None:
    run = ImportRun.objects.get(pk=import_pk)
    summary = _pass(job, run, write=False)
    run.summary = summary.as_dict()
    run.status = ImportRun.Status.FAILED if summary.file_error else ImportRun.Status.CHECKED
    run.save(update_fields=["summary", "status", "rejected", "updated_at"])
    if summary.file_error:
        raise JobError(summary.file_error)


def import_commit_run(job, *, import_pk: int) -> None:
    run = ImportRun.objects.get(pk=import_pk)
    try:
        summary = _pass(job, run, write=True)
    except ValidationError as error:  # e.g. a consent withdrawn since the check: nothing written
        ImportRun.objects.filter(pk=run.pk).update(status=ImportRun.Status.CHECKED)
        raise JobError(" ".join(error.messages)) from error
    except Exception:
        ImportRun.objects.filter(pk=run.pk).update(status=ImportRun.Status.CHECKED)
        raise
    if summary.file_error or run.status != ImportRun.Status.IMPORTED:
        ImportRun.objects.filter(pk=run.pk).update(status=ImportRun.Status.CHECKED)
        raise JobError(summary.file_error or _("Nothing was imported."))
    run.save(update_fields=["rejected", "updated_at"])


def import_files_expire(*, organisation, today=None, dry_run: bool = False) -> list[str]:
    """Delete the uploaded files (and rejected-row files) of imports that ended more than the
    organisation's `import_file_retention_days` ago; the import's record and summary stay.
    Registered as a retention hook (core.registry), run nightly by `peercircle retention_run`."""
    import datetime

    today = today or timezone.localdate()
    cutoff = today - datetime.timedelta(days=organisation.import_file_retention_days)
    due = []
    runs = (ImportRun.objects.filter(organisation=organisation, files_deleted_on__isnull=True)
            .exclude(file="", rejected="").select_related("check_job", "commit_job"))
    for run in runs:
        ended = run.ended_at
        if ended is not None and timezone.localdate(ended) <= cutoff:
            due.append(run)
    if not dry_run:
        for run in due:
            for stored in (run.file, run.rejected):
                if stored:
                    stored.delete(save=False)
            run.files_deleted_on = today
            run.save(update_fields=["file", "rejected", "files_deleted_on", "updated_at"])
    verb = "would delete" if dry_run else "deleted"
    return [f"{verb} the files of {len(due)} import(s) ended before {cutoff.isoformat()}"] if due else []
