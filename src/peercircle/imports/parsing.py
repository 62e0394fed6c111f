"""Reading what NGOs have: CSV (any delimiter, UTF-8 with or without BOM, Windows-1251) and XLSX
(merged header cells), streamed row by row so that a 100 MB file is read in bounded memory; and
the values in them: dates in Russian, Polish and ISO formats, numbers, yes/no, lists."""

import codecs
import csv
import datetime
import io
import re
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

SAMPLE_BYTES = 64 * 1024
DELIMITERS = (";", ",", "\t", "|")
MAX_COLUMNS = 200
# Budgets every file is held to before and while it is read (a hostile file must not stall the
# worker): a cell is at most MAX_CELL_CHARS long, reading stops after EMPTY_RUN empty rows, an
# .xlsx unpacks to at most MAX_UNPACKED bytes and MAX_RATIO times its own size.
MAX_CELL_CHARS = 10_000
EMPTY_RUN = 1_000
MAX_UNPACKED = 1024 * 1024 * 1024
MAX_RATIO = 100
MAX_ZIP_MEMBERS = 5_000
csv.field_size_limit(MAX_CELL_CHARS * 10)
# control and invisible format characters (bidi overrides, zero-width…) are never stored;
# tab and line breaks stay
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u00ad\u200b-\u200f"
                      "\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")


class FileProblem(Exception):
    """The file as a whole cannot be read (message already translated)."""


@dataclass
class Table:
    headers: list[str]
    rows: Iterator[tuple[int, list]]  # (row number as the spreadsheet shows it, values)
    estimated_rows: int = 0
    encoding: str = ""
    delimiter: str = ""
    notes: list[str] = field(default_factory=list)


# -- encodings and delimiters -------------------------------------------------------------------


def detect_encoding(sample: bytes) -> str:
    if sample.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    decoder = codecs.getincrementaldecoder("utf-8")()
    try:
        decoder.decode(sample, final=False)  # a character cut at the sample's end is fine
    except UnicodeDecodeError:
        return "cp1251"
    return "utf-8"


def _utf8_line_in(sample: bytes) -> int:
    """The number of a line of `sample` that is UTF-8 with letters beyond ASCII, in a sample that
    as a whole is not UTF-8 (so other lines are in another encoding); 0 when there is none."""
    lines = sample.split(b"\n")
    if len(sample) >= SAMPLE_BYTES:
        lines = lines[:-1]  # the sample may cut the last line
    for number, line in enumerate(lines, 1):
        if line.isascii():
            continue
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            continue
        return number
    return 0


def detect_delimiter(text: str) -> str:
    lines = [line for line in text.splitlines()[:30] if line.strip()]
    if len(lines) > 1 and len(text) >= SAMPLE_BYTES // 2:
        lines = lines[:-1]  # the sample may cut the last line
    best, best_score = ",", (0, 0)
    for delimiter in DELIMITERS:
        counts = [len(row) for row in csv.reader(lines, delimiter=delimiter)]
        if not counts or counts[0] < 2:
            continue
        consistent = sum(1 for c in counts if c == counts[0])
        score = (consistent, counts[0])
        if score > best_score:
            best, best_score = delimiter, score
    return best


def _count_lines(path: Path) -> int:
    count = 0
    with open(path, "rb") as f:
        while chunk := f.read(1024 * 1024):
            count += chunk.count(b"\n")
    return count


# -- headers ------------------------------------------------------------------------------------


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return _CONTROL.sub("", str(value)).strip()


def _is_empty(row) -> bool:
    return all(v is None or _text(v) == "" for v in row)


def build_headers(first: list, second: list | None) -> tuple[list[str], bool]:
    """Header names; a merged header cell (its value in the first column only, the others empty)
    is carried to the columns it spans, and a second header row under it names the sub-columns.
    Returns the names and whether the second row was a header row."""
    top = [_text(v) for v in first]
    while top and not top[-1]:
        top.pop()
    if second is not None and top:  # a merged cell may span the last columns too
        filled = [i for i, v in enumerate(second) if _text(v)]
        if filled and filled[-1] >= len(top):
            top += [""] * (filled[-1] + 1 - len(top))
    gaps = [i for i, name in enumerate(top) if not name and i > 0]
    uses_second = False
    if gaps and second is not None:
        sub = [_text(v) for v in second] + [""] * len(top)
        texts = [v for v in second[: len(top)] if _text(v)]
        if (all(isinstance(v, str) and not re.fullmatch(r"[\d.,:/ -]+", v) for v in texts)
                and any(sub[i] for i in gaps)
                # cells merged downwards (empty below a named column): a header, not data
                and any(name and not sub[i] for i, name in enumerate(top))):
            uses_second = True
    names, carried = [], ""
    for i, name in enumerate(top):
        if name:
            carried = name
        current = name or carried or _("Column %(number)s") % {"number": i + 1}
        if uses_second:
            below = _text(second[i]) if i < len(second) else ""
            if below and below != current:
                current = f"{current} / {below}"
        names.append(current)
    seen: dict[str, int] = {}
    unique = []
    for name in names:
        seen[name] = seen.get(name, 0) + 1
        unique.append(name if seen[name] == 1 else f"{name} ({seen[name]})")
    return unique, uses_second


def _with_headers(rows: Iterator[tuple[int, list]]) -> tuple[list[str], Iterator[tuple[int, list]]]:
    first = None
    for seen, (number, values) in enumerate(rows):
        if seen >= EMPTY_RUN:
            break
        if not _is_empty(values):
            first = (number, values)
            break
    if first is None:
        raise FileProblem(_("The file is empty: it has no header row and no data."))
    second = next(rows, None)
    headers, second_is_header = build_headers(first[1], second[1] if second else None)
    if len(headers) > MAX_COLUMNS:
        raise FileProblem(_("The file has more than %(count)s columns.") % {"count": MAX_COLUMNS})

    def data():
        if second is not None and not second_is_header:
            yield second
        yield from rows

    return headers, _until_empty_run(data())


def _until_empty_run(rows: Iterator[tuple[int, list]]) -> Iterator[tuple[int, list]]:
    """The rows that hold something; reading stops after EMPTY_RUN empty rows in a row (what
    follows such a gap is not part of the table, and a sheet padded to a million empty rows is
    not read to its end)."""
    empty = 0
    for item in rows:
        if _is_empty(item[1]):
            empty += 1
            if empty >= EMPTY_RUN:
                return
            continue
        empty = 0
        yield item


# -- files --------------------------------------------------------------------------------------


def _looks_like_utf8(values: list[str]) -> bool:
    """Whether text read as Windows-1251 was in fact UTF-8 (a line saved in another encoding)."""
    for value in values:
        if not value.isascii():
            try:
                decoded = value.encode("cp1251").decode("utf-8")
            except (UnicodeEncodeError, UnicodeDecodeError):
                continue
            if re.search("[\u0400-\u04ff\u0100-\u017f]", decoded):
                return True
    return False


def mixed_encoding_problem(line: int) -> FileProblem:
    return FileProblem(_("The file mixes text encodings (line %(line)s); save it again as "
                         "UTF-8.") % {"line": line})


def _csv_rows(stream) -> Iterator[tuple[int, list]]:
    reader = csv.reader(stream, delimiter=stream.delimiter)
    check_utf8 = stream.encoding == "cp1251"
    try:
        for values in reader:
            if len(values) > MAX_COLUMNS + 1:  # nothing past the last possible column is read
                values = values[: MAX_COLUMNS + 1]
            if check_utf8 and _looks_like_utf8(values):
                raise mixed_encoding_problem(reader.line_num)
            yield reader.line_num, values
    except UnicodeDecodeError as error:
        raise mixed_encoding_problem(reader.line_num + 1) from error
    except csv.Error as error:
        raise FileProblem(_("The file is not a valid CSV table (line %(line)s).")
                          % {"line": reader.line_num}) from error


class _Text(io.TextIOWrapper):
    delimiter = ","


@contextmanager
def open_table(path: str | Path, name: str = ""):
    """Open a CSV or XLSX file as a Table; the rows are read as they are iterated."""
    path = Path(path)
    name = (name or path.name).lower()
    with open(path, "rb") as raw:
        head = raw.read(SAMPLE_BYTES)
        raw.seek(0)
        if head.startswith(b"PK\x03\x04") or name.endswith((".xlsx", ".xlsm")):
            with _xlsx_table(path) as table:
                yield table
            return
        if name.endswith(".xls") or head.startswith(b"\xd0\xcf\x11\xe0"):
            raise FileProblem(_("Old Excel files (.xls) cannot be read: save the sheet as .xlsx "
                                "or CSV."))
        if b"\x00" in head and not head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            raise FileProblem(_("This is not a spreadsheet: save it as .xlsx or CSV."))
        encoding = detect_encoding(head)
        if encoding == "cp1251" and (line := _utf8_line_in(head)):
            raise mixed_encoding_problem(line)
        sample = head.decode(encoding, errors="ignore")
        delimiter = detect_delimiter(sample)
        stream = _Text(raw, encoding=encoding, newline="")
        stream.delimiter = delimiter
        headers, rows = _with_headers(_csv_rows(stream))
        yield Table(headers=headers, rows=rows, estimated_rows=max(0, _count_lines(path) - 1),
                    encoding=encoding, delimiter=delimiter)
        stream.detach()


def unreadable_excel() -> FileProblem:
    return FileProblem(_("The Excel file cannot be read; save it again as .xlsx."))


def _check_zip_budget(path: Path) -> None:
    """Refuse an .xlsx that would unpack to far more than it weighs (a 'zip bomb') before any
    part of it is read."""
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except Exception as error:  # a damaged archive raises many kinds of errors: all are a message
        raise unreadable_excel() from error
    unpacked = sum(member.file_size for member in members)
    limit = min(MAX_UNPACKED, max(path.stat().st_size, 64 * 1024) * MAX_RATIO)
    if len(members) > MAX_ZIP_MEMBERS or unpacked > limit:
        raise FileProblem(_("The Excel file unpacks to %(size)s, far more than a table of its size "
                            "holds; save the sheet again as .xlsx or CSV.")
                          % {"size": filesizeformat(unpacked)})


def _xlsx_rows(sheet) -> Iterator[tuple[int, list]]:
    """The sheet's rows as they are in the file, whatever size the sheet declares: rows beyond
    the declared size are read too, each row is cut at MAX_COLUMNS + 1 columns, and any error of
    the file's XML becomes a message."""
    sheet.reset_dimensions()  # the declared size is only a claim: read what is there
    blank: tuple | None = None  # openpyxl fills gaps between rows with one shared empty tuple
    try:
        for number, row in enumerate(sheet.iter_rows(min_col=1, max_col=MAX_COLUMNS + 1,
                                                     values_only=True), 1):
            if row is blank:
                yield number, []
                continue
            values = list(row)
            while values and values[-1] is None:
                values.pop()
            if not values:
                blank = row
            yield number, values
    except FileProblem:
        raise
    except Exception as error:  # malformed XML, unknown cell types, broken shared strings…
        raise unreadable_excel() from error


@contextmanager
def _xlsx_table(path: Path):
    from openpyxl import load_workbook

    _check_zip_budget(path)
    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception as error:  # any parser error is a message, never a 500
        raise unreadable_excel() from error
    try:
        if not workbook.worksheets:
            raise unreadable_excel()
        sheet = workbook.worksheets[0]
        declared = sheet.max_row or 1
        headers, data = _with_headers(_xlsx_rows(sheet))
        yield Table(headers=headers, rows=data, estimated_rows=max(0, min(declared, 1_000_000) - 1))
    finally:
        workbook.close()


# -- values -------------------------------------------------------------------------------------

MONTHS = [  # (how the word starts, month): Russian, Polish and English, any grammatical case
    ("янв", 1), ("фев", 2), ("мар", 3), ("апр", 4), ("май", 5), ("мая", 5), ("июн", 6),
    ("июл", 7), ("авг", 8), ("сен", 9), ("окт", 10), ("ноя", 11), ("дек", 12),
    ("sty", 1), ("lut", 2), ("mar", 3), ("kwi", 4), ("maj", 5), ("cze", 6), ("lip", 7),
    ("sie", 8), ("wrz", 9), ("paź", 10), ("paz", 10), ("lis", 11), ("gru", 12),
    ("jan", 1), ("feb", 2), ("apr", 4), ("may", 5), ("jun", 6), ("jul", 7), ("aug", 8),
    ("sep", 9), ("oct", 10), ("nov", 11), ("dec", 12),
]
_NUMERIC_DATE = re.compile(r"(\d{1,2})[./-](\d{1,2})[./-](\d{4}|\d{2})")
_ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_WORD_DATE = re.compile(r"(\d{1,2})\s+([^\W\d_]+)\.?,?\s+(\d{4})")
_TIME_TAIL = re.compile(r"[ t]\d{1,2}:\d{2}(:\d{2})?(\.\d+)?(Z|[+-]\d{2}:?\d{2})?$")
_YEAR_WORD = re.compile(r"\s*(г\.?|года|год|r\.?|roku)$")


def parse_date(value) -> datetime.date | None:
    """A date from a spreadsheet cell; None when the cell is empty. ValueError when unreadable."""
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    text = _text(value).lower()
    if not text:
        return None
    text = _YEAR_WORD.sub("", _TIME_TAIL.sub("", text)).strip()
    try:
        if match := _ISO_DATE.fullmatch(text):
            year, month, day = (int(g) for g in match.groups())
            return datetime.date(year, month, day)
        if match := _NUMERIC_DATE.fullmatch(text):
            day, month, year = (int(g) for g in match.groups())
            return datetime.date(year + 2000 if year < 100 else year, month, day)
        if match := _WORD_DATE.fullmatch(text):
            day, word, year = match.groups()
            month = next((m for prefix, m in MONTHS if word.startswith(prefix)), None)
            if month is not None:
                return datetime.date(int(year), month, int(day))
    except ValueError:
        pass
    raise ValueError(text)


def parse_int(value) -> int | None:
    if isinstance(value, bool):
        raise ValueError(value)
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        if not value.is_integer():
            raise ValueError(value)
        return int(value)
    text = _text(value).replace("\u00a0", "").replace(" ", "")
    if not text:
        return None
    if re.fullmatch(r"-?\d+([.,]0+)?", text):
        return int(re.split(r"[.,]", text)[0])
    raise ValueError(text)


YES = {"1", "yes", "y", "true", "x", "✓", "✔", "+", "да", "д", "tak", "t", "согласен", "согласна",
       "zgoda", "wyrażam zgodę", "даю согласие"}
NO = {"0", "no", "n", "false", "-", "нет", "н", "nie"}


def parse_bool(value) -> bool | None:
    if isinstance(value, bool):
        return value
    text = _text(value).lower()
    if not text:
        return None
    if text in YES:
        return True
    if text in NO:
        return False
    raise ValueError(text)


def split_list(value) -> list[str]:
    return [part.strip() for part in re.split(r"[;,\n/|]", _text(value)) if part.strip()]


def cell_text(value) -> str:
    return _text(value)
