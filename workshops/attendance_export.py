"""The workshop's attendance grid as a file: one row per person, one column per session.

Each session's cell says whether the person was marked present or absent and where the mark
came from ("present (QR check-in)"); an empty cell: not marked. Names, emails, organisations and
session topics are typed by people, so the writers of ``lms.spreadsheets`` neutralise them.
"""

from collections.abc import Iterator

from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from lms import spreadsheets
from workshops.models import AttendanceMark
from workshops.selectors import AttendanceGrid

FORMATS = ("csv", "xlsx")


def session_heading(session) -> str:
    return f"{session.date:%Y-%m-%d} {session.start_time:%H:%M} {session.topic}"


def header(grid: AttendanceGrid) -> list:
    return [_("Name"), _("Email"), _("Organisation"), _("On the list as"), *map(session_heading, grid.sessions), _("Sessions attended")]


def mark_text(mark: AttendanceMark | None) -> str:
    if mark is None:
        return ""
    state = _("present") if mark.present else _("absent")
    return _("%(state)s (%(source)s)") % {"state": state, "source": mark.get_source_display()}


def rows(grid: AttendanceGrid) -> Iterator[list]:
    member, invited = _("cohort member"), _("invited, not yet answered")
    for row in grid.rows:
        person = row.participant
        yield [
            person.name, person.email, person.organisation, invited if person.invited else member,
            *map(mark_text, row.marks), sum(1 for mark in row.marks if mark is not None and mark.present),
        ]


def file_bytes(grid: AttendanceGrid, file_format: str) -> bytes:
    if file_format == "csv":
        return spreadsheets.csv_bytes(rows(grid), header=header(grid))
    if file_format == "xlsx":
        return b"".join(chunk for chunk, _count in spreadsheets.xlsx_chunks(rows(grid), header=header(grid), title=_("Attendance")))
    raise ValueError(file_format)


CONTENT_TYPES = {"csv": spreadsheets.CSV_CONTENT_TYPE, "xlsx": spreadsheets.XLSX_CONTENT_TYPE}


def file_name(workshop, file_format: str) -> str:
    """ASCII letters, digits and hyphens only, whatever the title holds: safe in a header."""
    title = slugify(workshop.title)[:40].strip("-") or "workshop"
    return f"attendance-{workshop.pk}-{title}-{timezone.localdate():%Y-%m-%d}.{file_format}"
