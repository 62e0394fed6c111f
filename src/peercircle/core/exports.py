"""Safe cells for files people open in Excel or LibreOffice (CSV, XLSX exports, rejected rows).

A cell that begins with `=`, `+`, `-`, `@` (or a tab / carriage return, which some programs skip
before reading a formula) is run as a formula when the file is opened: "=HYPERLINK(...)" in a
beneficiary's free-text field becomes a live link or worse (CSV/formula injection, OWASP).

    from peercircle.core.exports import safe_cell, safe_row, csv_writer

    writer = csv_writer(response)            # any text stream; writes with ; and a BOM for Excel
    writer.writerow(safe_row(["=1+2", 5]))   # -> "'=1+2";5

Numbers, dates and booleans are kept as they are (a negative number is a number, not a formula).
"""

import csv
import datetime
from decimal import Decimal

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    """The value, with text that a spreadsheet would run as a formula prefixed by an apostrophe."""
    if value is None or isinstance(value, bool | int | float | Decimal | datetime.date):
        return value
    text = str(value)
    if text.startswith(FORMULA_STARTS):
        return "'" + text
    return text


def safe_row(values) -> list:
    return [safe_cell(value) for value in values]


def csv_writer(stream, *, delimiter: str = ";", bom: bool = True):
    """A csv.writer for Excel users: UTF-8 with a byte-order mark, `;` between cells."""
    if bom:
        stream.write("\ufeff")
    return csv.writer(stream, delimiter=delimiter, lineterminator="\r\n")
