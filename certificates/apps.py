from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CertificatesConfig(AppConfig):
    name = "certificates"
    verbose_name = _("Certificates")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from courses.signals import course_completed

        course_completed.connect(queue_certificate_on_completion, dispatch_uid="certificates.issue_on_completion")


def queue_certificate_on_completion(sender, enrolment, **kwargs):
    """A course was completed (the transaction is committed): issue its certificate off the request."""
    from certificates.tasks import issue_certificate_task

    issue_certificate_task.enqueue(enrolment_id=enrolment.pk)
