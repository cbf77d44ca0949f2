"""Background work: issue certificates on completion, make PDFs, make training records.

Each task takes ids (JSON arguments), loads fresh rows and calls a service, so a retried or
duplicated task finds the work done and does nothing twice.
"""

from django_tasks import task

from certificates import selectors, services
from certificates.models import Certificate, TrainingRecord


@task()
def issue_certificate_task(*, enrolment_id: int) -> str | None:
    """Award the certificate of a completed round (queued when the completion is committed)."""
    from courses.models import Enrolment

    enrolment = Enrolment.objects.select_related("trainee", "course").filter(pk=enrolment_id).first()
    if enrolment is None:
        return None
    certificate = selectors.current_certificate(enrolment)
    if certificate is not None:
        # Run again (a retry, a double delivery, or its worker died): the certificate stands,
        # but a worker that died before queueing its PDF leaves it without one; make it here
        # (rendering is idempotent: a render task that comes later finds it made).
        if not certificate.pdf:
            services.render_certificate_pdf(certificate=certificate)
        return certificate.serial
    return services.issue_certificate(enrolment=enrolment).serial


@task()
def render_certificate_task(*, certificate_id: int) -> str | None:
    """Make and store a certificate's PDF, then email the trainee."""
    certificate = Certificate.objects.select_related("template", "trainee").filter(pk=certificate_id).first()
    if certificate is None:
        return None
    return services.render_certificate_pdf(certificate=certificate).pdf_sha256


@task()
def render_training_record_task(*, record_id: int) -> str | None:
    """Make and store a training record's PDF."""
    record = TrainingRecord.objects.filter(pk=record_id).first()
    if record is None:
        return None
    return services.render_training_record_pdf(record=record).pdf_sha256
