"""The site's branding for every template, cached under the content version.

Saving the branding changes the content version's token (``content.apps``), so every process
reads the new branding on its next request, whatever cache it has.
"""

from content.models import Branding
from lms import content_version
from lms.routing import site_for_request


def branding(request):
    site = site_for_request(request)
    if site is None:
        return {"branding": Branding()}
    version = content_version.of_request(request)
    return {"branding": content_version.cached(version, f"branding:{site.pk}", lambda: _read(site))}


def _read(site) -> Branding:
    """The site's branding, or the defaults while nobody has saved one. Not ``Branding.for_site``,
    which creates the row on first read: a page view would write, and the new row would change
    the content version, so the next page of every process would read its caches afresh."""
    return Branding.objects.filter(site=site).first() or Branding(site=site)
