from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoursesConfig(AppConfig):
    name = "courses"
    verbose_name = _("Courses")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from courses.services import accept_on_activation
        from lms.signals import invitation_accepted

        invitation_accepted.connect(accept_on_activation, dispatch_uid="courses.accept_on_activation")

        from wagtail.signals import page_published, page_unpublished

        from courses.services import progress_follows_content

        # Any page type (quizzes belong to a higher app): the receiver keeps what sits in a course.
        page_published.connect(progress_follows_content, dispatch_uid="courses.progress_follows_published")
        page_unpublished.connect(progress_follows_content, dispatch_uid="courses.progress_follows_unpublished")
