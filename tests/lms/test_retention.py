"""Retention: unused accounts erased after a warning, old audit entries deleted, the chain intact."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from lms import audit, retention, roles
from lms.models import AuditLogEntry, User
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_an_unused_account_is_warned_then_erased_and_staff_are_left_alone(settings, django_capture_on_commit_callbacks):
    settings.PASSAGE_INACTIVE_ACCOUNT_YEARS = 2
    settings.PASSAGE_INACTIVE_WARNING_DAYS = 30
    now = timezone.now()
    long_ago = now - timedelta(days=3 * 365)
    idle = UserFactory(email="idle@example.org", last_login=long_ago)
    recent = UserFactory(email="recent@example.org", last_login=now - timedelta(days=30))
    trainer = UserFactory(email="trainer@example.org", role=roles.TRAINER, last_login=long_ago)

    with django_capture_on_commit_callbacks(execute=True):
        assert retention.warn_and_erase_inactive_accounts(now=now) == (1, 0)
    assert [m.to for m in mail.outbox] == [["idle@example.org"]]
    # Run again the same day: no second warning, nothing erased yet.
    assert retention.warn_and_erase_inactive_accounts(now=now + timedelta(days=1)) == (0, 0)

    assert retention.warn_and_erase_inactive_accounts(now=now + timedelta(days=31)) == (0, 1)
    idle.refresh_from_db()
    assert idle.email.endswith("@erased.invalid") and not idle.is_active
    assert User.objects.get(pk=recent.pk).email == "recent@example.org"
    assert User.objects.get(pk=trainer.pk).email == "trainer@example.org"
    assert audit.verify_chain().ok


def test_signing_in_after_the_warning_keeps_the_account(settings):
    settings.PASSAGE_INACTIVE_ACCOUNT_YEARS = 2
    now = timezone.now()
    idle = UserFactory(email="idle@example.org", last_login=now - timedelta(days=3 * 365))
    retention.warn_and_erase_inactive_accounts(now=now)
    User.objects.filter(pk=idle.pk).update(last_login=now + timedelta(days=5))
    assert retention.warn_and_erase_inactive_accounts(now=now + timedelta(days=60)) == (0, 0)
    assert User.objects.get(pk=idle.pk).is_active


def test_zero_years_keeps_accounts_for_ever(settings):
    settings.PASSAGE_INACTIVE_ACCOUNT_YEARS = 0
    UserFactory(last_login=timezone.now() - timedelta(days=30 * 365))
    assert retention.warn_and_erase_inactive_accounts() == (0, 0)


def _entries_dated(*ages_in_days):
    entries = [audit.record(actor=None, action=f"a{i}", data={"i": i}) for i in range(len(ages_in_days))]
    # Dates are part of each hash: re-hash the chain as if the entries were written then.
    previous = ""
    for entry, age in zip(entries, ages_in_days, strict=True):
        entry.created_at = timezone.now() - timedelta(days=age)
        entry.previous_hash = previous
        entry.entry_hash = entry.compute_hash()
        entry.save()
        previous = entry.entry_hash
    from lms.models import AuditChainHead

    AuditChainHead.objects.filter(pk=1).update(last_hash=previous)
    return entries


def test_old_audit_entries_are_deleted_and_the_chain_still_verifies(settings):
    settings.PASSAGE_AUDIT_KEEP_YEARS = 1
    entries = _entries_dated(800, 500, 10, 1)
    assert audit.verify_chain().ok
    assert retention.prune_audit_log() == 2
    assert not AuditLogEntry.objects.filter(pk__in=[entries[0].pk, entries[1].pk]).exists()
    report = audit.verify_chain()
    assert report.ok and report.checked == 3  # two kept, and the entry saying what was deleted
    call_command("verify_audit_log")
    # Deleting one more from the start is still detected.
    AuditLogEntry.objects.filter(pk=entries[2].pk).delete()
    assert not audit.verify_chain().ok


def test_the_periodic_job_applies_retention(settings):
    settings.PASSAGE_AUDIT_KEEP_YEARS = 1
    _entries_dated(800, 1)
    call_command("run_periodic", once=True)
    assert AuditLogEntry.objects.filter(action="audit.pruned").exists()
    assert audit.verify_chain().ok
