"""Blended workshops: a cohort's face-to-face sessions and who attended them.

A ``Workshop`` belongs to one cohort (its trainees are the cohort's); its ``WorkshopSession`` rows
are the face-to-face parts; an ``AttendanceMark`` says whether one person was at one session, with
where the mark came from and who made it. ``AttendanceReceipt`` keeps the id a device gave each
mark it sent, so that a mark replayed after the connection returns changes nothing.
"""

import secrets
import uuid
import zoneinfo
from datetime import datetime, timedelta

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def default_time_zone() -> str:
    return settings.TIME_ZONE


def new_checkin_token() -> str:
    """An unguessable token for a session's check-in link (about 190 bits)."""
    return secrets.token_urlsafe(24)


class Workshop(models.Model):
    """The face-to-face part of a cohort: where and when it meets, who runs it, what it adds up to.

    Its trainees are the cohort's (``cohort.enrolments``, and people invited who have not answered
    yet). Face-to-face hours come from its sessions, online hours from its linked courses.
    """

    cohort = models.OneToOneField(
        "courses.Cohort", on_delete=models.CASCADE, related_name="workshop", verbose_name=_("cohort")
    )
    title = models.CharField(
        _("title"), max_length=200, help_text=_("As printed on sign-in sheets and certificates, e.g. 'National workshop on victim identification'.")
    )
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    venue = models.CharField(_("venue"), max_length=200, help_text=_("Building and city, e.g. 'Hôtel de Ville, Dakar'."))
    country = models.ForeignKey(
        "lms.Country", on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("country")
    )
    region = models.ForeignKey(
        "lms.Region", on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("region")
    )
    language = models.CharField(
        _("language"), max_length=10, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE,
        help_text=_("The language the sessions are held in."),
    )
    time_zone = models.CharField(
        _("time zone"), max_length=64, default=default_time_zone,
        help_text=_("Where the sessions take place, e.g. Africa/Dakar: session times are local times there."),
    )
    facilitators = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="facilitated_workshops", verbose_name=_("facilitators"),
        help_text=_("Trainers who take attendance with the cohort's own trainer."),
    )
    courses = models.ManyToManyField(
        "courses.CoursePage", blank=True, related_name="+", verbose_name=_("linked online courses"),
        help_text=_("Courses taken before or after the sessions; their estimated hours count as online hours."),
    )
    attendance_required_percent = models.PositiveSmallIntegerField(
        _("attendance required, in per cent of sessions"), default=80,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
        help_text=_("A trainee of this cohort completes the course only after attending at least this share of the sessions."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["-starts_on", "title"]
        verbose_name = _("workshop")
        verbose_name_plural = _("workshops")
        constraints = [
            models.CheckConstraint(condition=models.Q(ends_on__gte=models.F("starts_on")), name="workshop_ends_after_start"),
            models.CheckConstraint(condition=models.Q(attendance_required_percent__lte=100), name="workshop_attendance_percent_max"),
        ]

    def __str__(self):
        return self.title

    @property
    def zone(self) -> zoneinfo.ZoneInfo:
        try:
            return zoneinfo.ZoneInfo(self.time_zone)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            return zoneinfo.ZoneInfo(settings.TIME_ZONE)


class WorkshopSession(models.Model):
    """One face-to-face session of a workshop, e.g. a morning on the national referral mechanism."""

    workshop = models.ForeignKey(Workshop, on_delete=models.CASCADE, related_name="sessions", verbose_name=_("workshop"))
    date = models.DateField(_("date"))
    start_time = models.TimeField(_("start time"), help_text=_("Local time at the workshop, e.g. 09:00."))
    duration_minutes = models.PositiveSmallIntegerField(
        _("duration (minutes)"), validators=[MinValueValidator(1), MaxValueValidator(24 * 60)],
        help_text=_("Counted in the workshop's face-to-face hours."),
    )
    place = models.CharField(_("place"), max_length=200, blank=True, help_text=_("Room, if not the workshop's venue."))
    topic = models.CharField(_("topic"), max_length=200)
    checkin_token = models.CharField(
        _("check-in token"), max_length=64, unique=True, default=new_checkin_token, editable=False,
        help_text=_("The secret part of the session's check-in link and QR code."),
    )

    class Meta:
        ordering = ["date", "start_time", "pk"]
        verbose_name = _("workshop session")
        verbose_name_plural = _("workshop sessions")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(duration_minutes__gte=1, duration_minutes__lte=24 * 60), name="workshop_session_duration_range"
            ),
        ]

    def __str__(self):
        return f"{self.date:%Y-%m-%d} {self.start_time:%H:%M} — {self.topic}"

    @property
    def starts_at(self) -> datetime:
        """The session's start as an aware datetime (local time at the workshop)."""
        return datetime.combine(self.date, self.start_time, tzinfo=self.workshop.zone)

    @property
    def ends_at(self) -> datetime:
        return self.starts_at + timedelta(minutes=self.duration_minutes)

    @property
    def where(self) -> str:
        return self.place or self.workshop.venue


class AttendanceMark(models.Model):
    """Whether one person attended one session: the latest word on it, with its source and author.

    One row per (session, trainee); a later mark overwrites it (every change is in the audit log).
    The trainee is a member of the workshop's cohort or someone invited to it who has not answered.
    """

    class Source(models.TextChoices):
        FACILITATOR = "facilitator", _("Facilitator")
        QR = "qr", _("QR check-in")
        CSV = "csv", _("CSV import")
        WALK_IN = "walk_in", _("Walk-in")

    session = models.ForeignKey(WorkshopSession, on_delete=models.CASCADE, related_name="marks", verbose_name=_("session"))
    trainee = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="attendance_marks", verbose_name=_("trainee")
    )
    present = models.BooleanField(_("present"))
    source = models.CharField(_("source"), max_length=20, choices=Source.choices)
    made_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("made by")
    )
    made_at = models.DateTimeField(_("made"), default=timezone.now)
    client_mark_id = models.UUIDField(
        _("device mark id"), null=True, blank=True,
        help_text=_("The id the facilitator's device gave the mark that set this state, if it came from a device."),
    )

    class Meta:
        ordering = ["session", "trainee"]
        verbose_name = _("attendance mark")
        verbose_name_plural = _("attendance marks")
        constraints = [models.UniqueConstraint(fields=["session", "trainee"], name="attendance_mark_once")]

    def __str__(self):
        return f"{self.session_id}:{self.trainee_id} {'present' if self.present else 'absent'}"


class AttendanceReceipt(models.Model):
    """A mark a device sent, by the id it gave it: received once, replays are recognised.

    Kept apart from the mark because a mark is overwritten: a replay of an older tap must not
    undo a newer one.
    """

    client_mark_id = models.UUIDField(_("device mark id"), primary_key=True, default=uuid.uuid4)
    mark = models.ForeignKey(AttendanceMark, on_delete=models.CASCADE, related_name="receipts", verbose_name=_("mark"))
    present = models.BooleanField(_("present"))
    received_at = models.DateTimeField(_("received"), default=timezone.now)

    class Meta:
        verbose_name = _("attendance receipt")
        verbose_name_plural = _("attendance receipts")

    def __str__(self):
        return str(self.client_mark_id)
