"""Quiz views: intro, attempt pages (autosave with JavaScript, buttons without), summary, review."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from assessments import permissions, selectors, services, translations
from assessments.models import Attempt, QuizPage
from assessments.types import registry
from courses import selectors as course_selectors


def _enrolment_for(request, quiz: QuizPage):
    course = course_selectors.course_of(quiz)
    return course, course_selectors.current_enrolment(trainee=request.user, course=course)


def quiz_intro(request, quiz: QuizPage):
    """The rules of the quiz and the trainee's attempts so far."""
    course, enrolment = _enrolment_for(request, quiz)
    if enrolment is None:
        messages.info(request, _("Enrol in this course to take its quiz."))
        return HttpResponseRedirect(course.get_url(request))
    services.close_overdue_for(quiz=quiz, trainee=request.user)
    return TemplateResponse(request, "assessments/quiz_page.html", intro_context(request, quiz, course=course, enrolment=enrolment))


def intro_context(request, quiz: QuizPage, *, course=None, enrolment=None) -> dict:
    """What the intro shows: the rules, the user's attempts, whether they may start (previews too)."""
    if course is None:
        course, enrolment = _enrolment_for(request, quiz)
    attempts = list(Attempt.objects.filter(quiz_key=quiz.translation_key, trainee=request.user).order_by("number"))
    final = selectors.quiz_final_grade(quiz, request.user)
    passed = final is not None and final >= float(quiz.pass_mark)
    for attempt in attempts:
        attempt.marks_visible = selectors.review_allows(quiz.show_marks, quiz=quiz, attempt=attempt, passed=passed)
    in_progress = next((a for a in attempts if a.is_open), None)
    reason = None
    if in_progress is None:
        try:
            services.check_can_start(quiz=quiz, trainee=request.user)
        except services.QuizError as error:
            reason = str(error)
    context = quiz.get_context(request)
    previous_item, next_item = course_selectors.neighbours(course, quiz)
    context.update(
        {
            "course": course,
            "enrolment": enrolment,
            "attempts": attempts,
            "in_progress": in_progress,
            "cannot_start": reason,
            "attempts_left": selectors.attempts_left(quiz, request.user),
            "question_count": selectors.question_count(quiz),
            "final_grade": final,
            "final_visible": any(a.marks_visible for a in attempts),
            "passed": passed,
            "previous_item": previous_item,
            "next_item": next_item,
        }
    )
    return context


@login_required
@require_http_methods(["GET", "POST"])
def preview(request, quiz_id):
    """An author tries the whole quiz (its latest draft) as a trainee would, without enrolling.
    GET says what a preview is; POST starts one, or resumes the one in progress."""
    quiz = permissions.access_quiz_preview(request.user, quiz_id)
    if request.method == "POST":
        try:
            attempt = services.start_preview(quiz=quiz, author=request.user)
        except services.QuizError as error:
            messages.error(request, str(error))
            return HttpResponseRedirect(reverse("quiz_preview", args=[quiz.pk]))
        return HttpResponseRedirect(reverse("attempt", args=[attempt.pk]) + f"?page={attempt.current_page}")
    draft = quiz.get_latest_revision_as_object()
    return render(
        request,
        "assessments/preview.html",
        {
            "quiz": draft,
            "question_count": selectors.question_count(draft),
            "in_progress": selectors.open_preview(quiz, request.user),
            "edit_url": reverse("wagtailadmin_pages:edit", args=[quiz.pk]),
        },
    )


@login_required
@require_POST
def start(request, quiz_id):
    quiz = permissions.access_live_quiz(quiz_id)
    course, enrolment = _enrolment_for(request, quiz)
    if enrolment is None:
        messages.error(request, str(services.NotEnrolled()))
        return HttpResponseRedirect(course.get_url(request))
    try:
        attempt = services.start_attempt(quiz=quiz, trainee=request.user, enrolment=enrolment)
    except services.QuizError as error:
        messages.error(request, str(error))
        return HttpResponseRedirect(quiz.get_url(request))
    return HttpResponseRedirect(reverse("attempt", args=[attempt.pk]) + f"?page={attempt.current_page}")


def _page_answers(attempt: Attempt, page: int):
    # With their questions (one join): each question's type reads its own form fields.
    answers = list(attempt.answers.select_related("question").order_by("position"))
    if attempt.quiz.layout == QuizPage.Layout.ALL_ON_ONE:
        return answers, 0, 1
    pages = max(1, len(answers))
    page = min(max(page, 0), pages - 1)
    return answers[page : page + 1], page, pages


def _read_responses(request, answers) -> dict:
    """Form fields of the questions shown on this page → {position: data}."""
    data = request.POST
    responses = {}
    for answer in answers:
        prefix = f"q{answer.position}-"
        if data.get(prefix + "shown") != "1":
            continue
        responses[answer.position] = registry.for_question(answer.question).form_data(data, prefix, answer.layout or {})
    return responses


def question_views(answers, *, review=None, language=""):
    """What the attempt, review and preview templates show of each answer's question, read in
    ``language`` (an attempt's) where translated, else in the bank's language (``language`` says which)."""
    views = []
    answers = selectors.with_real_questions(answers)
    translated = selectors.question_translations((a.question.family for a in answers), language)
    for answer in answers:
        translation = translated.get(answer.question.family)
        question = translations.localise(answer.question, translation)
        layout = answer.layout or {}
        response = answer.response or {}
        question_type = registry.for_question(question)
        view = {
            "answer": answer,
            "position": answer.position,
            "kind": question_type.name,
            "template": question_type.trainee_template,
            "review_template": question_type.review_template,
            "stem": question.stem,
            "language": translation.language if translation else translations.source_language(),
            "max_mark": answer.max_mark,
            "options": [],
            "response": response,
            "selected": set(),
            "text": "",
            "value": None,
        }
        view.update(question_type.view_context(question, layout, response))
        if review is not None:
            view.update(review(answer, question))
        views.append(view)
    return views


@login_required
@require_http_methods(["GET", "POST"])
def attempt_page(request, attempt_id):
    """One page of an attempt. POST saves what is on it, then moves where the button says."""
    attempt = services.close_if_overdue(permissions.access_attempt(request.user, attempt_id))
    if not attempt.is_open:
        return HttpResponseRedirect(reverse("attempt_review", args=[attempt.pk]))
    try:
        page = int(request.POST.get("page") or request.GET.get("page") or attempt.current_page)
    except ValueError:
        page = 0
    answers, page, pages = _page_answers(attempt, page)
    if request.method == "POST":
        try:
            services.save_answers(attempt=attempt, responses=_read_responses(request, answers), page=page)
        except services.AttemptClosed as error:
            messages.error(request, str(error))
            return HttpResponseRedirect(reverse("attempt_review", args=[attempt.pk]))
        action = request.POST.get("action", "save")
        if action == "summary":
            return HttpResponseRedirect(reverse("attempt_summary", args=[attempt.pk]))
        if action == "next":
            page = min(page + 1, pages - 1)
        elif action == "previous":
            page = max(page - 1, 0)
        elif action.startswith("goto-"):
            target = action.removeprefix("goto-")
            # ASCII digits only ("²".isdigit() is true), and never past the last page.
            page = min(int(target), pages - 1) if target.isascii() and target.isdigit() else page
        else:
            messages.success(request, _("Your answers are saved."))
        if page != attempt.current_page:
            services.save_answers(attempt=attempt, responses={}, page=page)
        return HttpResponseRedirect(reverse("attempt", args=[attempt.pk]) + f"?page={page}")
    services.remember_page(attempt=attempt, page=page)
    return render(
        request,
        "assessments/attempt.html",
        {
            "attempt": attempt,
            "quiz": attempt.quiz,
            "questions": question_views(answers, language=attempt.language),
            "page": page,
            "pages": pages,
            "page_numbers": range(pages),
            "is_last": page >= pages - 1,
            "seconds_left": _seconds_left(attempt),
        },
    )


def _seconds_left(attempt):
    if attempt.deadline is None:
        return None
    return max(0, int((attempt.deadline - timezone.now()).total_seconds()))


@login_required
@require_POST
def autosave(request, attempt_id):
    """Save the answers of the page as the trainee types (progressive enhancement)."""
    attempt = permissions.access_attempt(request.user, attempt_id)
    try:
        page = int(request.POST.get("page", attempt.current_page))
    except ValueError:
        page = attempt.current_page
    answers, page, _pages = _page_answers(attempt, page)
    try:
        saved = services.save_answers(attempt=attempt, responses=_read_responses(request, answers))
    except services.AttemptClosed as error:
        return JsonResponse({"ok": False, "error": str(error)}, status=409)
    return JsonResponse({"ok": True, "saved": saved, "at": timezone.now().isoformat(), "seconds_left": _seconds_left(attempt)})


@login_required
@require_GET
def summary(request, attempt_id):
    attempt = services.close_if_overdue(permissions.access_attempt(request.user, attempt_id))
    if not attempt.is_open:
        return HttpResponseRedirect(reverse("attempt_review", args=[attempt.pk]))
    answers = list(attempt.answers.select_related("question").order_by("position"))
    one_per_page = attempt.quiz.layout == QuizPage.Layout.ONE_PER_PAGE
    rows = [
        {"position": a.position, "title": a.question.title, "answered": selectors.is_answered(a), "page": (a.position - 1) if one_per_page else 0}
        for a in answers
    ]
    return render(
        request,
        "assessments/summary.html",
        {"attempt": attempt, "quiz": attempt.quiz, "rows": rows, "unanswered": sum(1 for r in rows if not r["answered"]), "seconds_left": _seconds_left(attempt)},
    )


@login_required
@require_POST
def submit(request, attempt_id):
    attempt = permissions.access_attempt(request.user, attempt_id)
    try:
        services.submit_attempt(attempt=attempt)
    except services.SubmittedTooLate as error:
        messages.warning(request, str(error))
    except services.AttemptClosed as error:
        messages.info(request, str(error))
    else:
        messages.success(request, _("Your attempt is submitted."))
    return HttpResponseRedirect(reverse("attempt_review", args=[attempt.pk]))


@login_required
@require_GET
def review(request, attempt_id):
    attempt = permissions.access_attempt(request.user, attempt_id)
    if attempt.is_open:
        return HttpResponseRedirect(reverse("attempt", args=[attempt.pk]))
    quiz = attempt.quiz
    if attempt.is_preview:  # the author sees all that any review setting could show
        show_marks = show_feedback = show_right = True
    else:
        final = selectors.quiz_final_grade(quiz, request.user)
        passed = final is not None and final >= float(quiz.pass_mark)
        show_marks = selectors.review_allows(quiz.show_marks, quiz=quiz, attempt=attempt, passed=passed)
        show_feedback = selectors.review_allows(quiz.show_feedback, quiz=quiz, attempt=attempt, passed=passed)
        show_right = selectors.review_allows(quiz.show_correct_answers, quiz=quiz, attempt=attempt, passed=passed)

    def details(answer, question):
        return {
            "mark": answer.mark if show_marks else None,
            "show_marks": show_marks,
            "feedback": answer.feedback if show_feedback else [],
            "general_feedback": question.general_feedback if show_feedback else "",
            "right_answer": selectors.right_answer_text(question) if show_right else "",
            "state": selectors.answer_state(answer) if show_marks else None,
            # Written by a person for this trainee: shown whatever the review settings, as in the email.
            "grader_comment": answer.grader_comment,
        }

    answers = list(attempt.answers.order_by("position"))
    course = course_selectors.course_of(quiz)
    _previous, next_item = course_selectors.neighbours(course, quiz)
    return render(
        request,
        "assessments/review.html",
        {
            "attempt": attempt,
            "quiz": quiz,
            "course": course,
            "questions": question_views(answers, review=details, language=attempt.language),
            "show_marks": show_marks,
            "attempt_passed": attempt.grade is not None and attempt.grade >= quiz.pass_mark and not attempt.needs_grading,
            "next_item": next_item,
            "unread_grade": attempt.has_unread_grade,
        },
    )


@login_required
@require_POST
def mark_grade_read(request, attempt_id):
    """The trainee has read a person's grade: the dashboard stops announcing it (their own attempts only)."""
    attempt = permissions.access_attempt(request.user, attempt_id)
    if services.mark_grade_seen(attempt=attempt, trainee=request.user):
        messages.success(request, _("Marked as read."))
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        target = reverse("dashboard")
    return HttpResponseRedirect(target)
