"""Admin screens for learning records (cohorts, enrolments, topics) and the course tree's one-step submission."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.action_menu import ActionMenuItem
from wagtail.admin.panels import FieldPanel
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from courses import admin_views
from courses.models import Cohort, CoursePage, Enrolment, ModulePage, Topic
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


class SubmitWithChildrenMenuItem(ActionMenuItem):
    """In a module's (or course's) action menu: submit it and its pages for approval in one step."""

    name = "action-submit-with-children"
    icon_name = "resubmit"
    order = 45

    def is_shown(self, context):
        page = context.get("page")
        return (
            context["view"] == "edit"
            and isinstance(page, (CoursePage, ModulePage))
            and not context["locked_for_user"]
            and self.get_user_page_permissions_tester(context).can_edit()
        )

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        if isinstance(parent_context["page"], CoursePage):
            context["label"] = _("Submit the course and all its pages for approval")
        else:
            context["label"] = _("Submit module and its lessons for approval")
        return context

    def get_url(self, parent_context):
        return reverse("courses_submit_with_children", args=[parent_context["page"].pk])


@hooks.register("register_page_action_menu_item")
def register_submit_with_children_menu_item():
    return SubmitWithChildrenMenuItem()


@hooks.register("register_admin_urls")
def register_course_tree_urls():
    return [path("course-tree/<id:page_id>/submit/", admin_views.submit_with_children, name="courses_submit_with_children")]
