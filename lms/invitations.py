"""Reading an invitation CSV: every row checked, every problem reported with its line number.

Pure functions: the lookups (organisations, sectors, countries, languages) are passed in, so the
parser is tested without a database. Whether an address already has an account is never looked
up here: the preview must read the same for a known and an unknown address.
"""

import unicodedata
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext as _

from lms.spreadsheets import FORMULA_PREFIXES, UnreadableCSV, decode_upload, read_csv

REQUIRED_COLUMNS = ("name", "email")
OPTIONAL_COLUMNS = ("organisation", "sector", "country", "language")
# Spreadsheets run a cell starting with one of these as a formula.


@dataclass
class InviteeRow:
    line: int
    name: str
    email: str
    organisation: object = None
    sector: object = None
    country: object = None
    language: str = ""


@dataclass
class Lookups:
    """Reference data keyed by lower-cased names and codes."""

    organisations: dict = field(default_factory=dict)  # name -> [Organisation]
    sectors: dict = field(default_factory=dict)  # name or slug -> Sector
    countries: dict = field(default_factory=dict)  # name or ISO code -> Country
    languages: dict = field(default_factory=dict)  # code or name -> code


@dataclass
class ParseResult:
    rows: list[InviteeRow]
    errors: list[str]

    @property
    def ok(self) -> bool:
        return not self.errors and bool(self.rows)


def normalise_key(value: str) -> str:
    return unicodedata.normalize("NFKC", value).strip().casefold()


def decode(data: bytes) -> str:
    """An uploaded invitation file's text (UTF-8, with or without BOM), or a ValueError saying why not."""
    return decode_upload(data)


def parse(text: str, lookups: Lookups, *, max_rows: int) -> ParseResult:
    """Check every row of an invitation CSV; returns the rows and the problems found."""
    errors: list[str] = []
    rows: list[InviteeRow] = []
    reader = read_csv(text)
    try:
        _line, header = next(reader)
    except StopIteration:
        return ParseResult([], [_("The file is empty.")])
    except UnreadableCSV as error:
        return ParseResult([], [_("Line 1: the file is not readable as CSV (%(error)s).") % {"error": error.reason}])
    columns = [normalise_key(name) for name in header]
    missing = [name for name in REQUIRED_COLUMNS if name not in columns]
    unknown = [name for name in columns if name and name not in REQUIRED_COLUMNS + OPTIONAL_COLUMNS]
    if missing or unknown:
        problems = []
        if missing:
            problems.append(_("missing column(s): %(columns)s") % {"columns": ", ".join(missing)})
        if unknown:
            problems.append(_("unknown column(s): %(columns)s") % {"columns": ", ".join(unknown)})
        expected = ", ".join(REQUIRED_COLUMNS + OPTIONAL_COLUMNS)
        return ParseResult(
            [], [_("Line 1 (header): %(problems)s. Expected: %(expected)s.") % {"problems": "; ".join(problems), "expected": expected}]
        )
    seen: dict[str, int] = {}
    for line, values in _rows(reader, errors):
        if not any(value.strip() for value in values):
            continue
        if len(rows) + len(errors) >= max_rows:
            errors.append(_("Line %(line)s: the file has more than %(max)s rows; split it.") % {"line": line, "max": max_rows})
            break
        if len(values) != len(columns):
            errors.append(
                _("Line %(line)s: %(found)s values for %(expected)s columns.")
                % {"line": line, "found": len(values), "expected": len(columns)}
            )
            continue
        record = {name: value.strip() for name, value in zip(columns, values, strict=True)}
        row_errors, row = _check_row(line, record, lookups, seen)
        errors.extend(row_errors)
        if row is not None and not row_errors:
            rows.append(row)
    if not rows and not errors:
        errors.append(_("The file has a header but no trainees."))
    return ParseResult(rows, errors)


def _rows(reader, errors):
    """Yield (line, values); a line the CSV reader cannot read ends the file with a message."""
    try:
        yield from reader
    except UnreadableCSV as error:
        errors.append(_("Line %(line)s: not readable as CSV (%(error)s).") % {"line": error.line, "error": error.reason})


def _check_row(line: int, record: dict, lookups: Lookups, seen: dict) -> tuple[list[str], InviteeRow | None]:
    errors = []

    def problem(message, **values):
        errors.append(_("Line %(line)s: %(problem)s") % {"line": line, "problem": message % values if values else message})

    name = unicodedata.normalize("NFC", record.get("name", ""))
    email = record.get("email", "").strip().lower()
    if not name:
        problem(_("the name is empty."))
    elif name.startswith(FORMULA_PREFIXES):
        problem(_("the name “%(name)s” starts with “%(char)s”, which spreadsheets run as a formula. Remove it."), name=name[:40], char=name[0].strip() or "⇥")
    elif len(name) > 200:
        problem(_("the name is longer than 200 characters."))
    elif any(unicodedata.category(char) == "Cc" for char in name):
        problem(_("the name contains control characters."))
    try:
        validate_email(email)
    except ValidationError:
        problem(_("“%(email)s” is not a valid email address."), email=email[:80] or _("(empty)"))
        email = ""
    if email:
        if email in seen:
            problem(_("%(email)s appears twice (also on line %(other)s)."), email=email, other=seen[email])
        else:
            seen[email] = line

    country = None
    if record.get("country"):
        country = lookups.countries.get(normalise_key(record["country"]))
        if country is None:
            problem(_("unknown country “%(value)s” (use a name or a two-letter code)."), value=record["country"][:60])
    organisation = None
    if record.get("organisation"):
        candidates = lookups.organisations.get(normalise_key(record["organisation"]), [])
        if country is not None:
            candidates = [org for org in candidates if org.country_id == country.pk]
        if len(candidates) == 1:
            organisation = candidates[0]
        elif not candidates:
            problem(_("unknown organisation “%(value)s”."), value=record["organisation"][:80])
        else:
            problem(_("several organisations are called “%(value)s”: add the country."), value=record["organisation"][:80])
    sector = None
    if record.get("sector"):
        sector = lookups.sectors.get(normalise_key(record["sector"]))
        if sector is None:
            problem(_("unknown sector “%(value)s”."), value=record["sector"][:60])
    language = ""
    if record.get("language"):
        language = lookups.languages.get(normalise_key(record["language"]), "")
        if not language:
            problem(_("unsupported language “%(value)s”."), value=record["language"][:30])
    if errors:
        return errors, None
    return [], InviteeRow(
        line=line,
        name=name,
        email=email,
        organisation=organisation,
        sector=sector,
        country=country or (organisation.country if organisation else None),
        language=language,
    )
