"""Whether the site navigation shows the "Records" link."""

from django.core.cache import cache
from django.utils.functional import SimpleLazyObject

from records.selectors import has_records_role

_KEY = "records-nav:{user_id}"
_SECONDS = 300


def _shows_link(user) -> bool:
    """Cached for a few minutes per user, so the navigation costs no query on hot pages.

    Only the link can be stale after a role change; the records pages check the role on
    every request.
    """
    if not user or not user.is_authenticated:
        return False
    key = _KEY.format(user_id=user.pk)
    shown = cache.get(key)
    if shown is None:
        shown = has_records_role(user)
        cache.set(key, shown, _SECONDS)
    return shown


def records_nav(request):
    user = getattr(request, "user", None)
    return {"show_records_link": SimpleLazyObject(lambda: _shows_link(user))}
