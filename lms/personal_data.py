"""What Passage holds about a person, gathered for them: a registry the apps fill, and the ZIP.

lms knows the account and the audit log; the apps above it (rounds, attempts, certificates)
register what they hold in their AppConfig.ready, so this base app never imports them.
"""

import hashlib
import json
import shutil
import zipfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Q
from django.utils import timezone

from lms import audit
from lms.models import AuditLogEntry
from lms.streaming import ChunkSink

DATA_FILE = "passage-data.json"


@dataclass(frozen=True)
class Section:
    """One kind of data about a person: records for the JSON file, and files to add beside it."""

    name: str
    records: Callable[[object], list[dict]]
    files: Callable[[object], Iterable[tuple[str, object]]] | None = None
    # erase(user, by=administrator): remove or pseudonymise what the app holds (lms.erasure).
    erase: Callable[..., None] | None = None


_sections: dict[str, Section] = {}


def register(name: str, *, records, files=None, erase=None) -> None:
    """Add a section (idempotent by name): records(user) -> dicts, files(user) -> (name, FieldFile), erase(user, by=)."""
    _sections[name] = Section(name=name, records=records, files=files, erase=erase)


def sections() -> list[Section]:
    return list(_sections.values())


def _profile(user) -> list[dict]:
    return [
        {
            "email": user.email,
            "first_name": user.first_name,
            "last_name": user.last_name,
            "certificate_name": user.certificate_name,
            "preferred_language": user.preferred_language,
            "organisation": str(user.organisation) if user.organisation_id else None,
            "sector": str(user.sector) if user.sector_id else None,
            "country": str(user.country) if user.country_id else None,
            "gender": user.gender or None,
            "year_of_birth": user.year_of_birth,
            "date_joined": user.date_joined,
            "last_login": user.last_login,
            "roles": sorted(user.groups.values_list("name", flat=True)),
        }
    ]


def audit_entries_about(user):
    """Audit entries where the person acted or was the object."""
    return AuditLogEntry.objects.filter(
        Q(actor=user) | Q(object_type=user._meta.label, object_id=str(user.pk))
    ).order_by("id")


def _audit(user) -> list[dict]:
    return list(audit_entries_about(user).values("created_at", "action", "object_type", "object_id", "data"))


register("profile", records=_profile)
register("audit_log", records=_audit)


def collect(user) -> dict:
    """Everything registered about the person, as one JSON-ready dict."""
    data = {"exported_at": timezone.now(), "platform": "Passage"}
    for name, section in _sections.items():
        data[name] = section.records(user)
    return data


def zip_stream(*, user) -> Iterator[bytes]:
    """The person's data as a ZIP, chunk by chunk; the download is audited with its SHA-256 once sent."""
    sink, digest, size, files = ChunkSink(), hashlib.sha256(), 0, 0
    with zipfile.ZipFile(sink, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(DATA_FILE, json.dumps(collect(user), cls=DjangoJSONEncoder, ensure_ascii=False, indent=2))
        for section in _sections.values():
            for name, field in (section.files(user) if section.files else ()):
                with field.open("rb") as source, archive.open(f"{section.name}/{name}", "w") as target:
                    shutil.copyfileobj(source, target, 64 * 1024)
                files += 1
                chunk = sink.take()
                digest.update(chunk)
                size += len(chunk)
                yield chunk
    chunk = sink.take()
    digest.update(chunk)
    size += len(chunk)
    yield chunk
    audit.record(actor=user, action="personal_data.download", obj=user, data={"bytes": size, "files": files, "sha256": digest.hexdigest()})
