"""The site's branding for every template, read once and cached."""

from django.core.cache import cache
from django.db.models.signals import post_save
from django.dispatch import receiver
from wagtail.models import Site

from content.models import Branding

_KEY = "passage:branding:{site_id}"


def branding(request):
    site = Site.find_for_request(request)
    if site is None:
        return {"branding": Branding()}
    key = _KEY.format(site_id=site.pk)
    value = cache.get(key)
    if value is None:
        value = Branding.for_site(site)
        cache.set(key, value, 300)
    return {"branding": value}


@receiver(post_save, sender=Branding, dispatch_uid="passage-branding-cache")
def _forget_branding(sender, instance, **kwargs):
    cache.delete(_KEY.format(site_id=instance.site_id))
