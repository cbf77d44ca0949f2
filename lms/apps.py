from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LmsConfig(AppConfig):
    name = "lms"
    verbose_name = _("Passage")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_migrate
        from django.urls import register_converter

        from lms.converters import DatabaseIdConverter

        post_migrate.connect(_ensure_roles)
        # `<id:...>` in every app's URLs: registered before any URLconf is read.
        register_converter(DatabaseIdConverter, "id")


def _ensure_roles(sender, app_config=None, using="default", **kwargs):
    # Roles and the moderation workflow exist in every database, tests included. Permissions
    # are created app by app on this same signal, so wait for the last app.
    from django.apps import apps

    with_models = [config for config in apps.get_app_configs() if config.models_module is not None]
    if app_config is not with_models[-1]:
        return
    from lms.roles import ensure_roles

    ensure_roles()
