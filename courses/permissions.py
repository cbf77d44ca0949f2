"""Who may see which learning object. Missing and forbidden answer the same: 404."""

from django.http import Http404
from wagtail.models import Page

from courses.models import Cohort, CohortInvitation, CoursePage, Enrolment, LessonPage, ModulePage
from courses.selectors import cohorts_for_trainer
from lms import roles
from lms.models import Invitation


def can_run_cohorts(user) -> bool:
    return roles.has_role(user, roles.TRAINER)


def access_cohort(user, cohort_id) -> Cohort:
    """The cohort if the user runs it (or administers the platform); otherwise 404."""
    if not user.is_authenticated or not can_run_cohorts(user):
        raise Http404
    try:
        return cohorts_for_trainer(user).get(pk=cohort_id)
    except (Cohort.DoesNotExist, ValueError):
        raise Http404 from None


def access_cohort_round(user, cohort_id, trainee_id) -> tuple[Cohort, Enrolment]:
    """A trainee's latest round in a cohort the user runs; 404 otherwise (the trainee outside it included)."""
    cohort = access_cohort(user, cohort_id)
    enrolment = Enrolment.objects.filter(cohort=cohort, trainee_id=trainee_id).order_by("-round").first()
    if enrolment is None:
        raise Http404
    return cohort, enrolment


def access_own_enrolment(user, enrolment_id) -> Enrolment:
    """One of the user's own rounds (with its course and cohort); 404 for anyone else's or a missing one."""
    enrolment = (
        Enrolment.objects.select_related("course", "cohort").filter(pk=enrolment_id, trainee_id=user.pk).first()
        if user.is_authenticated
        else None
    )
    if enrolment is None:
        raise Http404
    return enrolment


def access_live_course(course_id) -> CoursePage:
    """A published course anyone may see; 404 otherwise."""
    course = CoursePage.objects.live().public().filter(pk=course_id).first()
    if course is None:
        raise Http404
    return course


def access_live_lesson(lesson_id) -> LessonPage:
    lesson = LessonPage.objects.live().public().filter(pk=lesson_id).first()
    if lesson is None:
        raise Http404
    return lesson


def can_join_cohorts(user) -> bool:
    """Administrators and ministry officers never join a cohort as trainees (``has_role`` counts admins)."""
    return not roles.has_role(user, roles.MINISTRY_OFFICER)


def access_cohort_invitation(user, invitation_id) -> CohortInvitation:
    """An invitation addressed to the user; 404 for anyone else's or a missing one."""
    invitation = CohortInvitation.objects.select_related("cohort__course").filter(pk=invitation_id, invitee_id=user.pk).first()
    if invitation is None:
        raise Http404
    return invitation


def access_cohort_invitation_as_trainer(user, invitation_id) -> CohortInvitation:
    """An invitation to a cohort the user runs; 404 otherwise."""
    invitation = CohortInvitation.objects.filter(pk=invitation_id).first()
    if invitation is None:
        raise Http404
    access_cohort(user, invitation.cohort_id)
    return invitation


def access_account_invitation_as_trainer(user, invitation_id) -> Invitation:
    """A new account's one-time invitation sent for a cohort the user runs; 404 otherwise."""
    invitation = Invitation.objects.select_related("cohort", "user").filter(pk=invitation_id).first()
    if invitation is None or invitation.cohort_id is None:
        raise Http404
    invitation.cohort = access_cohort(user, invitation.cohort_id)
    return invitation


def access_submittable_page(user, page_id):
    """A module or course the user may edit, to submit it with its pages; 404 otherwise."""
    page = Page.objects.filter(pk=page_id).first() if user.is_authenticated else None
    if page is None or not issubclass(page.specific_class or Page, (CoursePage, ModulePage)):
        raise Http404
    if not page.permissions_for_user(user).can_edit():
        raise Http404
    return page.specific
