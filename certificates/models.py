"""Certificate templates (snippets), issued certificates, serial counters, reminders, training records."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable, PreviewableMixin

from certificates.wording import PLACEHOLDERS, unknown_placeholders
from lms.storage import private_storage, unguessable_name

colour_validator = RegexValidator(r"^#[0-9a-fA-F]{6}$", _("Write the colour as # and six hexadecimal digits."))


class CertificateTemplate(PreviewableMixin, ClusterableModel):
    """How certificates of a course look: paper, logos, colours, signatories and wording."""

    class PaperSize(models.TextChoices):
        A4 = "A4", _("A4")
        LETTER = "letter", _("US Letter")

    class Orientation(models.TextChoices):
        LANDSCAPE = "landscape", _("Landscape")
        PORTRAIT = "portrait", _("Portrait")

    class Decoration(models.TextChoices):
        DOUBLE_BORDER = "double_border", _("Double border")
        ORNAMENT = "ornament", _("Ornamental border")
        PLAIN = "plain", _("No border")
        BACKGROUND_IMAGE = "background_image", _("Background image")

    name = models.CharField(_("name"), max_length=120, help_text=_("For you, e.g. 'Standard' or 'Donor programme 2026'."))
    is_default = models.BooleanField(
        _("default template"), default=False, help_text=_("Used by courses that do not choose a template.")
    )
    issuer_name = models.CharField(
        _("issued by"),
        max_length=160,
        default="Passage",
        help_text=_("The organisation awarding the certificate, as printed and shown on the verify page."),
    )
    paper_size = models.CharField(_("paper size"), max_length=10, choices=PaperSize.choices, default=PaperSize.A4)
    orientation = models.CharField(
        _("orientation"), max_length=10, choices=Orientation.choices, default=Orientation.LANDSCAPE
    )
    logo = models.ForeignKey(
        "wagtailimages.Image", on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("logo")
    )
    second_logo = models.ForeignKey(
        "wagtailimages.Image",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("second logo"),
        help_text=_("A partner's or donor's logo, printed on the other side."),
    )
    primary_colour = models.CharField(
        _("main colour"), max_length=7, default="#0b3c5d", validators=[colour_validator],
        help_text=_("Title and border. A dark colour reads best, e.g. #0b3c5d."),
    )
    accent_colour = models.CharField(
        _("accent colour"), max_length=7, default="#a8832f", validators=[colour_validator],
        help_text=_("Rules and ornaments, e.g. #a8832f (gold)."),
    )
    decoration = models.CharField(
        _("border or background"), max_length=20, choices=Decoration.choices, default=Decoration.DOUBLE_BORDER
    )
    background_image = models.ForeignKey(
        "wagtailimages.Image",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("background image"),
        help_text=_("Used with 'Background image': a light image the size of the page."),
    )
    version = models.PositiveIntegerField(
        _("version"), default=1, editable=False, help_text=_("Goes up at each change; certificates record it.")
    )
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("is_default"),
        FieldPanel("issuer_name"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("paper_size"), FieldPanel("orientation")]),
                FieldRowPanel([FieldPanel("primary_colour"), FieldPanel("accent_colour")]),
                FieldPanel("decoration"),
                FieldPanel("background_image"),
                FieldRowPanel([FieldPanel("logo"), FieldPanel("second_logo")]),
            ],
            heading=_("Page"),
        ),
        InlinePanel("signatories", heading=_("Signatories"), label=_("signatory"), max_num=3),
        InlinePanel(
            "wordings",
            heading=_("Wording in each language"),
            label=_("wording"),
            help_text=_("Languages without wording here use the standard wording."),
        ),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("certificate template")
        verbose_name_plural = _("certificate templates")
        constraints = [
            models.UniqueConstraint(
                fields=["is_default"], condition=models.Q(is_default=True), name="certificate_template_one_default"
            )
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        # Certificates record the version they were printed with; every saved change is a new one.
        if self.pk is not None and not kwargs.get("update_fields"):
            self.version = (type(self).objects.filter(pk=self.pk).values_list("version", flat=True).first() or 0) + 1
        super().save(*args, **kwargs)

    def wording_for(self, language: str):
        """The wording written for a language, or None (the standard wording is used)."""
        for wording in self.wordings.all():
            if wording.language == language:
                return wording
        return None

    # Admin preview: a PDF with sample data, one preview mode per language.
    @property
    def preview_modes(self):
        return list(settings.LANGUAGES)

    @property
    def default_preview_mode(self):
        return settings.LANGUAGE_CODE

    def serve_preview(self, request, mode_name):
        from certificates.views import template_preview_response

        return template_preview_response(self, language=mode_name)


class CertificateSignatory(Orderable):
    """A person who signs the certificates of a template."""

    template = ParentalKey(CertificateTemplate, on_delete=models.CASCADE, related_name="signatories")
    name = models.CharField(pgettext_lazy("a person's", "name"), max_length=120)
    title = models.CharField(
        pgettext_lazy("a person's job", "title"), max_length=160, blank=True, help_text=_("E.g. 'Chief of Mission'.")
    )
    signature = models.ForeignKey(
        "wagtailimages.Image",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("signature image"),
        help_text=_("A scan on a white or transparent background."),
    )

    panels = [FieldPanel("name"), FieldPanel("title"), FieldPanel("signature")]

    class Meta(Orderable.Meta):
        verbose_name = _("signatory")
        verbose_name_plural = _("signatories")

    def __str__(self):
        return self.name


PLACEHOLDER_LIST = ", ".join(f"{{{name}}}" for name in PLACEHOLDERS)
PLACEHOLDER_HELP = format_lazy("{} {}", _("Placeholders:"), PLACEHOLDER_LIST)


class CertificateWording(Orderable):
    """The words of a template in one language."""

    template = ParentalKey(CertificateTemplate, on_delete=models.CASCADE, related_name="wordings")
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    title = models.CharField(
        pgettext_lazy("heading", "title"),
        max_length=120,
        blank=True,
        help_text=_("E.g. 'Certificate of completion'. Empty: the standard wording."),
    )
    intro = models.CharField(_("line before the name"), max_length=200, blank=True, help_text=_("E.g. 'This is to certify that'."))
    body = models.TextField(
        _("text after the name"),
        max_length=600,
        blank=True,
        help_text=format_lazy("{} {}", PLACEHOLDER_HELP, _("Empty: the standard wording.")),
    )
    score_line = models.CharField(
        _("score line"),
        max_length=200,
        blank=True,
        help_text=_("Printed only when the course has graded quizzes, e.g. 'Final score: {score}'."),
    )

    signatory_titles = models.TextField(
        _("signatories' titles"),
        max_length=600,
        blank=True,
        help_text=_(
            "The signatories' titles in this language, one per line, in the order of the signatories "
            "(e.g. 'Responsable de la formation'). Empty: their titles as typed above."
        ),
    )

    panels = [
        FieldPanel("language"),
        FieldPanel("title"),
        FieldPanel("intro"),
        FieldPanel("body"),
        FieldPanel("score_line"),
        FieldPanel("signatory_titles"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("wording")
        verbose_name_plural = _("wordings")
        constraints = [
            models.UniqueConstraint(fields=["template", "language"], name="certificate_wording_one_per_language")
        ]

    def __str__(self):
        return f"{self.template} ({self.language})"

    @property
    def only_titles(self) -> bool:
        """A wording that gives only the signatories' titles keeps the standard words."""
        return not (self.title or self.body)

    def signatory_title(self, position: int, typed: str) -> str:
        """The title of the signatory at ``position`` (0-based) in this language."""
        titles = [line.strip() for line in self.signatory_titles.splitlines()]
        return titles[position] if position < len(titles) and titles[position] else typed

    def clean(self):
        errors = {}
        for field in ("title", "intro", "body", "score_line"):
            unknown = unknown_placeholders(getattr(self, field))
            if unknown:
                errors[field] = _("Unknown placeholder(s): %(unknown)s. %(help)s") % {
                    "unknown": ", ".join(f"{{{name}}}" for name in unknown),
                    "help": PLACEHOLDER_HELP,
                }
        if errors:
            raise ValidationError(errors)


class SerialCounter(models.Model):
    """The last serial number given in a year; its row is locked while a serial is taken."""

    year = models.PositiveSmallIntegerField(_("year"), unique=True)
    last_number = models.PositiveIntegerField(_("last number"), default=0)

    class Meta:
        verbose_name = _("serial counter")
        verbose_name_plural = _("serial counters")

    def __str__(self):
        return f"{self.year}: {self.last_number}"


def certificate_pdf_path(instance, filename):
    # Random, not the serial or the public verify code: a name must not lead to the file.
    return unguessable_name(f"certificates/{instance.issued_at:%Y}", ".pdf")


class Certificate(models.Model):
    """A certificate awarded for one round of a course, with what was printed on it.

    The printed facts are copied here, so a certificate stays checkable after the course, the
    template or the account change. ``status`` holds what happened to it; whether it has expired
    is computed when read (``current_status``), so it is never stale.
    """

    class Status(models.TextChoices):
        VALID = "valid", _("Valid")
        EXPIRED = "expired", _("Expired")  # computed, never stored (see the check constraint)
        REVOKED = "revoked", _("Revoked")
        REPLACED = "replaced", _("Replaced by a newer certificate")

    serial = models.CharField(_("serial"), max_length=24, unique=True)
    verification_code = models.CharField(_("verification code"), max_length=64, unique=True, editable=False)
    trainee = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="certificates", verbose_name=_("trainee")
    )
    enrolment = models.ForeignKey(
        "courses.Enrolment", on_delete=models.SET_NULL, null=True, blank=True, related_name="certificates", verbose_name=_("enrolment")
    )
    course = models.ForeignKey(
        "courses.CoursePage", on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("course")
    )
    course_key = models.UUIDField(_("course identity"), db_index=True)
    trainee_name = models.CharField(_("name as printed"), max_length=200)
    family_name = models.CharField(
        _("family name"), max_length=150, help_text=_("Checked, without accents or case, by the verify form.")
    )
    course_title = models.CharField(_("course title as printed"), max_length=255)
    language = models.CharField(_("language as printed"), max_length=10, choices=settings.LANGUAGES)
    completed_on = models.DateField(_("completed on"))
    hours = models.DecimalField(_("hours"), max_digits=5, decimal_places=1)
    extra_lines = models.JSONField(
        _("extra lines as printed"), null=True, blank=True, editable=False,
        help_text=_(
            "Lines printed under the body, e.g. the workshop's name, dates, place and hours, as they "
            "were when the certificate was issued. Empty for certificates issued before these were kept."
        ),
    )
    score = models.DecimalField(
        _("score (%)"), max_digits=5, decimal_places=2, null=True, blank=True, help_text=_("Only for courses with graded quizzes.")
    )
    issuer = models.CharField(_("issued by"), max_length=160)
    issued_at = models.DateTimeField(_("issued"), default=timezone.now)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("issued by (person)"),
        help_text=_("Empty when issued automatically on completion."),
    )
    template = models.ForeignKey(
        CertificateTemplate, on_delete=models.SET_NULL, null=True, blank=True, related_name="certificates", verbose_name=_("template")
    )
    template_version = models.PositiveIntegerField(_("template version"), default=1)
    expires_on = models.DateField(_("expires on"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.VALID)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("revoked by")
    )
    revocation_reason = models.TextField(_("reason for revocation"), blank=True)
    replaced_by = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="replaces", verbose_name=_("replaced by")
    )
    replaced_at = models.DateTimeField(_("replaced"), null=True, blank=True)
    pdf = models.FileField(_("PDF"), upload_to=certificate_pdf_path, storage=private_storage, blank=True, max_length=200)
    pdf_sha256 = models.CharField(_("SHA-256 of the PDF"), max_length=64, blank=True)
    pdf_signed = models.BooleanField(_("digitally signed"), default=False)
    rendered_at = models.DateTimeField(_("PDF made"), null=True, blank=True)
    render_error = models.TextField(_("last rendering error"), blank=True)
    ready_email_sent_at = models.DateTimeField(_("'ready' email sent"), null=True, blank=True)

    class Meta:
        ordering = ["-issued_at", "-id"]
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        constraints = [
            # Issuing is idempotent: a retried or duplicated task cannot award a round twice.
            models.UniqueConstraint(
                fields=["enrolment"],
                condition=models.Q(status__in=["valid", "revoked"]),
                name="certificate_one_current_per_enrolment",
            ),
            models.CheckConstraint(condition=~models.Q(status="expired"), name="certificate_expiry_is_computed"),
            models.CheckConstraint(
                condition=~models.Q(status="revoked") | models.Q(revoked_at__isnull=False),
                name="certificate_revoked_has_date",
            ),
            models.CheckConstraint(
                condition=~models.Q(status="replaced") | models.Q(replaced_at__isnull=False),
                name="certificate_replaced_has_date",
            ),
        ]
        indexes = [
            models.Index(fields=["status", "expires_on"], name="certificate_status_expiry"),
        ]

    def __str__(self):
        return f"{self.serial} — {self.trainee_name}"

    def current_status(self, today=None) -> str:
        """Valid, expired, revoked or replaced, as of today."""
        if self.status == self.Status.VALID and self.expires_on is not None:
            if self.expires_on < (today or timezone.localdate()):
                return self.Status.EXPIRED
        return self.status

    def get_current_status_display(self) -> str:
        return self.Status(self.current_status()).label

    @property
    def is_valid_today(self) -> bool:
        return self.current_status() == self.Status.VALID

    @property
    def is_expired_today(self) -> bool:
        return self.current_status() == self.Status.EXPIRED

    @property
    def is_revoked(self) -> bool:
        return self.status == self.Status.REVOKED

    @property
    def is_replaced(self) -> bool:
        return self.status == self.Status.REPLACED

    @property
    def can_be_revoked_or_reissued(self) -> bool:
        """Revoking and reissuing act on a certificate not yet revoked or replaced (an expired one too)."""
        return self.status == self.Status.VALID

    @property
    def is_ready(self) -> bool:
        return bool(self.pdf)

    @property
    def verify_path(self) -> str:
        from django.urls import reverse

        return reverse("certificates_verify:code", args=[self.verification_code])


class CertificateReminder(models.Model):
    """An expiry reminder sent for a certificate, once per reminder window."""

    certificate = models.ForeignKey(Certificate, on_delete=models.CASCADE, related_name="reminders")
    days_before = models.PositiveSmallIntegerField(_("days before expiry"))
    sent_at = models.DateTimeField(_("sent"), default=timezone.now)

    class Meta:
        verbose_name = _("expiry reminder")
        verbose_name_plural = _("expiry reminders")
        constraints = [
            models.UniqueConstraint(fields=["certificate", "days_before"], name="certificate_reminder_once_per_window")
        ]

    def __str__(self):
        return f"{self.certificate_id}: {self.days_before}"


def training_record_pdf_path(instance, filename):
    return unguessable_name(f"training-records/{instance.created_at:%Y}", ".pdf")


class TrainingRecord(models.Model):
    """A trainee's list of completed courses at one moment, printed as a PDF with its own QR code."""

    trainee = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="training_records", verbose_name=_("trainee")
    )
    verification_code = models.CharField(_("verification code"), max_length=64, unique=True, editable=False)
    trainee_name = models.CharField(_("name as printed"), max_length=200)
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    issuer = models.CharField(_("issued by"), max_length=160)
    created_at = models.DateTimeField(_("made"), default=timezone.now)
    entries = models.JSONField(_("courses"), default=list, help_text=_("What was printed, course by course."))
    pdf = models.FileField(_("PDF"), upload_to=training_record_pdf_path, storage=private_storage, blank=True, max_length=200)
    pdf_sha256 = models.CharField(_("SHA-256 of the PDF"), max_length=64, blank=True)
    rendered_at = models.DateTimeField(_("PDF made"), null=True, blank=True)
    render_error = models.TextField(_("last rendering error"), blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("training record")
        verbose_name_plural = _("training records")

    def __str__(self):
        return f"{self.trainee_name} ({self.created_at:%Y-%m-%d})"

    @property
    def is_ready(self) -> bool:
        return bool(self.pdf)
