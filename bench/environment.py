"""An isolated Django for benchmarking: fresh var dir, migrated SQLite, test-speed overrides."""

import os
import time

# These point settings at the developer's data or change what is measured (DEBUG keeps every
# query in memory; Redis would swap the database sessions we mean to measure for cached ones).
_DEVELOPER_ENVIRONMENT = (
    "DATABASE_URL",
    "REDIS_URL",
    "AWS_STORAGE_BUCKET_NAME",
    "AWS_PRIVATE_BUCKET_NAME",
    "MEDIA_ROOT",
    "PASSAGE_PRIVATE_ROOT",
    "STATIC_ROOT",
    "DEBUG",
    "PASSAGE_PRODUCTION",
    "TASK_BACKEND",
)


def start_django(var_dir: str, *, database_url: str = "", redis_url: str = "", migrate: bool = True) -> None:
    """Point Passage at ``var_dir``, set Django up with benchmark overrides and migrate.

    By default on a fresh SQLite file in ``var_dir`` without Redis; bench/production.py passes
    its PostgreSQL database (already migrated) and Redis to build its scene there."""
    for name in _DEVELOPER_ENVIRONMENT:
        os.environ.pop(name, None)
    os.environ["PASSAGE_VAR_DIR"] = str(var_dir)
    if database_url:
        os.environ["DATABASE_URL"] = database_url
    if redis_url:
        os.environ["REDIS_URL"] = redis_url
    os.environ["DJANGO_SETTINGS_MODULE"] = "lms.settings"

    import django
    from django.conf import settings
    from django.core.management import call_command
    from django.test.utils import override_settings

    django.setup()
    # Enabled for the whole run, before migrate, so Wagtail's post-migrate work already runs
    # on the immediate task backend; override_settings resets the cached backends and hashers.
    override_settings(
        STORAGES={
            **settings.STORAGES,
            # The manifest storage needs collectstatic; plain storage serves from the finders.
            "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
        },
        PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"],
        TASKS={"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}},
    ).enable()

    if not migrate:
        return
    print(f"Migrating a fresh database in {var_dir} (takes about 20 s)…", flush=True)
    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    print(f"Migrated in {time.perf_counter() - started:.0f} s.", flush=True)
