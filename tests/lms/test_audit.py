"""The audit log is chained: a changed or deleted entry is detected."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from lms import audit
from lms.models import AuditLogEntry
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_entries_chain_to_each_other():
    user = UserFactory()
    first = audit.record(actor=user, action="export.csv", data={"rows": 12})
    second = audit.record(actor=None, action="task.cleanup")
    assert second.previous_hash == first.entry_hash
    assert audit.verify_chain().ok
    assert audit.verify_chain().checked == 2


def test_an_entry_changed_in_sql_is_detected():
    user = UserFactory()
    audit.record(actor=user, action="export.csv", data={"rows": 12})
    second = audit.record(actor=user, action="export.xlsx", data={"rows": 40})
    audit.record(actor=user, action="export.pdf", data={"rows": 40})
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {AuditLogEntry._meta.db_table} SET action = %s WHERE id = %s", ["export.nothing", second.pk]
        )
    report = audit.verify_chain()
    assert not report.ok and report.broken_at == second.pk
    with pytest.raises(CommandError, match=f"broken at entry {second.pk}"):
        call_command("verify_audit_log")


def test_a_deleted_entry_is_detected():
    entries = [audit.record(actor=None, action=f"a{i}") for i in range(3)]
    AuditLogEntry.objects.filter(pk=entries[1].pk).delete()
    assert audit.verify_chain().broken_at == entries[2].pk


def test_the_migration_rechains_the_log_and_anchors_the_old_head():
    import importlib

    from django.apps import apps

    from lms.models import AuditChainHead

    for i in range(3):
        audit.record(actor=None, action=f"a{i}", data={"n": i})
    old_head = AuditChainHead.objects.get(pk=1).last_hash
    AuditLogEntry.objects.update(personal_digest="")  # as the entries were before the migration
    importlib.import_module("lms.migrations.0004_audit_personal_digest_and_erasure_requests").rechain(apps, None)
    anchor = AuditLogEntry.objects.order_by("-id").first()
    assert anchor.action == "audit.rechained" and anchor.data == {"previous_format_head": old_head, "entries": 3}
    assert AuditChainHead.objects.get(pk=1).last_hash == anchor.entry_hash
    assert audit.verify_chain().ok and audit.verify_chain().checked == 4
    assert audit.record(actor=None, action="after").previous_hash == anchor.entry_hash
