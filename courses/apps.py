from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoursesConfig(AppConfig):
    name = "courses"
    verbose_name = _("Courses")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from wagtail.signals import page_published, page_unpublished

        from content import home
        from courses import panels
        from courses.models import Topic
        from courses.selectors import catalogue_index_for
        from courses.services import accept_on_activation, progress_follows_content
        from lms import content_version, personal_data
        from lms.signals import invitation_accepted

        # The catalogue shows topics: a renamed one changes what is cached (lms.content_version).
        content_version.follow(Topic)
        invitation_accepted.connect(accept_on_activation, dispatch_uid="courses.accept_on_activation")
        personal_data.register("rounds", records=_rounds_of)
        home.register("catalogue", catalogue_index_for)
        panels.register_trainer_link(
            panels.TrainerLink("cohort_list", _("Cohorts: rosters, invitations and progress grids"), order=30)
        )
        # Any page type (quizzes belong to a higher app): the receiver keeps what sits in a course.
        page_published.connect(progress_follows_content, dispatch_uid="courses.progress_follows_published")
        page_unpublished.connect(progress_follows_content, dispatch_uid="courses.progress_follows_unpublished")


def _rounds_of(user) -> list[dict]:
    """The person's rounds of courses, for their own data download."""
    from courses.models import Enrolment

    return list(
        Enrolment.objects.filter(trainee=user)
        .order_by("enrolled_at", "pk")
        .values(
            "id", "course_title", "round", "status", "enrolled_at", "completed_at", "last_activity_at",
            "progress_percent", "score", "cohort__name", "organisation__name", "sector__name", "country__name", "region__name",
        )
    )
