"""The trainer side of quizzes: which attempts a trainer may see, manual grades, regrading.

Reads first (the one scope selector ``attempts_for_trainer`` and the access helpers that fail
with 404 for "missing" and "forbidden" alike), then the actions: ``grade_essays`` (a person
grades essay answers) and ``regrade_family`` (after a trainer corrected a question's key).
The reads live here rather than in ``selectors.py`` only because that module was being
changed by others when this one was written; they are meant to move there.
"""

import hashlib
import json
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from itertools import islice
from urllib.parse import quote

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Count, Min, Q, QuerySet
from django.http import Http404
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from wagtail.models import Page

from assessments import analysis, services
from assessments.models import Answer, Attempt, Question, QuizPage
from assessments.types import registry
from courses.models import Cohort, CoursePage
from courses.selectors import cohorts_for_trainer, courses_authored_by
from lms import audit, roles
from lms.roles import is_administrator

REGRADE_CHUNK = 200


class GradingError(Exception):
    """A grading action that cannot be done; the message is shown to the trainer."""


class GradeConflict(GradingError):
    def __init__(self):
        super().__init__(
            gettext_lazy(
                "These answers were graded since you opened this page (by someone else, or by a second click). "
                "Nothing was changed: here are the grades as they are now."
            )
        )


class InvalidMark(GradingError):
    def __init__(self):
        super().__init__(gettext_lazy("A mark must be a number from 0 to the question's mark. Nothing was saved."))


class NotGradable(GradingError):
    def __init__(self):
        super().__init__(gettext_lazy("Only submitted attempts can be graded."))


class NothingToRegrade(GradingError):
    def __init__(self):
        super().__init__(gettext_lazy("Essays are graded by a person: there is no key to apply again."))


class KeyChanged(GradingError):
    def __init__(self):
        super().__init__(gettext_lazy("The question was edited again since the preview. Check the new figures and confirm again."))


# --- Reads ------------------------------------------------------------------------------------


def is_trainer(user) -> bool:
    return roles.has_role(user, roles.TRAINER)


def authored_course_keys(user) -> set | None:
    """Translation keys of the courses a user authors; None means every course (administrator).

    Remembered on the user object for the request, like ``roles.has_role`` does for roles.
    """
    if is_administrator(user):
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
    if not is_trainer(user):
        return Attempt.objects.none()
    if is_administrator(user):
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


def access_gradable_attempt(user, attempt_id) -> Attempt:
    """A submitted attempt the user may grade; 404 for anything else."""
    attempt = (
        attempts_for_trainer(user)
        .filter(pk=attempt_id, status=Attempt.Status.FINISHED)
        .select_related("trainee", "quiz", "enrolment__cohort", "enrolment__organisation")
        .first()
    )
    if attempt is None:
        raise Http404
    return attempt


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


def _course_of(quiz: Page) -> Page:
    return Page.objects.get(path=quiz.path[: -2 * Page.steplen])


def quizzes_for_trainer(user) -> list[QuizPage]:
    """Quizzes of the courses a trainer authors or runs cohorts of, one per quiz identity.

    Each quiz carries ``course`` (its course page) and ``can_regrade`` (the user authors it).
    """
    if not is_trainer(user):
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


def access_quiz_results(user, quiz_id) -> QuizPage:
    """A quiz of a course the user authors or runs a cohort of (any quiz for an administrator)."""
    if not is_trainer(user):
        raise Http404
    quiz = QuizPage.objects.filter(pk=quiz_id).first()
    if quiz is None:
        raise Http404
    quiz.course = _course_of(quiz)
    keys = trainer_course_keys(user)
    if keys is not None and quiz.course.translation_key not in keys:
        raise Http404
    authored = authored_course_keys(user)
    quiz.can_regrade = authored is None or quiz.course.translation_key in authored
    return quiz


def access_quiz_for_regrade(user, quiz_id) -> QuizPage:
    """A quiz whose course the user authors (any quiz for an administrator); 404 otherwise."""
    quiz = access_quiz_results(user, quiz_id)
    if not quiz.can_regrade:
        raise Http404
    return quiz


def cohorts_for_results(user, quiz: QuizPage) -> QuerySet:
    """Cohorts of the quiz's course the user may filter results by."""
    cohorts = Cohort.objects.all() if is_administrator(user) else cohorts_for_trainer(user)
    return cohorts.filter(course__translation_key=quiz.course.translation_key).order_by("-starts_on", "name")


def quiz_attempts(user, quiz: QuizPage, *, cohort: Cohort | None = None) -> QuerySet:
    """Attempts at a quiz (every translation) that the user may see, optionally of one cohort."""
    attempts = attempts_for_trainer(user).filter(quiz_key=quiz.translation_key)
    if cohort is not None:
        attempts = attempts.filter(enrolment__cohort=cohort)
    return attempts


@dataclass
class Item:
    """One question of a quiz as results show it: its family, number and current version."""

    number: int
    family: str
    question: Question
    kind: str
    attempts: int = 0

    @property
    def type_label(self) -> str:
        return str(self.question._meta.verbose_name)

    @property
    def is_manual(self) -> bool:
        return registry.get(self.kind).is_manual


def quiz_items(quiz: QuizPage, *, answer_families=()) -> list[Item]:
    """The quiz's questions in slot order, then questions drawn at random, by current version."""
    families = [str(f) for f in quiz.slots.order_by("sort_order").values_list("question__family", flat=True)]
    families += [str(f) for f in answer_families if str(f) not in families]
    families = list(dict.fromkeys(families))
    versions = defaultdict(list)
    for question in Question.objects.filter(family__in=families).order_by("family", "version"):
        versions[str(question.family)].append(question)
    items = []
    for family in families:
        if not versions[family]:
            continue
        current = next((q for q in versions[family] if q.is_current), versions[family][-1])
        current.all_versions = versions[family]
        items.append(Item(number=len(items) + 1, family=family, question=current, kind=current.kind))
    return items


def _option_labels(item: Item) -> list[tuple[str, str]]:
    """(option id, text) for a choice question: current key first, then options of older versions."""
    versions = [item.question] + [v for v in reversed(item.question.all_versions) if v.pk != item.question.pk]
    return registry.get(item.kind).option_labels(versions)


def option_credit(question: Question) -> dict[str, float]:
    """Share of the mark each option earns in a question's key (true/false: the right value)."""
    return registry.for_question(question).option_credit(question)


@dataclass
class ItemResult:
    item: Item
    stats: analysis.ItemStats | None
    distribution: analysis.ChoiceDistribution | None


@dataclass
class QuizResults:
    attempts: int
    finished: int
    waiting: int
    in_progress: int
    summary: analysis.Summary
    trainees: int
    trainees_passed: int
    bands: list
    bars: list
    chart_width: float
    items: list[ItemResult] = field(default_factory=list)


def quiz_results(quiz: QuizPage, attempts: QuerySet) -> QuizResults:
    """Figures for the results page, in a fixed number of queries whatever the number of attempts."""
    rows = list(attempts.values("id", "trainee_id", "number", "status", "grade", "marks", "max_marks", "needs_grading"))
    finished = [r for r in rows if r["status"] == Attempt.Status.FINISHED]
    graded = [r for r in finished if not r["needs_grading"] and r["grade"] is not None]
    finished_ids = attempts.filter(status=Attempt.Status.FINISHED).values("id")

    answers_by_attempt: dict = defaultdict(dict)
    first_position: dict = {}
    for row in Answer.objects.filter(attempt__in=finished_ids).values(
        "attempt_id", "question__family", "fraction", "mark", "max_mark", "position"
    ):
        family = str(row["question__family"])
        first_position[family] = min(first_position.get(family, row["position"]), row["position"])
        answers_by_attempt[row["attempt_id"]][family] = row
    picks: dict = defaultdict(list)
    counted = {
        content_type.pk: registry.for_model(model)
        for model, content_type in ContentType.objects.get_for_models(
            *(t.model for t in registry.all_types() if t.counts_picks), for_concrete_models=False
        ).items()
    }
    choice_rows = Answer.objects.filter(attempt__in=finished_ids, question__polymorphic_ctype__in=list(counted))
    for row in choice_rows.values("question__family", "question__polymorphic_ctype", "response", "layout"):
        question_type = counted[row["question__polymorphic_ctype"]]
        picks[str(row["question__family"])].append(question_type.picked_option_ids(row["response"], row["layout"]))

    stats = analysis.item_analysis(
        {"marks": r["marks"], "max_marks": r["max_marks"], "answers": answers_by_attempt.get(r["id"], {})} for r in graded
    )
    items = quiz_items(quiz, answer_families=sorted(first_position, key=first_position.get))
    for item in items:
        item.attempts = sum(1 for answers in answers_by_attempt.values() if item.family in answers)
    results = []
    for item in items:
        distribution = None
        if registry.get(item.kind).counts_picks:
            distribution = analysis.choice_distribution(
                picks.get(item.family, []), options=_option_labels(item), credit=option_credit(item.question)
            )
        results.append(ItemResult(item=item, stats=stats.get(item.family), distribution=distribution))

    grades = [float(r["grade"]) for r in graded]
    finals = analysis.trainee_final_grades(((r["trainee_id"], r["number"], r["grade"]) for r in graded), method=quiz.grading_method)
    bands = analysis.score_bands(grades)
    return QuizResults(
        attempts=len(rows),
        finished=len(finished),
        waiting=len(finished) - len(graded),
        in_progress=sum(1 for r in rows if r["status"] == Attempt.Status.IN_PROGRESS),
        summary=analysis.summarise(grades, pass_mark=float(quiz.pass_mark)),
        trainees=len(finals),
        trainees_passed=sum(1 for grade in finals.values() if grade is not None and grade >= float(quiz.pass_mark)),
        bands=bands,
        bars=analysis.chart_bars(bands),
        chart_width=analysis.chart_width(bands),
        items=results,
    )


def _families_in_order(answers: QuerySet) -> list[str]:
    """Question families of these answers, by the first position they were shown at."""
    rows = answers.values("question__family").annotate(first=Min("position")).order_by("first", "question__family")
    return list(dict.fromkeys(str(row["question__family"]) for row in rows))


def _chunks(iterable, size):
    iterator = iter(iterable)
    while chunk := list(islice(iterator, size)):
        yield chunk


def _csv_time(value) -> str:
    return timezone.localtime(value).isoformat(timespec="seconds") if value else ""


def _csv_number(value) -> str:
    return "" if value is None else format(value.normalize() if value == value.to_integral() else value, "f")


def results_csv_disposition(quiz: QuizPage, *, cohort: Cohort | None, day: date) -> str:
    """The Content-Disposition of the results CSV: the quiz's name and the day, in ASCII for every
    browser, with the name in its own script (``filename*``) for those that read it.

    A title with no Latin letter (Arabic, Russian) falls back to the quiz's number in ASCII.
    """
    suffix = f"{'-cohort-' + str(cohort.pk) if cohort else ''}-{day:%Y-%m-%d}.csv"
    ascii_name = slugify(quiz.title)[:80].strip("-") or f"quiz-{quiz.pk}"
    unicode_name = slugify(quiz.title, allow_unicode=True)[:80].strip("-") or ascii_name
    header = f'attachment; filename="results-{ascii_name}{suffix}"'
    if unicode_name != ascii_name:
        header += f"; filename*=UTF-8''{quote('results-' + unicode_name + suffix, safe='')}"
    return header


def results_csv_rows(quiz: QuizPage, attempts: QuerySet):
    """Rows of the results export: one per finished attempt, marks per question, no free text.

    Labels are translated now, in the request's language; the rows are read lazily, in chunks,
    while the response streams. The CSV writer (``lms.spreadsheets``) neutralises every cell.
    """
    finished = (
        attempts.filter(status=Attempt.Status.FINISHED)
        .select_related("trainee", "enrolment__organisation", "enrolment__cohort")
        .order_by("trainee__last_name", "trainee__first_name", "trainee_id", "number")
    )
    items = quiz_items(quiz, answer_families=_families_in_order(Answer.objects.filter(attempt__in=finished.values("id"))))
    header = [
        _("Name"), _("Email"), _("Organisation"), _("Cohort"), _("Attempt"), _("Started"), _("Submitted"),
        _("Grade (%)"), _("Fully graded"),
    ] + [f"Q{item.number} {item.question.title}" for item in items]
    yes, no = _("yes"), _("no")

    def rows():
        yield header
        for chunk in _chunks(finished.iterator(chunk_size=REGRADE_CHUNK), REGRADE_CHUNK):
            marks = {
                (attempt_id, str(family)): mark
                for attempt_id, family, mark in Answer.objects.filter(attempt_id__in=[a.pk for a in chunk]).values_list(
                    "attempt_id", "question__family", "mark"
                )
            }
            for attempt in chunk:
                enrolment = attempt.enrolment
                row = [
                    attempt.trainee.get_full_name(),
                    attempt.trainee.email,
                    enrolment.organisation.name if enrolment.organisation else "",
                    enrolment.cohort.name if enrolment.cohort else "",
                    attempt.number,
                    _csv_time(attempt.started_at),
                    _csv_time(attempt.submitted_at),
                    "" if attempt.needs_grading else _csv_number(attempt.grade),
                    no if attempt.needs_grading else yes,
                ]
                row += [_csv_number(marks.get((attempt.pk, item.family))) for item in items]
                yield row

    return rows()


# --- Manual grading ---------------------------------------------------------------------------


@dataclass(frozen=True)
class EssayGrade:
    """A person's grade for one essay answer; ``mark`` None leaves it waiting."""

    answer_id: int
    mark: Decimal | None
    comment: str = ""


@dataclass(frozen=True)
class GradingResult:
    changed: int
    completed: bool


def _check_mark(mark: Decimal | None, answer: Answer) -> None:
    if mark is None:
        return
    if not isinstance(mark, Decimal) or not mark.is_finite() or mark < 0 or mark > answer.max_mark:
        raise InvalidMark()


@transaction.atomic
def grade_essays(*, attempt: Attempt, grades: list[EssayGrade], by, expected_state: str) -> GradingResult:
    """Record a person's marks for essay answers and the attempt's new totals.

    Preconditions: the attempt is submitted; nobody graded it since ``expected_state`` was read
    (else GradeConflict, nothing changed). Course completion and the email follow on commit.
    """
    attempt = Attempt.objects.select_for_update(of=("self",)).select_related("trainee", "quiz").get(pk=attempt.pk)
    if attempt.status != Attempt.Status.FINISHED:
        raise NotGradable()
    answers = list(attempt.answers.select_related("question").order_by("position"))
    essays = {a.pk: a for a in answers if registry.for_question(a.question).is_manual}
    if grading_state(essays.values()) != expected_state:
        raise GradeConflict()
    for grade in grades:
        if grade.answer_id not in essays:
            raise InvalidMark()
        _check_mark(grade.mark, essays[grade.answer_id])
    was_waiting = attempt.needs_grading
    previous_grade = attempt.grade
    changed = []
    for grade in grades:
        answer = essays[grade.answer_id]
        mark = None if grade.mark is None else grade.mark.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
        comment = grade.comment.strip()
        if mark is None and answer.mark is None and not comment:
            continue
        if mark is None:
            mark = answer.mark  # a comment alone does not grade the answer
        if mark == answer.mark and comment == answer.grader_comment:
            continue
        previous = answer.mark
        answer.mark = mark
        if mark is None:
            answer.fraction = None
        else:
            answer.fraction = (mark / answer.max_mark).quantize(Decimal("0.00001")) if answer.max_mark else Decimal("1")
        answer.grader_comment = comment
        answer.graded_by = by
        changed.append(answer)
        audit.record(
            actor=by,
            action="assessments.answer_graded",
            obj=answer,
            data={
                "attempt": attempt.pk,
                "trainee": attempt.trainee_id,
                "question_family": str(answer.question.family),
                "question_version": answer.question.version,
                "mark": mark,
                "previous_mark": previous,
                "max_mark": answer.max_mark,
            },
        )
    if not changed:
        return GradingResult(changed=0, completed=not attempt.needs_grading)
    Answer.objects.bulk_update(changed, ["fraction", "mark", "grader_comment", "graded_by"])
    services._total(attempt, answers)
    fields = ["needs_grading", "marks", "grade"]
    if not attempt.needs_grading and (was_waiting or attempt.grade != previous_grade):
        attempt.graded_at = timezone.now()
        fields.append("graded_at")
    attempt.save(update_fields=fields)
    if not attempt.needs_grading:
        transaction.on_commit(lambda: services.after_grading(attempt.pk))
        if "graded_at" in fields:
            _notify_graded(attempt, comments=[(a.position, a.grader_comment) for a in essays.values() if a.grader_comment])
    return GradingResult(changed=len(changed), completed=not attempt.needs_grading)


def _notify_graded(attempt: Attempt, *, comments: list[tuple[int, str]] = ()) -> None:
    """Queue an email, in the trainee's language, saying the attempt's grade is ready, with the
    grader's comments as (question position, text)."""
    from lms.i18n import override_for
    from lms.tasks import send_email

    trainee = attempt.trainee
    if not trainee.email:
        return
    with override_for(trainee):
        quiz_title = attempt.quiz.title if attempt.quiz else ""
        url = f"{settings.PUBLIC_BASE_URL}{reverse('attempt_review', args=[attempt.pk])}"
        subject = _("Your answers to “%(quiz)s” have been graded") % {"quiz": quiz_title}
        body = render_to_string(
            "assessments/email/grade_ready.txt",
            {"trainee": trainee, "quiz_title": quiz_title, "attempt": attempt, "url": url, "comments": comments},
        )
    transaction.on_commit(lambda: send_email.enqueue(to=trainee.email, subject=subject, body=body))


# --- Regrading --------------------------------------------------------------------------------


def quiz_question_families(quiz: QuizPage) -> list[Item]:
    """The questions a quiz uses or has used (fixed slots and random draws), by current version,
    each with the number of finished attempts (any trainee) that showed one of its versions."""
    answers = Answer.objects.filter(attempt__quiz_key=quiz.translation_key)
    items = quiz_items(quiz, answer_families=_families_in_order(answers))
    counts = {
        str(row["question__family"]): row["n"]
        for row in answers.filter(attempt__status=Attempt.Status.FINISHED)
        .values("question__family")
        .annotate(n=Count("attempt_id", distinct=True))
        .order_by()
    }
    for item in items:
        item.attempts = counts.get(item.family, 0)
    return items


def access_quiz_question(user, quiz_id, family) -> tuple[QuizPage, Question]:
    """A question family used by a quiz the user may regrade, as its current version; else 404."""
    quiz = access_quiz_for_regrade(user, quiz_id)
    item = next((item for item in quiz_question_families(quiz) if item.family == str(family)), None)
    if item is None:
        raise Http404
    return quiz, item.question


@dataclass(frozen=True)
class GradeChange:
    """One attempt whose grade a regrade changes; ``trainee`` is "" when the user may not see who."""

    attempt_id: int
    trainee: str
    before: Decimal | None
    after: Decimal | None
    passed_before: bool | None  # None: the quiz is gone, so there is no pass mark to compare with
    passed_after: bool | None


@dataclass
class RegradePlan:
    """What a regrade with the current key does (or did): counts of attempts and changes.

    ``covers_all`` says the regrade reaches every attempt (an administrator's); ``changes`` lists
    the attempts whose grade changes, filled for the preview only.
    """

    question: Question
    attempts: int = 0
    answers_changed: int = 0
    grades_changed: int = 0
    in_progress: int = 0
    outside_scope: int = 0
    covers_all: bool = False
    changes: list[GradeChange] = field(default_factory=list)

    @property
    def passes_gained(self) -> int:
        return sum(1 for c in self.changes if c.passed_after and c.passed_before is False)

    @property
    def passes_lost(self) -> int:
        return sum(1 for c in self.changes if c.passed_before and c.passed_after is False)


def _passed(attempt: Attempt) -> bool | None:
    if attempt.quiz is None:
        return None
    return not attempt.needs_grading and attempt.grade is not None and attempt.grade >= attempt.quiz.pass_mark


def _in_scope(attempts: QuerySet, course_keys: set | None) -> QuerySet:
    return attempts if course_keys is None else attempts.filter(enrolment__course_key__in=course_keys)


def _regraded_answer(answer: Answer, key: Question) -> tuple[bool, bool]:
    """Grade an answer again with ``key`` (option ids match across versions).

    Returns (anything changed, the mark changed): feedback may change on its own.
    """
    outcome = registry.for_question(key).grade(key, answer)
    fraction = Decimal(str(round(outcome.fraction, 5)))
    mark = (answer.max_mark * fraction).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    mark_changed = fraction != answer.fraction or mark != answer.mark
    if not mark_changed and outcome.feedback == answer.feedback:
        return False, False
    answer.fraction, answer.mark, answer.feedback = fraction, mark, outcome.feedback
    return True, mark_changed


def _regrade(*, question: Question, course_keys: set | None, apply: bool, viewer=None) -> RegradePlan:
    """Regrade (or, without ``apply``, preview); a preview for ``viewer`` lists each changed
    attempt, naming only the trainees whose attempts the viewer may see."""
    key = question.get_real_instance()
    if registry.for_question(key).is_manual:
        raise NothingToRegrade()
    plan = RegradePlan(question=key, covers_all=course_keys is None)
    with_family = Attempt.objects.filter(answers__question__family=key.family).distinct()
    finished = with_family.filter(status=Attempt.Status.FINISHED)
    scoped = _in_scope(finished, course_keys)
    plan.in_progress = _in_scope(with_family.filter(status=Attempt.Status.IN_PROGRESS), course_keys).count()
    plan.outside_scope = 0 if course_keys is None else finished.count() - scoped.count()
    ids = list(scoped.order_by("pk").values_list("pk", flat=True))
    plan.attempts = len(ids)
    enrolments_to_update = {}
    for chunk in _chunks(ids, REGRADE_CHUNK):
        locked = Attempt.objects.filter(pk__in=chunk)
        if apply:
            locked = locked.select_for_update()
        else:
            locked = locked.select_related("trainee", "quiz")
        attempts = {a.pk: a for a in locked}
        visible = set()
        if viewer is not None:
            visible = set(attempts_for_trainer(viewer).filter(pk__in=chunk).values_list("pk", flat=True))
        answers = defaultdict(list)
        for answer in Answer.objects.filter(attempt_id__in=chunk).select_related("question").order_by("attempt_id", "position"):
            answers[answer.attempt_id].append(answer)
        changed_answers, changed_attempts = [], []
        for attempt_id, attempt in attempts.items():
            outcomes = [(a, _regraded_answer(a, key)) for a in answers[attempt_id] if a.question.family == key.family]
            changed = [a for a, (any_change, _mark) in outcomes if any_change]
            if not changed:
                continue
            plan.answers_changed += sum(1 for _a, (_any, mark_changed) in outcomes if mark_changed)
            changed_answers += changed
            before = (attempt.grade, attempt.marks, attempt.needs_grading)
            passed_before = None if apply else _passed(attempt)
            services._total(attempt, answers[attempt_id])
            if (attempt.grade, attempt.marks, attempt.needs_grading) != before:
                changed_attempts.append(attempt)
                if attempt.grade != before[0]:
                    plan.grades_changed += 1
                    if viewer is not None:
                        trainee = attempt.trainee.get_full_name() or attempt.trainee.email if attempt_id in visible else ""
                        plan.changes.append(
                            GradeChange(attempt_id, trainee, before[0], attempt.grade, passed_before, _passed(attempt))
                        )
                enrolments_to_update.setdefault(attempt.enrolment_id, attempt.pk)
        if apply and changed_answers:
            Answer.objects.bulk_update(changed_answers, ["fraction", "mark", "feedback"])
        if apply and changed_attempts:
            Attempt.objects.bulk_update(changed_attempts, ["marks", "grade", "needs_grading"])
    if apply:
        for attempt_id in enrolments_to_update.values():
            transaction.on_commit(lambda attempt_id=attempt_id: services.after_grading(attempt_id))
    return plan


def plan_regrade(*, question: Question, by) -> RegradePlan:
    """What ``regrade_family`` would do now, without changing anything (the preview)."""
    plan = _regrade(question=question, course_keys=authored_course_keys(by), apply=False, viewer=by)
    plan.changes.sort(key=lambda change: (change.trainee == "", change.trainee.casefold(), change.attempt_id))
    return plan


@transaction.atomic
def regrade_family(*, question: Question, by, expected_version: int) -> RegradePlan:
    """Grade again, with the current version's key, every finished attempt that showed a version
    of this question, in the courses the user authors (all of them for an administrator).

    Options are matched by identity (block ids survive new versions); an option no longer in
    the key earns nothing. Attempts keep the version they were shown. Preconditions: the
    question is not an essay; its current version is still ``expected_version`` (else KeyChanged).
    """
    current = Question.objects.select_for_update().filter(family=question.family, is_current=True).first()
    if current is None or current.version != expected_version:
        raise KeyChanged()
    plan = _regrade(question=current, course_keys=authored_course_keys(by), apply=True)
    audit.record(
        actor=by,
        action="assessments.question_regraded",
        obj=plan.question,
        data={
            "question_family": str(current.family),
            "question_version": current.version,
            "attempts_regraded": plan.attempts,
            "answers_changed": plan.answers_changed,
            "grades_changed": plan.grades_changed,
        },
    )
    return plan
