"""Language helpers for work done outside a request (emails, PDFs) and at sign-in."""

from django.conf import settings
from django.utils import translation

LANGUAGE_CODES = frozenset(code for code, _name in settings.LANGUAGES)


def language_of(user) -> str:
    """The user's preferred language, or the site default."""
    language = getattr(user, "preferred_language", None)
    return language if language in LANGUAGE_CODES else settings.LANGUAGE_CODE


def override_for(user):
    """Context manager: translate into the user's language (emails, PDFs, tasks)."""
    return translation.override(language_of(user))


def with_language_prefix(path: str, language: str) -> str:
    """``path`` with its language prefix (``/en/…``) replaced by ``language``'s, or added.

    Every page under ``i18n_patterns`` has the same route in every language, so the prefix is all
    that changes; a Wagtail page whose path differs in the other language is found from there by
    lms.routing. Unlike Django's ``translate_url``, this does not depend on which language is
    active when it runs (after one switch, the cookie's language is not the page's).
    """
    parts = path.split("/", 2)
    if len(parts) > 1 and parts[1] in LANGUAGE_CODES:
        rest = parts[2] if len(parts) > 2 else ""
        return f"/{language}/{rest}"
    return f"/{language}{path}" if path.startswith("/") else f"/{language}/"


# Locale id -> language code. Locales are a handful of rows, added and never renamed; an id not
# seen yet reloads them. Reading ``page.locale`` instead costs a query per page.
_LANGUAGE_BY_LOCALE_ID: dict[int, str] = {}


def language_of_locale(locale_id: int | None) -> str | None:
    """The language code of a Wagtail locale id, without a query once the locales are known."""
    if locale_id is None:
        return None
    if locale_id not in _LANGUAGE_BY_LOCALE_ID:
        from wagtail.models import Locale

        _LANGUAGE_BY_LOCALE_ID.update(Locale.objects.values_list("id", "language_code"))
    return _LANGUAGE_BY_LOCALE_ID.get(locale_id)


def forget_locales(**kwargs):
    """A locale was added or removed (an id may then name another language): read them again."""
    _LANGUAGE_BY_LOCALE_ID.clear()
