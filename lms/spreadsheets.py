"""Cells for files people open in a spreadsheet: text typed by people must never run as a formula."""

# What Excel, LibreOffice and Google Sheets read as the start of a formula (tab and carriage
# return too: some import dialogs strip them and read what follows).
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value):
    """Text starting like a formula gets a leading single quote, which spreadsheets show as
    text; other values (numbers, dates, None) pass as they are, so they keep their type."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value
