"""Question bank screens in the Wagtail admin: import (GIFT, Moodle XML) with preview, GIFT export."""

import random
import uuid
from decimal import Decimal

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core import signing
from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.formats import number_format
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from assessments import bank, importing, permissions, selectors, translations
from assessments.formats import DEFAULT_MAX_BYTES, export_gift, parse_gift, parse_moodle_xml
from assessments.models import Answer, Question, QuestionCategory
from assessments.types import registry
from assessments.views import question_views
from lms import audit
from lms.storage import private_storage

UPLOAD_SALT = "passage.question-import"
# Kept between the preview and the confirmation, in private storage (no URL leads there).
UPLOAD_DIR = "question-imports"


class ImportForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("File"),
        help_text=gettext_lazy("GIFT (.gift, .txt) or Moodle XML (.xml), at most 10 MB."),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > DEFAULT_MAX_BYTES:
            raise forms.ValidationError(_("The file is larger than 10 MB: split it into several files."))
        return upload


def _parse(name: str, data: bytes):
    if name.lower().endswith(".xml") or data.lstrip()[:5] == b"<?xml" or data.lstrip()[:5] == b"<quiz":
        return "xml", parse_moodle_xml(data)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return "gift", None
    return "gift", parse_gift(text)


def import_questions_view(request):
    """Upload → preview of what will be created, with every error → confirm. Nothing before that."""
    permissions.check_question_bank_access(request.user)
    if request.method == "POST" and request.POST.get("confirm"):
        try:
            stored = signing.loads(request.POST.get("upload", ""), salt=UPLOAD_SALT, max_age=3600)
        except signing.BadSignature:
            messages.error(request, _("The preview has expired or was changed. Upload the file again."))
            return HttpResponseRedirect(reverse("question_import"))
        if not private_storage().exists(stored["path"]):
            messages.error(request, _("This import was already done or has expired."))
            return HttpResponseRedirect(reverse("question_import"))
        with private_storage().open(stored["path"], "rb") as handle:
            data = handle.read()
        _kind, result = _parse(stored["name"], data)
        if result is None or not result.ok:
            messages.error(request, _("The file no longer passes the checks. Upload it again."))
            return HttpResponseRedirect(reverse("question_import"))
        created = importing.import_questions(result.questions, by=request.user)
        private_storage().delete(stored["path"])
        audit.record(actor=request.user, action="questions.import", data={"file": stored["name"], "questions": len(created)})
        messages.success(request, _("%(count)s questions imported.") % {"count": len(created)})
        return HttpResponseRedirect(reverse("question_import"))

    form = ImportForm(request.POST or None, request.FILES or None)
    context = {"form": form}
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        data = upload.read()
        kind, result = _parse(upload.name, data)
        if result is None:
            form.add_error("file", _("The file is not UTF-8 text. Save it as UTF-8 and upload it again."))
        else:
            context["result"] = result
            context["kind"] = kind
            context["rows"] = importing.preview_rows(result.questions)
            if result.ok:
                path = private_storage().save(f"{UPLOAD_DIR}/{uuid.uuid4().hex}.upload", ContentFile(data))
                context["upload"] = signing.dumps({"path": path, "name": upload.name}, salt=UPLOAD_SALT)
    return render(request, "assessments/admin/import.html", context)


def export_gift_view(request, category_id):
    """Download the questions of a category (and its subcategories) as GIFT."""
    permissions.check_question_bank_access(request.user)
    category = QuestionCategory.objects.filter(pk=category_id).first()
    if category is None:
        raise PermissionDenied
    names = {node.path: node.name for node in QuestionCategory.objects.all()}

    def path_of(node_path):
        steplen = QuestionCategory.steplen
        return tuple(names[node_path[:i]] for i in range(steplen, len(node_path) + 1, steplen))

    questions = (
        Question.objects.filter(is_current=True, category__path__startswith=category.path)
        .select_related("category")
        .order_by("category__path", "pk")
    )
    data = [importing.to_data(question, path_of(question.category.path)) for question in questions]
    text = export_gift(data)
    audit.record(actor=request.user, action="questions.export", obj=category, data={"questions": len(data), "format": "gift"})
    response = HttpResponse(text, content_type="text/plain; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{slugify(category.name) or "questions"}.gift"'
    return response


def bank_overview(request):
    """Categories with their question counts, and links to import and export."""
    permissions.check_question_bank_access(request.user)
    categories = list(QuestionCategory.get_tree())
    counts = {}
    for category_id in Question.objects.filter(is_current=True).values_list("category_id", flat=True):
        counts[category_id] = counts.get(category_id, 0) + 1
    for category in categories:
        category.count = counts.get(category.pk, 0)
    return render(request, "assessments/admin/bank.html", {"categories": categories, "max_mb": settings.FILE_UPLOAD_MAX_MEMORY_SIZE})


PREVIEW_SALT = "passage.question-preview"


def preview_question(request, question_id):
    """A question as a trainee sees it (a fresh shuffle each time), with the key below for the author.

    The author may answer and check it: the mark it would get is shown, partial credit included.
    Nothing is saved: the answer is never stored, so previews leave no trace in results. The
    shuffled layout travels signed in the form, so a check grades what was on the screen.
    """
    permissions.check_question_bank_access(request.user)
    question = get_object_or_404(Question, pk=question_id).get_real_instance()
    question_type = registry.for_question(question)
    layout, result = None, None
    if request.method == "POST":
        layout = _preview_layout(request.POST.get("layout", ""), question)
        if layout is None:
            messages.error(request, _("This preview has expired or was changed. Answer the question again."))
        else:
            result = _check_preview(question, question_type, layout, request.POST)
    answer = Answer(
        position=1,
        question=question,
        max_mark=question.default_mark,
        layout=layout if layout is not None else registry.for_question(question).build_layout(question, shuffle=True, rng=random.Random()),
        response=result["response"] if result else None,
    )
    # ?language=ar: the question as read by a trainee taking the quiz in Arabic.
    language = request.GET.get("language", "")
    language = language if language in dict(translations.translation_languages()) else ""
    view = question_views([answer], language=language)[0]
    return render(
        request,
        "assessments/admin/question_preview.html",
        {
            "question": view,
            "real": question,
            "layout_token": signing.dumps({"question": question.pk, "layout": answer.layout}, salt=PREVIEW_SALT),
            "result": result,
            "right_answer": selectors.right_answer_text(question),
            "language": language,
            "languages": [code for code, _out_of_date in selectors.translation_states([question]).get(question.family, [])],
            "edit_url": reverse(f"{question._meta.model_name}:edit", args=[question.pk]),
        },
    )


def _preview_layout(token: str, question) -> dict | None:
    """The layout the preview showed, or None when the token is missing, forged or for another question."""
    try:
        signed = signing.loads(token, salt=PREVIEW_SALT, max_age=24 * 3600)
    except signing.BadSignature:
        return None
    if not isinstance(signed, dict) or signed.get("question") != question.pk or not isinstance(signed.get("layout"), dict):
        return None
    return signed["layout"]


def _check_preview(question, question_type, layout: dict, post) -> dict:
    """The response the form sent and the mark it would get: the type reads and grades, nothing is stored."""
    response = question_type.clean(question_type.form_data(post, "q1-", layout), layout)
    result = {"response": response, "feedback": [], "text": ""}
    problems = bank.key_problems(question)
    if problems:  # a draft whose key cannot be graded yet: say why instead of guessing a mark
        result["text"] = _("This question cannot be graded yet: %(problems)s") % {"problems": " ".join(problems)}
        return result
    if not question_type.is_answered(response):
        result["text"] = _("No answer given: it would get no mark.")
        return result
    outcome = question_type.grade(question, Answer(question=question, layout=layout, response=response))
    if outcome is None:
        result["text"] = _("A person grades this answer: no mark until then.")
        return result
    out_of = float(question.default_mark)
    result["text"] = _("Mark: %(mark)s out of %(out_of)s (%(percent)s %%)") % {
        "mark": _number(outcome.fraction * out_of),
        "out_of": _number(out_of),
        "percent": _number(outcome.fraction * 100),
    }
    result["feedback"] = outcome.feedback
    return result


def _number(value: float) -> str:
    """At most two decimals, none when whole, in the reader's language: 0.5, 1, 33.33."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return number_format(Decimal("0" if text == "-0" else text))
