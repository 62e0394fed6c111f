"""One pass over a file: read, check every row, and (when committing) write the valid rows.

The pass is streamed in batches of `BATCH` rows, so memory stays bounded whatever the file's size.
A commit is one database transaction: the rows, the consent records, the import's own record and
its audit entry are written together or not at all (a killed process leaves nothing behind).
Rows with errors are never written; they go to the rejected-rows file with their errors, every
cell made safe for spreadsheets (core.exports.safe_row).
"""

import itertools
import time
from collections.abc import Callable
from contextlib import nullcontext
from dataclasses import asdict, dataclass, field

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _

from peercircle.core.exports import csv_writer, safe_row
from peercircle.core.freshness import data_changed
from peercircle.imports.importers import BATCH, IMPORTERS, Row
from peercircle.imports.parsing import MAX_CELL_CHARS, FileProblem, cell_text, open_table

MAX_LISTED_ERRORS = 500
DEFAULT_MAX_SECONDS = 20 * 60


@dataclass
class Summary:
    total: int = 0
    valid: int = 0
    skipped: int = 0
    rejected: int = 0
    written: int = 0
    errors: list = field(default_factory=list)  # [[row number, who, [messages]]], the first ones
    file_error: str = ""
    encoding: str = ""
    delimiter: str = ""

    def as_dict(self) -> dict:
        return asdict(self)


def read_headers(path, name: str) -> list[str]:
    with open_table(path, name) as table:
        return table.headers


def missing_columns(kind: str, mapping: dict) -> list[str]:
    return [str(c.label) for c in IMPORTERS[kind].columns if c.required and not mapping.get(c.name)]


def _checked_batch(importer, batch, index: dict[str, int], deadline: float) -> list[Row]:
    """The rows of one batch, each cleaned and then checked together (one query per batch)."""
    rows = []
    for number, values in batch:
        if time.monotonic() > deadline:
            raise FileProblem(too_long_message())
        row = Row(number=number, values=_within_budget(values))
        if row.values is not values:
            row.errors.append(_("A cell holds more than %(count)s characters.")
                              % {"count": MAX_CELL_CHARS})
        values = row.values
        raw = {f: (values[i] if i < len(values) else None) for f, i in index.items()}
        row.who = " · ".join(text for text in (cell_text(raw.get(name))[:60]
                                               for name in importer.who_columns) if text)
        importer.clean(row, raw)
        rows.append(row)
    importer.check_batch(rows)
    return rows


def _tally(summary: Summary, rows: list[Row], writer) -> list[Row]:
    """Count the batch's rows in the summary, write the rejected ones out; the good ones back."""
    good = []
    for row in rows:
        summary.total += 1
        if row.errors:
            summary.rejected += 1
            if len(summary.errors) < MAX_LISTED_ERRORS:
                summary.errors.append([row.number, row.who, row.errors])
            if writer is not None:
                writer.writerow(safe_row([row.number, *row.values, " · ".join(row.errors)]))
        elif row.skipped:
            summary.skipped += 1
        else:
            summary.valid += 1
            good.append(row)
    return good


def run_import(*, organisation, actor, kind: str, path, name: str, mapping: dict, write: bool,
               rejected_stream=None, progress: Callable[[int, int], None] | None = None,
               on_commit: Callable[[Summary], None] | None = None) -> Summary:
    """Check (write=False) or commit (write=True) one file. `mapping` is field -> header.
    `rejected_stream` (text) receives the rejected rows as CSV. `on_commit(summary)` runs inside
    the commit's transaction, after the rows are written (to record and audit the import)."""
    importer = IMPORTERS[kind](organisation=organisation, actor=actor)
    summary = Summary()
    missing = missing_columns(kind, mapping)
    if missing:
        summary.file_error = _("Match these columns first: %(columns)s.") % {
            "columns": ", ".join(missing)}
        return summary
    try:
        with open_table(path, name) as table:
            summary.encoding, summary.delimiter = table.encoding, table.delimiter
            index = {field_name: table.headers.index(header) for field_name, header in mapping.items()
                     if header in table.headers}
            gone = [header for header in mapping.values() if header and header not in table.headers]
            if gone:
                raise FileProblem(_("The file has no column %(columns)s.") % {"columns": ", ".join(gone)})
            writer = None
            if rejected_stream is not None:
                writer = csv_writer(rejected_stream)
                writer.writerow(safe_row([_("Row"), *table.headers, _("Errors")]))
            estimated = max(table.estimated_rows, 1)
            deadline = time.monotonic() + max_seconds()
            with transaction.atomic() if write else nullcontext():
                for batch in _batches(table.rows):
                    rows = _checked_batch(importer, batch, index, deadline)
                    good = _tally(summary, rows, writer)
                    if write and good:
                        importer.write(good)
                    if progress is not None:
                        progress(summary.total, max(estimated, summary.total))
                if write and importer.all_or_nothing and summary.rejected:
                    raise FileProblem(_("Some rows have problems, so nothing was imported: "
                                        "correct them and upload the file again."))
                if write:
                    importer.finish()
                    summary.written = importer.written
                    data_changed([organisation.pk])  # bulk_create sends no signals
                    if on_commit is not None:
                        on_commit(summary)
    except FileProblem as problem:
        summary.file_error = str(problem)
    if summary.total == 0 and not summary.file_error:
        summary.file_error = _("The file has a header row but no data rows.")
    return summary


def max_seconds() -> int:
    """The wall-clock budget of one pass over a file (settings.IMPORT_MAX_SECONDS)."""
    return getattr(settings, "IMPORT_MAX_SECONDS", DEFAULT_MAX_SECONDS)


def too_long_message() -> str:
    return _("Reading the file took longer than %(minutes)s minutes, so it was stopped and "
             "nothing was imported; split it into smaller files.") % {
        "minutes": max(1, max_seconds() // 60)}


def _within_budget(values: list) -> list:
    """The row's values, each cell cut at MAX_CELL_CHARS (the same list when none is longer)."""
    if not any(isinstance(v, str) and len(v) > MAX_CELL_CHARS for v in values):
        return values
    return [v[:MAX_CELL_CHARS] + "…" if isinstance(v, str) and len(v) > MAX_CELL_CHARS else v
            for v in values]


def _batches(rows):
    iterator = iter(rows)
    while batch := list(itertools.islice(iterator, BATCH)):
        yield batch
