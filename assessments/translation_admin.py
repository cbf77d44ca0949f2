"""The question bank's translation screen: a question's source texts beside the fields to translate.

The same people as the bank's other screens (trainers and administrators, else 403); a missing
question or a language questions are not translated into is a 404. Only texts are offered: the
key is the source's. What cannot be saved (an answer not in the current version, a text too
long) is said at the top and nothing is saved.
"""

from django import forms
from django.contrib import messages
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.rich_text import DraftailRichTextArea

from assessments import bank, permissions, translations
from assessments.models import Question, QuestionTranslation
from assessments.translation_models import STEM_FEATURES
from assessments.types import registry

OPTION_PREFIX = "option__"
PART_LABELS = {
    "text": gettext_lazy("Answer"),
    "feedback": gettext_lazy("Feedback"),
    "left": gettext_lazy("Prompt"),
    "right": gettext_lazy("Matching answer"),
}
NOT_RICH_TEXT = "\x00not rich text"


class RichTextInput(DraftailRichTextArea):
    """Draftail, saying so instead of failing when what was sent is not the editor's content."""

    def value_from_datadict(self, data, files, name):
        try:
            return super().value_from_datadict(data, files, name)
        except (ValueError, TypeError, KeyError, AttributeError):
            return NOT_RICH_TEXT


class RichTextField(forms.CharField):
    def clean(self, value):
        if value == NOT_RICH_TEXT:
            raise forms.ValidationError(_("This text is not in the editor's format. Reload the page and try again."))
        return super().clean(value)


class TranslationForm(forms.Form):
    stem = RichTextField(label=gettext_lazy("Question"), required=False, widget=RichTextInput(features=STEM_FEATURES))
    general_feedback = RichTextField(
        label=gettext_lazy("General feedback"), required=False, widget=RichTextInput(features=STEM_FEATURES)
    )

    def __init__(self, *args, source: dict, **kwargs):
        super().__init__(*args, **kwargs)
        for option_id, parts in source["options"].items():
            for part in parts:
                self.fields[f"{OPTION_PREFIX}{option_id}__{part}"] = forms.CharField(
                    label=PART_LABELS.get(part, part), required=False, strip=False, widget=forms.Textarea(attrs={"rows": 2})
                )


def options_from_post(post) -> dict:
    """Every ``option__<id>__<part>`` field sent, known or not: the bank's check refuses unknown ids."""
    options: dict[str, dict[str, str]] = {}
    for key in post:
        if key.startswith(OPTION_PREFIX) and key.count("__") >= 2:
            option_id, part = key[len(OPTION_PREFIX) :].rsplit("__", 1)
            options.setdefault(option_id, {})[part] = post.get(key, "")
    return options


def _initial(translation: QuestionTranslation | None) -> dict:
    if translation is None:
        return {}
    initial = {"stem": translation.stem, "general_feedback": translation.general_feedback}
    for option_id, parts in (translation.options or {}).items():
        for part, text in parts.items():
            initial[f"{OPTION_PREFIX}{option_id}__{part}"] = text
    return initial


def _rows(form, source: dict, changed: dict) -> list[dict]:
    """Each text to translate: its field, the source text, and the source as translated if it changed."""
    rows = [
        {"field": form["stem"], "source": source["stem"], "rich": True, "was": changed.get("stem")},
        {"field": form["general_feedback"], "source": source["general_feedback"], "rich": True, "was": changed.get("general_feedback")},
    ]
    for number, (option_id, parts) in enumerate(source["options"].items(), 1):
        for part, text in parts.items():
            rows.append(
                {
                    "field": form[f"{OPTION_PREFIX}{option_id}__{part}"],
                    "number": number,
                    "source": text,
                    "rich": False,
                    "was": changed["options"].get(option_id, {}).get(part),
                }
            )
    return rows


def translate_question(request, question_id, language):
    """GET: the form; POST: save the translation (made from the current version) or say why not."""
    permissions.check_question_bank_access(request.user)
    languages = dict(translations.translation_languages())
    if language not in languages:
        raise Http404
    question = Question.objects.filter(pk=question_id).first()
    if question is None:
        raise Http404
    current = Question.objects.filter(family=question.family, is_current=True).first() or question
    current = current.get_real_instance()
    translation = QuestionTranslation.objects.filter(family=current.family, language=language).first()
    source = translations.translatable_texts(current)
    form = TranslationForm(request.POST or None, source=source, initial=_initial(translation))
    problems = []
    if request.method == "POST":
        if form.is_valid():
            try:
                bank.save_translation(
                    question=current, language=language, stem=form.cleaned_data["stem"],
                    general_feedback=form.cleaned_data["general_feedback"], options=options_from_post(request.POST), by=request.user,
                )
            except bank.TranslationRefused as refused:
                problems = refused.problems
            else:
                messages.success(request, _("Translation saved: %(language)s.") % {"language": languages[language]})
                return HttpResponseRedirect(reverse("question_translate", args=[current.pk, language]))
        else:
            problems = [error for errors in form.errors.values() for error in errors]
    return render(
        request,
        "assessments/admin/translate.html",
        {
            "question": current,
            "type_label": registry.for_question(current).label,
            "language": language,
            "language_name": languages[language],
            "languages": languages,
            "translation": translation,
            "out_of_date": translation is not None and translation.is_out_of_date(current.version),
            "form": form,
            "rows": _rows(form, source, translations.changed_since(translation, current)),
            "problems": problems,
            "source_language": translations.source_language(),
        },
    )
