"""Person-level files (CSV, XLSX): rows built once, written as they are read, hashed as sent.

A file is a generator of byte chunks. ``HashingStream`` wraps it, counts the rows, computes the
SHA-256 of exactly the bytes that left, and calls back once at the end (or on disconnection)
so the audit log records what was really downloaded.
"""

import csv
import hashlib
import io
import tempfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import override
from openpyxl import Workbook

from certificates.models import Certificate
from courses.models import Enrolment
from courses.records.selectors import Pseudonyms, certificate_status_today, printed_name
from lms.spreadsheets import neutralise

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
TEXT_COLUMNS = {"trainee", "organisation", "sector", "country", "region", "course", "cohort", "certificate_serial"}


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

    def labels(self) -> dict[str, str]:
        with override(self.language):
            return {
                **{value: str(label) for value, label in Enrolment.Status.choices},
                **{f"certificate:{value}": str(label) for value, label in Certificate.Status.choices},
            }


def row_format_for(user, *, with_names: bool, language: str | None = None) -> RowFormat:
    """The format of a user's files: their language, their scope's pseudonyms, today's statuses."""
    from courses.records.selectors import scope_identity

    return RowFormat(
        language=language or user.preferred_language or "en",
        with_names=with_names,
        scope=scope_identity(user),
        today=timezone.localdate(),
    )


def typed_rows(rows: Iterable[dict], fmt: RowFormat) -> Iterator[list]:
    """Each round (from ``selectors.file_rows``) as a list of typed values in ``COLUMNS`` order
    (dates as dates, scores as numbers, text neutralised). It runs once per row of files of
    500,000 rows: what can be prepared once is, and repeated text (organisations, courses) is
    neutralised once."""
    labels = fmt.labels()
    pseudonyms = Pseudonyms(fmt.scope)
    safe_text: dict[str, str] = {}

    def safe(value):
        if value is None:
            return None
        found = safe_text.get(value)
        if found is None:
            found = safe_text[value] = neutralise(value)
        return found

    today = fmt.today
    for row in rows:
        certificate_status = certificate_status_today(row["certificate_status"], row["certificate_expires_on"], today)
        score = row["score"]
        yield [
            neutralise(printed_name(row)) if fmt.with_names else pseudonyms(row["trainee_id"]),
            safe(row["organisation__name"]),
            safe(row["sector__name"]),
            safe(row["country__name"]),
            safe(row["region__name"]),
            safe(row["course_title"]),
            safe(row["cohort__name"]),
            labels.get(row["status"], row["status"]),
            row["enrolled_on"],
            row["completed_on"],
            float(score) if score is not None else None,
            row["certificate_serial"] and neutralise(row["certificate_serial"]),
            labels.get(f"certificate:{certificate_status}", "") if certificate_status else "",
            row["certificate_expires_on"],
        ]


def _csv_value(value) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


# Only these columns need converting for CSV; text goes as it is (None becomes "" in csv).
_CSV_CONVERTED = [index for index, (key, _label) in enumerate(COLUMNS) if key not in TEXT_COLUMNS]


def csv_chunks(rows: Iterable[list], headers: list[str], *, bom: bool = False) -> Iterator[tuple[bytes, int]]:
    """The CSV as (bytes, rows in them) chunks of about ``CHUNK_ROWS`` rows, UTF-8."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(headers)
    pending = 0
    first = CSV_BOM if bom else b""
    for row in rows:
        for index in _CSV_CONVERTED:
            row[index] = _csv_value(row[index])
        writer.writerow(row)
        pending += 1
        if pending >= CHUNK_ROWS:
            yield first + buffer.getvalue().encode(), pending
            first = b""
            buffer.seek(0)
            buffer.truncate()
            pending = 0
    yield first + buffer.getvalue().encode(), pending


def xlsx_chunks(rows: Iterable[list], headers: list[str], *, title: str) -> Iterator[tuple[bytes, int]]:
    """The workbook, written row by row in openpyxl's write-only mode to a temporary file, then
    sent in chunks. The row count comes with the first chunk (the rows are written by then)."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=title[:31] or "Records")
    sheet.append(headers)
    count = 0
    for row in rows:
        # Plain values: openpyxl types them itself (dates get a date format), which is far
        # faster than a cell object per value.
        sheet.append(row)
        count += 1
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
