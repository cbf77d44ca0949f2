"""Who may see which workshop. Missing and forbidden answer the same: 404."""

from django.http import Http404

from courses.permissions import access_cohort
from lms import roles
from workshops.models import Workshop, WorkshopSession
from workshops.selectors import workshops_run_by


def can_run_workshops(user) -> bool:
    return user.is_authenticated and roles.has_role(user, roles.TRAINER)


def access_workshop(user, workshop_id) -> Workshop:
    """A workshop the user runs (cohort trainer, listed facilitator, administrator); otherwise 404."""
    if not can_run_workshops(user):
        raise Http404
    workshop = workshops_run_by(user).filter(pk=workshop_id).first()
    if workshop is None:
        raise Http404
    return workshop


def access_workshop_settings(user, workshop_id) -> Workshop:
    """A workshop whose settings (dates, facilitators, rule) the user may change: the cohort's trainer or an administrator."""
    workshop = access_workshop(user, workshop_id)
    access_cohort(user, workshop.cohort_id)
    return workshop


def access_session(user, workshop_id, session_id) -> WorkshopSession:
    """A session of a workshop the user runs; a session of another workshop is 404 too."""
    workshop = access_workshop(user, workshop_id)
    session = WorkshopSession.objects.filter(pk=session_id, workshop=workshop).first()
    if session is None:
        raise Http404
    session.workshop = workshop
    return session


def access_checkin(token: str) -> WorkshopSession:
    """The session a check-in link names; 404 for any other token."""
    session = (
        WorkshopSession.objects.select_related("workshop", "workshop__cohort").filter(checkin_token=token).first()
        if token
        else None
    )
    if session is None:
        raise Http404
    return session
