"""Path converters shared by every app's URLs, and the same rule for ids read from query strings."""

import re

# Ids are 64-bit signed integers in every database Passage runs on (BigAutoField); Wagtail's page
# ids are smaller still, and the lookups answer "none" for those.
MAX_ID = 2**63 - 1


class DatabaseIdConverter:
    """A database id, 1 to 2**63 - 1: anything else does not match, so the resolver answers 404."""

    regex = "[0-9]{1,19}"

    def to_python(self, value: str) -> int:
        number = int(value)
        if not 1 <= number <= MAX_ID:
            raise ValueError(f"{value} is not a database id")
        return number

    def to_url(self, value) -> str:
        return str(value)


def id_from(value) -> int | None:
    """An id read from a query string or a form, or None when it is not one (as the converter decides)."""
    if not isinstance(value, str) or not re.fullmatch(DatabaseIdConverter.regex, value):
        return None  # str.isdigit() would let "²" through, which int() then refuses
    try:
        return DatabaseIdConverter().to_python(value)
    except ValueError:
        return None
