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
