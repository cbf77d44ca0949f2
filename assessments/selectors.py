"""Read queries for quizzes: a trainee's attempts and results, and what a trainer may see and grade.

``attempts_for_trainer`` is the one answer to "which attempts may this trainer see"; the grading
queue, results, exports and regrade previews all start from it. Access helpers that fail with
404 live in ``assessments.permissions``; reports on a quiz in ``assessments.results``.
"""

import hashlib
import json
from collections import defaultdict
from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings
from django.db.models import Count, F, Q, QuerySet
from django.utils import timezone
from django.utils.translation import get_language
from wagtail.models import Page

from assessments import draw, grading
from assessments.models import Answer, Attempt, Question, QuestionCategory, QuizPage, ReviewTiming
from assessments.translation_models import QuestionTranslation
from assessments.translations import source_language
from assessments.types import registry
from courses.models import Cohort, CoursePage
from courses.selectors import cohorts_for_trainer, courses_authored_by
from lms import roles

# --- A trainee's results ----------------------------------------------------------------------


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


def attempts_left(quiz: QuizPage, trainee) -> int | None:
    if not quiz.max_attempts:
        return None
    used = Attempt.objects.filter(quiz_key=quiz.translation_key, trainee=trainee).count()
    return max(0, quiz.max_attempts - used)


def question_count(quiz: QuizPage) -> int:
    return quiz.slots.count() + sum(slot.count for slot in quiz.random_slots.all())


# --- Building a quiz --------------------------------------------------------------------------


def questions_for_picker(user) -> QuerySet:
    """The questions a user may put in a quiz: current versions of the bank, which trainers share
    (roles: they write, import and edit it together); none for anyone else."""
    if not roles.has_role(user, roles.TRAINER):
        return Question.objects.none()
    return Question.objects.filter(is_current=True)


def random_pool(category: QuestionCategory, *, include_subcategories: bool, exclude_families=()) -> frozenset[int]:
    """Ids of the current questions a random slot may draw, less the families already in the quiz."""
    questions = Question.objects.filter(is_current=True)
    if include_subcategories:
        questions = questions.filter(category__path__startswith=category.path)
    else:
        questions = questions.filter(category=category)
    return frozenset(questions.exclude(family__in=list(exclude_families)).values_list("pk", flat=True))


def random_draws(random_slots, *, fixed_families) -> list[draw.Draw]:
    """A quiz's random slots as the draw sees them: how many questions, out of which (one query each)."""
    return [
        draw.Draw(
            count=slot.count,
            pool=random_pool(slot.category, include_subcategories=slot.include_subcategories, exclude_families=fixed_families),
        )
        for slot in random_slots
    ]


def open_preview(quiz: QuizPage, author) -> Attempt | None:
    """The author's preview of this quiz still in progress, if any."""
    return Attempt.all_objects.filter(
        quiz_key=quiz.translation_key, trainee=author, is_preview=True, status=Attempt.Status.IN_PROGRESS
    ).first()


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
    """For the dashboard: essays a person graded that the trainee has not marked as read, and
    those still waiting. One query; the quiz titles come with it."""
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


# --- Answers as a page shows them -------------------------------------------------------------


def with_real_questions(answers) -> list[Answer]:
    """Give each answer its question as the real type, in one query per question type."""
    answers = list(answers)
    questions = {question.pk: question for question in Question.objects.filter(pk__in={a.question_id for a in answers})}
    for answer in answers:
        answer.question = questions[answer.question_id]
    return answers


def question_translations(families, language: str) -> dict:
    """The translations into ``language`` of these question families, by family (one query; none
    for the bank's own language, which has no translations)."""
    if not language or language == source_language():
        return {}
    return {t.family: t for t in QuestionTranslation.objects.filter(family__in=set(families), language=language)}


def translation_states(questions) -> dict:
    """Per family of these current versions: [(language, out of date)] in language order (one query)."""
    versions = {q.family: q.version for q in questions}
    states = defaultdict(list)
    rows = QuestionTranslation.objects.filter(family__in=list(versions)).order_by("language").values_list("family", "language", "source_version")
    for family, language, source_version in rows:
        states[family].append((language, source_version < versions[family]))
    return states


def is_answered(answer: Answer) -> bool:
    return registry.for_question(answer.question).is_answered(answer.response)


def answer_state(answer: Answer) -> str:
    """'correct', 'partial', 'incorrect' or 'pending' (waiting for a grader)."""
    if answer.fraction is None:
        return "pending"
    if answer.fraction >= 1:
        return "correct"
    return "partial" if answer.fraction > 0 else "incorrect"


def right_answer_text(question: Question) -> str:
    """The key in words, for the review page once the settings allow it."""
    question = question.get_real_instance()
    return registry.for_question(question).right_answer_text(question)


def question_use(question) -> list[dict]:
    """Per quiz, the attempts shown any version of the question and those shown this one (one query)."""
    return list(
        Answer.objects.filter(question__family=question.family, attempt__is_preview=False)
        .values("attempt__quiz_id", "attempt__quiz__title")
        .annotate(
            attempts=Count("attempt", distinct=True),
            this_version=Count("attempt", distinct=True, filter=Q(question_id=question.pk)),
        )
        .order_by("attempt__quiz__title")
    )


# --- What a trainer may see and grade ---------------------------------------------------------


def authored_course_keys(user) -> set | None:
    """Translation keys of the courses a user authors; None means every course (administrator).

    Remembered on the user object for the request, like ``roles.has_role`` does for roles.
    """
    if roles.is_administrator(user):
        return None
    cached = getattr(user, "_authored_course_keys", None)
    if cached is None:
        cached = user._authored_course_keys = set(courses_authored_by(user).values_list("translation_key", flat=True))
    return cached


def trainer_course_keys(user) -> set | None:
    """Keys of the courses a trainer authors or runs a cohort of; None means every course."""
    authored = authored_course_keys(user)
    if authored is None:
        return None
    run = cohorts_for_trainer(user).exclude(course=None).values_list("course__translation_key", flat=True)
    return authored | set(run)


def attempts_for_trainer(user) -> QuerySet:
    """The attempts a user may grade and see results of.

    Trainees in a cohort belong to its facilitator; trainees outside any cohort to the authors
    of the course; an administrator sees them all. Everyone else sees none.
    """
    if not roles.has_role(user, roles.TRAINER):
        return Attempt.objects.none()
    if roles.is_administrator(user):
        return Attempt.objects.all()
    authored = authored_course_keys(user)
    return Attempt.objects.filter(
        Q(enrolment__cohort__facilitator=user) | Q(enrolment__cohort__isnull=True, enrolment__course_key__in=authored)
    )


def waiting_counts(user) -> dict:
    """Attempts waiting for a grade per quiz key, among those the user may grade."""
    rows = (
        attempts_for_trainer(user)
        .filter(status=Attempt.Status.FINISHED, needs_grading=True)
        .values("quiz_key")
        .annotate(n=Count("pk"))
        .order_by()
    )
    return {row["quiz_key"]: row["n"] for row in rows}


def grading_queue(user, *, quiz_key=None) -> QuerySet:
    """Submitted attempts waiting for a person to grade them, oldest first."""
    attempts = attempts_for_trainer(user).filter(status=Attempt.Status.FINISHED, needs_grading=True)
    if quiz_key is not None:
        attempts = attempts.filter(quiz_key=quiz_key)
    return attempts.select_related("trainee", "quiz", "enrolment__cohort").order_by("submitted_at", "pk")


def essay_answers(attempt: Attempt) -> list[Answer]:
    """The answers of an attempt that a person grades, in question order, with their questions."""
    answers = attempt.answers.select_related("question", "graded_by").order_by("position")
    return [answer for answer in answers if registry.for_question(answer.question).is_manual]


def automatic_marks(attempt: Attempt, essays: list[Answer]) -> tuple[Decimal, Decimal] | None:
    """(marks, out of) of the answers graded automatically; None when every answer is an essay."""
    essay_ids = {answer.pk for answer in essays}
    out_of = attempt.max_marks - sum((answer.max_mark for answer in essays), Decimal(0))
    if out_of <= 0:
        return None
    return sum((a.mark or 0 for a in attempt.answers.all() if a.pk not in essay_ids), Decimal(0)), out_of


def grading_state(answers) -> str:
    """A fingerprint of the manual grades; a form made before they changed is refused."""
    state = [[answer.pk, None if answer.mark is None else str(answer.mark), answer.grader_comment] for answer in answers]
    return hashlib.sha256(json.dumps(state).encode()).hexdigest()[:24]


def course_of_quiz(quiz: Page) -> Page:
    """The course page a quiz sits in (course → module → quiz)."""
    return Page.objects.get(path=quiz.path[: -2 * Page.steplen])


def quizzes_for_trainer(user) -> list[QuizPage]:
    """Quizzes of the courses a trainer authors or runs cohorts of, one per quiz identity.

    Each quiz carries ``course`` (its course page) and ``can_regrade`` (the user authors it).
    """
    if not roles.has_role(user, roles.TRAINER):
        return []
    keys = trainer_course_keys(user)
    authored = authored_course_keys(user)
    courses = CoursePage.objects.all() if keys is None else CoursePage.objects.filter(translation_key__in=keys)
    courses = {course.path: course for course in courses.only("id", "title", "path", "depth", "translation_key", "locale_id")}
    if not courses:
        return []
    quizzes = QuizPage.objects.all()
    if keys is not None:
        prefix = Q()
        for path in courses:
            prefix |= Q(path__startswith=path)
        quizzes = quizzes.filter(prefix)
    language = get_language() or settings.LANGUAGE_CODE
    chosen: dict = {}
    for quiz in quizzes.select_related("locale").order_by("path"):
        course = courses.get(quiz.path[: -2 * Page.steplen])
        if course is None:
            continue
        quiz.course = course
        quiz.can_regrade = authored is None or course.translation_key in authored
        current = chosen.get(quiz.translation_key)
        if current is None or (quiz.locale.language_code == language and current.locale.language_code != language):
            chosen[quiz.translation_key] = quiz
    return sorted(chosen.values(), key=lambda q: (q.course.title.casefold(), q.path))


def cohorts_for_results(user, quiz: QuizPage) -> QuerySet:
    """Cohorts of the quiz's course the user may filter results by."""
    cohorts = Cohort.objects.all() if roles.is_administrator(user) else cohorts_for_trainer(user)
    return cohorts.filter(course__translation_key=quiz.course.translation_key).order_by("-starts_on", "name")


def quiz_attempts(user, quiz: QuizPage, *, cohort: Cohort | None = None) -> QuerySet:
    """Attempts at a quiz (every translation) that the user may see, optionally of one cohort."""
    attempts = attempts_for_trainer(user).filter(quiz_key=quiz.translation_key)
    if cohort is not None:
        attempts = attempts.filter(enrolment__cohort=cohort)
    return attempts
