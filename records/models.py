"""What the records app keeps of its own: API tokens of officers' systems, and large files made in the background."""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lms.storage import private_storage, unguessable_name


def export_keep_days() -> int:
    """How long a file made in the background is kept (``RECORDS_EXPORT_KEEP_DAYS``, 7 days)."""
    return int(getattr(settings, "RECORDS_EXPORT_KEEP_DAYS", 7))


class ApiToken(models.Model):
    """A key an officer's system uses to pull completion records from the API.

    Only a SHA-256 hash of the key is kept (the key is shown once, when made); the prefix lets
    people tell their keys apart without exposing them.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="records_api_tokens", verbose_name=_("owner")
    )
    name = models.CharField(_("name"), max_length=100, help_text=_("What uses it, e.g. 'National training registry'."))
    prefix = models.CharField(_("key starts with"), max_length=12, db_index=True, editable=False)
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")

    def __str__(self):
        return f"{self.name} ({self.prefix}…)"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None


def records_export_path(instance, filename):
    return unguessable_name(f"records-exports/{instance.created_at:%Y/%m}", f".{instance.file_format}")


class RecordsExport(models.Model):
    """A large person-level file made in the background, with its progress.

    The filters are kept as they were asked for and applied again, within the owner's scope,
    when the file is made. Files live in private storage and are served only to their owner.
    """

    class Format(models.TextChoices):
        CSV = "csv", "CSV"
        XLSX = "xlsx", "XLSX"

    class State(models.TextChoices):
        QUEUED = "queued", _("Waiting")
        RUNNING = "running", _("Being made")
        DONE = "done", _("Ready")
        FAILED = "failed", _("Failed")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="records_exports", verbose_name=_("owner")
    )
    file_format = models.CharField(_("format"), max_length=10, choices=Format.choices)
    parameters = models.JSONField(_("filters and options"), default=dict)
    state = models.CharField(_("state"), max_length=10, choices=State.choices, default=State.QUEUED)
    rows_total = models.PositiveIntegerField(_("rows to write"), null=True, blank=True)
    rows_done = models.PositiveIntegerField(_("rows written"), default=0)
    file = models.FileField(_("file"), upload_to=records_export_path, storage=private_storage, blank=True, max_length=200)
    sha256 = models.CharField(_("SHA-256"), max_length=64, blank=True)
    created_at = models.DateTimeField(_("asked for"), default=timezone.now)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    error = models.TextField(_("error"), blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("records export")
        verbose_name_plural = _("records exports")

    def __str__(self):
        return f"{self.user} {self.file_format} {self.created_at:%Y-%m-%d %H:%M}"

    def kept_until(self):
        """When the file is deleted (``RECORDS_EXPORT_KEEP_DAYS`` after it was asked for)."""
        return self.created_at + timedelta(days=export_keep_days())

    @property
    def percent(self) -> int:
        if self.state == self.State.DONE:
            return 100
        if not self.rows_total:
            return 0
        return min(99, 100 * self.rows_done // self.rows_total)
