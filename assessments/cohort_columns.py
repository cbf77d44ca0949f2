"""The cohort grid's quiz columns: each quiz's final grade per round, registered with courses."""

from assessments import grading
from assessments.models import Attempt, QuizPage
from courses.cohort_grid import ColumnGroup, GridColumn


def quiz_columns(*, course, enrolment_ids: list[int]) -> ColumnGroup:
    """One column per published quiz of the course, in reading order: two queries in all.

    A value is the quiz's final grade by its grading method over finished, graded attempts;
    a round whose finished attempt waits for a grader is marked waiting. The latest start or
    submission of any attempt counts as activity."""
    quizzes = list(QuizPage.objects.live().descendant_of(course).only("pk", "title", "translation_key", "grading_method").order_by("path"))
    attempts = (
        Attempt.objects.filter(enrolment_id__in=enrolment_ids)
        .order_by("enrolment_id", "quiz_key", "number")
        .values_list("enrolment_id", "quiz_key", "status", "needs_grading", "grade", "started_at", "submitted_at")
    )
    grades: dict[tuple, list[float]] = {}
    waiting: set[tuple] = set()
    last_activity: dict = {}
    for enrolment_id, quiz_key, status, needs_grading, grade, started_at, submitted_at in attempts:
        moment = max(m for m in (started_at, submitted_at) if m is not None)
        if enrolment_id not in last_activity or moment > last_activity[enrolment_id]:
            last_activity[enrolment_id] = moment
        if status != Attempt.Status.FINISHED:
            continue
        if needs_grading:
            waiting.add((enrolment_id, quiz_key))
        elif grade is not None:
            grades.setdefault((enrolment_id, quiz_key), []).append(float(grade))
    columns = []
    for quiz in quizzes:
        key = quiz.translation_key
        columns.append(
            GridColumn(
                key=f"quiz-{key}",
                label=quiz.title,
                values={pk: grading.final_grade(quiz.grading_method, grades.get((pk, key), [])) for pk in enrolment_ids},
                waiting={pk for pk in enrolment_ids if (pk, key) in waiting},
            )
        )
    return ColumnGroup(columns=columns, last_activity=last_activity)
