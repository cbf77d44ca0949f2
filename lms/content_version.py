"""A token naming the current state of what the site's pages are built from, read once a request.

The route to a page, a course's outline, the catalogue: each is cached under the token (in the
default cache, shared by every process where Redis is configured, else per process). The token
lives in one database row, so every web process reads the same one, and it changes in the same
transaction as the change it follows: any save or deletion of a page, a view restriction, a site,
a locale, a sector or (from courses) a topic, and any change to a page's many-to-many relations.
A request after the change commits reads the new token and misses: nothing cached before is
shown again, in any process. Operations that write in several steps outside a transaction
(Wagtail's publish, unpublish, move, slug change) change it once more when they end, so nothing
read half-way through is kept under the final token.

A token is random, not a counter: one written in a transaction that rolled back never comes back,
so nothing cached under it is ever read.
"""

import uuid

from django.core.cache import cache
from django.db import connections, router
from django.db.models.signals import m2m_changed, post_delete, post_save
from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from lms.models import ContentVersion, Sector

_ROW = 1
_ON_REQUEST = "_passage_content_version"
# Models whose rows the cached things are built from; apps above add theirs with ``follow``.
_FOLLOWED: list[type] = [Page, PageViewRestriction, Site, Locale, Sector]


def current() -> str:
    """The committed token (one query, on every page: written as SQL, which the ORM took about
    fifteen times as long to build as to run)."""
    connection = connections[router.db_for_read(ContentVersion)]
    table = connection.ops.quote_name(ContentVersion._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT token FROM {table} WHERE id = %s", [_ROW])  # noqa: S608 - the model's table
        row = cursor.fetchone()
    token = row[0] if row else None
    if token is None:
        # The row went with a flushed database (transactional tests): made again. Should another
        # process make it at the same moment, what this request caches under its own token is
        # simply never read again.
        token = uuid.uuid4().hex
        ContentVersion.objects.bulk_create([ContentVersion(pk=_ROW, token=token)], ignore_conflicts=True)
    return token


def of_request(request) -> str | None:
    """The token for this request, read at its first use; None for previews (never cached)."""
    if getattr(request, "is_preview", False):
        return None
    if not hasattr(request, _ON_REQUEST):
        setattr(request, _ON_REQUEST, current())
    return getattr(request, _ON_REQUEST)


# How long anything kept under a token stays in the cache (a new token makes it unreachable sooner).
CACHE_SECONDS = 300


def cached(version: str | None, name: str, read):
    """``read()``, kept in the default cache under ``version`` (a request's token); without a
    token (previews) read afresh each time. What ``read`` returns must hold nothing of one person."""
    if version is None:
        return read()
    key = f"passage:{name}:{version}"
    value = cache.get(key)
    if value is None:
        value = read()
        cache.set(key, value, CACHE_SECONDS)
    return value


def change(**kwargs) -> None:
    """Give the row a new token (a signal receiver; also callable after a bulk update)."""
    token = uuid.uuid4().hex
    if not ContentVersion.objects.filter(pk=_ROW).update(token=token):
        ContentVersion.objects.bulk_create([ContentVersion(pk=_ROW, token=token)], ignore_conflicts=True)


def follow(model: type) -> None:
    """Change the token whenever a row of ``model`` is saved or deleted (from an app's ready())."""
    if model not in _FOLLOWED:
        _FOLLOWED.append(model)


def _followed(instance) -> bool:
    return isinstance(instance, tuple(_FOLLOWED))


def _saved_or_deleted(sender, instance, **kwargs):
    if _followed(instance):
        change()


def _relation_changed(sender, instance, action, model, **kwargs):
    if action.startswith("post_") and (_followed(instance) or issubclass(model, tuple(_FOLLOWED))):
        change()


def connect() -> None:
    """Connect the receivers (LmsConfig.ready)."""
    post_save.connect(_saved_or_deleted, dispatch_uid="passage-content-version-save")
    post_delete.connect(_saved_or_deleted, dispatch_uid="passage-content-version-delete")
    m2m_changed.connect(_relation_changed, dispatch_uid="passage-content-version-m2m")
    # Sent when Wagtail's multi-step operations end (after a slug change's descendants moved,
    # after a publication's relations were written).
    for signal in (page_published, page_unpublished, post_page_move, page_slug_changed):
        signal.connect(change, dispatch_uid=f"passage-content-version-{id(signal)}")
