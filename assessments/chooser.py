"""The question picker: the chooser a quiz's "Add questions" opens in the Wagtail admin.

Filters by category (its subcategories included), by type and by text (title or question);
several questions can be ticked at once (``MultipleChooserPanel`` on ``QuizPage.slots``); each
row shows the question's text and answers, escaped, and links to the answerable preview. It
lists only ``selectors.questions_for_picker(user)``; the quiz form checks the same on save, so
posting another id does not get round it (``assessments.quiz_forms``).
"""

from django import forms
from django.db.models import Q
from django.http import Http404
from django.urls import reverse
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.choosers import BaseFilterForm
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import chooser as chooser_views
from wagtail.admin.viewsets.chooser import ChooserViewSet

from assessments import selectors
from assessments.models import Question, QuestionCategory
from assessments.types import registry

SHOWN_OPTIONS = 8


class CategoryField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{'— ' * (obj.depth - 1)}{obj.name}"


class QuestionFilterForm(BaseFilterForm):
    q = forms.CharField(
        label=_("Search"), required=False, widget=forms.TextInput(attrs={"placeholder": _("Words of the title or the question")})
    )
    category = CategoryField(
        label=_("Category"),
        queryset=QuestionCategory.objects.order_by("path"),
        required=False,
        empty_label=_("All categories"),
        help_text=_("Its subcategories included."),
        widget=forms.Select(attrs={"data-chooser-modal-search-filter": True}),
    )
    kind = forms.ChoiceField(
        label=_("Type"),
        required=False,
        widget=forms.Select(attrs={"data-chooser-modal-search-filter": True}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [("", _("All types"))] + [
            (question_type.name, question_type.model._meta.verbose_name) for question_type in registry.all_types()
        ]

    def filter(self, objects):
        text = (self.cleaned_data.get("q") or "").strip()
        if text:
            objects = objects.filter(Q(title__icontains=text) | Q(stem__icontains=text))
            self.is_searching = True
            self.search_query = text
        category = self.cleaned_data.get("category")
        if category is not None:
            objects = objects.filter(category__path__startswith=category.path)
        kind = self.cleaned_data.get("kind")
        if kind:
            objects = objects.instance_of(registry.get(kind).model)
        return objects


class QuestionPreviewColumn(Column):
    """The question's text and answers as plain, escaped text, and a link to try it."""

    cell_template_name = "assessments/admin/chooser_preview_cell.html"

    def get_value(self, instance):
        options = [instance.option_label(option_id) for option_id in instance.option_ids()]
        return {
            "text": Truncator(strip_tags(instance.stem)).chars(300),
            "options": options[:SHOWN_OPTIONS],
            "more": max(0, len(options) - SHOWN_OPTIONS),
            "url": reverse("question_preview", args=[instance.pk]),
        }


class PickerMixin:
    """What every step of the picker may show: the user's own picker, nothing else."""

    def get_object_list(self):
        return selectors.questions_for_picker(self.request.user).select_related("category").order_by("category__path", "title", "pk")

    def get_filter_form_class(self):
        return QuestionFilterForm

    @property
    def columns(self):
        return [
            self.title_column,
            Column("kind", label=_("Type"), accessor=lambda question: question._meta.verbose_name),
            Column("category", label=_("Category"), accessor="category"),
            QuestionPreviewColumn("preview", label=_("Preview")),
        ]


class QuestionChooseView(PickerMixin, chooser_views.ChooseView):
    pass


class QuestionChooseResultsView(PickerMixin, chooser_views.ChooseResultsView):
    pass


class QuestionChosenView(chooser_views.ChosenView):
    def get_object(self, pk):
        question = selectors.questions_for_picker(self.request.user).filter(pk=pk).first()
        if question is None:
            raise Http404
        return question


class QuestionChosenMultipleView(chooser_views.ChosenMultipleView):
    def get_objects(self, pks):
        return selectors.questions_for_picker(self.request.user).filter(pk__in=[pk for pk in pks if pk.isdigit()])


class QuestionChooserViewSet(ChooserViewSet):
    model = Question
    icon = "help"
    choose_one_text = _("Choose a question")
    choose_another_text = _("Choose another question")
    page_title = _("Add questions")
    per_page = 20
    choose_view_class = QuestionChooseView
    choose_results_view_class = QuestionChooseResultsView
    chosen_view_class = QuestionChosenView
    chosen_multiple_view_class = QuestionChosenMultipleView


question_chooser_viewset = QuestionChooserViewSet("question_chooser")
