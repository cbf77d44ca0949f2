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
from datetime import date, datetime

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import override
from openpyxl import Workbook

from certificates.models import Certificate
from courses.models import Enrolment
from courses.records.selectors import Pseudonyms, certificate_status_today
from lms.spreadsheets import neutralise

CHUNK_ROWS = 2000
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


def _name(row: dict) -> str:
    return row["trainee__certificate_name"] or " ".join(
        part for part in (row["trainee__first_name"], row["trainee__last_name"]) if part
    )


def typed_rows(rows: Iterable[dict], fmt: RowFormat) -> Iterator[list]:
    """Each round as a list of typed values (dates as dates, scores as numbers, text neutralised)."""
    labels = fmt.labels()
    zone = timezone.get_current_timezone()  # looked up once: it is a per-row cost otherwise

    def _local_date(moment: datetime | None) -> date | None:
        return moment.astimezone(zone).date() if moment is not None else None

    pseudonyms = Pseudonyms(fmt.scope)

    def _trainee(row: dict, fmt: RowFormat) -> str:
        return _name(row) if fmt.with_names else pseudonyms(row["trainee_id"])

    for row in rows:
        certificate_status = certificate_status_today(
            row["certificate_status"], row["certificate_expires_on"], fmt.today
        )
        values = {
            "trainee": _trainee(row, fmt),
            "organisation": row["organisation__name"],
            "sector": row["sector__name"],
            "country": row["country__name"],
            "region": row["region__name"],
            "course": row["course_title"],
            "cohort": row["cohort__name"],
            "status": labels.get(row["status"], row["status"]),
            "enrolled_on": _local_date(row["enrolled_at"]),
            "completed_on": _local_date(row["completed_at"]),
            "score": float(row["score"]) if row["score"] is not None else None,
            "certificate_serial": row["certificate_serial"],
            "certificate_status": labels.get(f"certificate:{certificate_status}", "") if certificate_status else "",
            "certificate_expires_on": row["certificate_expires_on"],
        }
        yield [
            neutralise(values[key]) if key in TEXT_COLUMNS and values[key] is not None else values[key]
            for key, _label in COLUMNS
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
