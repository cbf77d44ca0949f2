from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CertificatesConfig(AppConfig):
    name = "certificates"
    verbose_name = _("Certificates")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from certificates.selectors import certificates_for_dashboard
        from courses import panels
        from courses.signals import course_completed
        from lms import periodic, personal_data

        periodic.register("certificate expiry reminders", 24 * 60 * 60, _send_expiry_reminders)
        panels.register_panel(
            panels.Panel(
                name="certificates", template="certificates/includes/dashboard.html", read=certificates_for_dashboard
            )
        )
        course_completed.connect(queue_certificate_on_completion, dispatch_uid="certificates.issue_on_completion")
        personal_data.register(
            "certificates", records=_certificates_of, files=_certificate_pdfs_of, erase=_erase_certificates_of
        )


def queue_certificate_on_completion(sender, enrolment, **kwargs):
    """A course was completed (the transaction is committed): issue its certificate off the request."""
    from certificates.tasks import issue_certificate_task

    issue_certificate_task.enqueue(enrolment_id=enrolment.pk)


def _send_expiry_reminders():
    from certificates.services import send_expiry_reminders

    send_expiry_reminders()


def _certificates_of(user) -> list[dict]:
    """The person's certificates as printed, for their own data download."""
    from certificates.models import Certificate

    return list(
        Certificate.objects.filter(trainee=user)
        .order_by("issued_at", "pk")
        .values(
            "serial", "trainee_name", "course_title", "language", "completed_on", "hours", "score", "issuer",
            "issued_at", "expires_on", "status", "revoked_at", "revocation_reason", "verification_code",
        )
    )


def _certificate_pdfs_of(user):
    from certificates.models import Certificate

    for certificate in Certificate.objects.filter(trainee=user).exclude(pdf="").order_by("issued_at", "pk"):
        yield f"{certificate.serial}.pdf", certificate.pdf


def _erase_certificates_of(user, *, by):
    """Keep only what the verify page shows; or revoke (PASSAGE_ERASURE_CERTIFICATES = "revoke")."""
    from django.conf import settings
    from django.utils.translation import gettext

    from certificates import services
    from certificates.models import Certificate, TrainingRecord

    for certificate in Certificate.objects.filter(trainee=user):
        if settings.PASSAGE_ERASURE_CERTIFICATES == "revoke" and certificate.status == Certificate.Status.VALID:
            services.revoke_certificate(certificate=certificate, by=by, reason=gettext("Erased at the holder's request."))
            certificate.refresh_from_db()
        if certificate.pdf:
            certificate.pdf.delete(save=False)
        certificate.save(update_fields=["pdf"])
    for record in TrainingRecord.objects.filter(trainee=user):
        if record.pdf:
            record.pdf.delete(save=False)
        record.delete()
