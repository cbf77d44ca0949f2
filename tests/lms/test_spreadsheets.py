"""The one CSV/XLSX module: formula-safe cells, Excel's byte-order mark, Arabic and Cyrillic
text that comes back as it went in, the csv module's exact bytes, and a safe reader of uploads.

Pure: no database.
"""

import csv
import io
import os
import subprocess
import sys
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from hypothesis import given
from hypothesis import strategies as st

from lms.spreadsheets import (
    BOM,
    UnreadableCSV,
    csv_bytes,
    csv_chunks,
    decode_upload,
    neutralise,
    read_csv,
    xlsx_chunks,
)

ARABIC = "عائشة الفاسي"
RUSSIAN = "Анна Петрова"
HOSTILE = ['=HYPERLINK("http://evil.example","x")', "+1+2", "-2+3", "@SUM(A1)", "\t=1", "\r=1"]


def written_by_the_csv_module(rows, header=None) -> bytes:
    expected = io.StringIO()
    writer = csv.writer(expected, lineterminator="\r\n")
    if header is not None:
        writer.writerow([neutralise(str(cell)) for cell in header])
    writer.writerows([[neutralise(cell) for cell in row] for row in rows])
    return expected.getvalue().encode()


def csv_cells(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def workbook(chunks) -> openpyxl.Workbook:
    return openpyxl.load_workbook(io.BytesIO(b"".join(data for data, _rows in chunks)))


# --- CSV -------------------------------------------------------------------------------------------


def test_csv_lines_are_the_bytes_the_csv_module_writes():
    """The fast writer quotes, doubles quotes and writes dates, numbers and blanks exactly as
    Python's csv module does, so any CSV reader reads the same cells back."""
    day = date(2025, 3, 4)
    rows = [
        ("P-1", 'Court "North", Dakar', "two\nlines", "a\rb", None, "Ünïcode", "", "Completed", day, None,
         87.5, "PSG,1", "Valid", day),
        ("'=SUM(1)", "x", "", "", "", "", None, "Active", day, day, 100, None, None, None),
    ] * 3
    header = ["Trainee", "Organisation, unit", 'Say "hi"'] + ["h"] * 11
    written = b"".join(
        data for data, _rows in csv_chunks(iter(rows), header=header, bom=False, repeated_columns=range(1, 11))
    )
    assert written == written_by_the_csv_module(rows, header)
    assert csv_cells(written)[1][1] == 'Court "North", Dakar'


cell_values = st.one_of(
    st.none(),
    st.text(alphabet=st.sampled_from(['a', 'ع', ',', '"', "\n", "\r", "=", "+", "-", "@", "\t", " ", "'", "é"]), max_size=6),
    st.integers(-5, 5),
    st.floats(allow_nan=False),
    st.decimals(allow_nan=False, allow_infinity=False, places=2),
    st.booleans(),
    st.dates(),
    st.datetimes(timezones=st.just(UTC)),
)


@given(
    rows=st.lists(st.lists(cell_values, min_size=1, max_size=4), max_size=8),
    repeated=st.sets(st.integers(0, 3)),
    chunk_rows=st.integers(1, 4),
)
def test_any_rows_give_the_csv_modules_bytes_neutralised(rows, repeated, chunk_rows):
    chunks = list(csv_chunks(rows, bom=False, repeated_columns=repeated, chunk_rows=chunk_rows))
    assert b"".join(data for data, _count in chunks) == written_by_the_csv_module(rows)
    assert sum(count for _data, count in chunks) == len(rows)


def test_formula_cells_are_written_as_text_and_numbers_keep_their_sign():
    cells = csv_cells(csv_bytes([[value, -3, Decimal("-1.5")] for value in HOSTILE], header=["=cmd", "n", "d"]))
    assert cells[0][0] == "'=cmd"
    assert [row[0] for row in cells[1:]] == ["'" + value for value in HOSTILE]
    assert all(row[1:] == ["-3", "-1.5"] for row in cells[1:])  # numbers stay numbers


def test_a_csv_for_excel_starts_with_a_bom_and_arabic_and_cyrillic_come_back():
    data = csv_bytes([[ARABIC, "Rabat"], [RUSSIAN, "Москва, центр"]], header=["name", "city"])
    assert data.startswith(BOM.encode()) and data.count(BOM.encode()) == 1
    assert csv_cells(data) == [["name", "city"], [ARABIC, "Rabat"], [RUSSIAN, "Москва, центр"]]
    plain = csv_bytes([[ARABIC]], header=["name"], bom=False)
    assert not plain.startswith(BOM.encode()) and plain.decode("utf-8") == f"name\r\n{ARABIC}\r\n"


def test_a_large_csv_streams_in_chunks_with_one_header_and_one_mark():
    rows = ([f"trainee {number}", "Dakar"] for number in range(5))
    chunks = list(csv_chunks(rows, header=["name", "place"], chunk_rows=2, repeated_columns={1}))
    assert [count for _data, count in chunks] == [2, 2, 1]
    assert chunks[0][0].startswith(BOM.encode() + b"name,place\r\n")
    assert all(BOM.encode() not in data and b"name,place" not in data for data, _count in chunks[1:])
    assert len(csv_cells(b"".join(data for data, _count in chunks))) == 6


def test_no_rows_give_the_header_alone_or_only_the_mark():
    assert b"".join(data for data, _n in csv_chunks([], header=["name"], bom=False)) == b"name\r\n"
    assert csv_bytes([]) == BOM.encode()
    assert csv_bytes([], bom=False) == b""


def test_repeated_columns_never_mistake_equal_values_for_the_same_cell():
    """1 == 1.0 == True, 0.0 == -0.0, Decimal("1.0") == Decimal("1.00"): equal, yet printed apart."""
    rows = [[1, 1.0, True, Decimal("1.0"), 0.0], [True, 1, 1.0, Decimal("1.00"), -0.0]]
    written = b"".join(d for d, _n in csv_chunks(rows, bom=False, repeated_columns=range(5)))
    assert written == b"1,1.0,True,1.0,0.0\r\nTrue,1,1.0,1.00,-0.0\r\n"


# --- XLSX ------------------------------------------------------------------------------------------


def test_a_workbook_has_a_frozen_filtered_header_and_typed_cells():
    rows = [
        (ARABIC, date(2025, 3, 4), 87.5, 100, HOSTILE[0], None, None),
        (RUSSIAN, date(2025, 3, 5), None, 5, "Dakar", "PSG-2026-000123", None),
    ]
    chunks = list(xlsx_chunks(iter(rows), header=["Trainee", "Enrolled on", "Score", "n", "Place", "Serial", "x"], title="Records"))
    assert chunks[0][1] == 2 and sum(count for _data, count in chunks) == 2
    sheet = workbook(chunks).active
    assert sheet.title == "Records" and sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == "A1:G3"
    values = [list(row) for row in sheet.iter_rows(values_only=True)]
    assert values[0] == ["Trainee", "Enrolled on", "Score", "n", "Place", "Serial", "x"]
    assert values[1][:5] == [ARABIC, datetime(2025, 3, 4), 87.5, 100, "'" + HOSTILE[0]]
    assert values[2][0] == RUSSIAN and values[2][2] is None and values[2][5] == "PSG-2026-000123"
    assert sheet["B2"].is_date and sheet["C2"].data_type == "n" and sheet["E2"].data_type == "s"


def test_a_workbook_takes_what_excel_cannot_hold_without_breaking():
    """A control character in a typed name, an aware time, a title with characters Excel forbids."""
    rows = [("Awa\x01 Diallo\x1f", datetime(2025, 3, 4, 9, 30, tzinfo=UTC), "=1+1")]
    sheet = workbook(xlsx_chunks(rows, header=["=name", "at", "formula"], title="Records: 2025/03 [all]?" * 3)).active
    assert sheet["A1"].value == "'=name"
    assert sheet["A2"].value == "Awa Diallo" and sheet["C2"].value == "'=1+1"
    assert isinstance(sheet["B2"].value, datetime) and sheet["B2"].value.tzinfo is None
    assert len(sheet.title) <= 31 and not set(sheet.title) & set("[]:*?/\\")


def test_a_workbook_with_no_rows_is_its_header():
    sheet = workbook(xlsx_chunks([], header=["a", "b"], title="")).active
    assert [list(row) for row in sheet.iter_rows(values_only=True)] == [["a", "b"]]
    assert sheet.auto_filter.ref == "A1:B1"


def test_the_web_process_does_not_import_openpyxl_at_start_up():
    """Every URL's view is imported, as a web worker does at its first request; openpyxl is not."""
    script = (
        "import sys\n"
        "from django.core.wsgi import get_wsgi_application\n"
        "get_wsgi_application()\n"
        "from django.urls import get_resolver\n"
        "get_resolver().url_patterns\n"
        "print('openpyxl' in sys.modules)\n"
    )
    environment = {**os.environ, "DJANGO_SETTINGS_MODULE": "lms.settings"}
    result = subprocess.run(  # noqa: S603 -- our own interpreter and a fixed script
        [sys.executable, "-c", script], capture_output=True, text=True, env=environment,
        cwd=Path(__file__).resolve().parents[2], timeout=120, check=True,
    )
    assert result.stdout.strip().splitlines()[-1] == "False"


# --- Reading uploads --------------------------------------------------------------------------------


def test_an_upload_is_read_with_or_without_a_bom_and_refused_in_another_encoding():
    assert decode_upload(BOM.encode() + b"name\n") == "name\n"
    assert decode_upload(f"name\n{ARABIC}\n".encode()) == f"name\n{ARABIC}\n"
    with pytest.raises(ValueError, match="save it as “CSV UTF-8”"):
        decode_upload("José".encode("latin-1"))


def test_what_is_written_reads_back_in_any_separator():
    data = csv_bytes([[ARABIC, "Rabat, Maroc"], [RUSSIAN, '"Москва"']], header=["name", "city"])
    assert list(read_csv(decode_upload(data))) == [
        (1, ["name", "city"]), (2, [ARABIC, "Rabat, Maroc"]), (3, [RUSSIAN, '"Москва"'])
    ]
    semicolons = "name;city\nAïcha;Thiès\n"
    assert [values for _line, values in read_csv(semicolons)] == [["name", "city"], ["Aïcha", "Thiès"]]


def test_a_record_that_cannot_be_read_names_its_line():
    text = "name,email\nAwa,awa@example.org\n" + 'Moussa,"' + "x" * 200_000 + '"\n'
    lines = read_csv(text)
    assert next(lines) == (1, ["name", "email"]) and next(lines) == (2, ["Awa", "awa@example.org"])
    with pytest.raises(UnreadableCSV) as raised:
        next(lines)
    assert raised.value.line == 3 and "field larger than field limit" in raised.value.reason
