from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AssessmentsConfig(AppConfig):
    name = "assessments"
    verbose_name = _("Assessments")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from assessments.cohort_columns import quiz_columns
        from assessments.services import close_overdue
        from assessments.types import registry
        from courses.cohort_grid import register_cohort_columns
        from lms import periodic, personal_data

        registry.load_builtin()
        personal_data.register("quiz_attempts", records=_attempts_of)
        register_cohort_columns("assessments.quizzes", quiz_columns)
        periodic.register("close overdue quiz attempts", 60, close_overdue)


def _attempts_of(user) -> list[dict]:
    """The person's quiz attempts with each answer as given, for their own data download."""
    from assessments.models import Answer, Attempt

    attempts = list(
        Attempt.objects.filter(trainee=user)
        .order_by("started_at", "pk")
        .values("id", "quiz__title", "enrolment_id", "number", "status", "started_at", "submitted_at", "marks", "max_marks", "grade")
    )
    answers: dict[int, list] = {}
    rows = (
        Answer.objects.filter(attempt__trainee=user)
        .order_by("attempt_id", "position")
        .values("attempt_id", "position", "question__title", "response", "saved_at", "mark", "max_mark", "grader_comment")
    )
    for row in rows:
        answers.setdefault(row.pop("attempt_id"), []).append(row)
    for attempt in attempts:
        attempt["answers"] = answers.get(attempt["id"], [])
    return attempts
