from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AssessmentsConfig(AppConfig):
    name = "assessments"
    verbose_name = _("Assessments")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from assessments.cohort_columns import quiz_columns
        from courses.cohort_grid import register_cohort_columns

        register_cohort_columns("assessments.quizzes", quiz_columns)
