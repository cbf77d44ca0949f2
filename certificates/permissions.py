"""Who may see, download and act on which certificate. Missing and forbidden both answer 404."""

from django.http import Http404

from certificates import selectors
from certificates.models import Certificate, TrainingRecord


def access_certificate(user, certificate_id) -> Certificate:
    """A certificate the user may see (own, their cohorts', their scope's); 404 otherwise."""
    try:
        return selectors.certificates_visible_to(user).get(pk=certificate_id)
    except (Certificate.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def access_certificate_to_manage(user, certificate_id) -> Certificate:
    """A certificate the user may revoke or reissue (the cohort's trainer, an administrator); else 404."""
    certificate = access_certificate(user, certificate_id)
    if not selectors.can_manage(user, certificate):
        raise Http404
    return certificate


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
    if not user.is_authenticated or not selectors.can_bulk_download(user):
        raise Http404
