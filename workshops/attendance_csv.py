"""Reading an attendance CSV: columns email, session (its date or its id) and present.

Pure functions: who takes part and which sessions exist are passed in, so the parser is tested
without a database. Every problem is reported with its line number, in the active language;
the caller changes nothing unless the whole file is clean.
"""

import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext as _

from lms.spreadsheets import FORMULA_PREFIXES, UnreadableCSV, read_csv

SESSION_COLUMNS = ("session", "session_id", "session_date", "date")
DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y")
# Said "yes" or "no" in the platform's languages, as a trainer types them in a spreadsheet.
YES = {"1", "yes", "y", "true", "x", "present", "oui", "présent", "presente", "sí", "si", "да", "присутствовал", "نعم", "حاضر"}
NO = {"0", "no", "n", "false", "absent", "non", "ausente", "нет", "отсутствовал", "لا", "غائب"}


@dataclass(frozen=True)
class ImportRow:
    line: int
    email: str
    trainee_id: int
    session_id: int
    present: bool


@dataclass
class ImportResult:
    rows: list[ImportRow] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors and bool(self.rows)


def _key(value: str) -> str:
    return unicodedata.normalize("NFKC", value).strip().casefold()


def _cell(value: str) -> str:
    """A cell as typed: a quote that a spreadsheet export put before a formula character is dropped."""
    value = value.strip()
    if value.startswith("'") and value[1:].startswith(FORMULA_PREFIXES):
        return value[1:].strip()
    return value


def _parse_date(value: str) -> date | None:
    for pattern in DATE_FORMATS:
        try:
            return datetime.strptime(value, pattern).date()
        except ValueError:
            continue
    return None


def parse(text: str, *, people: dict[str, int], sessions: dict[int, date], max_rows: int) -> ImportResult:
    """Check every line; ``people`` maps lower-case emails to trainee ids, ``sessions`` ids to dates."""
    result = ImportResult()
    reader = read_csv(text)
    try:
        _line, header = next(reader)
    except StopIteration:
        result.errors.append(_("The file is empty."))
        return result
    except UnreadableCSV as error:
        result.errors.append(_("Line 1: the file is not readable as CSV (%(error)s).") % {"error": error.reason})
        return result
    columns = [_key(name) for name in header]
    session_column = next((name for name in SESSION_COLUMNS if name in columns), None)
    missing = [name for name in ("email", "present") if name not in columns]
    if session_column is None:
        missing.append("session")
    if missing:
        result.errors.append(_("Line 1: missing column(s): %(columns)s.") % {"columns": ", ".join(missing)})
        return result
    by_date: dict[date, list[int]] = {}
    for session_id, day in sessions.items():
        by_date.setdefault(day, []).append(session_id)
    seen: dict[tuple[int, int], int] = {}
    try:
        for line, values in reader:
            if not any(value.strip() for value in values):
                continue
            if len(result.rows) + len(result.errors) >= max_rows:
                result.errors.append(_("The file has more than %(max)s lines: split it.") % {"max": max_rows})
                break
            row = dict(zip(columns, (_cell(value) for value in values), strict=False))
            problems, parsed = _check(line, row, session_column, people, sessions, by_date)
            if parsed is not None:
                key = (parsed.trainee_id, parsed.session_id)
                if key in seen:
                    problems.append(_("this person and session are already on line %(line)s") % {"line": seen[key]})
                else:
                    seen[key] = line
            if problems:
                result.errors.append(_("Line %(line)s: %(problems)s.") % {"line": line, "problems": "; ".join(problems)})
            else:
                result.rows.append(parsed)
    except UnreadableCSV as error:
        result.errors.append(_("Line %(line)s: not readable as CSV (%(error)s).") % {"line": error.line, "error": error.reason})
    if not result.rows and not result.errors:
        result.errors.append(_("The file has no attendance lines."))
    return result


def _check(line, row, session_column, people, sessions, by_date):
    problems = []
    email = row.get("email", "").lower()
    trainee_id = None
    try:
        validate_email(email)
    except ValidationError:
        problems.append(_("“%(email)s” is not an email address") % {"email": email})
    else:
        trainee_id = people.get(email)
        if trainee_id is None:
            problems.append(_("no one in this cohort has the address %(email)s") % {"email": email})
    session_id = _session(row.get(session_column, ""), sessions, by_date, problems)
    answer = _key(row.get("present", ""))
    present = True if answer in YES else False if answer in NO else None
    if present is None:
        problems.append(_("write yes or no in “present”, not “%(value)s”") % {"value": row.get("present", "")})
    if problems:
        return problems, None
    return problems, ImportRow(line=line, email=email, trainee_id=trainee_id, session_id=session_id, present=present)


def _session(value: str, sessions, by_date, problems) -> int | None:
    if value.isdigit():
        if int(value) in sessions:
            return int(value)
        problems.append(_("this workshop has no session %(id)s") % {"id": value})
        return None
    day = _parse_date(value)
    if day is None:
        problems.append(_("“%(value)s” is neither a session number nor a date (2026-11-16)") % {"value": value})
        return None
    found = by_date.get(day, [])
    if len(found) == 1:
        return found[0]
    if not found:
        problems.append(_("this workshop has no session on %(date)s") % {"date": day.isoformat()})
    else:
        problems.append(_("several sessions on %(date)s: give the session number instead") % {"date": day.isoformat()})
    return None
