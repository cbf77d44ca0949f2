"""Template helpers for the account pages."""

from django import template
from django.conf import settings

register = template.Library()


@register.simple_tag
def registration_open() -> bool:
    """Whether anyone may create an account (PASSAGE_REGISTRATION="open")."""
    return settings.PASSAGE_REGISTRATION == "open"
