"""Person-level files (CSV, XLSX): rows built once, written as they are read, hashed as sent.

A file is a generator of byte chunks. ``HashingStream`` wraps it, counts the rows, computes the
SHA-256 of exactly the bytes that left, and calls back once at the end (or on disconnection)
so the audit log records what was really downloaded.
"""

import hashlib
import re
import tempfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date

from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import override
from openpyxl import Workbook
from openpyxl.utils import get_column_letter

from certificates.models import Certificate
from courses.models import Enrolment
from lms.spreadsheets import neutralise
from records import figures, person_level, selectors

CHUNK_ROWS = 2000
FETCH_ROWS = 5000  # rows per round trip: fewer trips than 2,000, memory still flat (see the bench)
FILE_CHUNK = 64 * 1024
CSV_BOM = "\ufeff".encode()

COLUMNS = (
    ("trainee", _("Trainee")),
    ("organisation", _("Organisation")),
    ("sector", _("Sector")),
    ("country", _("Country")),
    ("region", _("Region")),
    ("course", _("Course")),
    ("cohort", _("Cohort")),
    ("status", _("Status")),
    ("enrolled_on", _("Enrolled on")),
    ("completed_on", _("Completed on")),
    ("score", _("Score (%)")),
    ("certificate_serial", _("Certificate serial")),
    ("certificate_status", _("Certificate status")),
    ("certificate_expires_on", _("Certificate expires on")),
)


@dataclass(frozen=True)
class RowFormat:
    """What the rows say and in which language: fixed before streaming starts."""

    language: str
    with_names: bool
    scope: str
    today: date

    def headers(self) -> list[str]:
        with override(self.language):
            return [str(label) for _key, label in COLUMNS]

    def sheet_title(self) -> str:
        with override(self.language):
            return str(_("Completion records"))

    def labels(self) -> tuple[dict[str, str], dict[str, str]]:
        """Round statuses and certificate statuses, each by value, in the file's language."""
        with override(self.language):
            return (
                {value: str(label) for value, label in Enrolment.Status.choices},
                {value: str(label) for value, label in Certificate.Status.choices},
            )


def row_format_for(user, *, with_names: bool, language: str | None = None) -> RowFormat:
    """The format of a user's files: their language, their scope's pseudonyms, today's statuses."""
    return RowFormat(
        language=language or user.preferred_language or "en",
        with_names=with_names,
        scope=selectors.scope_identity(user),
        today=timezone.localdate(),
    )


def file_rows(enrolments: QuerySet, fmt: RowFormat) -> Iterator[tuple]:
    """Each round as a tuple of typed values in ``COLUMNS`` order: dates as dates, scores as
    numbers (whole ones as integers), text neutralised, read from the database in batches.

    It runs once per row of files of 500,000 rows, so what can be prepared once is: place names
    come from their small tables and are neutralised once, as are repeated course titles.
    A course is named as translated into the file's language where it has that translation."""
    status_labels, certificate_labels = fmt.labels()
    names = {
        key: {pk: neutralise(name) for pk, name in by_id.items()} for key, by_id in person_level.place_names().items()
    }
    organisations, sectors, countries = names["organisation"], names["sector"], names["country"]
    regions, cohorts = names["region"], names["cohort"]
    pseudonyms = selectors.Pseudonyms(fmt.scope)
    titles: dict[tuple, str] = {}
    translated: dict | None = None  # read once, at the first row, for the courses of the scope
    today, with_names = fmt.today, fmt.with_names

    for (
        trainee_id, first_name, last_name, certificate_name, organisation_id, sector_id, country_id, region_id,
        course_key, course_title, cohort_id, status, enrolled_on, completed_on, score, serial, certificate_status, expires_on,
    ) in person_level.stream_tuples(person_level.file_rows(enrolments, with_names=with_names), chunk_size=FETCH_ROWS):
        if with_names:
            trainee = neutralise(person_level.printed_name(certificate_name, first_name, last_name))
        else:
            trainee = pseudonyms(trainee_id)
        title = titles.get((course_key, course_title))
        if title is None:
            if translated is None:
                translated = figures.translated_course_titles(None, fmt.language)
            title = titles[course_key, course_title] = neutralise(translated.get(course_key) or course_title)
        if score is not None and score.is_integer():
            score = int(score)
        yield (
            trainee,
            organisations.get(organisation_id),
            sectors.get(sector_id),
            countries.get(country_id),
            regions.get(region_id),
            title,
            cohorts.get(cohort_id),
            status_labels.get(status, status),
            enrolled_on,
            completed_on,
            score,
            serial and neutralise(serial),
            certificate_labels.get(person_level.certificate_status_today(certificate_status, expires_on, today)),
            expires_on,
        )


# What makes the csv module quote a field in its default dialect, with our line ending.
_NEEDS_QUOTES = re.compile('[",\r\n]')


def _csv_cell(value) -> str:
    """One value as the csv module writes it: ISO dates, numbers as Python prints them, None
    empty, and text quoted (quotes doubled) when it holds a comma, a quote or a line break."""
    if value is None:
        return ""
    text = value.isoformat() if isinstance(value, date) else str(value)
    if _NEEDS_QUOTES.search(text):
        return '"' + text.replace('"', '""') + '"'
    return text


def csv_chunks(rows: Iterable[tuple], headers: list[str], *, bom: bool = False) -> Iterator[tuple[bytes, int]]:
    """The CSV as (bytes, rows in them) chunks of ``CHUNK_ROWS`` rows, UTF-8, CRLF line ends.

    The same bytes as the csv module's writer, about ten times faster: a line is its cells
    joined by commas, and a repeated value's cell is taken from a dictionary instead of being
    formatted again (the writer took a third of a 500,000-row file's time)."""
    repeated: dict = {}

    def cell(value) -> str:
        found = repeated.get(value)
        if found is None:
            found = repeated[value] = _csv_cell(value)
        return found

    lines = [",".join(_csv_cell(header) for header in headers)]
    pending = 0
    first = CSV_BOM if bom else b""
    for row in rows:
        # The trainee (column 0) and the serial (11) differ on every row and are formatted each
        # time; every other column's values repeat (places, course, statuses, dates, scores).
        places = [repeated[value] if value in repeated else cell(value) for value in row[1:11]]
        certificate = [repeated[value] if value in repeated else cell(value) for value in row[12:]]
        lines.append(",".join([_csv_cell(row[0]), *places, _csv_cell(row[11]), *certificate]))
        pending += 1
        if pending >= CHUNK_ROWS:
            yield first + ("\r\n".join(lines) + "\r\n").encode(), pending
            first, lines, pending = b"", [], 0
    if lines:  # the last rows, or the header alone when there are none
        yield first + ("\r\n".join(lines) + "\r\n").encode(), pending


def xlsx_chunks(rows: Iterable[tuple], headers: list[str], *, title: str) -> Iterator[tuple[bytes, int]]:
    """The workbook, written row by row in openpyxl's write-only mode to a temporary file, then
    sent in chunks. The row count comes with the first chunk (the rows are written by then)."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=title[:31] or "Records")
    sheet.freeze_panes = "A2"  # the header row stays in view (set before any row is written)
    sheet.append(headers)
    count = 0
    for row in rows:
        # Plain values: openpyxl types them itself (dates get a date format), which is far
        # faster than a cell object per value. Empty cells at the end of a row (a round without
        # a certificate) are left out: openpyxl spends as long on an empty cell as on a full one.
        end = len(row)
        while end and row[end - 1] is None:
            end -= 1
        sheet.append(row[:end])
        count += 1
    # Written after the rows in the sheet's XML, so the range can cover all of them.
    sheet.auto_filter.ref = f"A1:{get_column_letter(max(len(headers), 1))}{count + 1}"
    with tempfile.TemporaryFile() as handle:
        workbook.save(handle)
        handle.seek(0)
        while chunk := handle.read(FILE_CHUNK):
            yield chunk, count
            count = 0


class HashingStream:
    """Iterates file chunks, hashing them; calls ``on_end(rows, sha256, complete)`` exactly once."""

    def __init__(self, chunks: Iterator[tuple[bytes, int]], on_end: Callable[[int, str, bool], None]):
        self.chunks = chunks
        self.on_end = on_end
        self.sha256 = hashlib.sha256()
        self.rows = 0

    def __iter__(self):
        complete = False
        try:
            for data, rows in self.chunks:
                self.sha256.update(data)
                self.rows += rows
                yield data
            complete = True
        finally:
            self.on_end(self.rows, self.sha256.hexdigest(), complete)


def write_file(chunks: Iterator[tuple[bytes, int]], handle) -> tuple[str, int]:
    """Write a file's chunks to an open binary file; returns its SHA-256 and row count."""
    digest = hashlib.sha256()
    count = 0
    for data, rows in chunks:
        handle.write(data)
        digest.update(data)
        count += rows
    return digest.hexdigest(), count


def sha256_of(chunks: Iterator[tuple[bytes, int]]) -> tuple[str, int]:
    """The hash and row count of a file without keeping it: the PDF cites its CSV this way."""
    digest = hashlib.sha256()
    count = 0
    for data, rows in chunks:
        digest.update(data)
        count += rows
    return digest.hexdigest(), count
