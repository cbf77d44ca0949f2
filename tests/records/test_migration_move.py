"""Moving API tokens and records exports from courses to records loses nothing, and goes back.

A database is put back at the schema before the move (``courses.0009``), filled the way a live
site would be, then migrated forwards and backwards. Migrating needs a real transaction (SQLite
cannot change a schema inside the test's own), so the test leaves the database at the latest
migrations whatever happens, and the database is emptied after it like any transactional test.
"""

import pytest
from django.contrib.admin.models import ADDITION, LogEntry
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone
from wagtail.models import ModelLogEntry

from lms import audit
from lms.models import AuditLogEntry, User
from records.models import ApiToken, RecordsExport
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = [("courses", "0009_cohort_invitation")]
CODENAMES = {"add_apitoken", "change_apitoken", "view_apitoken", "view_recordsexport", "delete_recordsexport"}


def migrate(targets) -> MigrationExecutor:
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    return MigrationExecutor(connection)  # a fresh loader: the one that migrated keeps the old graph


def latest():
    return MigrationExecutor(connection).loader.graph.leaf_nodes()


def tables() -> set[str]:
    with connection.cursor() as cursor:
        return set(connection.introspection.table_names(cursor))


def names_on(table: str) -> set[str]:
    with connection.cursor() as cursor:
        return set(connection.introspection.get_constraints(cursor, table))


@pytest.fixture
def at_the_schema_before_the_move():
    executor = migrate(BEFORE)
    try:
        yield executor.loader.project_state(BEFORE).apps
    finally:
        migrate(latest())
        ContentType.objects.clear_cache()


def test_tokens_exports_permissions_and_log_entries_survive_the_move_and_the_way_back(at_the_schema_before_the_move):
    old_apps = at_the_schema_before_the_move
    assert {"courses_apitoken", "courses_recordsexport"} <= tables()
    assert not {"records_apitoken", "records_recordsexport"} & tables()

    officer = UserFactory(email="officer@example.org")
    OldToken = old_apps.get_model("courses", "ApiToken")
    OldExport = old_apps.get_model("courses", "RecordsExport")
    OldContentType = old_apps.get_model("contenttypes", "ContentType")
    OldPermission = old_apps.get_model("auth", "Permission")
    token = OldToken.objects.create(user_id=officer.pk, name="National registry", prefix="psg_abcdefgh", key_hash="a" * 64)
    export = OldExport.objects.create(
        user_id=officer.pk, file_format="csv", state="done", rows_total=3, rows_done=3,
        file="records-exports/2026/05/0123456789abcdef0123456789abcdef.csv", sha256="b" * 64,
        parameters={"filters": {"country": 1}, "identity": "pseudonym", "bom": True},
    )
    content_types = {
        model: OldContentType.objects.get(app_label="courses", model=model) for model in ("apitoken", "recordsexport")
    }
    ids = {model: content_type.pk for model, content_type in content_types.items()}
    permissions = OldPermission.objects.filter(content_type__app_label="courses", codename__in=CODENAMES)
    assert permissions.count() == len(CODENAMES)
    group = Group.objects.create(name="Registry managers")
    group.permissions.set(permissions.values_list("pk", flat=True))
    officer.user_permissions.add(OldPermission.objects.get(codename="delete_recordsexport").pk)
    wagtail_entry = ModelLogEntry.objects.create(
        content_type_id=ids["apitoken"], object_id=str(token.pk), label=token.name, action="wagtail.create",
        data={}, user=officer, timestamp=timezone.now(),
    )
    admin_entry = LogEntry.objects.create(
        user=officer, content_type_id=ids["recordsexport"], object_id=str(export.pk), object_repr="export",
        action_flag=ADDITION, change_message="",
    )
    audited = audit.record(actor=officer, action="records.api_token_created", obj=token, data={"prefix": token.prefix})
    assert audited.object_type == "courses.ApiToken"

    migrate(latest())
    ContentType.objects.clear_cache()

    assert {"records_apitoken", "records_recordsexport"} <= tables()
    assert not {"courses_apitoken", "courses_recordsexport"} & tables()
    moved = ApiToken.objects.get(pk=token.pk)
    assert (moved.user, moved.name, moved.prefix, moved.key_hash) == (officer, "National registry", "psg_abcdefgh", "a" * 64)
    moved_export = RecordsExport.objects.get(pk=export.pk)
    assert moved_export.state == RecordsExport.State.DONE and moved_export.rows_done == 3
    assert moved_export.file.name == export.file and moved_export.parameters["bom"] is True
    # The content types are the same rows, now of the records app.
    assert ContentType.objects.get_for_model(ApiToken).pk == ids["apitoken"]
    assert ContentType.objects.get_for_model(RecordsExport).pk == ids["recordsexport"]
    assert not ContentType.objects.filter(app_label="courses", model__in=["apitoken", "recordsexport"]).exists()
    # Permissions kept their rows and their holders; no duplicate was made beside them.
    assert set(Group.objects.get(pk=group.pk).permissions.values_list("content_type__app_label", "codename")) == {
        ("records", codename) for codename in CODENAMES
    }
    assert Permission.objects.filter(content_type__app_label="records").count() == 8
    officer = User.objects.get(pk=officer.pk)
    officer.groups.add(group)
    officer = User.objects.get(pk=officer.pk)
    assert officer.has_perm("records.add_apitoken") and officer.has_perm("records.delete_recordsexport")
    # Log entries still lead to their objects.
    assert ModelLogEntry.objects.get(pk=wagtail_entry.pk).content_type.model_class() is ApiToken
    assert LogEntry.objects.get(pk=admin_entry.pk).get_edited_object() == moved_export
    # The audit log is untouched: the entry keeps the label it was written with, the chain holds.
    assert AuditLogEntry.objects.get(pk=audited.pk).object_type == "courses.ApiToken"
    assert audit.verify_chain().ok
    # New rows continue after the old ones (the id sequence came along with the table).
    newer = ApiToken.objects.create(user=officer, name="Second system", prefix="psg_ijklmnop", key_hash="c" * 64)
    assert newer.pk > token.pk
    if connection.vendor == "postgresql":
        # Indexes and constraints are named as on a new table, so later migrations find them.
        assert all(name.startswith("records_apitoken_") for name in names_on("records_apitoken"))
        assert all(name.startswith("records_recordsexport_") for name in names_on("records_recordsexport"))

    migrate(BEFORE)
    ContentType.objects.clear_cache()

    assert {"courses_apitoken", "courses_recordsexport"} <= tables()
    assert not {"records_apitoken", "records_recordsexport"} & tables()
    back = MigrationExecutor(connection).loader.project_state(BEFORE).apps
    assert set(back.get_model("courses", "ApiToken").objects.values_list("name", flat=True)) == {
        "National registry", "Second system"
    }
    assert back.get_model("courses", "RecordsExport").objects.get(pk=export.pk).sha256 == "b" * 64
    assert set(
        ContentType.objects.filter(pk__in=ids.values()).values_list("app_label", flat=True)
    ) == {"courses"}
    assert Group.objects.get(pk=group.pk).permissions.count() == len(CODENAMES)
    if connection.vendor == "postgresql":
        assert all(name.startswith("courses_apitoken_") for name in names_on("courses_apitoken"))
