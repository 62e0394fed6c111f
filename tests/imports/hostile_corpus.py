"""A corpus of hostile and broken files for the import, made by code (nothing binary is committed).

`corpus()` yields (name, content, kind) for well over 200 files: .xlsx files built from raw XML
(declared sizes the data does not have, zip bombs, huge shared strings, malformed XML, missing
parts), CSV in broken or mixed encodings, control characters, formula injection, binary noise
under a spreadsheet's name. Every one must be answered with a message or a clean import, never
a 5xx, a hang or a partial write.
"""

import codecs
import io
import random
import zipfile
from xml.sax.saxutils import escape

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    '<Override PartName="/xl/sharedStrings.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
    "</Types>"
)
ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    'Target="xl/workbook.xml"/></Relationships>'
)
WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" '
    'Target="worksheets/sheet1.xml"/>'
    '<Relationship Id="rId2" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" '
    'Target="sharedStrings.xml"/></Relationships>'
)
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


def column_letters(number: int) -> str:
    letters = ""
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def cell(ref: str, value) -> str:
    if isinstance(value, int | float):
        return f'<c r="{ref}"><v>{value}</v></c>'
    return f'<c r="{ref}" t="inlineStr"><is><t>{escape(str(value))}</t></is></c>'


def sheet_xml(rows: list[tuple[int, list]], *, dimension: str | None = None) -> str:
    """A worksheet whose rows are (row number, values); `dimension` is what it claims to hold."""
    body = "".join(
        f'<row r="{number}">'
        + "".join(cell(f"{column_letters(i)}{number}", v) for i, v in enumerate(values, 1) if v is not None)
        + "</row>"
        for number, values in rows
    )
    claimed = f'<dimension ref="{dimension}"/>' if dimension else ""
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{MAIN}">{claimed}'
        f"<sheetData>{body}</sheetData></worksheet>"
    )


def xlsx(
    sheet: str, *, shared: str | None = None, parts: dict | None = None, compression=zipfile.ZIP_DEFLATED
) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("_rels/.rels", ROOT_RELS)
        archive.writestr("xl/workbook.xml", WORKBOOK)
        archive.writestr("xl/_rels/workbook.xml.rels", WORKBOOK_RELS)
        archive.writestr("xl/worksheets/sheet1.xml", sheet)
        archive.writestr(
            "xl/sharedStrings.xml",
            shared
            if shared is not None
            else f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{MAIN}" count="0" uniqueCount="0"/>',
        )
        for name, data in (parts or {}).items():
            archive.writestr(name, data)
    return out.getvalue()


HEADER = ["Code", "Year of birth", "Full name", "Consent"]
GOOD = [["H-1", 1980, "Анна", "no"]]


def _xlsx_files():
    table = [(1, HEADER), (2, ["H-1", 1980, "", "no"])]
    for ref in (
        "A1:XFD1048576",
        "A1:D1048576",
        "A1:XFD2",
        "A1:A1",
        "Z99:A1",
        "A1:ZZZZ9",
        "garbage",
        "A0:B-1",
        "A1:XFD1048576 B2:C3",
        "",
    ):
        yield f"dimension-{ref or 'empty'}.xlsx", xlsx(sheet_xml(table, dimension=ref))
    # a cell at the sheet's last column and last row, with nothing between
    yield "far-cell.xlsx", xlsx(sheet_xml([(1, HEADER), (1048576, ["H-9", 1990])]))
    yield (
        "far-column.xlsx",
        xlsx(
            sheet_xml([(1, HEADER)]).replace(
                "</row>", '<c r="XFD1" t="inlineStr"><is><t>x</t></is></c></row>'
            )
        ),
    )
    for rows in (1, 10, 500):
        far = [(1, HEADER)] + [(n * 1000, [f"H-{n}", 1980]) for n in range(1, rows + 1)]
        yield f"sparse-{rows}.xlsx", xlsx(sheet_xml(far))
    # one huge shared string, referenced from many cells (400 MB of rejected rows unbounded)
    for size in (10_000, 100_000, 1_000_000, 4_000_000):
        shared = (
            f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{MAIN}" count="1" uniqueCount="1">'
            f"<si><t>{'Я' * size}</t></si></sst>"
        )
        rows = "".join(
            f'<row r="{n}"><c r="A{n}" t="s"><v>0</v></c><c r="B{n}" t="s"><v>0</v></c></row>'
            for n in range(2, 400)
        )
        sheet = (
            f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{MAIN}"><sheetData>'
            f'<row r="1">{cell("A1", "Code")}{cell("B1", "Full name")}</row>{rows}</sheetData></worksheet>'
        )
        yield f"shared-string-{size}.xlsx", xlsx(sheet, shared=shared)
    # zip bombs: parts that unpack to far more than the file weighs
    for megabytes in (50, 200, 600):
        yield (
            f"bomb-{megabytes}.xlsx",
            xlsx(sheet_xml(table), parts={"xl/media/pad.bin": b"\0" * megabytes * 2**20}),
        )
    yield "bomb-sheet.xlsx", xlsx(sheet_xml(table).replace("<sheetData>", "<sheetData>" + " " * 80 * 2**20))
    yield "many-members.xlsx", xlsx(sheet_xml(table), parts={f"xl/x/{i}.xml": b"" for i in range(6000)})
    # malformed XML in every part
    good_sheet = sheet_xml(table)
    for cut in (10, 60, 120, len(good_sheet) - 20):
        yield f"cut-sheet-{cut}.xlsx", xlsx(good_sheet[:cut])
    yield "not-xml-sheet.xlsx", xlsx("this is not xml")
    yield "wrong-root.xlsx", xlsx('<?xml version="1.0"?><html><body/></html>')
    yield "bad-shared.xlsx", xlsx(good_sheet, shared="<sst><si><t>unclosed")
    yield (
        "shared-out-of-range.xlsx",
        xlsx(good_sheet.replace("</row>", '<c r="E1" t="s"><v>99</v></c></row>', 1)),
    )
    yield "bad-number.xlsx", xlsx(good_sheet.replace("<v>1980</v>", "<v>nineteen</v>"))
    yield "bad-bool.xlsx", xlsx(good_sheet.replace('t="inlineStr"><is><t>no</t></is>', 't="b"><v>maybe</v>'))
    yield (
        "bad-date.xlsx",
        xlsx(good_sheet.replace('<c r="B2"><v>1980</v>', '<c r="B2" t="d"><v>32.13.2025</v>')),
    )
    yield "bad-ref.xlsx", xlsx(good_sheet.replace('r="A2"', 'r="??"'))
    yield "negative-row.xlsx", xlsx(good_sheet.replace('<row r="2">', '<row r="-5">'))
    yield (
        "entity-expansion.xlsx",
        xlsx(
            '<?xml version="1.0"?><!DOCTYPE lol [<!ENTITY a "aaaaaaaaaa">'
            '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">'
            '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>'
            f'<worksheet xmlns="{MAIN}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&c;</t></is></c>'
            "</row></sheetData></worksheet>"
        ),
    )
    yield (
        "external-entity.xlsx",
        xlsx(
            '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
            f'<worksheet xmlns="{MAIN}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&e;</t></is></c>'
            "</row></sheetData></worksheet>"
        ),
    )
    missing = io.BytesIO()
    with zipfile.ZipFile(missing, "w") as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
    yield "no-workbook.xlsx", missing.getvalue()
    yield "empty-zip.xlsx", b"PK\x05\x06" + b"\0" * 18
    yield "stored.xlsx", xlsx(good_sheet, compression=zipfile.ZIP_STORED)
    whole = xlsx(good_sheet)
    for cut in (30, 200, len(whole) // 2, len(whole) - 10):
        yield f"truncated-{cut}.xlsx", whole[:cut]
    yield "header-only.xlsx", xlsx(sheet_xml([(1, HEADER)]))
    yield "empty-sheet.xlsx", xlsx(sheet_xml([]))
    yield "many-columns.xlsx", xlsx(sheet_xml([(1, [f"C{i}" for i in range(300)])]))
    yield "long-header.xlsx", xlsx(sheet_xml([(1, ["Код" * 20000]), (2, ["H-1"])]))
    yield (
        "formula.xlsx",
        xlsx(sheet_xml([(1, HEADER), (2, ['=HYPERLINK("http://x")', "=1+1", "@SUM(A1)", "no"])])),
    )
    yield (
        "empty-rows-then-data.xlsx",
        xlsx(sheet_xml([(1, HEADER)] + [(n, [""]) for n in range(2, 3000)] + [(3000, ["H-late", 1980])])),
    )


def _csv_files():
    header = "Code;Year of birth;Full name;Consent\n"
    yield "empty.csv", b""
    yield "bom-only.csv", codecs.BOM_UTF8
    yield "newlines.csv", b"\n" * 5000
    yield "header-only.csv", header.encode()
    yield (
        "mixed-early.csv",
        (header + "H-1;1980;;no\n").encode()
        + "H-2;1981;Пётр;нет\n".encode("cp1251")
        + "H-3;1982;Анна;нет\n".encode(),
    )
    yield (
        "mixed-late.csv",
        (header + "H-1;1980;Анна;нет\n" * 3000).encode() + "H-2;1981;Пётр;нет\n".encode("cp1251"),
    )
    yield (
        "cp1251-with-utf8-line.csv",
        (header + "H-1;1980;Пётр;нет\n").encode("cp1251") + "H-2;1981;Анна;нет\n".encode(),
    )
    yield (
        "cp1251-late-utf8.csv",
        (header + "H-1;1980;Пётр;нет\n" * 4000).encode("cp1251") + "H-2;1981;Анна;нет\n".encode(),
    )
    yield "utf16.csv", (header + "H-1;1980;;no\n").encode("utf-16")
    yield "utf16-no-bom.csv", (header + "H-1;1980;;no\n").encode("utf-16-le")
    yield "latin1.csv", (header + "H-1;1980;Zażółć;nie\n").encode("cp1250")
    yield "nul-bytes.csv", header.encode() + b"H-1;1980;\x00\x00;no\n"
    yield "control-chars.csv", (header + "H-1;1980;;\x07\x1b[31mno\n").encode()
    yield "bidi.csv", (header + "H-\u202e1;1980;;no\n").encode()
    yield "unclosed-quote.csv", (header + 'H-1;1980;"never closed;no\n' + "H-2;1981;;no\n" * 10).encode()
    yield "huge-field.csv", (header + "H-1;1980;" + "Я" * 2_000_000 + ";no\n").encode()
    yield "huge-row.csv", (header + "H-1" + ";x" * 500_000 + "\n").encode()
    yield "many-columns.csv", (";".join(f"C{i}" for i in range(5000)) + "\n1\n").encode()
    yield "one-long-line.csv", ("x" * 3_000_000).encode()
    yield "formula.csv", (header + '=HYPERLINK("http://evil");=1+1;@SUM(A1);-2+3\n').encode()
    yield "crlf.csv", (header + "H-1;1980;;no\r\n").replace("\n", "\r\n").encode()
    yield "cr-only.csv", (header + "H-1;1980;;no\n").replace("\n", "\r").encode()
    yield "tabs.csv", (header + "H-1;1980;;no\n").replace(";", "\t").encode()
    yield "duplicate-headers.csv", b"Code;Code;Code\nH-1;H-2;H-3\n"
    yield "blank-headers.csv", b";;;\nH-1;;;\n"
    yield "binary.csv", bytes(range(256)) * 64
    yield "xlsx-named-csv.csv", xlsx(sheet_xml([(1, HEADER)]))
    yield "csv-named-xlsx.xlsx", (header + "H-1;1980;;no\n").encode()
    yield "old-excel.csv", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 4000
    yield "pdf.csv", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n" + b"x" * 500
    yield "gzip.csv", b"\x1f\x8b\x08\x00" + bytes(200)
    yield "html.csv", b"<html><body><table><tr><td>H-1</td></tr></table></body></html>"
    yield "json.csv", b'[{"Code": "H-1"}]'
    yield "only-delimiters.csv", b";;;;;;;;\n" * 2000
    yield "quotes-everywhere.csv", ('"' * 10_000).encode()
    yield "deep-quotes.csv", (header + '"""' * 3000 + "\n").encode()
    yield "surrogates.csv", header.encode() + b"H-1;1980;\xed\xa0\x80;no\n"
    yield "overlong-utf8.csv", header.encode() + b"H-1;1980;\xc0\xaf;no\n"
    yield "future-years.csv", (header + "H-1;99999999999999999999;;no\n").encode()
    yield "negative-years.csv", (header + "H-1;-1980;;no\n").encode()


def _random_files(count: int):
    chooser = random.Random(20261203)
    header = "Code;Year of birth;Full name;Consent\n"
    pieces = [
        "H-1",
        "1980",
        "Анна",
        "да",
        "нет",
        "",
        "\x00",
        "\u202e",
        "=1+1",
        '"',
        ";",
        "\r",
        "\n",
        "Zażółć",
        "\ufeff",
        "Я" * 50,
        "\x1b",
        "9" * 40,
        "яяя\udcff",
    ]
    for n in range(count):
        lines = [
            ";".join(chooser.choice(pieces) for _ in range(chooser.randint(1, 8)))
            for _ in range(chooser.randint(0, 30))
        ]
        text = header + "\n".join(lines)
        encoding = chooser.choice(["utf-8", "cp1251", "utf-16", "utf-8-sig"])
        data = text.encode(encoding, errors="surrogatepass" if encoding.startswith("utf-8") else "replace")
        if chooser.random() < 0.3:
            position = chooser.randint(0, len(data))
            data = data[:position] + bytes(chooser.randint(0, 255) for _ in range(20)) + data[position:]
        yield f"random-{n}.csv", data
    for n in range(count // 2):
        rows = [(1, HEADER)] + [
            (r, [chooser.choice(pieces).replace("\udcff", "") for _ in range(4)])
            for r in range(2, chooser.randint(3, 20))
        ]
        data = xlsx(sheet_xml(rows))
        if chooser.random() < 0.5:  # flip some bytes of the archive
            data = bytearray(data)
            for _ in range(chooser.randint(1, 10)):
                data[chooser.randrange(len(data))] = chooser.randint(0, 255)
            data = bytes(data)
        yield f"random-{n}.xlsx", data


def corpus():
    yield from _xlsx_files()
    yield from _csv_files()
    yield from _random_files(100)
