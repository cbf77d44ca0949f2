"""Trainer pages for quizzes: the quizzes I can see, the grading queue, grading an attempt,
results with item analysis, the CSV export, and regrading a question after its key is corrected.

Every page fetches through an access helper of ``assessments.permissions``: anything outside the
user's rights answers 404.
"""


from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.core.validators import MaxValueValidator
from django.http import Http404, HttpResponseRedirect, StreamingHttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods

from assessments import permissions, results, selectors, services, translations
from assessments.models import Attempt
from assessments.types import registry
from lms import audit, roles
from lms.converters import id_from
from lms.spreadsheets import CSV_CONTENT_TYPE, csv_stream
from lms.templatetags.passage_i18n import content_language

QUEUE_PAGE_SIZE = 50


class EssayGradeForm(forms.Form):
    """A person's mark and comment for one essay answer."""

    mark = forms.DecimalField(label=gettext_lazy("Mark"), min_value=0, max_digits=6, decimal_places=2, required=False)
    comment = forms.CharField(
        label=gettext_lazy("Comment for the trainee"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def __init__(self, *args, answer, **kwargs):
        super().__init__(*args, prefix=f"answer-{answer.pk}", **kwargs)
        self.answer = answer
        mark = self.fields["mark"]
        mark.max_value = answer.max_mark
        mark.validators.append(MaxValueValidator(answer.max_mark))
        mark.widget.attrs.update({"min": "0", "max": str(answer.max_mark), "step": "0.01", "inputmode": "decimal"})
        # A grade once given can be changed, not taken back to "waiting".
        mark.required = answer.mark is not None
        if answer.mark is None:
            mark.help_text = _("From 0 to %(max)s. Leave it empty to grade this answer later.") % {"max": _number(answer.max_mark)}
        else:
            mark.help_text = _("From 0 to %(max)s.") % {"max": _number(answer.max_mark)}
        mark.initial = answer.mark
        self.fields["comment"].initial = answer.grader_comment
        self.fields["comment"].help_text = _("Written for the trainee, about this answer.")


def _number(value) -> str:
    return format(value.normalize() if value == value.to_integral() else value, "f")


def _selected_cohort(request, quiz):
    """The cohort picked in ``?cohort=``, among those the user may filter by; 404 for another."""
    return permissions.access_results_cohort(request.user, quiz, request.GET.get("cohort", ""))


@login_required
@require_GET
def quiz_list(request):
    """The quizzes a trainer can see, with what waits for a grade and links to results."""
    permissions.require_trainer(request.user)
    quizzes = selectors.quizzes_for_trainer(request.user)
    waiting = selectors.waiting_counts(request.user)
    for quiz in quizzes:
        quiz.waiting = waiting.get(quiz.translation_key, 0)
    return render(
        request,
        "assessments/trainer/quiz_list.html",
        {"quizzes": quizzes, "waiting_total": sum(waiting.values())},
    )


@login_required
@require_GET
def grading_queue(request):
    """Submitted attempts with essays waiting for a grade, oldest first (optionally of one quiz)."""
    permissions.require_trainer(request.user)
    quiz = None
    if request.GET.get("quiz"):
        quiz_id = id_from(request.GET["quiz"])
        if quiz_id is None:
            raise Http404
        quiz = permissions.access_quiz_results(request.user, quiz_id)
    attempts = selectors.grading_queue(request.user, quiz_key=quiz.translation_key if quiz else None)
    page = Paginator(attempts, QUEUE_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "assessments/trainer/grading_queue.html", {"page_obj": page, "quiz": quiz})


@login_required
@require_http_methods(["GET", "POST"])
def grade_attempt(request, attempt_id):
    """The essays of one attempt with their rubric, the trainee's text, a mark and a comment."""
    attempt = permissions.access_gradable_attempt(request.user, attempt_id)
    answers = selectors.essay_answers(attempt)
    # The fingerprint of the grades the form was made from: a second submit, or a colleague's
    # grade saved in between, is refused rather than overwritten.
    state = request.POST.get("state", "") if request.method == "POST" else selectors.grading_state(answers)
    data = request.POST if request.method == "POST" else None
    grade_forms = [EssayGradeForm(data, answer=answer) for answer in answers]
    status = 200
    if request.method == "POST":
        valid = all([form.is_valid() for form in grade_forms])  # every form validated, errors shown at once
        grades = [
            services.EssayGrade(answer_id=form.answer.pk, mark=form.cleaned_data["mark"], comment=form.cleaned_data["comment"])
            for form in grade_forms
            if valid
        ]
        if valid and not any(grade.mark is not None or grade.comment.strip() for grade in grades):
            valid = False
            messages.error(request, _("Enter a mark for at least one answer. Nothing was saved."))
        elif not valid:
            messages.error(request, _("Nothing was saved: correct the marks shown below."))
        if valid:
            try:
                result = services.grade_essays(attempt=attempt, grades=grades, by=request.user, expected_state=state)
            except services.GradeConflict as error:
                messages.error(request, str(error))
                return HttpResponseRedirect(reverse("grade_attempt", args=[attempt.pk]))
            except services.GradingError as error:
                messages.error(request, str(error))
            else:
                if not result.changed:
                    messages.info(request, _("Nothing to save: the grades are as they were."))
                elif result.completed:
                    messages.success(request, _("Grades saved. The trainee is told by email that their grade is ready."))
                else:
                    messages.success(request, _("Grades saved. Some answers still wait for a mark."))
                return HttpResponseRedirect(reverse("grading_queue"))
        status = 400
    return render(
        request,
        "assessments/trainer/grade_attempt.html",
        {
            "attempt": attempt,
            "items": _grading_items(attempt, grade_forms),
            "state": state,
            "automatic": selectors.automatic_marks(attempt, answers),
        },
        status=status,
    )


def _grading_items(attempt, grade_forms) -> list[dict]:
    """Each essay as the trainee read it: its question in the attempt's language where translated."""
    translated = selectors.question_translations((form.answer.question.family for form in grade_forms), attempt.language)
    items = []
    for form in grade_forms:
        translation = translated.get(form.answer.question.family)
        items.append({
            "answer": form.answer,
            "question": translations.localise(form.answer.question, translation),
            # The title is the bank's own name for the question, in the bank's language.
            "title": format_html("<span{}>{}</span>", content_language(translations.source_language()), form.answer.question.title),
            "language": translation.language if translation else translations.source_language(),
            "form": form,
            "text": (form.answer.response or {}).get("text", ""),
        })
    return items


@login_required
@require_GET
def quiz_results(request, quiz_id):
    """Results of a quiz: counts, grades, distribution and item analysis (optionally one cohort)."""
    quiz = permissions.access_quiz_results(request.user, quiz_id)
    cohorts, cohort = _selected_cohort(request, quiz)
    figures = results.quiz_results(quiz, selectors.quiz_attempts(request.user, quiz, cohort=cohort))
    return render(
        request,
        "assessments/trainer/results.html",
        {"quiz": quiz, "cohorts": cohorts, "cohort": cohort, "results": figures, "is_administrator": roles.is_administrator(request.user)},
    )


@login_required
@require_GET
def quiz_results_csv(request, quiz_id):
    """One row per finished attempt, marks per question; streamed, and written to the audit log."""
    quiz = permissions.access_quiz_results(request.user, quiz_id)
    _cohorts, cohort = _selected_cohort(request, quiz)
    attempts = selectors.quiz_attempts(request.user, quiz, cohort=cohort)
    rows = results.results_csv_rows(quiz, attempts)
    audit.record(
        actor=request.user,
        action="assessments.results_exported",
        obj=quiz,
        data={
            "quiz_key": str(quiz.translation_key),
            "cohort": cohort.pk if cohort else None,
            "rows": attempts.filter(status=Attempt.Status.FINISHED).count(),
        },
    )
    # With a byte-order mark, so that spreadsheet programs read Arabic and Cyrillic names as UTF-8.
    response = StreamingHttpResponse(csv_stream(rows, bom=True), content_type=CSV_CONTENT_TYPE)
    response["Content-Disposition"] = results.results_csv_disposition(quiz, cohort=cohort, day=timezone.localdate())
    response["Cache-Control"] = "no-store"
    return response


@login_required
@require_GET
def quiz_questions(request, quiz_id):
    """The questions a quiz uses, with their current version and a regrade action each."""
    quiz = permissions.access_quiz_for_regrade(request.user, quiz_id)
    return render(
        request, "assessments/trainer/questions.html", {"quiz": quiz, "items": results.quiz_question_families(quiz)}
    )


@login_required
@require_http_methods(["GET", "POST"])
def regrade_question(request, quiz_id, family):
    """Preview how many attempts a regrade with the current key changes, then confirm it."""
    quiz, question = permissions.access_quiz_question(request.user, quiz_id, family)
    back = reverse("quiz_questions", args=[quiz.pk])
    if request.method == "POST":
        try:
            expected = int(request.POST.get("version", ""))
            plan = services.regrade_family(question=question, by=request.user, expected_version=expected)
        except ValueError:
            messages.error(request, str(services.KeyChanged()))
            return HttpResponseRedirect(request.path)
        except services.KeyChanged as error:
            messages.error(request, str(error))
            return HttpResponseRedirect(request.path)
        except services.GradingError as error:
            messages.error(request, str(error))
            return HttpResponseRedirect(back)
        messages.success(
            request,
            _("%(attempts)s attempts regraded with version %(version)s; %(changed)s grades changed.")
            % {"attempts": plan.attempts, "version": plan.question.version, "changed": plan.grades_changed},
        )
        return HttpResponseRedirect(back)
    try:
        plan = services.plan_regrade(question=question, by=request.user)
    except services.NothingToRegrade as error:
        messages.info(request, str(error))
        return HttpResponseRedirect(back)
    key_rows = []
    if registry.for_question(plan.question).lists_option_credit:
        credit = results.option_credit(plan.question)
        key_rows = [(plan.question.option_label(option_id), 100 * credit.get(option_id, 0)) for option_id in plan.question.option_ids()]
    return render(
        request,
        "assessments/trainer/regrade_confirm.html",
        {"quiz": quiz, "question": plan.question, "plan": plan, "key": selectors.right_answer_text(plan.question), "key_rows": key_rows},
    )
