"""Certificate actions: issue, make the PDF, revoke, reissue, remind, and training records.

Each action checks its preconditions, runs in a transaction, saves with ``update_fields`` and
queues its work (PDFs, emails) for after the commit. Only these functions change a
certificate's status.
"""

import hashlib
import logging
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import partial

from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from certificates import conf, extras, selectors
from certificates.models import (
    Certificate,
    CertificateReminder,
    CertificateTemplate,
    SerialCounter,
    TrainingRecord,
)
from certificates.rendering import documents
from certificates.serials import family_name_of, format_serial, new_verification_code
from lms import audit
from lms.formatting import format_date
from lms.i18n import LANGUAGE_CODES, language_of
from lms.notify import notify
from lms.pdf import pool, signing

logger = logging.getLogger("passage.certificates")


class CertificateError(Exception):
    """A certificate action that cannot be done; the message is shown to the user."""


class AlreadyIssued(CertificateError):
    def __init__(self, enrolment):
        super().__init__(_("%(name)s already has a certificate for this round.") % {"name": enrolment.trainee})


class NotCompleted(CertificateError):
    def __init__(self):
        super().__init__(gettext_lazy("This round of the course is not completed: no certificate can be issued yet."))


class AlreadyRevoked(CertificateError):
    def __init__(self):
        super().__init__(gettext_lazy("This certificate is already revoked."))


class AlreadyReplaced(CertificateError):
    def __init__(self):
        super().__init__(gettext_lazy("This certificate was replaced by a newer one: act on the newer one."))


class RevokedCannotBeReissued(CertificateError):
    def __init__(self):
        super().__init__(
            gettext_lazy("A revoked certificate cannot be reissued. The trainee can take the course again as a new round.")
        )


class ReasonRequired(CertificateError):
    def __init__(self):
        super().__init__(gettext_lazy("Give a reason: it is kept in the audit log."))


# --- Issuing -----------------------------------------------------------------------------------------


def _next_serial(year: int) -> str:
    """Take the next serial of a year; the caller's transaction holds the counter row until commit."""
    SerialCounter.objects.get_or_create(year=year)
    counter = SerialCounter.objects.select_for_update().get(year=year)
    counter.last_number += 1
    counter.save(update_fields=["last_number"])
    return format_serial(conf.serial_prefix(), year, counter.last_number)


def _add_months(day: date, months: int) -> date:
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    for candidate in (day.day, 30, 29, 28):
        try:
            return day.replace(year=year, month=month, day=candidate)
        except ValueError:
            continue
    raise ValueError(day)


def check_can_issue(enrolment) -> None:
    """The check step of issuing by hand: a round holds one current certificate (AlreadyIssued)."""
    if selectors.current_certificate(enrolment) is not None:
        raise AlreadyIssued(enrolment)


def issue_certificate(
    *, enrolment, issued_by=None, completed_on: date | None = None, language: str | None = None
) -> Certificate:
    """Award the certificate of a round of a course; returns the existing one if it was awarded already.

    Precondition: the round is completed, unless a trainer issues it by hand (``issued_by``),
    e.g. after a face-to-face workshop. Idempotent: a database constraint allows one current
    certificate per round, so a retried or duplicated task never makes a second.
    """
    existing = selectors.current_certificate(enrolment)
    if existing is not None:
        return existing
    if issued_by is None and not enrolment.is_completed:
        raise NotCompleted()
    trainee = enrolment.trainee
    course = enrolment.course
    policy = selectors.course_policy(course)
    language = language if language in LANGUAGE_CODES else language_of(trainee)
    completed_on = completed_on or (
        timezone.localtime(enrolment.completed_at).date() if enrolment.completed_at else timezone.localdate()
    )
    printed_name = trainee.get_full_name() or trainee.email.split("@")[0]
    now = timezone.now()
    try:
        with transaction.atomic():
            certificate = Certificate.objects.create(
                serial=_next_serial(now.year),
                verification_code=new_verification_code(),
                trainee=trainee,
                enrolment=enrolment,
                course=course,
                course_key=enrolment.course_key,
                trainee_name=printed_name,
                family_name=family_name_of(last_name=trainee.last_name, printed_name=printed_name),
                course_title=selectors.course_title_in(course, language) or enrolment.course_title,
                language=language,
                completed_on=completed_on,
                hours=_hours_of(enrolment, course),
                extra_lines=_extra_lines_of(enrolment, language),
                score=selectors.score_of(enrolment),
                issuer=policy.template.issuer_name,
                issued_at=now,
                issued_by=issued_by,
                template=policy.template,
                template_version=policy.template.version,
                expires_on=_add_months(completed_on, policy.validity_months) if policy.validity_months else None,
            )
            audit.record(
                actor=issued_by,
                action="certificate.issued",
                obj=certificate,
                data={"serial": certificate.serial, "enrolment": enrolment.pk, "manual": issued_by is not None},
            )
    except IntegrityError:
        # Another task or click issued it between our check and our insert: that one stands.
        existing = selectors.current_certificate(enrolment)
        if existing is None:
            raise
        return existing
    transaction.on_commit(lambda: _queue_render(certificate.pk))
    return certificate


def _queue_render(certificate_id: int) -> None:
    from certificates.tasks import render_certificate_task

    render_certificate_task.enqueue(certificate_id=certificate_id)


def _extra_lines_of(enrolment, language: str) -> list[str]:
    """The lines higher apps print under the body (``certificates.extras``), in the
    certificate's language, frozen at issue: renaming the workshop later changes no certificate."""
    with translation.override(language):
        return list(extras.lines_for(Certificate(enrolment=enrolment, language=language)))


def _hours_of(enrolment, course) -> Decimal:
    """The hours a certificate states: a registered provider's (e.g. a workshop's), else the course's estimate."""
    hours = extras.hours_for(enrolment)
    if hours is not None:
        return hours
    return course.estimated_hours if course is not None else Decimal(0)


# --- Making the PDF -------------------------------------------------------------------------------------


def render_certificate_pdf(*, certificate: Certificate) -> Certificate:
    """Make, sign and store a certificate's PDF; does nothing if it exists already.

    Precondition: none (a replaced or revoked certificate still gets its PDF, for the record).
    Raises ``pool.RenderError`` (recorded on the certificate) when the PDF cannot be made.
    """
    if certificate.pdf:
        return certificate
    template = certificate.template or selectors.default_template()
    try:
        document = documents.certificate_document(template, documents.facts_of(certificate))
        rendered = pool.render(document.html, document.assets)
    except pool.RenderError as error:
        Certificate.objects.filter(pk=certificate.pk).update(render_error=str(error))
        logger.error("certificate %s: %s", certificate.serial, error)
        raise
    pdf, signed = signing.sign_if_configured(
        rendered.pdf, reason=_("Certificate %(serial)s") % {"serial": certificate.serial}
    )
    with transaction.atomic():
        locked = Certificate.objects.select_for_update().get(pk=certificate.pk)
        if locked.pdf:  # a duplicate task got there first
            return locked
        locked.pdf.save("certificate.pdf", ContentFile(pdf), save=False)
        locked.pdf_sha256 = hashlib.sha256(pdf).hexdigest()
        locked.pdf_signed = signed
        locked.rendered_at = timezone.now()
        locked.render_error = ""
        locked.save(update_fields=["pdf", "pdf_sha256", "pdf_signed", "rendered_at", "render_error"])
        transaction.on_commit(lambda: notify_certificate_ready(certificate=locked))
    return locked


def notify_certificate_ready(*, certificate: Certificate) -> bool:
    """Email the trainee that their certificate can be downloaded (once per certificate)."""
    trainee = certificate.trainee
    if trainee is None or not trainee.email:
        return False
    with transaction.atomic():
        claimed = Certificate.objects.filter(pk=certificate.pk, ready_email_sent_at__isnull=True).update(
            ready_email_sent_at=timezone.now()
        )
        if not claimed:
            return False
        notify(
            trainee,
            lambda: (
                _("Your certificate for “%(course)s” is ready") % {"course": certificate.course_title},
                render_to_string(
                    "certificates/email/certificate_ready.txt",
                    {"certificate": certificate, "trainee": trainee, "dashboard_url": _public_url(reverse("dashboard"))},
                ),
            ),
        )
    return True


def _public_url(path: str) -> str:
    return f"{conf.public_base_url()}{path}"


# --- Revoking and reissuing -----------------------------------------------------------------------------


@transaction.atomic
def revoke_certificate(*, certificate: Certificate, by, reason: str) -> Certificate:
    """Withdraw a certificate: the verify page says "revoked" from now on.

    Precondition: the certificate is valid or expired, and a reason is given.
    """
    reason = (reason or "").strip()
    if not reason:
        raise ReasonRequired()
    certificate = Certificate.objects.select_for_update().get(pk=certificate.pk)
    if certificate.status == Certificate.Status.REVOKED:
        raise AlreadyRevoked()
    if certificate.status == Certificate.Status.REPLACED:
        raise AlreadyReplaced()
    certificate.status = Certificate.Status.REVOKED
    certificate.revoked_at = timezone.now()
    certificate.revoked_by = by
    certificate.revocation_reason = reason
    certificate.save(update_fields=["status", "revoked_at", "revoked_by", "revocation_reason"])
    audit.record(actor=by, action="certificate.revoked", obj=certificate, data={"serial": certificate.serial, "reason": reason})
    return certificate


@transaction.atomic
def reissue_certificate(
    *, certificate: Certificate, by, reason: str, trainee_name: str | None = None, family_name: str | None = None,
    language: str | None = None,
) -> Certificate:
    """Replace a certificate by a corrected one (new serial and code); the old one points to it.

    Precondition: the certificate is valid or expired, and a reason is given. The new one keeps
    the completion date and expiry, and uses the course's current template.
    """
    reason = (reason or "").strip()
    if not reason:
        raise ReasonRequired()
    old = Certificate.objects.select_for_update().get(pk=certificate.pk)
    if old.status == Certificate.Status.REPLACED:
        raise AlreadyReplaced()
    if old.status == Certificate.Status.REVOKED:
        raise RevokedCannotBeReissued()
    now = timezone.now()
    # Free the "one current certificate per round" slot before taking it again.
    old.status = Certificate.Status.REPLACED
    old.replaced_at = now
    old.save(update_fields=["status", "replaced_at"])
    policy = selectors.course_policy(old.course)
    language = language if language in LANGUAGE_CODES else old.language
    trainee_name = (trainee_name or "").strip() or old.trainee_name
    new = Certificate.objects.create(
        serial=_next_serial(now.year),
        verification_code=new_verification_code(),
        trainee=old.trainee,
        enrolment=old.enrolment,
        course=old.course,
        course_key=old.course_key,
        trainee_name=trainee_name,
        family_name=(family_name or "").strip() or old.family_name,
        course_title=(selectors.course_title_in(old.course, language) if language != old.language else None) or old.course_title,
        language=language,
        completed_on=old.completed_on,
        hours=old.hours,
        # A correction keeps what was printed; only a new language words the lines again.
        extra_lines=old.extra_lines if language == old.language and old.extra_lines is not None
        else _extra_lines_of(old.enrolment, language),
        score=old.score,
        issuer=policy.template.issuer_name,
        issued_at=now,
        issued_by=by,
        template=policy.template,
        template_version=policy.template.version,
        expires_on=old.expires_on,
    )
    old.replaced_by = new
    old.save(update_fields=["replaced_by"])
    audit.record(
        actor=by,
        action="certificate.reissued",
        obj=new,
        data={"serial": new.serial, "replaces": old.serial, "reason": reason, "name_changed": trainee_name != old.trainee_name},
    )
    transaction.on_commit(lambda: _queue_render(new.pk))
    return new


# --- Expiry reminders ---------------------------------------------------------------------------------------


@dataclass
class ReminderRun:
    sent: int = 0
    skipped: int = 0


def _expiry_reminder(certificate: Certificate, days_left: int) -> tuple[str, str]:
    """Subject and body of an expiry reminder, in the language active when called."""
    subject = _("Your certificate for “%(course)s” expires on %(date)s") % {
        "course": certificate.course_title,
        "date": format_date(certificate.expires_on),
    }
    course_url = _public_url(certificate.course.url) if certificate.course and certificate.course.url else ""
    body = render_to_string(
        "certificates/email/expiry_reminder.txt",
        {
            "certificate": certificate,
            "trainee": certificate.trainee,
            "days_left": days_left,
            "course_url": course_url,
            "dashboard_url": _public_url(reverse("dashboard")),
        },
    )
    return subject, body


def send_expiry_reminders(*, today: date | None = None) -> ReminderRun:
    """Email trainees whose certificates expire soon, once per certificate and reminder window.

    Idempotent: a reminder row per (certificate, window) is a database constraint, so running the
    job twice a day, or after a missed day, sends nothing twice. A certificate already followed
    by a newer one for the same course (the trainee recertified) gets no reminder.
    """

    today = today or timezone.localdate()
    run = ReminderRun()
    windows = conf.reminder_days()
    if not windows:
        return run
    for certificate in selectors.certificates_expiring(today=today, within_days=max(windows)):
        days_left = (certificate.expires_on - today).days
        # The narrowest window the certificate is in: 20 days left with windows 60 and 14 → 60.
        window = min(days for days in windows if days_left <= days)
        if selectors.recertified(certificate):
            run.skipped += 1
            continue
        try:
            with transaction.atomic():
                CertificateReminder.objects.create(certificate=certificate, days_before=window)
                notify(certificate.trainee, partial(_expiry_reminder, certificate, days_left))
        except IntegrityError:
            run.skipped += 1  # this window's reminder went out already
            continue
        run.sent += 1
    return run


# --- Training records -------------------------------------------------------------------------------------


def request_training_record(*, trainee, language: str | None = None) -> TrainingRecord:
    """Snapshot the trainee's completed courses and queue the PDF listing them.

    Precondition: the trainee has completed at least one course.
    """
    entries = selectors.training_record_entries(trainee)
    if not entries:
        raise CertificateError(_("Complete a course first: the training record lists completed courses."))
    with transaction.atomic():
        record = TrainingRecord.objects.create(
            trainee=trainee,
            verification_code=new_verification_code(),
            trainee_name=trainee.get_full_name() or trainee.email,
            language=language if language in LANGUAGE_CODES else language_of(trainee),
            issuer=selectors.default_template().issuer_name,
            entries=entries,
        )
        transaction.on_commit(lambda: _queue_record(record.pk))
    return record


def _queue_record(record_id: int) -> None:
    from certificates.tasks import render_training_record_task

    render_training_record_task.enqueue(record_id=record_id)


def render_training_record_pdf(*, record: TrainingRecord) -> TrainingRecord:
    """Make and store a training record's PDF (signed when a key is configured); idempotent."""
    if record.pdf:
        return record
    try:
        document = documents.training_record_document(record)
        rendered = pool.render(document.html, document.assets)
    except pool.RenderError as error:
        TrainingRecord.objects.filter(pk=record.pk).update(render_error=str(error))
        raise
    pdf, _signed = signing.sign_if_configured(rendered.pdf, reason=_("Training record"))
    with transaction.atomic():
        locked = TrainingRecord.objects.select_for_update().get(pk=record.pk)
        if locked.pdf:
            return locked
        locked.pdf.save("record.pdf", ContentFile(pdf), save=False)
        locked.pdf_sha256 = hashlib.sha256(pdf).hexdigest()
        locked.rendered_at = timezone.now()
        locked.render_error = ""
        locked.save(update_fields=["pdf", "pdf_sha256", "rendered_at", "render_error"])
    return locked


# --- Downloads ------------------------------------------------------------------------------------------


def record_download(*, user, certificate: Certificate) -> None:
    """Write a certificate download to the audit log (personal data leaves the platform)."""
    audit.record(actor=user, action="certificate.downloaded", obj=certificate, data={"serial": certificate.serial})


def record_bulk_download(*, user, count: int, description: dict) -> None:
    audit.record(actor=user, action="certificate.bulk_downloaded", data={"count": count, **description})


def preview_pdf(*, template: CertificateTemplate, language: str) -> bytes:
    """The admin preview: a certificate with sample data, rendered now under the usual limits."""
    document = documents.certificate_document(template, documents.sample_facts(template, language))
    return pool.render(document.html, document.assets).pdf
