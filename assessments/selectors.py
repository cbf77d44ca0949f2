"""Read queries for quizzes: results per trainee, what a trainee may see of an attempt."""

from collections import defaultdict
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Count, F, Q
from django.http import Http404
from django.utils import timezone

from assessments import grading
from assessments.models import Answer, Attempt, QuizPage, ReviewTiming


def finished_grades(*, enrolment, quiz_keys) -> dict:
    """Grades of finished, fully graded attempts, per quiz key, in attempt order."""
    grades = defaultdict(list)
    rows = (
        Attempt.objects.filter(enrolment=enrolment, quiz_key__in=quiz_keys, status=Attempt.Status.FINISHED, needs_grading=False)
        .order_by("number")
        .values_list("quiz_key", "grade")
    )
    for key, grade in rows:
        grades[key].append(float(grade))
    return grades


def passed_quiz_keys(*, enrolment, items) -> set:
    """Keys of the quizzes among a course's outline items (those with a pass mark; they carry
    ``grading_method`` too) that a round has passed. No query when there is none."""
    quizzes = [item for item in items if getattr(item, "pass_mark", None) is not None]
    if not quizzes:
        return set()
    grades = finished_grades(enrolment=enrolment, quiz_keys=[quiz.translation_key for quiz in quizzes])
    passed = set()
    for quiz in quizzes:
        final = grading.final_grade(quiz.grading_method, grades.get(quiz.translation_key, []))
        if final is not None and final >= float(quiz.pass_mark):
            passed.add(quiz.translation_key)
    return passed


def course_score(*, enrolment, course) -> Decimal | None:
    """Weighted mean of the required quizzes' final grades, or None without graded quizzes."""
    quizzes = list(QuizPage.objects.live().descendant_of(course).filter(is_required=True))
    if not quizzes:
        return None
    grades = finished_grades(enrolment=enrolment, quiz_keys=[quiz.translation_key for quiz in quizzes])
    total_weight = sum((quiz.weight for quiz in quizzes), Decimal("0"))
    if not total_weight:
        return None
    weighted = Decimal("0")
    for quiz in quizzes:
        final = grading.final_grade(quiz.grading_method, grades.get(quiz.translation_key, []))
        weighted += quiz.weight * Decimal(str(final or 0))
    return (weighted / total_weight).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def access_attempt(user, attempt_id) -> Attempt:
    """The user's own attempt; 404 for anyone else's or a missing one."""
    if not user.is_authenticated:
        raise Http404
    attempt = Attempt.objects.select_related("quiz", "enrolment").filter(pk=attempt_id, trainee=user).first()
    if attempt is None or attempt.quiz is None:
        raise Http404
    return attempt


def quiz_final_grade(quiz: QuizPage, trainee) -> float | None:
    grades = [
        float(grade)
        for grade in Attempt.objects.filter(
            quiz_key=quiz.translation_key, trainee=trainee, status=Attempt.Status.FINISHED, needs_grading=False
        )
        .order_by("number")
        .values_list("grade", flat=True)
    ]
    return grading.final_grade(quiz.grading_method, grades)


def review_allows(timing: str, *, quiz: QuizPage, attempt: Attempt, passed: bool, now=None) -> bool:
    """Whether a review setting (marks, feedback, right answers) lets the trainee see it now."""
    if attempt.is_open:
        return False
    now = now or timezone.now()
    if timing == ReviewTiming.IMMEDIATELY:
        return True
    if timing == ReviewTiming.AFTER_PASSING:
        return passed
    if timing == ReviewTiming.AFTER_CLOSE:
        return bool(quiz.closes_at and now >= quiz.closes_at)
    return False


def grading_news(trainee) -> dict:
    """For the dashboard: essays a person graded since the trainee last looked, and those still waiting.

    One query; the quiz titles come with it.
    """
    rows = list(
        Attempt.objects.filter(trainee=trainee, status=Attempt.Status.FINISHED)
        .filter(Q(needs_grading=True) | Q(graded_at__isnull=False, grade_seen_at__isnull=True) | Q(graded_at__gt=F("grade_seen_at")))
        .select_related("quiz")
        .order_by("-submitted_at")[:20]
    )
    return {
        "graded": [a for a in rows if not a.needs_grading],
        "waiting": [a for a in rows if a.needs_grading],
    }


def question_use(question) -> list[dict]:
    """Per quiz, the attempts shown any version of the question and those shown this one (one query)."""
    return list(
        Answer.objects.filter(question__family=question.family)
        .values("attempt__quiz_id", "attempt__quiz__title")
        .annotate(
            attempts=Count("attempt", distinct=True),
            this_version=Count("attempt", distinct=True, filter=Q(question_id=question.pk)),
        )
        .order_by("attempt__quiz__title")
    )
