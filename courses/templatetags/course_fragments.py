"""The costly parts of a lesson page, rendered once and kept in the cache by what they show.

Each key is a digest of everything its fragment reads (the lesson's stored body; the outline's
titles, links, marks and the page it points at) and of the interface language, so a key names
one rendering and nothing per person: two trainees at the same point of a course share one
outline, a trainee who completes a lesson gets another key, a published revision gets another
key in every web process at once, with no invalidation to miss. Previews are never cached.
What a fragment shows from outside its key (a glossary term, a linked page's address, an image
rendition) is at most FRAGMENT_SECONDS old.
"""

import hashlib
import json

from django import template
from django.core.cache import cache
from django.core.serializers.json import DjangoJSONEncoder
from django.template.loader import get_template
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from lms.i18n import language_of_locale

register = template.Library()

FRAGMENT_SECONDS = 300


def _digest(*parts) -> str:
    return hashlib.blake2b(json.dumps(parts, cls=DjangoJSONEncoder).encode(), digest_size=16).hexdigest()


def _cached(context, key: str, render) -> str:
    request = context.get("request")
    if getattr(request, "is_preview", False):
        html = render()
    else:
        html = cache.get(key)
        if html is None:
            html = render()
            cache.set(key, html, FRAGMENT_SECONDS)
    return mark_safe(html)  # noqa: S308 - rendered by the template engine, escaped there


@register.simple_tag(takes_context=True)
def lesson_body(context, page):
    """The page's StreamField body as HTML, cached by its stored content and the language."""
    key = "passage:lesson-body:" + _digest(page.pk, get_language(), list(page.body.raw_data))

    def render():
        flat = context.flatten()  # as {% include_block %} gives each block its parent's context
        return "".join(block.render_as_block(context=flat) for block in page.body)

    return _cached(context, key, render)


@register.simple_tag(takes_context=True)
def course_outline(context, outline, *, linked=False, current=None):
    """components/outline.html for ``outline``, cached by every value the template shows."""
    shown = [
        (
            module.page.pk,
            module.page.title,
            language_of_locale(module.page.locale_id),
            [
                (
                    item.pk,
                    item.title,
                    language_of_locale(item.locale_id),
                    getattr(item, "link", None),
                    bool(getattr(item, "is_done", False)),
                    bool(item.is_required),
                    getattr(item, "pass_mark", None) is not None,
                )
                for item in module.lessons
            ],
        )
        for module in outline
    ]
    key = "passage:outline:" + _digest(get_language(), bool(linked), getattr(current, "pk", None), shown)

    def render():
        return get_template("components/outline.html").render(
            {"outline": outline, "linked": linked, "current": current}, context.get("request")
        )

    return _cached(context, key, render)
