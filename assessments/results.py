"""Reports on a quiz for trainers: its questions, figures with item analysis, and the CSV export.

Everything here reads attempts already narrowed to what the user may see
(``selectors.quiz_attempts``); nothing here changes anything.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from itertools import islice
from urllib.parse import quote

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Min, QuerySet
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from assessments import analysis
from assessments.models import Answer, Attempt, Question, QuizPage
from assessments.types import registry
from courses.models import Cohort

EXPORT_CHUNK = 200


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


def _families_in_order(answers: QuerySet) -> list[str]:
    """Question families of these answers, by the first position they were shown at."""
    rows = answers.values("question__family").annotate(first=Min("position")).order_by("first", "question__family")
    return list(dict.fromkeys(str(row["question__family"]) for row in rows))


def quiz_question_families(quiz: QuizPage) -> list[Item]:
    """The questions a quiz uses or has used (fixed slots and random draws), by current version,
    each with the number of finished attempts (any trainee) that showed one of its versions."""
    answers = Answer.objects.filter(attempt__quiz_key=quiz.translation_key, attempt__is_preview=False)
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
        pgettext("a person's", "Name"), _("Email"), _("Organisation"), _("Cohort"), _("Attempt"), _("Started"), _("Submitted"),
        _("Grade (%)"), _("Fully graded"),
    ] + [f"Q{item.number} {item.question.title}" for item in items]
    yes, no = _("yes"), _("no")

    def rows():
        yield header
        for chunk in _chunks(finished.iterator(chunk_size=EXPORT_CHUNK), EXPORT_CHUNK):
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
