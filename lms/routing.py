"""Page routing in a fixed number of queries, whatever the depth of the course tree.

Wagtail's default routing walks the tree one level at a time (two queries per level, plus the
site and locale lookups). A lesson sits five levels deep, so this module resolves the whole
path at once: every ancestor by its ``url_path`` in one query, the page's specific fields in a
second. Anything unusual (a draft on the way, a routable page's sub-path) falls back to
Wagtail's own routing, so behaviour stays Wagtail's.
"""

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils.translation import get_language
from wagtail import views as wagtail_views
from wagtail.models import Page, Site
from wagtail.signals import page_published, page_unpublished
from wagtail.url_routing import RouteResult

_VERSION_KEY = "passage:site-roots:version"
_CACHE_KEY = "passage:site-roots:{version}:{host}:{port}"
_CACHE_SECONDS = 300


def _site_roots(request):
    """The request's Site and the url_path of its root page in each language (cached)."""
    host = request.get_host().split(":")[0]
    version = cache.get_or_set(_VERSION_KEY, 1, None)
    key = _CACHE_KEY.format(version=version, host=host, port=request.get_port())
    cached = cache.get(key)
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
        cache.set(key, cached, _CACHE_SECONDS)
    return cached


def clear_cache(**kwargs):
    """Forget the cached sites and roots (a page was published or a site changed)."""
    try:
        cache.incr(_VERSION_KEY)
    except ValueError:
        cache.set(_VERSION_KEY, 2, None)


def fast_route(request, path: str) -> RouteResult | None:
    """Find the live page at ``path`` in two queries; None to let Wagtail route it."""
    site, roots = _site_roots(request)
    if site is None:
        return None
    request._wagtail_site = site
    language = get_language()
    root = roots.get(language) or roots.get("default")
    if root is None:
        return None
    root_id, root_path = root
    components = [part for part in path.split("/") if part]
    url_paths = [root_path] + [root_path + "/".join(components[: i + 1]) + "/" for i in range(len(components))]
    pages = list(
        Page.objects.filter(url_path__in=url_paths)
        .order_by("depth")
        .only("id", "path", "depth", "url_path", "title", "slug", "live", "translation_key", "locale_id", "content_type_id", "numchild")
    )
    if len(pages) != len(url_paths) or pages[0].pk != root_id or not all(page.live for page in pages):
        return None
    for parent, child in zip(pages, pages[1:], strict=False):
        if not child.path.startswith(parent.path):
            return None
    page = pages[-1].specific
    page.route_ancestors = pages[:-1]
    return RouteResult(page)


def serve(request, path):
    """Wagtail's serve view, with the route found by ``fast_route`` when it can."""
    if not hasattr(request, "_wagtail_route_for_request"):
        result = fast_route(request, path)
        if result is not None:
            request._wagtail_route_for_request = result
    return wagtail_views.serve(request, path)


for _signal in (page_published, page_unpublished):
    _signal.connect(clear_cache, dispatch_uid=f"passage-routing-{_signal}")
receiver(post_save, sender=Site, dispatch_uid="passage-routing-site-save")(clear_cache)
receiver(post_delete, sender=Site, dispatch_uid="passage-routing-site-delete")(clear_cache)
