from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ContentConfig(AppConfig):
    name = "content"
    verbose_name = _("Site content")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from content.models import Branding
        from lms import content_version

        # The cached branding (context_processors) is kept under the content version's token.
        content_version.follow(Branding)
