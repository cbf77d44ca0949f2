"""Who may see which learning object. Missing and forbidden answer the same: 404."""

from django.http import Http404

from courses.models import Cohort, CoursePage, LessonPage
from courses.selectors import cohorts_for_trainer
from lms import roles


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
