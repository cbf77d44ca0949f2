"""Numbers in templates written as lms.formatting writes them: the language's separators, no trailing zeros."""

from django import template

from lms.formatting import format_number

register = template.Library()


@register.filter
def number(value, places=None):
    """``{{ attempt.grade|number }}`` → 87.5 in English, 87,5 in French; ``|number:1`` fixes the places."""
    if value is None or value == "":
        return ""
    return format_number(value, places=None if places in (None, "") else int(places))
