"""The tamper-evident audit log: record an action, verify the chain."""

import json
from dataclasses import dataclass

from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.utils import timezone

from lms.models import AuditChainHead, AuditLogEntry, personal_digest


def _normalised(data: dict) -> dict:
    # Hash what the database will give back, not the Python objects passed in.
    return json.loads(json.dumps(data or {}, cls=DjangoJSONEncoder, sort_keys=True))


@transaction.atomic
def record(*, actor, action: str, obj=None, data: dict | None = None) -> AuditLogEntry:
    """Append an entry to the audit log, chained to the previous one."""
    # Serialise writers on one row: each entry needs the hash written just before it.
    AuditChainHead.objects.get_or_create(pk=1)
    head = AuditChainHead.objects.select_for_update().get(pk=1)
    entry = AuditLogEntry(
        created_at=timezone.now(),
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        actor_label=getattr(actor, "email", "") or "system",
        action=action,
        object_type=obj._meta.label if obj is not None else "",
        object_id=str(obj.pk) if obj is not None else "",
        data=_normalised(data),
        previous_hash=head.last_hash,
    )
    entry.personal_digest = personal_digest(entry.actor_label, entry.data)
    entry.entry_hash = entry.compute_hash()
    entry.save()
    head.last_hash = entry.entry_hash
    head.save(update_fields=["last_hash"])
    return entry


@dataclass
class ChainReport:
    checked: int
    broken_at: int | None

    @property
    def ok(self) -> bool:
        return self.broken_at is None


PRUNED = "audit.pruned"


def _pruned_through() -> set[str]:
    # Hashes of last-deleted entries, as attested by the (chained) pruning entries themselves.
    return {
        data.get("through_hash", "")
        for data in AuditLogEntry.objects.filter(action=PRUNED, personal_erased_at__isnull=True).values_list("data", flat=True)
    }


def verify_chain() -> ChainReport:
    """Walk the log in order; report the first entry whose hash or link does not match."""
    previous = None
    checked = 0
    for entry in AuditLogEntry.objects.order_by("id").iterator(chunk_size=2000):
        if previous is None:
            # The log starts empty, or after entries deleted by retention, which a later
            # pruning entry in the chain attests.
            previous = entry.previous_hash if entry.previous_hash in _pruned_through() else ""
        if entry.previous_hash != previous or entry.compute_hash() != entry.entry_hash:
            return ChainReport(checked=checked, broken_at=entry.pk)
        # Who and the details are covered through their digest; only an erasure may blank them.
        if entry.personal_erased_at is None and personal_digest(entry.actor_label, entry.data) != entry.personal_digest:
            return ChainReport(checked=checked, broken_at=entry.pk)
        previous = entry.entry_hash
        checked += 1
    return ChainReport(checked=checked, broken_at=None)


@transaction.atomic
def erase_personal_details(entries) -> int:
    """Blank who and the details of these entries, keeping their digests: the chain still verifies."""
    return entries.filter(personal_erased_at__isnull=True).update(
        actor=None, actor_label="", data={}, personal_erased_at=timezone.now()
    )


@transaction.atomic
def prune_before(cutoff) -> int:
    """Delete the entries older than ``cutoff`` (retention); a chained entry attests where the log now starts."""
    last = AuditLogEntry.objects.filter(created_at__lt=cutoff).order_by("-id").first()
    if last is None:
        return 0
    AuditChainHead.objects.get_or_create(pk=1)
    AuditChainHead.objects.select_for_update().get(pk=1)  # no entry is appended meanwhile
    deleted, _details = AuditLogEntry.objects.filter(id__lte=last.pk).delete()
    record(actor=None, action=PRUNED, data={"before": cutoff, "entries": deleted, "through_hash": last.entry_hash})
    return deleted
