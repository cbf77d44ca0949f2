"""Every spreadsheet Passage writes or reads: CSV and XLSX, safe to open in Excel or LibreOffice.

Writers neutralise every text cell, so that a name or title typed by a person never runs as a
formula; they write UTF-8, with a byte-order mark where the file is meant for Excel (without
it, Excel reads Arabic or Cyrillic names as Latin-1 garbage); and they stream, chunk by chunk,
so memory stays flat whatever the number of rows. openpyxl is imported only by the function
that writes a workbook: a web process that never makes one never loads it.

The reader decodes an upload and reads it in the dialect it was saved in, line by line.
"""

import csv
import io
import re
import tempfile
from collections.abc import Collection, Iterable, Iterator
from datetime import date, datetime
from decimal import Decimal

from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext as _

# What Excel, LibreOffice and Google Sheets read as the start of a formula (tab and carriage
# return too: some import dialogs strip them and read what follows).
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")

BOM = "\ufeff"
CSV_CONTENT_TYPE = "text/csv; charset=utf-8"
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CHUNK_ROWS = 2000  # rows per chunk of a streamed CSV
FILE_CHUNK = 64 * 1024  # bytes per chunk of a workbook, read back from its temporary file


def neutralise(value):
    """Text starting like a formula gets a leading single quote, which spreadsheets show as
    text; other values (numbers, dates, None) pass as they are, so they keep their type."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


# --- CSV ---------------------------------------------------------------------------------------

# What makes the csv module quote a field in its default dialect, with CRLF line ends.
_NEEDS_QUOTES = re.compile('[",\r\n]')


def csv_cell(value) -> str:
    """One value as the csv module's default writer writes it, neutralised first: None empty,
    text as it is, anything else as ``str()`` prints it; quoted (quotes doubled) when it holds a
    comma, a quote or a line break."""
    if value is None:
        return ""
    if isinstance(value, Promise):
        value = str(value)
    if isinstance(value, str):
        text = "'" + value if value.startswith(FORMULA_PREFIXES) else value
    else:
        text = str(value)
    if _NEEDS_QUOTES.search(text):
        return '"' + text.replace('"', '""') + '"'
    return text


# Types whose equal values always print the same (unlike 0.0 and -0.0, Decimal 1.0 and 1.00, or
# one instant in two time zones), so a cell can be looked up by its value.
_MEMOISABLE = frozenset({str, int, bool, date, type(None)})


def _csv_line(cells: list[str]) -> str:
    line = ",".join(cells)
    # The csv module quotes a row made of one empty field, so that it is not a blank line.
    return '""' if not line and len(cells) == 1 else line


def csv_chunks(
    rows: Iterable[Iterable],
    *,
    header: Iterable | None = None,
    bom: bool = True,
    repeated_columns: Collection[int] = (),
    chunk_rows: int = CHUNK_ROWS,
) -> Iterator[tuple[bytes, int]]:
    """The CSV as (bytes, rows of data in them) chunks of ``chunk_rows`` rows: UTF-8, CRLF line
    ends, every cell neutralised; the same bytes as the csv module's default writer.

    ``bom`` starts the file with a byte-order mark (for Excel). ``repeated_columns`` are the
    indexes of columns whose values repeat from row to row (places, statuses, dates): each of
    their distinct values is formatted once, then looked up, which makes a large file several
    times faster. Other columns are formatted on every row, so a column of values that never
    repeat (names, serials) fills no memory. The header, if any, is not counted as a row.
    """
    repeated = frozenset(repeated_columns)
    known: dict = {}

    def remembered(value) -> str:
        if value.__class__ not in _MEMOISABLE:
            return csv_cell(value)
        # By type as well as value: 1 and True are equal keys but different cells.
        key = (value.__class__, value)
        found = known.get(key)
        if found is None:
            found = known[key] = csv_cell(value)
        return found

    formats: list = []

    def line(row) -> str:
        values = row if isinstance(row, list | tuple) else list(row)
        if len(formats) < len(values):
            formats.extend(
                remembered if index in repeated else csv_cell for index in range(len(formats), len(values))
            )
        return _csv_line([format_(value) for format_, value in zip(formats, values, strict=False)])

    lines = [_csv_line([csv_cell(value) for value in header])] if header is not None else []
    first = BOM.encode() if bom else b""
    pending = 0
    for row in rows:
        lines.append(line(row))
        pending += 1
        if pending >= chunk_rows:
            yield first + ("\r\n".join(lines) + "\r\n").encode(), pending
            first, lines, pending = b"", [], 0
    if lines or first:  # the last rows, or the header (or mark) alone when there are none
        yield first + ("\r\n".join(lines) + "\r\n" if lines else "").encode(), pending


def csv_stream(rows: Iterable[Iterable], *, header: Iterable | None = None, bom: bool = True, **options) -> Iterator[bytes]:
    """``csv_chunks`` as bytes alone, for a ``StreamingHttpResponse``."""
    for data, _rows in csv_chunks(rows, header=header, bom=bom, **options):
        yield data


def csv_bytes(rows: Iterable[Iterable], *, header: Iterable | None = None, bom: bool = True) -> bytes:
    """A whole (small) CSV file in memory: a manifest, a page's table."""
    return b"".join(csv_stream(rows, header=header, bom=bom))


# --- XLSX --------------------------------------------------------------------------------------

# Characters an XLSX file cannot hold (XML 1.0 control characters); openpyxl refuses them.
_NOT_IN_XLSX = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")
_SHEET_TITLE_FORBIDS = re.compile(r"[\[\]:*?/\\]")
# Values openpyxl writes as they are (exact classes: a datetime is not one of them).
_PLAIN = frozenset({int, float, Decimal, date, bool})


def _xlsx_value(value):
    if value is None or value.__class__ in _PLAIN:
        return value
    if isinstance(value, Promise):
        value = str(value)
    if isinstance(value, str):
        value = neutralise(value)
        return _NOT_IN_XLSX.sub("", value) if _NOT_IN_XLSX.search(value) else value
    if isinstance(value, datetime) and timezone.is_aware(value):
        # Excel has no time zones: the time as people read it here.
        return timezone.make_naive(value)
    return value


def xlsx_chunks(rows: Iterable[Iterable], *, header: Iterable, title: str) -> Iterator[tuple[bytes, int]]:
    """A workbook of one sheet as (bytes, rows of data in them) chunks: the header row frozen
    and filtered, dates as dates and numbers as numbers, text neutralised.

    Written row by row in openpyxl's write-only mode to a temporary file, then read back in
    chunks; the row count comes with the first chunk (every row is written by then).
    """
    from openpyxl import Workbook  # here, not at the top: see the module's docstring
    from openpyxl.utils import get_column_letter

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=_SHEET_TITLE_FORBIDS.sub(" ", str(title))[:31].strip() or "Sheet")
    sheet.freeze_panes = "A2"  # the header row stays in view (set before any row is written)
    header = [_xlsx_value(value) for value in header]
    sheet.append(header)
    count = 0
    for row in rows:
        # Empty cells at the end of a row are left out: openpyxl spends as long on an empty
        # cell as on a full one.
        values = [_xlsx_value(value) for value in row]
        while values and values[-1] is None:
            values.pop()
        sheet.append(values)
        count += 1
    # Written after the rows in the sheet's XML, so the range can cover all of them.
    sheet.auto_filter.ref = f"A1:{get_column_letter(max(len(header), 1))}{count + 1}"
    with tempfile.TemporaryFile() as handle:
        workbook.save(handle)
        handle.seek(0)
        while chunk := handle.read(FILE_CHUNK):
            yield chunk, count
            count = 0


# --- Reading an uploaded CSV ---------------------------------------------------------------------


class UnreadableCSV(ValueError):
    """A line the CSV reader cannot read (a quote never closed, a NUL byte...)."""

    def __init__(self, line: int, reason: str):
        super().__init__(reason)
        self.line, self.reason = line, reason


def decode_upload(data: bytes) -> str:
    """The text of an uploaded CSV: UTF-8, with or without a byte-order mark; else a ValueError
    that tells people how to save it."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ValueError(
            _(
                "The file is not UTF-8 text (unreadable byte at position %(position)s). "
                "In your spreadsheet, save it as “CSV UTF-8”."
            )
            % {"position": exc.start}
        ) from exc


def read_csv(text: str) -> Iterator[tuple[int, list[str]]]:
    """(line number, values) for each record of ``text``, in the dialect it was saved in: commas,
    semicolons (as Excel saves in French or Spanish) or tabs. A record the csv module cannot read
    raises ``UnreadableCSV`` with its line, and ends the reading."""
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text, newline=""), dialect)
    while True:
        try:
            values = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            raise UnreadableCSV(reader.line_num, str(error)) from error
        yield reader.line_num, values
