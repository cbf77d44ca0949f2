"""One way to write dates and numbers for people, in every language."""

from datetime import date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from django.template import Context, Template
from django.utils import translation

from lms.formatting import format_date, format_number, format_percent

DAY = date(2026, 11, 28)


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "28 November 2026"),
        ("fr", "28 novembre 2026"),
        ("es", "28 de noviembre de 2026"),
        ("ru", "28 ноября 2026 г."),
    ],
)
def test_a_date_reads_day_first_in_every_language(language, expected):
    assert format_date(DAY, language=language) == expected


def test_arabic_dates_name_the_month():
    assert "2026" in format_date(DAY, language="ar") and "نوفمبر" in format_date(DAY, language="ar")


def test_english_short_dates_are_not_american():
    assert format_date(DAY, style="short", language="en") == "28 Nov 2026"


def test_templates_and_code_write_the_same_date():
    with translation.override("en"):
        rendered = Template('{{ day|date:"DATE_FORMAT" }}').render(Context({"day": DAY}))
    assert rendered == format_date(DAY, language="en")


def test_aware_times_are_shown_in_the_site_time_zone(settings):
    settings.TIME_ZONE = "Africa/Dakar"
    moment = datetime(2026, 11, 28, 23, 30, tzinfo=ZoneInfo("UTC"))
    assert format_date(moment, style="short_datetime", language="en") == "28 Nov 2026, 23:30"


@pytest.mark.parametrize(
    ("language", "expected"),
    [("en", "75.5"), ("fr", "75,5"), ("es", "75,5"), ("ru", "75,5")],
)
def test_decimal_separator_follows_the_language(language, expected):
    assert format_number(Decimal("75.50"), language=language) == expected


def test_numbers_carry_only_the_places_they_need():
    assert format_number(Decimal("80.00"), language="en") == "80"
    assert format_number(Decimal("66.666"), language="en") == "66.67"
    assert format_number(12500, language="en") == "12,500"


def test_percent_spacing_follows_the_language():
    assert format_percent(Decimal("75.5"), language="fr") == "75,5\u00a0%"
    assert format_percent(Decimal("75.5"), language="en") == "75.5%"
    assert format_percent(None, language="en") == ""
    assert format_date(None) == ""
