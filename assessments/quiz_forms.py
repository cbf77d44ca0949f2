"""The quiz's edit form in the Wagtail admin: only questions the author may use, and random slots
that can always be drawn. Imported by ``assessments.models`` (``QuizPage.base_form_class``), so it
reads the models and selectors only once a form is checked."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.admin.forms import WagtailAdminPageForm


def _kept_forms(formset) -> list:
    """The child forms that will be saved and passed their own checks: filled in, not deleted."""
    if formset is None:
        return []
    formset.is_valid()  # cleans every child form once; the results are kept
    kept = []
    for form in formset.forms:
        if formset.can_delete and formset._should_delete_form(form):
            continue
        if form.errors or (form.instance.pk is None and not form.has_changed()):
            continue
        kept.append(form)
    return kept


class QuizPageForm(WagtailAdminPageForm):
    """Refuses, with nothing saved, a question outside the author's picker (posting any id does
    not get round the chooser) and random slots whose categories hold too few questions."""

    def clean(self):
        cleaned_data = super().clean()
        fixed_families = self._check_fixed_questions()
        self._check_random_slots(fixed_families)
        return cleaned_data

    def _check_fixed_questions(self) -> set:
        from assessments import selectors

        allowed = selectors.questions_for_picker(self.for_user)
        families = set()
        for form in _kept_forms(self.formsets.get("slots")):
            question = form.cleaned_data.get("question")
            if question is None:
                continue
            unchanged = form.instance.pk is not None and str(form.initial.get("question")) == str(question.pk)
            if not unchanged and not allowed.filter(pk=question.pk).exists():
                form.add_error("question", _("Choose a question from the question bank (its current version)."))
                continue
            families.add(question.family)
        return families

    def _check_random_slots(self, fixed_families: set) -> None:
        from assessments import draw, selectors

        forms = [form for form in _kept_forms(self.formsets.get("random_slots")) if form.cleaned_data.get("category")]
        slots = [form.instance for form in forms]
        for shortfall in draw.shortfalls(selectors.random_draws(slots, fixed_families=fixed_families)):
            slot = slots[shortfall.index]
            forms[shortfall.index].add_error(
                "count",
                ngettext(
                    "“%(category)s” has only %(available)s question to draw (questions already in the quiz do not count); "
                    "%(needed)s are asked for.",
                    "“%(category)s” has only %(available)s questions to draw (questions already in the quiz do not count); "
                    "%(needed)s are asked for.",
                    shortfall.available,
                )
                % {"category": slot.category, "available": shortfall.available, "needed": shortfall.needed},
            )
