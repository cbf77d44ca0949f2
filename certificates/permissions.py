"""Who may see, download, issue and act on which certificate. Missing and forbidden both answer 404."""

from django.http import Http404

from certificates import selectors
from certificates.models import Certificate, CertificateTemplate, TrainingRecord
from courses.models import Cohort, Enrolment
from courses.permissions import access_cohort
from lms import roles


def can_manage(user, certificate: Certificate) -> bool:
    """Whether a user may revoke or reissue: the cohort's trainer, or an administrator."""
    if not user.is_authenticated:
        return False
    if roles.is_administrator(user):
        return True
    cohort = certificate.enrolment.cohort if certificate.enrolment_id else None
    return bool(cohort and cohort.facilitator_id == user.pk and roles.has_role(user, roles.TRAINER))


def can_bulk_download(user) -> bool:
    """Trainers and ministry officers (and administrators) download sets of certificates."""
    return roles.has_role(user, roles.TRAINER) or roles.has_role(user, roles.MINISTRY_OFFICER)


def access_certificate(user, certificate_id) -> Certificate:
    """A certificate the user may see (own, their cohorts', their scope's); 404 otherwise."""
    try:
        return selectors.certificates_visible_to(user).get(pk=certificate_id)
    except (Certificate.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def access_certificate_to_manage(user, certificate_id) -> Certificate:
    """A certificate the user may revoke or reissue (the cohort's trainer, an administrator); else 404."""
    certificate = access_certificate(user, certificate_id)
    if not can_manage(user, certificate):
        raise Http404
    return certificate


def access_cohort_certificates(user, cohort_id) -> Cohort:
    """A cohort whose certificates the user handles: the one they run (any, for an administrator)."""
    return access_cohort(user, cohort_id)


def access_enrolment_to_issue(user, cohort_id, enrolment_id) -> tuple[Cohort, Enrolment]:
    """A round of a cohort the user runs, for a certificate issued by hand; 404 otherwise."""
    cohort = access_cohort(user, cohort_id)
    enrolment = Enrolment.objects.select_related("trainee", "course").filter(pk=enrolment_id, cohort=cohort).first()
    if enrolment is None:
        raise Http404
    return cohort, enrolment


def access_training_record(user, record_id) -> TrainingRecord:
    """The user's own training record; 404 otherwise."""
    if not user.is_authenticated:
        raise Http404
    try:
        return TrainingRecord.objects.get(pk=record_id, trainee=user)
    except (TrainingRecord.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def require_bulk_download(user) -> None:
    """Only trainers and ministry officers (and administrators) download sets of certificates."""
    if not user.is_authenticated or not can_bulk_download(user):
        raise Http404


def access_template_preview(user, template_id) -> CertificateTemplate:
    """A certificate template the user may edit, for its PDF preview in the admin; 404 otherwise."""
    if not user.has_perm("certificates.change_certificatetemplate"):
        raise Http404
    template = CertificateTemplate.objects.filter(pk=template_id).first()
    if template is None:
        raise Http404
    return template
