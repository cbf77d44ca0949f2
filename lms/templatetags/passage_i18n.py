"""Content in one language shown inside an interface in another: its own lang and dir."""

from django import template
from django.utils.html import format_html
from django.utils.translation import get_language, get_language_info

from lms.i18n import language_of_locale
from lms.routing import url_in_interface_language

register = template.Library()


def _language_of(thing) -> str | None:
    if isinstance(thing, str):
        return thing or None
    locale_id = getattr(thing, "locale_id", None)
    if locale_id is None:
        return getattr(thing, "language_code", None)
    return language_of_locale(locale_id)


@register.simple_tag
def content_language(thing):
    """` lang="…" dir="…"` for a page (or anything with a locale) not in the interface's language.

    Put inside the opening tag that wraps the content: `<div{% content_language page %}>`. Nothing
    is added when the content is in the interface's language, so the page's own `lang` holds.
    """
    code = _language_of(thing)
    if not code or code == get_language():
        return ""
    try:
        bidi = get_language_info(code)["bidi"]
    except KeyError:
        return format_html(' lang="{}" dir="auto"', code)
    return format_html(' lang="{}" dir="{}"', code, "rtl" if bidi else "ltr")


@register.simple_tag
def is_untranslated(thing) -> bool:
    """True when ``thing`` (a page) is shown in another language than the interface's."""
    if not thing:
        return False
    code = _language_of(thing)
    return bool(code) and code != get_language()


@register.simple_tag
def language_of(thing) -> str:
    """The language code of a page (or anything with a locale), without a query per page."""
    return _language_of(thing) or ""


@register.simple_tag(takes_context=True)
def interface_url(context, page) -> str:
    """A link to ``page`` that keeps the interface's language: its translation into the active
    language, or, where there is none yet, its own path under the active prefix (shown there with
    the "not yet translated" note). ``{% pageurl %}`` would send the reader to the page's language."""
    return url_in_interface_language(page, context.get("request"))
