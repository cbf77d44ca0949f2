"""The one way dates and numbers are written for people, in pages, emails, PDFs and exports.

Templates use Django's ``date`` filter with a named format ("DATE_FORMAT", "SHORT_DATE_FORMAT",
"SHORT_DATETIME_FORMAT") and ``floatformat``/``number`` for numbers; code outside a template (an
email's subject, a PDF, a spreadsheet's readable column, a service's message) calls the functions
below. Both read the same formats: Django's for each language, with English made day-first in
``lms/formats/en/``. Files for machines (CSV data columns, the API) keep ISO dates and plain numbers.
"""

from contextlib import nullcontext
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal

from django.utils import formats, timezone, translation

STYLES = {
    "date": "DATE_FORMAT",
    "short": "SHORT_DATE_FORMAT",
    "datetime": "DATETIME_FORMAT",
    "short_datetime": "SHORT_DATETIME_FORMAT",
    "month": "YEAR_MONTH_FORMAT",
}


def _in(language):
    """Translate into ``language``; the active language when it is None."""
    return translation.override(language) if language else nullcontext()


def format_date(value: date | datetime | None, *, style: str = "date", language: str | None = None) -> str:
    """``value`` as people read it in ``language`` (the active one by default); "" for None.

    Aware datetimes are shown in the site's time zone.
    """
    if value is None:
        return ""
    if isinstance(value, datetime) and timezone.is_aware(value):
        value = timezone.localtime(value)
    with _in(language):
        return formats.date_format(value, STYLES[style])


def decimal_places(value: Decimal) -> int:
    """0, 1 or 2: as many as the value needs (75, 75.5, 75.25), never trailing zeros."""
    value = Decimal(value)
    if value == value.to_integral_value():
        return 0
    return 1 if value * 10 == (value * 10).to_integral_value() else 2


def format_number(value, *, places: int | None = None, language: str | None = None) -> str:
    """A number with the language's decimal and thousands separators; "" for None."""
    if value is None:
        return ""
    value = Decimal(str(value))
    if places is None:
        places = decimal_places(value.quantize(Decimal("0.01"), ROUND_HALF_UP))
    # Django's number_format cuts extra places off; people expect them rounded (66.666 -> 66.67).
    value = value.quantize(Decimal(1).scaleb(-places), ROUND_HALF_UP)
    with _in(language):
        return formats.number_format(value, decimal_pos=places, use_l10n=True, force_grouping=abs(value) >= 10000)


def format_percent(value, *, places: int | None = None, language: str | None = None) -> str:
    """A percentage as written in the language: 75,5 % in French, 75.5% in English; "" for None."""
    if value is None:
        return ""
    language = language or translation.get_language()
    number = format_number(value, places=places, language=language)
    return f"{number}\u00a0%" if language in ("fr", "ru", "es") else f"{number}%"
