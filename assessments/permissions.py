"""Who may open which attempt, quiz report or regrade. Missing and forbidden answer the same: 404.

Each ``access_*`` helper fetches and checks at once, so a view never holds an object it may not
show. The scopes they check come from ``assessments.selectors``.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404

from assessments import results, selectors
from assessments.models import Attempt, Question, QuizPage
from courses.models import Cohort
from lms import roles


def is_trainer(user) -> bool:
    """Whether the trainer pages (grading queue, results, regrading) exist for this user at all."""
    return roles.has_role(user, roles.TRAINER)


def require_trainer(user) -> None:
    if not is_trainer(user):
        raise Http404


def check_question_bank_access(user) -> None:
    """The question bank's admin screens are for trainers (and administrators); others are refused."""
    if not is_trainer(user):
        raise PermissionDenied


def access_live_quiz(quiz_id) -> QuizPage:
    """A published quiz (anyone may see one; starting it needs an enrolment); 404 otherwise."""
    quiz = QuizPage.objects.live().filter(pk=quiz_id).first()
    if quiz is None:
        raise Http404
    return quiz


def access_quiz_preview(user, quiz_id) -> QuizPage:
    """A quiz the user may edit (published or not), to try it as a trainee; 404 otherwise."""
    if not user.is_authenticated:
        raise Http404
    quiz = QuizPage.objects.filter(pk=quiz_id).first()
    if quiz is None or not quiz.permissions_for_user(user).can_edit():
        raise Http404
    return quiz


def access_attempt(user, attempt_id) -> Attempt:
    """The user's own attempt (their previews included); 404 for anyone else's or a missing one."""
    if not user.is_authenticated:
        raise Http404
    attempt = Attempt.all_objects.select_related("quiz", "enrolment").filter(pk=attempt_id, trainee=user).first()
    if attempt is None or attempt.quiz is None:
        raise Http404
    return attempt


def access_gradable_attempt(user, attempt_id) -> Attempt:
    """A submitted attempt the user may grade; 404 for anything else."""
    attempt = (
        selectors.attempts_for_trainer(user)
        .filter(pk=attempt_id, status=Attempt.Status.FINISHED)
        .select_related("trainee", "quiz", "enrolment__cohort", "enrolment__organisation")
        .first()
    )
    if attempt is None:
        raise Http404
    return attempt


def access_quiz_results(user, quiz_id) -> QuizPage:
    """A quiz of a course the user authors or runs a cohort of (any quiz for an administrator).

    The quiz carries ``course`` and ``can_regrade`` (the user authors its course)."""
    if not is_trainer(user):
        raise Http404
    quiz = QuizPage.objects.filter(pk=quiz_id).first()
    if quiz is None:
        raise Http404
    quiz.course = selectors.course_of_quiz(quiz)
    keys = selectors.trainer_course_keys(user)
    if keys is not None and quiz.course.translation_key not in keys:
        raise Http404
    authored = selectors.authored_course_keys(user)
    quiz.can_regrade = authored is None or quiz.course.translation_key in authored
    return quiz


def access_results_cohort(user, quiz: QuizPage, cohort_id: str) -> tuple[list[Cohort], Cohort | None]:
    """The cohorts the user may filter a quiz's results by, and the one picked (``""``: none);
    404 for a cohort outside them."""
    cohorts = list(selectors.cohorts_for_results(user, quiz))
    if not cohort_id:
        return cohorts, None
    cohort = next((c for c in cohorts if str(c.pk) == cohort_id), None)
    if cohort is None:
        raise Http404
    return cohorts, cohort


def access_quiz_for_regrade(user, quiz_id) -> QuizPage:
    """A quiz whose course the user authors (any quiz for an administrator); 404 otherwise."""
    quiz = access_quiz_results(user, quiz_id)
    if not quiz.can_regrade:
        raise Http404
    return quiz


def access_quiz_question(user, quiz_id, family) -> tuple[QuizPage, Question]:
    """A question family used by a quiz the user may regrade, as its current version; else 404."""
    quiz = access_quiz_for_regrade(user, quiz_id)
    item = next((item for item in results.quiz_question_families(quiz) if item.family == str(family)), None)
    if item is None:
        raise Http404
    return quiz, item.question
