"""The site's header, rendered once for each language and kind of visitor, then filled in per request.

``components/site_header.html`` is the same for every trainee reading in one language, but for two
things: the CSRF token of its forms and the page to come back to after a change of language. It
was a fifth of the template time of every page (links reversed, strings translated, languages
listed each time). ``{% site_header %}`` renders it once per language, site name, signed in or
not and "Records" link or not, with markers where those two go, and puts this request's values
there: the same HTML as rendering the template each time (tests/lms/test_site_header.py).
"""

from types import SimpleNamespace

from django import template
from django.template.loader import get_template
from django.urls import get_script_prefix
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

register = template.Library()

TEMPLATE = "components/site_header.html"
# Markers that nothing in the header can contain otherwise (letters only: escaping keeps them).
_CSRF_MARK = "passageCsrfMarker"
_NEXT = "passageNextPathMarker"
_LIMIT = 64
_rendered: dict[tuple, str] = {}


class _MarkedRequest:
    """What the header reads of the request: its full path, here the marker."""

    @staticmethod
    def get_full_path():
        return _NEXT


@register.simple_tag(takes_context=True)
def site_header(context):
    """components/site_header.html for this request (see the module's docstring)."""
    user = context.get("user")
    signed_in = bool(user is not None and user.is_authenticated)
    records_link = signed_in and bool(context.get("show_records_link"))
    branding = context.get("branding")
    site_name = getattr(branding, "site_name", None) if branding is not None else None
    token = context.get("csrf_token")
    real_token = token is not None and str(token) != "NOTPROVIDED"
    request = context.get("request")
    key = (
        get_language(), context.get("LANGUAGE_CODE"), get_script_prefix(), site_name, signed_in, records_link,
        real_token or (None if token is None else str(token)), request is not None,
    )
    html = _rendered.get(key)
    if html is None:
        html = get_template(TEMPLATE).render(
            {
                "LANGUAGE_CODE": context.get("LANGUAGE_CODE"),
                "branding": SimpleNamespace(site_name=site_name),
                "user": SimpleNamespace(is_authenticated=signed_in),
                "show_records_link": records_link,
                "csrf_token": _CSRF_MARK if real_token else token,
                "request": _MarkedRequest() if request is not None else None,
            }
        )
        if len(_rendered) >= _LIMIT:
            _rendered.clear()
        _rendered[key] = html
    if real_token:
        html = html.replace(_CSRF_MARK, conditional_escape(str(token)))
    if request is not None:
        html = html.replace(_NEXT, conditional_escape(request.get_full_path()))
    return mark_safe(html)  # noqa: S308 - rendered by the template engine, the values escaped here
