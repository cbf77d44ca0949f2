"""The question bank in the Wagtail admin: one screen per question type, and categories."""

from django import forms
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import CreateView, EditView, IndexView
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup
from wagtail.admin.widgets import Button

from assessments import admin_views, bank, selectors, translation_admin, translations
from assessments.admin_forms import QuestionAdminForm
from assessments.chooser import question_chooser_viewset
from assessments.models import QuestionCategory, QuizPage
from assessments.types import registry


class QuestionEditView(EditView):
    template_name = "assessments/admin/question_edit.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["in_use"] = self.in_use()
        return context

    def in_use(self) -> dict | None:
        """What saving does to a question attempts have shown, and where to regrade them."""
        rows = selectors.question_use(self.object)
        attempts = sum(row["attempts"] for row in rows)
        if not attempts:
            return None
        question = self.object
        if any(row["this_version"] for row in rows):  # bank.save_edit then makes a new version
            text = ngettext(
                "Used in %(count)s attempt; saving makes version %(version)s; use regrade to apply it to that attempt.",
                "Used in %(count)s attempts; saving makes version %(version)s; use regrade to apply it to those attempts.",
                attempts,
            ) % {"count": attempts, "version": question.version + 1}
        else:
            text = ngettext(
                "Earlier versions were used in %(count)s attempt; saving changes version %(version)s; use regrade to apply it to that attempt.",
                "Earlier versions were used in %(count)s attempts; saving changes version %(version)s; use regrade to apply it to those attempts.",
                attempts,
            ) % {"count": attempts, "version": question.version}
        regrades = [
            {"quiz": row["attempt__quiz__title"], "url": reverse("regrade_question", args=[row["attempt__quiz_id"], question.family])}
            for row in rows
            if row["attempt__quiz_id"] is not None
        ]
        return {"text": text, "regrades": regrades}
    def save_instance(self):
        instance = self.form.save(commit=False)
        instance = bank.save_edit(instance, by=self.request.user)
        self.form.instance = instance
        self.form.save_m2m()
        return instance


class PreviewColumn(Column):
    """A link to the question as a trainee sees it."""

    cell_template_name = "assessments/admin/preview_cell.html"

    def get_value(self, instance):
        return reverse("question_preview", args=[instance.pk])


class TranslationsColumn(Column):
    """Each language a question may be translated into: translated, out of date, or not yet."""

    cell_template_name = "assessments/admin/translations_cell.html"

    def get_value(self, instance):
        states = dict(getattr(instance, "translation_states", ()))
        return [
            (code, name, "missing" if code not in states else "out_of_date" if states[code] else "translated")
            for code, name in translations.translation_languages()
        ]


class QuestionIndexView(IndexView):
    def paginate_queryset(self, queryset, page_size):
        paginator, page, object_list, is_paginated = super().paginate_queryset(queryset, page_size)
        rows = list(object_list)
        states = selectors.translation_states(rows)  # one query for the page, read by TranslationsColumn
        for question in rows:
            question.translation_states = states.get(question.family, [])
        return paginator, page, rows, is_paginated


def _question_viewset(question_type):
    model = question_type.model
    return type(
        f"{model.__name__}ViewSet",
        (ModelViewSet,),
        {
            "model": model,
            "icon": "help",
            "menu_label": model._meta.verbose_name_plural.capitalize() if hasattr(model._meta.verbose_name_plural, "capitalize") else model._meta.verbose_name_plural,
            "list_display": ["title", "category", "version", "default_mark", PreviewColumn("preview", label=_("Preview")),
                             TranslationsColumn("translations", label=_("Translations"))],
            "list_filter": ["category"],
            "search_fields": ["title"],
            "edit_handler": ObjectList(question_type.panels(), base_form_class=QuestionAdminForm),
            "edit_view_class": QuestionEditView,
            "index_view_class": QuestionIndexView,
            "get_queryset": lambda self, request: model.objects.filter(is_current=True),
        },
    )


class QuestionCategoryForm(WagtailAdminModelForm):
    """Name, and for a new category the category it goes in (none: a top-level category)."""

    parent = forms.ModelChoiceField(
        queryset=QuestionCategory.objects.order_by("path"), required=False, label=_("inside"),
        help_text=_("Leave empty for a top-level category."),
    )

    class Meta:
        model = QuestionCategory
        fields = ["name"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            del self.fields["parent"]  # moving a category is not offered: its questions follow it


class QuestionCategoryCreateView(CreateView):
    def save_instance(self):
        parent = self.form.cleaned_data.get("parent")
        name = self.form.cleaned_data["name"]
        return parent.add_child(name=name) if parent else QuestionCategory.add_root(name=name)


class QuestionCategoryViewSet(ModelViewSet):
    model = QuestionCategory
    icon = "folder-open-inverse"
    menu_label = _("Categories")
    list_display = ["name", "depth"]
    form_fields = ["name"]
    ordering = ["path"]
    add_view_class = QuestionCategoryCreateView

    def get_form_class(self, for_update=False):
        return QuestionCategoryForm


class QuestionBankGroup(ModelViewSetGroup):
    menu_label = _("Question bank")
    menu_icon = "help"
    items = [QuestionCategoryViewSet] + [_question_viewset(question_type) for question_type in registry.all_types()]


@hooks.register("register_admin_viewset")
def register_question_bank():
    return QuestionBankGroup()


@hooks.register("register_admin_viewset")
def register_question_chooser():
    return question_chooser_viewset


@hooks.register("register_page_header_buttons")
def quiz_preview_button(page, user, view_name, next_url=None):
    """On a quiz its author may edit: try the whole quiz as a trainee, without enrolling."""
    if isinstance(page.specific_deferred, QuizPage) and page.permissions_for_user(user).can_edit():
        yield Button(_("Try as a trainee"), reverse("quiz_preview", args=[page.pk]), icon_name="view", priority=25)


@hooks.register("register_admin_urls")
def register_bank_urls():
    return [
        path("question-bank/", admin_views.bank_overview, name="question_bank"),
        path("question-bank/import/", admin_views.import_questions_view, name="question_import"),
        path("question-bank/questions/<id:question_id>/preview/", admin_views.preview_question, name="question_preview"),
        path(
            "question-bank/questions/<id:question_id>/translate/<str:language>/",
            translation_admin.translate_question,
            name="question_translate",
        ),
        path("question-bank/categories/<id:category_id>/export.gift", admin_views.export_gift_view, name="question_export_gift"),
    ]


@hooks.register("register_admin_menu_item")
def register_bank_menu_item():
    return MenuItem(_("Import / export questions"), reverse("question_bank"), icon_name="upload", order=310)
