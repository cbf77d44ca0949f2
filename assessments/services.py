"""Quiz actions: start an attempt, save an answer, submit, grade. Each checks the attempt's state.

Timing is decided here, on the server: an attempt's deadline is stored when it starts; a
submission up to ``GRACE`` after it is accepted with what was saved; later, the attempt is
closed with its saved answers (``close_overdue``).
"""

import random
import secrets
from datetime import timedelta
from decimal import ROUND_HALF_UP, Decimal

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from assessments.models import Answer, Attempt, Question, QuizPage
from assessments.types import registry
from courses.models import Enrolment

GRACE = timedelta(seconds=60)


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


def _questions_for(quiz: QuizPage, rng: random.Random) -> list[tuple[Question, Decimal]]:
    """The quiz's fixed questions (current versions) and its random draw."""
    chosen: list[tuple[Question, Decimal]] = []
    families = set()
    for slot in quiz.slots.select_related("question").order_by("sort_order"):
        question = Question.objects.filter(family=slot.question.family, is_current=True).first() or slot.question
        families.add(question.family)
        chosen.append((question, slot.mark if slot.mark is not None else question.default_mark))
    if quiz.random_category_id and quiz.random_count:
        category = quiz.random_category
        pool = list(
            Question.objects.filter(is_current=True, category__path__startswith=category.path).exclude(family__in=families)
        )
        for question in rng.sample(pool, min(quiz.random_count, len(pool))):
            chosen.append((question, question.default_mark))
    if quiz.shuffle_questions:
        rng.shuffle(chosen)
    return chosen


def build_layout(question: Question, *, shuffle: bool, rng: random.Random) -> dict:
    """Opaque tokens for the options, in display order; the key never leaves the server."""
    return registry.for_question(question).build_layout(question, shuffle=shuffle, rng=rng)


def attempts_left(quiz: QuizPage, trainee) -> int | None:
    if not quiz.max_attempts:
        return None
    used = Attempt.objects.filter(quiz_key=quiz.translation_key, trainee=trainee).count()
    return max(0, quiz.max_attempts - used)


def check_can_start(*, quiz: QuizPage, trainee, now=None) -> None:
    """Raise the reason a trainee cannot start an attempt now, if there is one."""
    now = now or timezone.now()
    if quiz.opens_at and now < quiz.opens_at:
        raise QuizNotOpen(_("This quiz opens on %(date)s.") % {"date": timezone.localtime(quiz.opens_at).strftime("%Y-%m-%d %H:%M")})
    if quiz.closes_at and now >= quiz.closes_at:
        raise QuizNotOpen(_("This quiz closed on %(date)s.") % {"date": timezone.localtime(quiz.closes_at).strftime("%Y-%m-%d %H:%M")})
    if attempts_left(quiz, trainee) == 0:
        raise NoAttemptsLeft()


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
            now = timezone.now()
            deadline = now + timedelta(minutes=quiz.time_limit_minutes) if quiz.time_limit_minutes else None
            if quiz.closes_at and (deadline is None or quiz.closes_at < deadline):
                deadline = quiz.closes_at
            attempt = Attempt.objects.create(
                quiz=quiz, quiz_key=quiz.translation_key, trainee=trainee, enrolment=enrolment, number=number,
                started_at=now, deadline=deadline,
            )
            answers = []
            total = Decimal("0")
            for position, (question, mark) in enumerate(_questions_for(quiz, rng), start=1):
                answers.append(
                    Answer(attempt=attempt, position=position, question=question, max_mark=mark,
                           layout=build_layout(question, shuffle=quiz.shuffle_choices, rng=rng))
                )
                total += mark
            Answer.objects.bulk_create(answers)
            attempt.max_marks = total
            attempt.save(update_fields=["max_marks"])
            return attempt
    except IntegrityError:
        # A parallel request opened it first (one attempt in progress per quiz and trainee).
        existing = Attempt.objects.filter(quiz_key=quiz.translation_key, trainee=trainee, status=Attempt.Status.IN_PROGRESS).first()
        if existing is None:
            raise
        return existing


def _response_from_form(answer: Answer, data: dict) -> dict | None:
    """Turn submitted fields (tokens, text) into a stored response; unknown tokens are dropped."""
    return registry.for_question(answer.question).clean(data, answer.layout or {})


def _locked_open_attempt(attempt_id) -> Attempt:
    attempt = Attempt.objects.select_for_update().get(pk=attempt_id)
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


def with_real_questions(answers) -> list[Answer]:
    """Give each answer its question as the real type, in one query per question type."""
    answers = list(answers)
    questions = {question.pk: question for question in Question.objects.filter(pk__in={a.question_id for a in answers})}
    for answer in answers:
        answer.question = questions[answer.question_id]
    return answers


def _grade_answer(answer: Answer) -> bool:
    """Grade one answer; returns False when it waits for a person (essay)."""
    question = answer.question.get_real_instance()
    outcome = registry.for_question(question).grade(question, answer)
    if outcome is None:
        answer.fraction = None
        answer.mark = None
        return False
    answer.fraction = Decimal(str(round(outcome.fraction, 5)))
    answer.mark = (answer.max_mark * answer.fraction).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    answer.feedback = outcome.feedback
    return True


def _total(attempt: Attempt, answers) -> None:
    attempt.needs_grading = any(answer.mark is None for answer in answers)
    attempt.marks = sum((answer.mark or Decimal("0")) for answer in answers)
    if attempt.max_marks:
        attempt.grade = (100 * attempt.marks / attempt.max_marks).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    else:
        attempt.grade = Decimal("100")


def _finish(attempt: Attempt, *, status: str) -> Attempt:
    answers = with_real_questions(attempt.answers.all())
    for answer in answers:
        _grade_answer(answer)
    Answer.objects.bulk_update(answers, ["fraction", "mark", "feedback"])
    attempt.status = status
    attempt.submitted_at = timezone.now()
    _total(attempt, answers)
    attempt.save(update_fields=["status", "submitted_at", "needs_grading", "marks", "grade"])
    transaction.on_commit(lambda: after_grading(attempt.pk))
    return attempt


def submit_attempt(*, attempt: Attempt) -> Attempt:
    """Submit and grade once; too late, close with what was saved and raise SubmittedTooLate."""
    with transaction.atomic():
        attempt = Attempt.objects.select_for_update().get(pk=attempt.pk)
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
    for attempt_id in Attempt.objects.filter(status=Attempt.Status.IN_PROGRESS, deadline__lt=now - GRACE).values_list("pk", flat=True):
        with transaction.atomic():
            attempt = Attempt.objects.select_for_update().get(pk=attempt_id)
            if attempt.status == Attempt.Status.IN_PROGRESS:
                _finish(attempt, status=Attempt.Status.FINISHED)
                closed += 1
    return closed


def close_if_overdue(attempt: Attempt) -> Attempt:
    """Close one attempt when its time is over (called when the trainee comes back)."""
    if attempt.is_open and attempt.deadline and timezone.now() > attempt.deadline + GRACE:
        with transaction.atomic():
            locked = Attempt.objects.select_for_update().get(pk=attempt.pk)
            if locked.is_open:
                return _finish(locked, status=Attempt.Status.FINISHED)
            return locked
    return attempt


def after_grading(attempt_id: int) -> None:
    """Once an attempt has its grade, the course may be complete."""
    from courses.services import update_progress

    attempt = Attempt.objects.select_related("enrolment").get(pk=attempt_id)
    if not attempt.needs_grading and attempt.enrolment.status == Enrolment.Status.ACTIVE:
        update_progress(enrolment=attempt.enrolment)


def close_overdue_for(*, quiz: QuizPage, trainee) -> None:
    """Close this trainee's attempt at this quiz if its time ran out while they were away."""
    for attempt in Attempt.objects.filter(quiz_key=quiz.translation_key, trainee=trainee, status=Attempt.Status.IN_PROGRESS):
        close_if_overdue(attempt)


def remember_page(*, attempt: Attempt, page: int) -> None:
    """Resume on this page next time, on any device."""
    if attempt.current_page != page and attempt.is_open:
        Attempt.objects.filter(pk=attempt.pk, status=Attempt.Status.IN_PROGRESS).update(current_page=page)


def question_count(quiz: QuizPage) -> int:
    return quiz.slots.count() + (quiz.random_count if quiz.random_category_id else 0)


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
