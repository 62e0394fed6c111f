import datetime

import pytest
from openpyxl import Workbook

from peercircle.imports.parsing import (
    FileProblem,
    build_headers,
    detect_delimiter,
    open_table,
    parse_bool,
    parse_date,
    parse_int,
)

ROWS = "Код;Дата;Минут\nB-1;05.03.2025;45\nB-2;5 марта 2025;30\n"


def _read(path, name=None):
    with open_table(path, name or path.name) as table:
        return table, list(table.rows)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1251"])
def test_csv_in_every_encoding_ngos_send(tmp_path, encoding):
    path = tmp_path / "file.csv"
    path.write_bytes(ROWS.encode(encoding))
    table, rows = _read(path)
    assert table.headers == ["Код", "Дата", "Минут"]
    assert rows == [(2, ["B-1", "05.03.2025", "45"]), (3, ["B-2", "5 марта 2025", "30"])]
    assert table.encoding == {"utf-8": "utf-8", "utf-8-sig": "utf-8-sig", "cp1251": "cp1251"}[encoding]


@pytest.mark.parametrize("delimiter", [",", ";", "\t", "|"])
def test_the_delimiter_is_sniffed(tmp_path, delimiter):
    path = tmp_path / "file.csv"
    path.write_text(f'Name{delimiter}Note{delimiter}Minutes\nAnna{delimiter}"a, b; c"{delimiter}5\n',
                    encoding="utf-8")
    table, rows = _read(path)
    assert table.delimiter == delimiter
    assert rows == [(2, ["Anna", "a, b; c", "5"])]


def test_sniffing_prefers_the_consistent_delimiter():
    assert detect_delimiter("a;b;c\n1,5;2;3\n4,5;5;6\n") == ";"
    assert detect_delimiter("a,b\n1,2\n") == ","


def test_xlsx_with_merged_header_cells(tmp_path):
    book = Workbook()
    sheet = book.active
    sheet.append(["Date", "Consultant", None, "Minutes"])
    sheet.append([None, "Name", "E-mail", None])
    sheet.append([datetime.datetime(2025, 3, 5, 10, 0), "Anna", "anna@example.org", 45])
    sheet.merge_cells("B1:C1")
    sheet.merge_cells("A1:A2")
    path = tmp_path / "register.xlsx"
    book.save(path)
    table, rows = _read(path)
    assert table.headers == ["Date", "Consultant / Name", "Consultant / E-mail", "Minutes"]
    assert rows == [(3, [datetime.datetime(2025, 3, 5, 10, 0), "Anna", "anna@example.org", 45])]


def test_a_single_header_row_with_a_merged_cell_is_carried_over():
    headers, second = build_headers(["Code", "Needs", None], ["B-1", "hiv", "oncology"])
    assert (headers, second) == (["Code", "Needs", "Needs (2)"], False)


@pytest.mark.parametrize("content", [b"", b"\n\n", "\ufeff".encode()])
def test_an_empty_file_is_a_clear_problem(tmp_path, content):
    path = tmp_path / "empty.csv"
    path.write_bytes(content)
    with pytest.raises(FileProblem, match="empty"), open_table(path):
        pass


def test_an_old_excel_file_is_refused_clearly(tmp_path):
    path = tmp_path / "old.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0" + b"\x00" * 100)
    with pytest.raises(FileProblem, match="xlsx"), open_table(path):
        pass


@pytest.mark.parametrize("text", [
    "05.03.2025", "5.3.2025", "05/03/2025", "05.03.25", "2025-03-05", "5 марта 2025",
    "5 марта 2025 г.", "5 marca 2025", "5 marca 2025 r.", "5 March 2025", "05.03.2025 14:22:01",
    "2025-03-05T10:00:00", "5 Мар 2025", datetime.date(2025, 3, 5),
    datetime.datetime(2025, 3, 5, 23, 59),
])
def test_dates_in_russian_polish_and_iso_formats(text):
    assert parse_date(text) == datetime.date(2025, 3, 5)


def test_other_months_and_bad_dates():
    assert parse_date("1 мая 2024") == datetime.date(2024, 5, 1)
    assert parse_date("12 października 2024") == datetime.date(2024, 10, 12)
    assert parse_date("3 lipca 2024") == datetime.date(2024, 7, 3)
    assert parse_date("") is None
    for bad in ("31.02.2025", "tomorrow", "5 foo 2025", "2025"):
        with pytest.raises(ValueError):
            parse_date(bad)


def test_numbers_and_yes_no():
    assert parse_int("45") == 45 and parse_int("45,0") == 45 and parse_int(45.0) == 45
    assert parse_int("") is None
    with pytest.raises(ValueError):
        parse_int("forty")
    assert parse_bool("да") is True and parse_bool("Tak") is True and parse_bool("нет") is False
    assert parse_bool("") is None


def test_a_100_mb_file_is_streamed_in_bounded_memory(tmp_path):
    import resource

    path = tmp_path / "big.csv"
    line = "c-{};05.03.2025;45;phone;consultant@example.org;;1;ru-mow;hiv\n"
    with open(path, "w", encoding="utf-8") as f:
        f.write("ID;date;minutes;format;consultant;beneficiary;anonymous;region;topics\n")
        i = 0
        while f.tell() < 100 * 1024 * 1024:
            f.write("".join(line.format(i + k) for k in range(10_000)))
            i += 10_000
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # kB on Linux
    with open_table(path) as table:
        count = sum(1 for _ in table.rows)
    grown = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
    assert count == i and table.estimated_rows == i
    assert grown < 30 * 1024  # a few buffers, never the 100 MB file
