from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LmsConfig(AppConfig):
    name = "lms"
    verbose_name = _("Passage")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_delete, post_migrate, post_save
        from django.urls import register_converter
        from wagtail.models import Locale
        from wagtail.signals import copy_for_translation_done

        from lms import content_version, periodic
        from lms.converters import DatabaseIdConverter
        from lms.i18n import forget_locales
        from lms.retention import apply_retention
        from lms.roles import authors_follow_translations
        from lms.task_recovery import requeue_abandoned_tasks

        post_migrate.connect(_ensure_roles)
        # The token that cached routes, outlines and catalogues are read under (lms.content_version).
        content_version.connect()
        post_save.connect(forget_locales, sender=Locale, dispatch_uid="lms-forget-locales-saved")
        post_delete.connect(forget_locales, sender=Locale, dispatch_uid="lms-forget-locales-deleted")
        copy_for_translation_done.connect(authors_follow_translations, dispatch_uid="lms.authors_follow_translations")
        periodic.register("retention: unused accounts, old audit entries", 24 * 60 * 60, apply_retention)
        # Tasks of the database queue left "running" by a worker that died go back to the queue.
        periodic.register("task queue: tasks whose worker died", 60, requeue_abandoned_tasks)
        _register_outage_recovery(periodic)
        # `<id:...>` in every app's URLs: registered before any URLconf is read.
        register_converter(DatabaseIdConverter, "id")
        _share_allauth_rate_limits()


def _register_outage_recovery(periodic):
    # With Redis only (the modules import redis, which the embedded mode never loads): hand the
    # tasks kept in the database during an outage to the queue, and delete the cache keys whose
    # updates Redis missed.
    from django.conf import settings

    if settings.CACHES["default"]["BACKEND"] == "lms.cache.ResilientRedisCache":
        from lms.cache import purge_stale_cache_keys

        periodic.register("shared cache: keys missed during an outage", 5, purge_stale_cache_keys)
    if settings.TASKS["default"]["BACKEND"] == "lms.taskqueue.RQBackend":
        from lms.taskqueue import relay_outbox_quietly

        periodic.register("task queue: tasks kept in the database during an outage", 5, relay_outbox_quietly)


def _share_allauth_rate_limits():
    # allauth counts attempts (failed sign-ins, resets, sign-ups) in the module-level `cache` of
    # allauth.core.internal.ratelimit, i.e. the default cache, which is per process in the
    # embedded mode: a lockout must hold whichever web process answers, so its counts live in
    # the shared "ratelimit" cache (Redis, or diskcache on one machine). allauth offers no
    # setting for the alias; a proxy follows settings changes (tests) like django's own `cache`.
    from allauth.core.internal import ratelimit
    from allauth.mfa.totp.internal import auth as totp
    from django.core.cache import caches
    from django.utils.connection import ConnectionProxy

    shared = ConnectionProxy(caches, "ratelimit")
    ratelimit.cache = shared
    # The same for the record of used authenticator codes: a code must not be replayed on
    # another web process within its 30 seconds.
    totp.cache = shared


def _ensure_roles(sender, app_config=None, using="default", **kwargs):
    # Roles and the moderation workflow exist in every database, tests included. Permissions
    # are created app by app on this same signal, so wait for the last app.
    from django.apps import apps

    with_models = [config for config in apps.get_app_configs() if config.models_module is not None]
    if app_config is not with_models[-1]:
        return
    from lms.roles import ensure_roles

    ensure_roles()
