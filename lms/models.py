"""Accounts, organisations, places, sectors, reporting scopes and the audit log."""

import hashlib
import json

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.core.serializers.json import DjangoJSONEncoder
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Country(models.Model):
    """A country, identified by its ISO 3166-1 alpha-2 code."""

    code = models.CharField(_("ISO code"), max_length=2, unique=True, help_text=_("Two letters, e.g. SN."))
    name = models.CharField(_("name"), max_length=100)

    class Meta:
        ordering = ["name"]
        verbose_name = _("country")
        verbose_name_plural = _("countries")

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.code = self.code.upper()
        super().save(*args, **kwargs)


class Region(models.Model):
    """A first-level administrative division of a country (region, province, state...)."""

    country = models.ForeignKey(Country, on_delete=models.CASCADE, related_name="regions", verbose_name=_("country"))
    name = models.CharField(_("name"), max_length=100)

    class Meta:
        ordering = ["country__name", "name"]
        verbose_name = _("region")
        verbose_name_plural = _("regions")
        constraints = [models.UniqueConstraint(fields=["country", "name"], name="region_unique_name_per_country")]

    def __str__(self):
        return f"{self.name} ({self.country.code})"


class Sector(models.Model):
    """The field a trainee works in, used to break down training reports."""

    slug = models.SlugField(_("code"), max_length=50, unique=True)
    name = models.CharField(_("name"), max_length=100)

    class Meta:
        ordering = ["name"]
        verbose_name = _("sector")
        verbose_name_plural = _("sectors")

    def __str__(self):
        return self.name


class Organisation(models.Model):
    """A body whose staff are trained: a border police unit, a court, an NGO, a ministry..."""

    class Kind(models.TextChoices):
        BORDER_POLICE = "border_police", _("Border and immigration police")
        POLICE = "police", _("Police")
        JUDICIARY = "judiciary", _("Court / judiciary")
        PROSECUTION = "prosecution", _("Prosecution service")
        LABOUR_INSPECTION = "labour_inspection", _("Labour inspectorate")
        MINISTRY = "ministry", _("Ministry / government")
        RECEPTION = "reception", _("Reception centre / social services")
        NGO = "ngo", _("NGO / civil society")
        INTERNATIONAL = "international", _("International organisation")
        OTHER = "other", _("Other")

    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("type"), max_length=30, choices=Kind.choices, default=Kind.OTHER)
    country = models.ForeignKey(Country, on_delete=models.PROTECT, related_name="organisations", verbose_name=_("country"))
    region = models.ForeignKey(
        Region,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="organisations",
        verbose_name=_("region"),
        help_text=_("First-level administrative division where the organisation is based."),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        constraints = [
            models.UniqueConstraint(fields=["country", "name"], name="organisation_unique_name_per_country")
        ]

    def __str__(self):
        return self.name


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        if password:
            user.set_password(password)
        else:
            user.set_unusable_password()
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra_fields)

    def get_by_natural_key(self, email):
        return self.get(email__iexact=email)


class User(AbstractBaseUser, PermissionsMixin):
    """A person who signs in: trainee, trainer, ministry officer or administrator.

    The fields are named first_name/last_name, as Django's and Wagtail's admin forms expect,
    and labelled "given name(s)" and "family name" for people.
    """

    class Gender(models.TextChoices):
        FEMALE = "female", _("Female")
        MALE = "male", _("Male")
        OTHER = "other", _("Another gender")
        UNDISCLOSED = "undisclosed", _("Prefer not to say")

    email = models.EmailField(_("email address"), max_length=254, unique=True)
    first_name = models.CharField(_("given name(s)"), max_length=150, blank=True)
    last_name = models.CharField(_("family name"), max_length=150, blank=True)
    certificate_name = models.CharField(
        _("full name as printed on certificates"),
        max_length=200,
        blank=True,
        help_text=_("Exactly as it should appear on certificates, in any script."),
    )
    preferred_language = models.CharField(
        _("preferred language"), max_length=10, choices=settings.LANGUAGES, default="en"
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.SET_NULL, null=True, blank=True, related_name="members", verbose_name=_("organisation")
    )
    sector = models.ForeignKey(
        Sector, on_delete=models.SET_NULL, null=True, blank=True, related_name="members", verbose_name=_("sector")
    )
    country = models.ForeignKey(
        Country, on_delete=models.SET_NULL, null=True, blank=True, related_name="residents", verbose_name=_("country")
    )
    gender = models.CharField(
        _("gender"),
        max_length=20,
        choices=Gender.choices,
        blank=True,
        help_text=_("Asked only when a programme needs it. Empty means not asked."),
    )
    year_of_birth = models.PositiveSmallIntegerField(
        _("year of birth"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1900), MaxValueValidator(2100)],
        help_text=_("Asked only when a programme needs it."),
    )
    is_staff = models.BooleanField(
        _("staff status"), default=False, help_text=_("Can sign in to the Django admin site.")
    )
    is_active = models.BooleanField(_("active"), default=True)
    date_joined = models.DateTimeField(_("date joined"), default=timezone.now)
    inactivity_warned_at = models.DateTimeField(
        _("warned of erasure for inactivity"), null=True, blank=True, editable=False,
        help_text=_("When the retention job last warned that this unused account will be erased."),
    )

    objects = UserManager()

    EMAIL_FIELD = "email"
    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = ["first_name", "last_name"]

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        constraints = [models.UniqueConstraint(Lower("email"), name="user_email_case_insensitive_unique")]

    def __str__(self):
        return self.get_full_name() or self.email

    def save(self, *args, **kwargs):
        self.email = self.email.strip().lower()
        super().save(*args, **kwargs)

    def get_full_name(self):
        return self.certificate_name or " ".join(p for p in (self.first_name, self.last_name) if p)

    def get_short_name(self):
        return self.first_name or self.email


class ReportingScope(models.Model):
    """What a ministry officer may report on: whole countries and/or single organisations."""

    officer = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reporting_scope", verbose_name=_("officer")
    )
    countries = models.ManyToManyField(Country, blank=True, related_name="+", verbose_name=_("countries"))
    organisations = models.ManyToManyField(
        Organisation, blank=True, related_name="+", verbose_name=_("organisations")
    )

    class Meta:
        verbose_name = _("reporting scope")
        verbose_name_plural = _("reporting scopes")

    def __str__(self):
        return str(_("Reporting scope of %(officer)s") % {"officer": self.officer})


class Invitation(models.Model):
    """An invitation email sent to a trainee; the link in it sets their password once."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="invitations", verbose_name=_("invitee")
    )
    cohort = models.ForeignKey(
        "courses.Cohort", on_delete=models.SET_NULL, null=True, blank=True, related_name="invitations", verbose_name=_("cohort")
    )
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("invited by")
    )
    token_hash = models.CharField(max_length=64, blank=True, db_index=True, editable=False)
    sent_at = models.DateTimeField(_("last sent"), default=timezone.now)
    send_count = models.PositiveIntegerField(_("times sent"), default=1)
    expires_at = models.DateTimeField(_("expires"))
    accepted_at = models.DateTimeField(_("accepted"), null=True, blank=True)

    class Meta:
        ordering = ["-sent_at"]
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        constraints = [
            models.UniqueConstraint(
                fields=["user"], condition=models.Q(accepted_at__isnull=True), name="invitation_one_pending_per_user"
            )
        ]

    def __str__(self):
        return self.user.email

    @property
    def is_expired(self):
        return self.accepted_at is None and self.expires_at <= timezone.now()


def personal_digest(actor_label: str, data: dict) -> str:
    """SHA-256 of an entry's personal part (who, details): the chain covers this digest, not the values."""
    canonical = json.dumps({"actor": actor_label, "data": data}, sort_keys=True, separators=(",", ":"), cls=DjangoJSONEncoder)
    return hashlib.sha256(canonical.encode()).hexdigest()


class AuditLogEntry(models.Model):
    """One recorded action (a download, a revocation, an import...), chained by hash.

    Each entry's hash covers its content and the previous entry's hash, so an entry changed or
    removed afterwards breaks the chain (see ``manage.py verify_audit_log``). The personal part
    (who, details) enters the hash through its digest: erasing a person blanks those fields and
    keeps the digest, so the chain still verifies; until then the digest must match the fields.
    """

    created_at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("who")
    )
    actor_label = models.CharField(_("who (as recorded)"), max_length=254, blank=True)
    action = models.CharField(_("action"), max_length=100, db_index=True)
    object_type = models.CharField(_("object type"), max_length=100, blank=True)
    object_id = models.CharField(_("object id"), max_length=64, blank=True)
    data = models.JSONField(_("details"), default=dict, blank=True, encoder=DjangoJSONEncoder)
    personal_digest = models.CharField(max_length=64, blank=True, editable=False)
    personal_erased_at = models.DateTimeField(_("personal details erased"), null=True, blank=True, editable=False)
    previous_hash = models.CharField(max_length=64, blank=True, editable=False)
    entry_hash = models.CharField(max_length=64, unique=True, editable=False)

    class Meta:
        ordering = ["-id"]
        verbose_name = _("audit log entry")
        verbose_name_plural = _("audit log")

    def __str__(self):
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.actor_label} {self.action}"

    def compute_hash(self) -> str:
        payload = {
            "created_at": self.created_at.isoformat(),
            "personal": self.personal_digest,
            "action": self.action,
            "object_type": self.object_type,
            "object_id": self.object_id,
            "previous": self.previous_hash,
        }
        canonical = json.dumps(payload, sort_keys=True, separators=(",", ":"), cls=DjangoJSONEncoder)
        return hashlib.sha256(canonical.encode()).hexdigest()


class AuditChainHead(models.Model):
    """The single row holding the latest audit hash; locking it serialises writers of the log."""

    last_hash = models.CharField(max_length=64, blank=True)

    class Meta:
        verbose_name = _("audit chain head")

    def __str__(self):
        return self.last_hash or "(empty)"


class ErasureRequest(models.Model):
    """A person's request to be erased; an administrator carries it out (lms.erasure)."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for an administrator")
        DONE = "done", _("Carried out")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="erasure_requests", verbose_name=_("person")
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    requested_at = models.DateTimeField(_("requested"), default=timezone.now)
    done_at = models.DateTimeField(_("carried out"), null=True, blank=True)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("carried out by")
    )

    class Meta:
        ordering = ["-requested_at"]
        verbose_name = _("erasure request")
        verbose_name_plural = _("erasure requests")
        constraints = [
            models.UniqueConstraint(fields=["user"], condition=models.Q(status="pending"), name="erasure_one_pending_per_user")
        ]

    def __str__(self):
        return str(_("Erasure request %(id)s") % {"id": self.pk})

    @property
    def is_pending(self) -> bool:
        return self.status == self.Status.PENDING


class StaleCacheKey(models.Model):
    """A shared-cache key whose update missed Redis during an outage (lms.cache): deleted from
    Redis once it answers, so that no older copy (a signed-out session) is served again."""

    key = models.CharField(max_length=250, unique=True)
    noted_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("stale cache key")
        verbose_name_plural = _("stale cache keys")

    def __str__(self):
        return self.key


class ContentVersion(models.Model):
    """One row whose token changes with every change to what the site's pages are built from
    (lms.content_version): what is cached under a token is never read again once it changed."""

    token = models.CharField(max_length=32)

    class Meta:
        verbose_name = _("content version")

    def __str__(self):
        return self.token
