"""The regrade pass: answers graded again with a corrected key, attempt by attempt, in chunks.

One computation serves the preview (nothing written) and the action (``apply``): what the
trainer confirms is what is done. The verbs that call it, with their checks, the lock and the
audit, are ``services.plan_regrade`` and ``services.regrade_family``.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import QuerySet

from assessments import selectors, translations
from assessments.models import Answer, Attempt, Question, QuestionTranslation
from assessments.types import registry

REGRADE_CHUNK = 200


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
    # Rounds whose grades changed: enrolment id -> one of its changed attempts (completion follows).
    rounds: dict[int, int] = field(default_factory=dict)

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


def regrade(*, question: Question, course_keys: set | None, apply: bool, viewer=None) -> RegradePlan:
    """Regrade (or, without ``apply``, preview) every finished attempt in ``course_keys`` that
    showed a version of ``question``, a question graded by its key (not an essay). A preview for
    ``viewer`` lists each changed attempt, naming only the trainees whose attempts the viewer may
    see. With ``apply`` the caller holds the transaction."""
    key = question.get_real_instance()
    plan = RegradePlan(question=key, covers_all=course_keys is None)
    with_family = Attempt.objects.filter(answers__question__family=key.family).distinct()
    finished = with_family.filter(status=Attempt.Status.FINISHED)
    scoped = _in_scope(finished, course_keys)
    plan.in_progress = _in_scope(with_family.filter(status=Attempt.Status.IN_PROGRESS), course_keys).count()
    plan.outside_scope = 0 if course_keys is None else finished.count() - scoped.count()
    ids = list(scoped.order_by("pk").values_list("pk", flat=True))
    # The key in each language attempts were taken in: the same credit, the feedback in that
    # language (and a short answer's translated accepted answers).
    local_keys = {t.language: translations.localise(key, t) for t in QuestionTranslation.objects.filter(family=key.family)}
    plan.attempts = len(ids)
    for start in range(0, len(ids), REGRADE_CHUNK):
        chunk = ids[start : start + REGRADE_CHUNK]
        locked = Attempt.objects.filter(pk__in=chunk)
        if apply:
            locked = locked.select_for_update()
        else:
            locked = locked.select_related("trainee", "quiz")
        attempts = {a.pk: a for a in locked}
        visible = set()
        if viewer is not None:
            visible = set(selectors.attempts_for_trainer(viewer).filter(pk__in=chunk).values_list("pk", flat=True))
        answers = defaultdict(list)
        for answer in Answer.objects.filter(attempt_id__in=chunk).select_related("question").order_by("attempt_id", "position"):
            answers[answer.attempt_id].append(answer)
        changed_answers, changed_attempts = [], []
        for attempt_id, attempt in attempts.items():
            local_key = local_keys.get(attempt.language, key)
            outcomes = [(a, _regraded_answer(a, local_key)) for a in answers[attempt_id] if a.question.family == key.family]
            changed = [a for a, (any_change, _mark) in outcomes if any_change]
            if not changed:
                continue
            plan.answers_changed += sum(1 for _a, (_any, mark_changed) in outcomes if mark_changed)
            changed_answers += changed
            before = (attempt.grade, attempt.marks, attempt.needs_grading)
            passed_before = None if apply else _passed(attempt)
            attempt.add_up(answers[attempt_id])
            if (attempt.grade, attempt.marks, attempt.needs_grading) != before:
                changed_attempts.append(attempt)
                if attempt.grade != before[0]:
                    plan.grades_changed += 1
                    if viewer is not None:
                        trainee = attempt.trainee.get_full_name() or attempt.trainee.email if attempt_id in visible else ""
                        plan.changes.append(
                            GradeChange(attempt_id, trainee, before[0], attempt.grade, passed_before, _passed(attempt))
                        )
                plan.rounds.setdefault(attempt.enrolment_id, attempt.pk)
        if apply and changed_answers:
            Answer.objects.bulk_update(changed_answers, ["fraction", "mark", "feedback"])
        if apply and changed_attempts:
            Attempt.objects.bulk_update(changed_attempts, ["marks", "grade", "needs_grading"])
    return plan
