"""Actions on completion records: auditing what leaves the platform, and API tokens."""

import hashlib
import secrets
import tempfile
from datetime import timedelta

from django.conf import settings
from django.core.files import File
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from lms import audit
from lms.notify import notify
from records import exports, selectors, tasks
from records.forms import ExportOptionsForm, RecordFilterForm
from records.models import ApiToken, RecordsExport, export_keep_days

TOKEN_PREFIX = "psg_"  # noqa: S105 -- a public marker at the start of keys, not a secret
LAST_USED_PRECISION = timedelta(minutes=1)


# --- Audit ---------------------------------------------------------------------------------------


def record_export(
    *, user, file_format: str, filters: dict, rows: int, sha256: str, identity: str, complete: bool = True,
    extra: dict | None = None,
) -> None:
    """Write a download of completion records to the audit log: who, what, how many, which bytes.

    Called at the end of the stream, once the file's hash is known; an interrupted download is
    recorded too, marked incomplete.
    """
    audit.record(
        actor=user,
        action="records.exported",
        data={
            "format": file_format,
            "filters": filters,
            "rows": rows,
            "sha256": sha256,
            "identity": identity,
            "complete": complete,
            **(extra or {}),
        },
    )


def record_api_read(*, user, token: ApiToken, endpoint: str, filters: dict, rows: int, identity: str) -> None:
    """Write an API read of records to the audit log (person-level data leaves by API too)."""
    audit.record(
        actor=user,
        action="records.api_read",
        obj=token,
        data={"endpoint": endpoint, "filters": filters, "rows": rows, "identity": identity},
    )


# --- API tokens ----------------------------------------------------------------------------------


def hash_key(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


@transaction.atomic
def create_api_token(*, user, name: str) -> tuple[ApiToken, str]:
    """Make a token; returns it with its key, which is not stored and cannot be shown again."""
    key = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(user=user, name=name.strip(), prefix=key[:12], key_hash=hash_key(key))
    audit.record(actor=user, action="records.api_token_created", obj=token, data={"name": token.name, "prefix": token.prefix})
    return token, key


@transaction.atomic
def revoke_api_token(*, token: ApiToken, by) -> ApiToken:
    """Stop a token from working, at once and for good (idempotent)."""
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
        audit.record(actor=by, action="records.api_token_revoked", obj=token, data={"prefix": token.prefix})
    return token


def authenticate_key(key: str) -> ApiToken | None:
    """The active token with this key, or None; notes its use at most once a minute."""
    if not key or not key.startswith(TOKEN_PREFIX):
        return None
    token = (
        ApiToken.objects.select_related("user")
        .filter(key_hash=hash_key(key), revoked_at__isnull=True, user__is_active=True)
        .first()
    )
    if token is None:
        return None
    now = timezone.now()
    if token.last_used_at is None or now - token.last_used_at > LAST_USED_PRECISION:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now
    return token


# --- Large files in the background ---------------------------------------------------------------

PROGRESS_EVERY = 5000


def request_records_export(
    *, user, file_format: str, filters: dict, identity: str, bom: bool, language: str | None = None
):
    """Queue a person-level file to be made in the background; returns the export row.

    The filters are the cleaned ones (ids and ISO dates); they are validated again, within the
    user's scope at that time, when the file is made. The file speaks ``language`` (the page's
    it was asked from), else the user's own.
    """
    with transaction.atomic():
        export = RecordsExport.objects.create(
            user=user,
            file_format=file_format,
            parameters={"filters": filters, "identity": identity, "bom": bom, "language": language},
        )
        transaction.on_commit(lambda: tasks.build_records_export_task.enqueue(export_id=export.pk))
    return export


def _with_progress(rows, export):
    """Pass rows through, writing the count to the export every ``PROGRESS_EVERY`` rows."""
    done = 0
    for row in rows:
        yield row
        done += 1
        if done % PROGRESS_EVERY == 0:
            RecordsExport.objects.filter(pk=export.pk).update(rows_done=done)


def build_records_export(*, export) -> str:
    """Make the file of a queued export, store it privately, audit it; returns its SHA-256."""
    user, parameters = export.user, export.parameters
    scoped = selectors.enrolments_in_scope(user)
    form = RecordFilterForm(parameters.get("filters") or {}, scoped=scoped)
    if not form.is_valid():
        _fail(export, _("The filters are no longer valid for your scope."))
        return ""
    enrolments = form.filter(scoped)
    with_names = parameters.get("identity") == ExportOptionsForm.NAME
    export.state, export.rows_total = RecordsExport.State.RUNNING, enrolments.count()
    export.save(update_fields=["state", "rows_total"])
    row_format = exports.row_format_for(user, with_names=with_names, language=parameters.get("language"))
    rows = _with_progress(exports.file_rows(enrolments, row_format), export)
    if export.file_format == RecordsExport.Format.CSV:
        chunks = exports.csv_file(rows, row_format, bom=bool(parameters.get("bom")))
    else:
        chunks = exports.xlsx_file(rows, row_format)
    try:
        with tempfile.TemporaryFile() as handle:
            sha256, count = exports.write_file(chunks, handle)
            handle.seek(0)
            export.file.save(f"records.{export.file_format}", File(handle), save=False)
    except Exception as error:
        _fail(export, str(error)[:500])
        raise
    export.sha256, export.rows_done = sha256, count
    export.state, export.finished_at = RecordsExport.State.DONE, timezone.now()
    export.save(update_fields=["file", "sha256", "rows_done", "state", "finished_at"])
    record_export(
        user=user, file_format=export.file_format, filters=form.as_record(), rows=count, sha256=sha256,
        identity=parameters.get("identity") or ExportOptionsForm.PSEUDONYM, extra={"background_export": export.pk},
    )
    _notify_ready(export)
    return sha256


def _notify_ready(export) -> None:
    """Tell the owner, in their language, that the file can be downloaded (and until when)."""

    def compose():
        url = f"{settings.PUBLIC_BASE_URL}{reverse('records:exports')}"
        context = {"user": export.user, "export": export, "url": url, "keep_until": export.kept_until()}
        return _("Your completion records file is ready"), render_to_string("records/email/export_ready.txt", context)

    notify(export.user, compose)


def delete_expired_exports(*, now=None) -> int:
    """Delete background files older than the keeping period, file and row; returns how many.

    Person-level files are personal data: they stay only as long as needed to download them.
    The audit log keeps what was made and downloaded.
    """
    limit = (now or timezone.now()) - timedelta(days=export_keep_days())
    expired = RecordsExport.objects.filter(created_at__lt=limit)
    count = 0
    for export in expired:
        if export.file:
            export.file.delete(save=False)
        export.delete()
        count += 1
    return count


def _fail(export, message: str) -> None:
    export.state, export.error, export.finished_at = RecordsExport.State.FAILED, message, timezone.now()
    export.save(update_fields=["state", "error", "finished_at"])


def record_export_download(*, user, export) -> None:
    """A finished background file was downloaded: it leaves the platform again, so log it."""
    audit.record(
        actor=user, action="records.export_downloaded", obj=export,
        data={"format": export.file_format, "rows": export.rows_done, "sha256": export.sha256},
    )
