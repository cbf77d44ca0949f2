"""Admin screens for learning records: cohorts (editable), enrolments (read-only), topics."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from courses.models import Cohort, Enrolment, Topic
from lms.viewsets import RecordViewSet


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "tag"
    menu_label = _("Topics")
    list_display = ["name", "slug", "locale"]


class CohortViewSet(ModelViewSet):
    model = Cohort
    icon = "group"
    menu_label = _("Cohorts")
    add_to_admin_menu = False
    list_display = ["name", "course", "facilitator", "starts_on", "ends_on", "place"]
    list_filter = ["starts_on"]
    search_fields = ["name", "place"]
    panels = [
        FieldPanel("name"),
        FieldPanel("course"),
        FieldPanel("facilitator"),
        FieldPanel("starts_on"),
        FieldPanel("ends_on"),
        FieldPanel("place"),
    ]


class EnrolmentViewSet(RecordViewSet):
    """Enrolments are records: listed and inspected, never edited by hand."""

    model = Enrolment
    icon = "list-ul"
    menu_label = _("Enrolments")
    add_to_admin_menu = False
    list_display = ["trainee", "course_title", "round", "status", "progress_percent", "enrolled_at", "completed_at"]
    list_filter = ["status"]
    search_fields = ["course_title"]


class LearningViewSetGroup(ModelViewSetGroup):
    items = (CohortViewSet, EnrolmentViewSet)
    menu_label = _("Learning")
    menu_icon = "user"


register_snippet(TopicViewSet)


@hooks.register("register_admin_viewset")
def register_learning_viewsets():
    return LearningViewSetGroup()
