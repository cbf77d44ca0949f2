"""Who may open the platform's own administration pages. Missing and forbidden answer the same: 404."""

from django.http import Http404

from lms import roles
from lms.models import ErasureRequest


def can_administer(user) -> bool:
    """Administrators (and superusers) run the second-factor reset and the erasure requests."""
    return roles.is_administrator(user)


def require_administrator(user) -> None:
    if not can_administer(user):
        raise Http404


def access_pending_erasure_request(user, request_id) -> ErasureRequest:
    """A request still waiting to be carried out, for an administrator; 404 otherwise (done already included)."""
    require_administrator(user)
    try:
        erasure = ErasureRequest.objects.filter(pk=request_id, status=ErasureRequest.Status.PENDING).first()
    except (ValueError, TypeError):
        erasure = None
    if erasure is None:
        raise Http404
    return erasure
