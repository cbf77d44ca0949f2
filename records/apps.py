from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RecordsConfig(AppConfig):
    """Completion records for ministries: the top layer, reading every app below it."""

    name = "records"
    label = "records"
    verbose_name = _("Completion records")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from lms import periodic
        from records.services import delete_expired_exports

        periodic.register("deleting expired records files", 60 * 60, delete_expired_exports)
