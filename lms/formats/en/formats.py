"""English dates for an international audience: day, month in words, year (28 November 2026).

Django's English formats are American (Nov. 28, 2026 and 11/28/2026), which readers in Dakar,
Amman or Madrid misread; the other languages keep Django's own formats, which already put the
day first.
"""

DATE_FORMAT = "j F Y"
SHORT_DATE_FORMAT = "j M Y"
DATETIME_FORMAT = "j F Y, H:i"
SHORT_DATETIME_FORMAT = "j M Y, H:i"
TIME_FORMAT = "H:i"
YEAR_MONTH_FORMAT = "F Y"
MONTH_DAY_FORMAT = "j F"
FIRST_DAY_OF_WEEK = 1
DECIMAL_SEPARATOR = "."
THOUSAND_SEPARATOR = ","
NUMBER_GROUPING = 3
