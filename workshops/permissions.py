"""Who may see which workshop. Missing and forbidden answer the same: 404."""

from dataclasses import dataclass
from datetime import date

from django.db.models import QuerySet
from django.http import Http404

from courses.models import Enrolment
from courses.permissions import access_cohort
from lms import roles
from records.selectors import enrolments_in_scope, has_records_role
from workshops.models import Workshop, WorkshopSession
from workshops.report import workshops_in_scope
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


def may_change_settings(user, workshop: Workshop) -> bool:
    """What ``access_workshop_settings`` lets in, for links: the cohort's trainer or an administrator."""
    return roles.is_administrator(user) or workshop.cohort.facilitator_id == user.pk


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


@dataclass(frozen=True)
class ReportAccess:
    """The workshops a report covers, the rounds it counts, and whether its counts are exact."""

    workshops: list
    enrolments: QuerySet
    exact: bool


def _runs_all(user, workshops: list) -> bool:
    """Whether the user runs every one of these workshops (cohort trainer, listed facilitator,
    administrator); a query only for the workshops of which they are not the cohort's trainer."""
    if roles.is_administrator(user):
        return True
    rest = {w.pk for w in workshops if w.cohort.facilitator_id != user.pk}
    return not rest or set(workshops_run_by(user).filter(pk__in=rest).values_list("pk", flat=True)) == rest


def access_report(user, workshop_id) -> ReportAccess:
    """One workshop's report: those who run it (its cohort's trainer, its listed facilitators,
    administrators) read exact counts over its cohort; an officer with at least one of its
    trainees in scope reads it with small cells suppressed; anyone else 404."""
    if not user.is_authenticated or not has_records_role(user):
        raise Http404
    # An organiser reads their workshop's report even before anyone has joined it.
    organised = workshops_in_scope(user, None).filter(pk__in=workshops_run_by(user).filter(pk=workshop_id).values("pk")).first()
    if organised is not None:
        return ReportAccess(workshops=[organised], enrolments=Enrolment.objects.filter(cohort_id=organised.cohort_id), exact=True)
    enrolments = enrolments_in_scope(user)
    workshop = workshops_in_scope(user, enrolments).filter(pk=workshop_id).first()
    if workshop is None:
        raise Http404
    return ReportAccess(workshops=[workshop], enrolments=enrolments, exact=False)


def access_aggregate_report(
    user, *, workshop_ids=None, starts_from: date | None = None, starts_until: date | None = None, country_id: int | None = None
) -> ReportAccess:
    """Every workshop with trainees in the user's scope or run by the user (or those among them
    chosen, starting between two dates, in one country); exact counts only when the user runs
    every one."""
    if not user.is_authenticated or not has_records_role(user):
        raise Http404
    enrolments = enrolments_in_scope(user)
    if roles.has_role(user, roles.TRAINER) and not roles.is_administrator(user):
        # A listed facilitator's workshops count with their cohorts' rounds, as on each one's report.
        enrolments = enrolments | Enrolment.objects.filter(cohort__workshop__in=workshops_run_by(user).values("pk"))
    workshops = workshops_in_scope(user, enrolments)
    if workshop_ids:
        workshops = workshops.filter(pk__in=workshop_ids)
    if starts_from is not None:
        workshops = workshops.filter(starts_on__gte=starts_from)
    if starts_until is not None:
        workshops = workshops.filter(starts_on__lte=starts_until)
    if country_id is not None:
        workshops = workshops.filter(country_id=country_id)
    workshops = list(workshops)
    return ReportAccess(workshops=workshops, enrolments=enrolments, exact=bool(workshops) and _runs_all(user, workshops))
