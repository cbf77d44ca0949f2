from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AssessmentsConfig(AppConfig):
    name = "assessments"
    verbose_name = _("Assessments")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from assessments.cohort_columns import quiz_columns
        from assessments.selectors import course_score, grading_news, passed_quiz_keys
        from assessments.services import close_overdue, delete_old_previews
        from assessments.types import registry
        from courses import items, panels
        from courses.cohort_grid import register_cohort_columns
        from lms import periodic, personal_data

        registry.load_builtin()
        _keep_translated_slots()
        periodic.register("close overdue quiz attempts", 60, close_overdue)
        periodic.register("delete authors' old quiz previews", 3600, delete_old_previews)
        personal_data.register("quiz_attempts", records=_attempts_of)
        register_cohort_columns("assessments.quizzes", quiz_columns)
        # A required quiz counts towards a round once passed; the round's score is the quizzes'.
        items.register_kind(
            items.ItemKind(relation="quizpage", fields=("pass_mark", "grading_method"), done_keys=passed_quiz_keys)
        )
        items.register_score(course_score)
        # The trainee's dashboard: grades that came in, answers still waiting for a grader.
        panels.register_panel(
            panels.Panel(
                name="grading", template="assessments/includes/dashboard_grading.html", read=grading_news, place=panels.NOTICES
            )
        )
        panels.register_trainer_link(
            panels.TrainerLink("grading_queue", _("Grading queue: written answers waiting for a grade"), order=10)
        )
        panels.register_trainer_link(
            panels.TrainerLink("trainer_quizzes", _("Quiz results: scores, pass rates and item analysis"), order=20)
        )



def _keep_translated_slots():
    # wagtail-localize copies a page's child relations from the source at every sync. A quiz's
    # translation may ask its own language's questions (the demo's translated banks), so its slots
    # stay its own: a translation starts with the source's slots and keeps whatever it is given.
    from wagtail_localize.fields import get_translatable_fields

    from assessments.models import QuizPage

    QuizPage.translatable_fields = [field for field in get_translatable_fields(QuizPage) if field.field_name != "slots"]


def _attempts_of(user) -> list[dict]:
    """The person's quiz attempts with each answer as given, for their own data download."""
    from assessments.models import Answer, Attempt

    attempts = list(
        Attempt.all_objects.filter(trainee=user)  # an author's previews are their data too
        .order_by("started_at", "pk")
        .values("id", "quiz__title", "enrolment_id", "is_preview", "number", "status", "started_at", "submitted_at", "marks", "max_marks", "grade")
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
