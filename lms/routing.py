"""Page routing in a fixed number of queries, whatever the depth of the course tree.

Wagtail's default routing walks the tree one level at a time (two queries per level, plus the
site and locale lookups). A lesson sits five levels deep, so this module resolves the whole
path at once: every ancestor by its ``url_path`` in one query, the page's specific fields in a
second. Anything unusual (a draft on the way, a routable page's sub-path) falls back to
Wagtail's own routing, so behaviour stays Wagtail's.

A path that has no page in the active language's tree is looked for in the other languages'
trees before it is a 404: the page's translation into the active language is sent instead, or,
where there is none yet, the page itself is shown, and base.html notes that it is not yet
translated.

Links inside such a page keep the interface language: its internal links (rich text, outline,
pager, breadcrumbs) are written under the active language's prefix, so that following one lands on
that page's translation, or on the page itself shown the same way, never back in the source
language's interface (``keep_interface_language``).
"""

import hashlib
import pickle
import re

from django.conf import settings
from django.core.cache import cache
from django.db import DEFAULT_DB_ALIAS
from django.db.models import Exists, OuterRef
from django.db.models.base import ModelState
from django.db.models.functions import Length, Substr
from django.http import Http404, HttpResponseRedirect
from django.utils.translation import get_language
from wagtail import views as wagtail_views
from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.url_routing import RouteResult

from lms import content_version
from lms.i18n import LANGUAGE_CODES, language_of_locale, with_language_prefix

# Kept under the content version's token (lms.content_version): a change to a page, a view
# restriction or a site gives every process a new token, so these are never read stale.
_ROOTS_KEY = "passage:site-roots:{version}:{host}:{port}"
_ROUTE_KEY = "passage:route:{version}:{digest}"
_CACHE_SECONDS = 300


def _site_roots(request):
    """The request's Site and the url_path of its root page in each language (cached)."""
    host = request.get_host().split(":")[0]
    version = content_version.of_request(request)
    key = _ROOTS_KEY.format(version=version, host=host, port=request.get_port())
    cached = cache.get(key) if version else None
    if cached is None:
        site = Site.find_for_request(request)
        if site is None:
            return None, {}
        roots = {
            page.locale.language_code: (page.pk, page.url_path)
            for page in site.root_page.get_translations(inclusive=True).live().select_related("locale")
        }
        roots["default"] = (site.root_page.pk, site.root_page.url_path)
        cached = (site, roots)
        if version:
            cache.set(key, cached, _CACHE_SECONDS)
    return cached


def site_for_request(request):
    """The request's Wagtail Site, as ``Site.find_for_request`` finds it, from the cache above.

    Wagtail's own lookup builds a five-branch CASE query on every request that is not a page
    (an attempt, the dashboard), where the site's branding asks for it: about 5 ms of Python.
    """
    if not hasattr(request, "_wagtail_site"):
        request._wagtail_site = _site_roots(request)[0]
    return request._wagtail_site


# Whether a view restriction (login, groups, password) applies to a page: one set on the page
# itself or on any of its ancestors, whose paths are the beginnings of its path.
_RESTRICTED = Exists(
    PageViewRestriction.objects.filter(page__path=Substr(OuterRef("path"), 1, Length("page__path")))
)


_ROUTE_FIELDS = (
    "id", "path", "depth", "url_path", "title", "slug", "live", "translation_key", "locale_id",
    "content_type_id", "numchild", "alias_of_id",
)


def page_from_values(values: dict) -> Page:
    """A Page holding only ``values``, as ``.only()`` would give, without the model's __init__.

    Page's __init__ (modelcluster's) looks up every child relation of the model for each
    instance. Other fields load on access, as deferred fields do.
    """
    page = Page.__new__(Page)
    page.__dict__.update(values)
    page._state = ModelState()
    page._state.adding = False
    page._state.db = DEFAULT_DB_ALIAS
    return page


def _no_view_restrictions():
    return PageViewRestriction.objects.none()


def fast_route(request, path: str) -> RouteResult | None:
    """Find the live page at ``path`` in two queries, or none when cached; None to let Wagtail route it.

    The first query also tells whether a view restriction applies to the page. When none does,
    Wagtail's check (``check_view_restrictions``, two more queries: the ancestors' aliases, then
    the restrictions) is answered from it; when one does, or an alias is on the way (an alias
    takes its source's restrictions), Wagtail checks as it always does. What the two queries
    found is cached under the content version's token (a new restriction changes it too).
    """
    site, roots = _site_roots(request)
    if site is None:
        return None
    request._wagtail_site = site
    language = get_language()
    root = roots.get(language) or roots.get("default")
    if root is None:
        return None
    version = content_version.of_request(request)
    digest = hashlib.blake2b(f"{site.pk}:{root[0]}:{path}".encode(), digest_size=16).hexdigest()
    key = _ROUTE_KEY.format(version=version, digest=digest)
    found = cache.get(key) if version else None
    if found is None:
        found = _find_route(root, path)
        if found is None:
            return None
        if version:
            _cache_quietly(key, found)
    rows, page = found
    pages = [page_from_values(row) for row in rows]
    page.route_ancestors = pages[:-1]
    # Above a site root at depth 2 there is only the tree's root, never an alias.
    if pages[0].depth == 2 and not rows[-1]["restricted"] and not any(row["alias_of_id"] for row in rows):
        page.get_view_restrictions = _no_view_restrictions
    return RouteResult(page)


def _find_route(root, path: str):
    """The rows of the pages from ``root`` down to ``path`` and the last one's specific page, or None."""
    root_id, root_path = root
    components = [part for part in path.split("/") if part]
    url_paths = [root_path] + [root_path + "/".join(components[: i + 1]) + "/" for i in range(len(components))]
    rows = list(
        Page.objects.filter(url_path__in=url_paths)
        .order_by("depth")
        .annotate(restricted=_RESTRICTED)
        .values(*_ROUTE_FIELDS, "restricted")
    )
    pages = [page_from_values(row) for row in rows]
    if len(pages) != len(url_paths) or pages[0].pk != root_id or not all(page.live for page in pages):
        return None
    for parent, child in zip(pages, pages[1:], strict=False):
        if not child.path.startswith(parent.path):
            return None
    return rows, pages[-1].specific


def _cache_quietly(key: str, value) -> None:
    # A page whose fields cannot be pickled is simply not cached.
    try:
        cache.set(key, value, _CACHE_SECONDS)
    except (pickle.PickleError, TypeError, AttributeError):
        pass


def page_in_another_language(request, path: str):
    """The live page at ``path`` under another language's root (the default language first)."""
    site, roots = _site_roots(request)
    if site is None:
        return None
    active = get_language()
    components = [part for part in path.split("/") if part]
    relative = "/".join(components) + "/" if components else ""
    order = [settings.LANGUAGE_CODE] + [code for code, _name in settings.LANGUAGES]
    others = {
        code: root_path + relative
        for code, (_pk, root_path) in roots.items()
        if code not in (active, "default")
    }
    if not others:
        return None
    found = {
        page.url_path: page for page in Page.objects.live().filter(url_path__in=others.values())
    }
    for code in order:
        if others.get(code) in found:
            return found[others[code]]
    return None


def _serve_from_another_language(request, path):
    page = page_in_another_language(request, path)
    if page is None:
        return None
    translation = page.get_translations().live().filter(locale=Locale.get_active()).first()
    if translation is not None:
        return HttpResponseRedirect(translation.get_url(request))
    request._wagtail_route_for_request = RouteResult(page.specific)
    response = wagtail_views.serve(request, path)
    language = get_language()
    if hasattr(response, "add_post_render_callback"):
        response.add_post_render_callback(lambda rendered: keep_interface_language(rendered, language))
    else:
        keep_interface_language(response, language)
    return response


# An internal link's opening: href=" then a language prefix (/en/, /fr/...).
_PREFIXED_HREF = re.compile(r'(\shref=")/(' + "|".join(sorted(map(re.escape, LANGUAGE_CODES))) + r")/")


def keep_interface_language(response, language: str) -> None:
    """Write the internal links of a page shown as a fallback under ``language``'s prefix.

    The page's own URLs (Wagtail's, and rich text's) carry its language's prefix; the same path
    under the interface's prefix is routed here to the translation when there is one, or to the
    page again with its "not yet translated" note, so the interface stays in the reader's language.
    The language menu is a form (its ``next`` is not an href) and is left as it is.
    """
    if response.streaming or "html" not in response.get("Content-Type", ""):
        return
    charset = response.charset or "utf-8"
    html = response.content.decode(charset)
    response.content = _PREFIXED_HREF.sub(lambda match: f"{match[1]}/{language}/", html).encode(charset)


def url_in_interface_language(page, request=None) -> str:
    """Where a link to ``page`` should go for someone reading in the active language.

    The page's translation into that language when it is live, otherwise the page's own path under
    the active prefix (shown there as a fallback, see the module's docstring).
    """
    language = get_language()
    url = page.get_url(request)
    if not url or not url.startswith("/") or language not in LANGUAGE_CODES:
        return url
    if language_of_locale(page.locale_id) == language:
        return url
    translation = page.get_translations().live().filter(locale__language_code=language).first()
    if translation is not None:
        return translation.get_url(request)
    return with_language_prefix(url, language)


def serve(request, path):
    """Wagtail's serve view, with the route found by ``fast_route`` when it can.

    When no page answers the path in the active language, the same path in another language's
    tree is tried (see the module's docstring); only then is it a 404.
    """
    if not hasattr(request, "_wagtail_route_for_request"):
        result = fast_route(request, path)
        if result is not None:
            request._wagtail_route_for_request = result
    try:
        return wagtail_views.serve(request, path)
    except Http404:
        # Only a path that no page answers: a page that refused the person stays refused.
        if getattr(request, "_wagtail_route_for_request", None) is not None:
            raise
        response = _serve_from_another_language(request, path)
        if response is None:
            raise
        return response
