"""Person-level files (CSV, XLSX): rows built once, written as they are read, hashed as sent.

A file is a generator of byte chunks. ``HashingStream`` wraps it, counts the rows, computes the
SHA-256 of exactly the bytes that left, and calls back once at the end (or on disconnection)
so the audit log records what was really downloaded.
"""

import hashlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date

from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import override

from certificates.models import Certificate
from courses.models import Enrolment
from lms import spreadsheets
from records import figures, person_level, selectors

FETCH_ROWS = 5000  # rows per round trip: fewer trips than 2,000, memory still flat (see the bench)

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
    numbers (whole ones as integers), read from the database in batches. The writers
    (``lms.spreadsheets``) neutralise the text.

    It runs once per row of files of 500,000 rows, so what can be prepared once is: place names
    come from their small tables, and repeated course titles are looked up once. A course is
    named as translated into the file's language where it has that translation."""
    status_labels, certificate_labels = fmt.labels()
    names = person_level.place_names()
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
            trainee = person_level.printed_name(certificate_name, first_name, last_name)
        else:
            trainee = pseudonyms(trainee_id)
        title = titles.get((course_key, course_title))
        if title is None:
            if translated is None:
                translated = figures.translated_course_titles(None, fmt.language)
            title = titles[course_key, course_title] = translated.get(course_key) or course_title
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
            serial,
            certificate_labels.get(person_level.certificate_status_today(certificate_status, expires_on, today)),
            expires_on,
        )


# Every column but the trainee (0) and the certificate serial (11) repeats from row to row.
REPEATED_COLUMNS = frozenset(range(len(COLUMNS))) - {0, 11}


def csv_file(rows: Iterable[tuple], fmt: RowFormat, *, bom: bool = False) -> Iterator[tuple[bytes, int]]:
    """The rows as CSV chunks with their headers; a byte-order mark only when asked (for Excel)."""
    return spreadsheets.csv_chunks(rows, header=fmt.headers(), bom=bom, repeated_columns=REPEATED_COLUMNS)


def xlsx_file(rows: Iterable[tuple], fmt: RowFormat) -> Iterator[tuple[bytes, int]]:
    """The rows as a workbook's chunks: one sheet, titled in the file's language."""
    return spreadsheets.xlsx_chunks(rows, header=fmt.headers(), title=fmt.sheet_title())


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
