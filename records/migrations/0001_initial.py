"""The records app takes over the API tokens and records exports that courses used to hold.

Nothing is copied: the models enter Django's state on their existing tables (``courses.0010``
removed them from courses' state, and nothing from the database), then the tables are renamed,
their indexes and constraints with them, and the two content types change app label in place.
Their ids stay, so permissions (and the groups and users holding them), Wagtail and Django
admin log entries keep pointing at the same rows. Audit log entries keep the label they were
written with ("courses.ApiToken"): they are hash-chained and record what was true then.
"""

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models

import lms.storage
import records.models
from lms.migration_tools import names_follow_renamed_tables

MOVED = ("apitoken", "recordsexport")


def _move_content_types(apps, schema_editor, *, source: str, target: str) -> None:
    ContentType = apps.get_model("contenttypes", "ContentType")
    content_types = ContentType.objects.using(schema_editor.connection.alias)
    for model in MOVED:
        if content_types.filter(app_label=target, model=model).exists():
            raise RuntimeError(
                f"A content type {target}.{model} exists already next to {source}.{model}: "
                "merge their permissions by hand before migrating."
            )
        content_types.filter(app_label=source, model=model).update(app_label=target)
    # Django keeps content types in a per-process cache: forget the moved ones.
    from django.contrib.contenttypes.models import ContentType as LiveContentType

    LiveContentType.objects.clear_cache()


def content_types_to_records(apps, schema_editor):
    _move_content_types(apps, schema_editor, source="courses", target="records")


def content_types_to_courses(apps, schema_editor):
    _move_content_types(apps, schema_editor, source="records", target="courses")


class Migration(migrations.Migration):
    # Never "faked" as initial: the tables it names exist before it runs, under other names.
    initial = False

    dependencies = [
        ("courses", "0010_records_models_leave_courses"),
        ("contenttypes", "0002_remove_content_type_name"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="ApiToken",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("name", models.CharField(help_text="What uses it, e.g. 'National training registry'.", max_length=100, verbose_name="name")),
                        ("prefix", models.CharField(db_index=True, editable=False, max_length=12, verbose_name="key starts with")),
                        ("key_hash", models.CharField(editable=False, max_length=64, unique=True)),
                        ("created_at", models.DateTimeField(default=django.utils.timezone.now, verbose_name="created")),
                        ("last_used_at", models.DateTimeField(blank=True, null=True, verbose_name="last used")),
                        ("revoked_at", models.DateTimeField(blank=True, null=True, verbose_name="revoked")),
                        ("user", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="records_api_tokens", to=settings.AUTH_USER_MODEL, verbose_name="owner")),
                    ],
                    options={
                        "verbose_name": "API token",
                        "verbose_name_plural": "API tokens",
                        "ordering": ["-created_at", "-id"],
                        "db_table": "courses_apitoken",
                    },
                ),
                migrations.CreateModel(
                    name="RecordsExport",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("file_format", models.CharField(choices=[("csv", "CSV"), ("xlsx", "XLSX")], max_length=10, verbose_name="format")),
                        ("parameters", models.JSONField(default=dict, verbose_name="filters and options")),
                        ("state", models.CharField(choices=[("queued", "Waiting"), ("running", "Being made"), ("done", "Ready"), ("failed", "Failed")], default="queued", max_length=10, verbose_name="state")),
                        ("rows_total", models.PositiveIntegerField(blank=True, null=True, verbose_name="rows to write")),
                        ("rows_done", models.PositiveIntegerField(default=0, verbose_name="rows written")),
                        ("file", models.FileField(blank=True, max_length=200, storage=lms.storage.private_storage, upload_to=records.models.records_export_path, verbose_name="file")),
                        ("sha256", models.CharField(blank=True, max_length=64, verbose_name="SHA-256")),
                        ("created_at", models.DateTimeField(default=django.utils.timezone.now, verbose_name="asked for")),
                        ("finished_at", models.DateTimeField(blank=True, null=True, verbose_name="finished")),
                        ("error", models.TextField(blank=True, verbose_name="error")),
                        ("user", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="records_exports", to=settings.AUTH_USER_MODEL, verbose_name="owner")),
                    ],
                    options={
                        "verbose_name": "records export",
                        "verbose_name_plural": "records exports",
                        "ordering": ["-created_at", "-id"],
                        "db_table": "courses_recordsexport",
                    },
                ),
            ],
            database_operations=[],
        ),
        # The tables take the records app's names (no data moves: a rename).
        migrations.AlterModelTable(name="apitoken", table=None),
        migrations.AlterModelTable(name="recordsexport", table=None),
        names_follow_renamed_tables(
            ("courses_apitoken", "records_apitoken"), ("courses_recordsexport", "records_recordsexport")
        ),
        migrations.RunPython(content_types_to_records, content_types_to_courses),
    ]
