"""Quiz actions: start an attempt, save answers, submit, mark a grade as read (the trainee's);
grade essays and regrade after a corrected key (the trainer's). Each checks the state it acts on.

Timing is decided here, on the server: an attempt's deadline is stored when it starts; a
submission up to ``GRACE`` after it is accepted with what was saved; later, the attempt is
closed with its saved answers (``close_overdue``).
"""

import json
import random
import secrets
from dataclasses import dataclass
from datetime import timedelta
from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from assessments import draw, regrading, selectors, translations
from assessments.models import Answer, Attempt, Question, QuizPage
from assessments.types import registry
from courses.models import Enrolment
from courses.services import update_progress
from lms import audit
from lms.formatting import format_date
from lms.i18n import language_of_locale
from lms.notify import notify

GRACE = timedelta(seconds=60)
PREVIEW_KEPT = timedelta(days=1)


class QuizError(Exception):
    """A quiz action that cannot be done; the message is shown to the trainee."""


class QuizNotOpen(QuizError):
    def __init__(self, message=None):
        super().__init__(message or _("This quiz is not open now."))


class NoAttemptsLeft(QuizError):
    def __init__(self):
        super().__init__(_("You have used all the attempts allowed for this quiz."))


class AttemptClosed(QuizError):
    def __init__(self, message=None):
        super().__init__(message or _("This attempt is already submitted; your answers can no longer change."))


class SubmittedTooLate(AttemptClosed):
    """Raised once the late attempt is closed (and committed) with the answers saved in time."""

    def __init__(self):
        super().__init__(
            _("Time was up before you submitted: your attempt was closed and graded with the answers saved in time.")
        )


class NotEnrolled(QuizError):
    def __init__(self):
        super().__init__(_("Enrol in the course to take its quiz."))


class NotEnoughQuestions(QuizError):
    def __init__(self):
        super().__init__(
            _(
                "This quiz cannot start: a category it draws random questions from has fewer questions than it asks for. "
                "Nothing was started; please tell the course's trainer."
            )
        )


class GradingError(Exception):
    """A grading action that cannot be done; the message is shown to the trainer."""


class GradeConflict(GradingError):
    def __init__(self):
        super().__init__(
            _(
                "These answers were graded since you opened this page (by someone else, or by a second click). "
                "Nothing was changed: here are the grades as they are now."
            )
        )


class InvalidMark(GradingError):
    def __init__(self):
        super().__init__(_("A mark must be a number from 0 to the question's mark. Nothing was saved."))


class NotGradable(GradingError):
    def __init__(self):
        super().__init__(_("Only submitted attempts can be graded."))


class NothingToRegrade(GradingError):
    def __init__(self):
        super().__init__(_("Essays are graded by a person: there is no key to apply again."))


class KeyChanged(GradingError):
    def __init__(self):
        super().__init__(_("The question was edited again since the preview. Check the new figures and confirm again."))


def _questions_for(quiz: QuizPage, rng: random.Random) -> list[tuple[Question, Decimal]]:
    """The quiz's fixed questions (current versions), then what its random slots draw this time.

    Raises NotEnoughQuestions when a category no longer holds what a random slot asks for.
    """
    chosen: list[tuple[Question, Decimal]] = []
    families = set()
    for slot in quiz.slots.select_related("question").order_by("sort_order"):
        question = Question.objects.filter(family=slot.question.family, is_current=True).first() or slot.question
        families.add(question.family)
        chosen.append((question, slot.mark if slot.mark is not None else question.default_mark))
    random_slots = list(quiz.random_slots.select_related("category").order_by("sort_order"))
    draws = selectors.random_draws(random_slots, fixed_families=families)
    if draw.shortfalls(draws):
        raise NotEnoughQuestions()
    picks = draw.draw(draws, rng)
    drawn = Question.objects.in_bulk([pk for ids in picks for pk in ids])
    for slot, ids in zip(random_slots, picks, strict=True):
        for pk in ids:
            chosen.append((drawn[pk], slot.mark if slot.mark is not None else drawn[pk].default_mark))
    if quiz.shuffle_questions:
        rng.shuffle(chosen)
    return chosen


def _layout(question: Question, *, shuffle: bool, rng: random.Random) -> dict:
    """Opaque tokens for the options, in display order; the key never leaves the server."""
    return registry.for_question(question).build_layout(question, shuffle=shuffle, rng=rng)


def check_can_start(*, quiz: QuizPage, trainee, now=None) -> None:
    """Raise the reason a trainee cannot start an attempt now, if there is one."""
    now = now or timezone.now()
    if quiz.opens_at and now < quiz.opens_at:
        raise QuizNotOpen(_("This quiz opens on %(date)s.") % {"date": format_date(quiz.opens_at, style="short_datetime")})
    if quiz.closes_at and now >= quiz.closes_at:
        raise QuizNotOpen(_("This quiz closed on %(date)s.") % {"date": format_date(quiz.closes_at, style="short_datetime")})
    if selectors.attempts_left(quiz, trainee) == 0:
        raise NoAttemptsLeft()


def _open_attempt(*, quiz: QuizPage, source: QuizPage, trainee, enrolment, number: int, deadline, rng, is_preview=False) -> Attempt:
    """Create the attempt with its questions drawn and laid out (``source``: the quiz as it is to
    be shown, its latest draft for a preview). Raises NotEnoughQuestions before writing anything."""
    questions = _questions_for(source, rng)
    # An attempt keeps the language of the quiz page it was started from (its questions are
    # shown in it, where translated), whatever language the trainee switches to later.
    attempt = Attempt.all_objects.create(
        quiz=quiz, quiz_key=quiz.translation_key, trainee=trainee, enrolment=enrolment, number=number,
        started_at=timezone.now(), deadline=deadline, is_preview=is_preview, language=language_of_locale(quiz.locale_id) or "",
    )
    answers = []
    total = Decimal("0")
    for position, (question, mark) in enumerate(questions, start=1):
        answers.append(
            Answer(attempt=attempt, position=position, question=question, max_mark=mark,
                   layout=_layout(question, shuffle=source.shuffle_choices, rng=rng))
        )
        total += mark
    Answer.objects.bulk_create(answers)
    attempt.max_marks = total
    attempt.save(update_fields=["max_marks"])
    return attempt


def start_attempt(*, quiz: QuizPage, trainee, enrolment: Enrolment, seed: int | None = None) -> Attempt:
    """Open an attempt, or return the one in progress (double click, second tab, replay)."""
    existing = Attempt.objects.filter(quiz_key=quiz.translation_key, trainee=trainee, status=Attempt.Status.IN_PROGRESS).first()
    if existing is not None:
        return existing
    check_can_start(quiz=quiz, trainee=trainee)
    rng = random.Random(seed if seed is not None else secrets.randbits(64))
    try:
        with transaction.atomic():
            number = (
                Attempt.objects.filter(quiz_key=quiz.translation_key, trainee=trainee).order_by("-number").values_list("number", flat=True).first()
                or 0
            ) + 1
            if quiz.max_attempts and number > quiz.max_attempts:
                raise NoAttemptsLeft()
            deadline = timezone.now() + timedelta(minutes=quiz.time_limit_minutes) if quiz.time_limit_minutes else None
            if quiz.closes_at and (deadline is None or quiz.closes_at < deadline):
                deadline = quiz.closes_at
            return _open_attempt(quiz=quiz, source=quiz, trainee=trainee, enrolment=enrolment, number=number, deadline=deadline, rng=rng)
    except IntegrityError:
        # A parallel request opened it first (one attempt in progress per quiz and trainee).
        existing = Attempt.objects.filter(quiz_key=quiz.translation_key, trainee=trainee, status=Attempt.Status.IN_PROGRESS).first()
        if existing is None:
            raise
        return existing


def start_preview(*, quiz: QuizPage, author, seed: int | None = None) -> Attempt:
    """An author tries the quiz (its latest draft) as a trainee would, without enrolling.

    Precondition: the author may edit the quiz (``permissions.access_quiz_preview``). An open
    preview is resumed; a finished one is replaced. The attempt is flagged ``is_preview``: it has
    no enrolment and no report, grade, completion or queue ever counts it (``Attempt.objects``).
    Opening and closing dates and the attempts allowed do not apply; the time limit does.
    """
    previews = Attempt.all_objects.filter(quiz_key=quiz.translation_key, trainee=author, is_preview=True)
    existing = previews.first()
    if existing is not None and existing.is_open and not (existing.deadline and timezone.now() > existing.deadline + GRACE):
        return existing
    source = quiz.get_latest_revision_as_object()
    rng = random.Random(seed if seed is not None else secrets.randbits(64))
    try:
        with transaction.atomic():
            previews.delete()
            deadline = timezone.now() + timedelta(minutes=source.time_limit_minutes) if source.time_limit_minutes else None
            return _open_attempt(
                quiz=quiz, source=source, trainee=author, enrolment=None, number=1, deadline=deadline, rng=rng, is_preview=True
            )
    except IntegrityError:
        # A parallel request opened one first (one preview per quiz and author).
        existing = previews.first()
        if existing is None:
            raise
        return existing


def delete_old_previews(now=None) -> int:
    """Remove preview attempts started more than a day ago; returns how many."""
    now = now or timezone.now()
    deleted, _per_model = Attempt.all_objects.filter(is_preview=True, started_at__lt=now - PREVIEW_KEPT).delete()
    return deleted


def _response_from_form(answer: Answer, data: dict) -> dict | None:
    """Turn submitted fields (tokens, text) into a stored response; unknown tokens are dropped."""
    return registry.for_question(answer.question).clean(data, answer.layout or {})


def _locked_open_attempt(attempt_id) -> Attempt:
    attempt = Attempt.all_objects.select_for_update().get(pk=attempt_id)
    if attempt.status != Attempt.Status.IN_PROGRESS:
        raise AttemptClosed()
    if attempt.deadline and timezone.now() > attempt.deadline + GRACE:
        raise AttemptClosed()
    return attempt


@transaction.atomic
def save_answers(*, attempt: Attempt, responses: dict[int, dict], page: int | None = None) -> int:
    """Store responses by question position; returns how many were saved. Closed attempts refuse."""
    attempt = _locked_open_attempt(attempt.pk)
    answers = {answer.position: answer for answer in attempt.answers.select_related("question").filter(position__in=list(responses))}
    now = timezone.now()
    changed = []
    for position, data in responses.items():
        answer = answers.get(position)
        if answer is None:
            continue
        response = _response_from_form(answer, data)
        if response != answer.response:
            answer.response = response
            answer.saved_at = now
            changed.append(answer)
    if changed:
        Answer.objects.bulk_update(changed, ["response", "saved_at"])
    if page is not None and page != attempt.current_page:
        attempt.current_page = page
        attempt.save(update_fields=["current_page"])
    return len(changed)


def _grade_answer(answer: Answer, translation=None) -> bool:
    """Grade one answer; returns False when it waits for a person (essay).

    With a translation (the attempt's language), the key is the same: the feedback stored is
    the translated one, and a short answer also accepts the translated accepted answers.
    """
    question = translations.localise(answer.question, translation)
    outcome = registry.for_question(question).grade(question, answer)
    if outcome is None:
        answer.fraction = None
        answer.mark = None
        return False
    answer.fraction = Decimal(str(round(outcome.fraction, 5)))
    answer.mark = (answer.max_mark * answer.fraction).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    answer.feedback = outcome.feedback
    return True


def _write_grades(answers: list[Answer]) -> None:
    """Store the graded fields with one UPDATE per distinct outcome (a few per attempt: right,
    wrong, each feedback text), not ``bulk_update``, whose CASE per row and field cost ~2 ms of
    Python per answer: the heaviest part of a submit when a whole workshop submits at once."""
    outcomes: dict[tuple, list[Answer]] = {}
    for answer in answers:
        key = (answer.fraction, answer.mark, json.dumps(answer.feedback, sort_keys=True, default=str))
        outcomes.setdefault(key, []).append(answer)
    for same in outcomes.values():
        first = same[0]
        Answer.objects.filter(pk__in=[a.pk for a in same]).update(fraction=first.fraction, mark=first.mark, feedback=first.feedback)


def _finish(attempt: Attempt, *, status: str) -> Attempt:
    answers = selectors.with_real_questions(attempt.answers.all())
    translated = selectors.question_translations((a.question.family for a in answers), attempt.language)
    for answer in answers:
        _grade_answer(answer, translated.get(answer.question.family))
    _write_grades(answers)
    attempt.status = status
    attempt.submitted_at = timezone.now()
    attempt.add_up(answers)
    attempt.save(update_fields=["status", "submitted_at", "needs_grading", "marks", "grade"])
    transaction.on_commit(lambda: after_grading(attempt.pk))
    return attempt


def submit_attempt(*, attempt: Attempt) -> Attempt:
    """Submit and grade once; too late, close with what was saved and raise SubmittedTooLate."""
    with transaction.atomic():
        attempt = Attempt.all_objects.select_for_update().get(pk=attempt.pk)
        if attempt.status != Attempt.Status.IN_PROGRESS:
            raise AttemptClosed()
        late = bool(attempt.deadline and timezone.now() > attempt.deadline + GRACE)
        attempt = _finish(attempt, status=Attempt.Status.FINISHED)
    if late:
        # Raised outside the transaction: raised inside, it would roll the closing back.
        raise SubmittedTooLate()
    return attempt


def close_overdue(now=None) -> int:
    """Close attempts whose deadline passed (with their saved answers); returns how many."""
    now = now or timezone.now()
    closed = 0
    for attempt_id in Attempt.all_objects.filter(status=Attempt.Status.IN_PROGRESS, deadline__lt=now - GRACE).values_list("pk", flat=True):
        with transaction.atomic():
            attempt = Attempt.all_objects.select_for_update().get(pk=attempt_id)
            if attempt.status == Attempt.Status.IN_PROGRESS:
                _finish(attempt, status=Attempt.Status.FINISHED)
                closed += 1
    return closed


def close_if_overdue(attempt: Attempt) -> Attempt:
    """Close one attempt when its time is over (called when the trainee comes back)."""
    if attempt.is_open and attempt.deadline and timezone.now() > attempt.deadline + GRACE:
        with transaction.atomic():
            locked = Attempt.all_objects.select_for_update().get(pk=attempt.pk)
            if locked.is_open:
                return _finish(locked, status=Attempt.Status.FINISHED)
            return locked
    return attempt


def after_grading(attempt_id: int) -> None:
    """Once an attempt has its grade, the course may be complete (never after a preview)."""
    attempt = Attempt.all_objects.select_related("enrolment").get(pk=attempt_id)
    if attempt.enrolment is None:
        return
    if not attempt.needs_grading and attempt.enrolment.status == Enrolment.Status.ACTIVE:
        update_progress(enrolment=attempt.enrolment)


def close_overdue_for(*, quiz: QuizPage, trainee) -> None:
    """Close this trainee's attempt at this quiz if its time ran out while they were away."""
    for attempt in Attempt.objects.filter(quiz_key=quiz.translation_key, trainee=trainee, status=Attempt.Status.IN_PROGRESS):
        close_if_overdue(attempt)


def remember_page(*, attempt: Attempt, page: int) -> None:
    """Resume on this page next time, on any device."""
    if attempt.current_page != page and attempt.is_open:
        Attempt.all_objects.filter(pk=attempt.pk, status=Attempt.Status.IN_PROGRESS).update(current_page=page)


@transaction.atomic
def mark_grade_seen(*, attempt: Attempt, trainee) -> bool:
    """The trainee says they have read a person's grade: the dashboard stops announcing it.

    Precondition: the attempt is the trainee's. Returns False when there was nothing to mark (no
    grade by a person, or read already), so a second click changes nothing.
    """
    now = timezone.now()
    marked = (
        Attempt.objects.filter(pk=attempt.pk, trainee=trainee, graded_at__isnull=False)
        .filter(Q(grade_seen_at__isnull=True) | Q(grade_seen_at__lt=F("graded_at")))
        .update(grade_seen_at=now)
    )
    if marked:
        attempt.grade_seen_at = now
    return bool(marked)


# --- Grading by a person ----------------------------------------------------------------------


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
    if selectors.grading_state(essays.values()) != expected_state:
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
    attempt.add_up(answers)
    fields = ["needs_grading", "marks", "grade"]
    if not attempt.needs_grading and (was_waiting or attempt.grade != previous_grade):
        attempt.graded_at = timezone.now()
        fields.append("graded_at")
    attempt.save(update_fields=fields)
    if not attempt.needs_grading:
        transaction.on_commit(lambda: after_grading(attempt.pk))
        if "graded_at" in fields:
            _notify_graded(attempt, comments=[(a.position, a.grader_comment) for a in essays.values() if a.grader_comment])
    return GradingResult(changed=len(changed), completed=not attempt.needs_grading)


def _notify_graded(attempt: Attempt, *, comments: list[tuple[int, str]] = ()) -> None:
    """Queue an email, in the trainee's language, saying the attempt's grade is ready, with the
    grader's comments as (question position, text)."""
    trainee = attempt.trainee

    def compose():
        quiz_title = attempt.quiz.title if attempt.quiz else ""
        url = f"{settings.PUBLIC_BASE_URL}{reverse('attempt_review', args=[attempt.pk])}"
        body = render_to_string(
            "assessments/email/grade_ready.txt",
            {"trainee": trainee, "quiz_title": quiz_title, "attempt": attempt, "url": url, "comments": comments},
        )
        return gettext("Your answers to “%(quiz)s” have been graded") % {"quiz": quiz_title}, body

    notify(trainee, compose)


# --- Regrading after a corrected key ----------------------------------------------------------


def _check_regradable(question: Question) -> None:
    if registry.for_question(question.get_real_instance()).is_manual:
        raise NothingToRegrade()


def plan_regrade(*, question: Question, by) -> regrading.RegradePlan:
    """The check step of ``regrade_family``: what it would do now, with nothing written (the preview)."""
    _check_regradable(question)
    plan = regrading.regrade(question=question, course_keys=selectors.authored_course_keys(by), apply=False, viewer=by)
    plan.changes.sort(key=lambda change: (change.trainee == "", change.trainee.casefold(), change.attempt_id))
    return plan


@transaction.atomic
def regrade_family(*, question: Question, by, expected_version: int) -> regrading.RegradePlan:
    """Grade again, with the current version's key, every finished attempt that showed a version
    of this question, in the courses the user authors (all of them for an administrator).

    Options are matched by identity (block ids survive new versions); an option no longer in
    the key earns nothing. Attempts keep the version they were shown. Preconditions: the
    question is not an essay; its current version is still ``expected_version`` (else KeyChanged).
    """
    current = Question.objects.select_for_update().filter(family=question.family, is_current=True).first()
    if current is None or current.version != expected_version:
        raise KeyChanged()
    _check_regradable(current)
    plan = regrading.regrade(question=current, course_keys=selectors.authored_course_keys(by), apply=True)
    for attempt_id in plan.rounds.values():
        transaction.on_commit(lambda attempt_id=attempt_id: after_grading(attempt_id))
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
