"""Learning views: lessons, enrolment, progress, dashboard, cohorts and invitations."""

import hashlib
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from courses import cohort_grid, panels, selectors, services
from courses.forms import CohortGridForm
from courses.models import CoursePage, Enrolment, LessonCompletion, LessonPage
from courses.permissions import (
    access_account_invitation_as_trainer,
    access_cohort,
    access_cohort_invitation,
    access_cohort_invitation_as_trainer,
    access_cohort_round,
    access_live_course,
    access_live_lesson,
    access_own_enrolment,
    can_join_cohorts,
    can_run_cohorts,
)
from lms import ratelimit
from lms import services as account_services
from lms.forms import InvitationUploadForm
from lms.routing import url_in_interface_language
from lms.spreadsheets import CSV_CONTENT_TYPE, csv_bytes


def serve_lesson(request, lesson: LessonPage):
    """Show a lesson to an enrolled trainee; everyone else is sent to the course page to enrol."""
    course = selectors.course_of(lesson)
    enrolment = selectors.current_enrolment(trainee=request.user, course=course)
    if enrolment is None:
        messages.info(request, _("Enrol in this course to open its lessons."))
        return HttpResponseRedirect(course.get_url(request))
    services.record_visit(enrolment=enrolment, lesson=lesson)
    context = lesson.get_context(request)
    context.update(selectors.lesson_context(lesson=lesson, course=course, enrolment=enrolment, request=request))
    return TemplateResponse(request, lesson.get_template(request), context)


@login_required
@require_POST
def enrol(request, course_id):
    course = access_live_course(course_id)
    latest = selectors.latest_round(trainee=request.user, course=course)
    enrolment = services.enrol(trainee=request.user, course=course, new_round=request.POST.get("new_round") == "1")
    context = selectors.course_page_context(course=course, user=request.user, request=request)
    target = context["resume_lesson"] or context["first_lesson"]
    if latest is not None and latest.is_withdrawn and enrolment.pk == latest.pk:
        messages.success(request, _("Welcome back: you are enrolled again. The lessons you completed are kept; continue where you stopped."))
    elif enrolment.round > 1 and enrolment.progress_percent == 0:
        messages.success(request, _("Round %(round)s started. Your earlier results are kept.") % {"round": enrolment.round})
    else:
        messages.success(request, _("You are enrolled. Start with the first lesson."))
    return HttpResponseRedirect(target.link if target else course.get_url(request))


@login_required
@require_http_methods(["GET", "POST"])
def leave_course(request, enrolment_id):
    """A trainee leaves their round of a course: the page asks to confirm (GET), the button does it (POST)."""
    enrolment = access_own_enrolment(request.user, enrolment_id)
    course_url = enrolment.course.get_url(request) if enrolment.course else reverse("dashboard")
    if request.method == "POST":
        try:
            services.withdraw(enrolment, by=request.user)
        except services.LearningError as error:
            messages.error(request, str(error))
        else:
            messages.success(
                request,
                _("You left “%(course)s”. Nothing you did is deleted: enrol again whenever you want to continue.")
                % {"course": enrolment.course_title},
            )
        return HttpResponseRedirect(course_url)
    try:
        services.check_can_withdraw(enrolment)
    except services.LearningError as error:
        messages.error(request, str(error))
        return HttpResponseRedirect(course_url)
    return render(request, "courses/leave_course.html", {"enrolment": enrolment, "course_url": course_url})


@login_required
@require_POST
def complete_lesson(request, lesson_id):
    lesson = access_live_lesson(lesson_id)
    course = CoursePage.objects.get(path=lesson.path[: -2 * LessonPage.steplen])
    enrolment = selectors.open_enrolment(trainee=request.user, course_key=course.translation_key)
    if enrolment is None:
        current = selectors.current_enrolment(trainee=request.user, course=course)
        if current is not None and current.is_completed:
            # Reading again after completing: nothing to record.
            return HttpResponseRedirect(_next_url(request, lesson, course))
        messages.error(request, _("Enrol in this course to record your progress."))
        return HttpResponseRedirect(url_in_interface_language(course, request))
    completed_now = services.complete_lesson(enrolment=enrolment, lesson=lesson)
    if completed_now:
        messages.success(request, _("Congratulations: you have completed “%(course)s”.") % {"course": course.title})
        return HttpResponseRedirect(url_in_interface_language(course, request))
    return HttpResponseRedirect(_next_url(request, lesson, course))


def _next_url(request, lesson, course):
    # In the reader's language: a course shown untranslated keeps its reader's interface.
    _previous, following = selectors.neighbours(course, lesson)
    return url_in_interface_language(following or course, request)


@login_required
@require_GET
def dashboard(request):
    enrolments = list(selectors.enrolments_for_dashboard(request.user))
    for enrolment in enrolments:
        enrolment.waiting_for = selectors.waiting_for(enrolment)
    runs_cohorts = can_run_cohorts(request.user)
    dashboard_panels = panels.panels_for(request.user)
    return render(
        request,
        "courses/dashboard.html",
        {
            **dashboard_panels.context,
            "panel_templates": dashboard_panels.templates,
            "in_progress": [e for e in enrolments if e.status == Enrolment.Status.ACTIVE],
            "completed": [e for e in enrolments if e.status == Enrolment.Status.COMPLETED],
            "cohorts": selectors.cohorts_for_trainer(request.user)[:20] if runs_cohorts else [],
            "catalogue_url": selectors.catalogue_url(),
            "cohort_invitations": selectors.pending_cohort_invitations(request.user),
            "can_join_cohorts": can_join_cohorts(request.user),
            "trainer_links": panels.trainer_links() if runs_cohorts else [],
        },
    )


@require_GET
def catalogue_redirect(request):
    return HttpResponseRedirect(selectors.catalogue_url())


@login_required
@require_GET
def cohort_list(request):
    if not can_run_cohorts(request.user):
        raise Http404
    return render(request, "courses/cohort_list.html", {"cohorts": selectors.cohorts_for_trainer(request.user)})


@login_required
@require_GET
def cohort_detail(request, cohort_id):
    cohort = access_cohort(request.user, cohort_id)
    roster = list(selectors.cohort_roster(cohort))
    for enrolment in roster:
        enrolment.pending_invitation = next((i for i in enrolment.trainee.invitations.all() if i.accepted_at is None), None)
    invited = selectors.cohort_invitations(cohort)
    return render(request, "courses/cohort_detail.html", {"cohort": cohort, "roster": roster, "invitations": invited})


@login_required
@require_http_methods(["GET", "POST"])
def cohort_invite(request, cohort_id):
    """Upload a CSV → preview with per-line errors → confirm. Nothing is saved before confirming."""
    cohort = access_cohort(request.user, cohort_id)
    if request.method == "POST":
        try:
            # Refused before the body is read: a 50 MB upload is never parsed.
            services.check_invitation_upload(declared_bytes=int(request.META.get("CONTENT_LENGTH") or 0))
        except services.InvitationFileTooLarge as error:
            context = {"cohort": cohort, "form": InvitationUploadForm(), "upload_error": str(error)}
            return render(request, "courses/cohort_invite.html", context, status=413)

    if request.method == "POST" and "confirm" in request.POST:
        try:
            checked = services.confirm_cohort_invitations(
                cohort=cohort, payload=request.POST.get("payload", ""), invited_by=request.user
            )
        except services.InvitationPreviewExpired as error:
            messages.error(request, str(error))
            return HttpResponseRedirect(reverse("cohort_invite", args=[cohort.pk]))
        if not checked.result.ok:
            return render(request, "courses/cohort_invite.html", {"cohort": cohort, "form": InvitationUploadForm(), "result": checked.result})
        # Counted from the file alone: the message must not tell which addresses had an account.
        invited = len(checked.result.rows)
        messages.success(
            request,
            ngettext(
                "%(count)s person invited. They join the cohort when they accept.",
                "%(count)s people invited. They join the cohort when they accept.",
                invited,
            )
            % {"count": invited},
        )
        return HttpResponseRedirect(reverse("cohort_detail", args=[cohort.pk]))

    form = InvitationUploadForm(request.POST or None, request.FILES or None)
    context = {"cohort": cohort, "form": form}
    if request.method == "POST" and form.is_valid():
        try:
            preview = services.preview_cohort_invitations(data=form.cleaned_data["file"].read())
        except services.InvitationFileUnreadable as error:
            form.add_error("file", str(error))
        else:
            context["result"] = preview.result
            if preview.payload:
                context["payload"] = preview.payload
    return render(request, "courses/cohort_invite.html", context)


def _may_send_again(request) -> bool:
    """Count one "send again" of this trainer; False (with a message) once over the hourly limit."""
    # Each one emails a person who did not ask for it: a trainer's mistake, or a stolen session,
    # must not turn the platform into a mailer.
    usage = ratelimit.hit(
        request, group="courses.invitation_resend", limit=settings.PASSAGE_INVITE_RESENDS_PER_HOUR, seconds=3600, key="user"
    )
    if not usage.allowed:
        messages.error(
            request,
            _("You have sent %(limit)s invitations again in the last hour. Try again in %(minutes)s minutes.")
            % {"limit": usage.limit, "minutes": max(1, round(usage.retry_after / 60))},
        )
    return usage.allowed


@login_required
@require_POST
def resend_invitation(request, invitation_id):
    invitation = access_account_invitation_as_trainer(request.user, invitation_id)
    cohort = invitation.cohort
    if not _may_send_again(request):
        return HttpResponseRedirect(reverse("cohort_detail", args=[cohort.pk]))
    try:
        account_services.resend_invitation(invitation=invitation, by=request.user)
    except account_services.InvitationInvalid as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("A new invitation was sent to %(email)s.") % {"email": invitation.user.email})
    return HttpResponseRedirect(reverse("cohort_detail", args=[cohort.pk]))


@login_required
@require_POST
def resend_cohort_invitation(request, invitation_id):
    invitation = access_cohort_invitation_as_trainer(request.user, invitation_id)
    if not _may_send_again(request):
        return HttpResponseRedirect(reverse("cohort_detail", args=[invitation.cohort_id]))
    try:
        services.resend_cohort_invitation(invitation=invitation, by=request.user)
    except services.LearningError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("A new invitation was sent to %(email)s.") % {"email": invitation.email})
    return HttpResponseRedirect(reverse("cohort_detail", args=[invitation.cohort_id]))


@login_required
@require_POST
def accept_cohort_invitation(request, invitation_id):
    invitation = access_cohort_invitation(request.user, invitation_id)
    try:
        services.accept_cohort_invitation(invitation=invitation, trainee=request.user)
    except services.LearningError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("You joined the cohort “%(cohort)s”.") % {"cohort": invitation.cohort.name})
    return HttpResponseRedirect(reverse("dashboard"))


@login_required
@require_POST
def decline_cohort_invitation(request, invitation_id):
    invitation = access_cohort_invitation(request.user, invitation_id)
    try:
        services.decline_cohort_invitation(invitation=invitation, trainee=request.user)
    except services.LearningError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("You declined the invitation. Nothing was changed."))
    return HttpResponseRedirect(reverse("dashboard"))


# --- The cohort grid: each trainee against the course's lessons and quizzes -------------------------


def _arranged_grid(request, cohort):
    """The grid, its options form, and its rows sorted and filtered as the GET asks.

    Bad options do not hide anyone: the grid shows everyone, the form says what to correct."""
    grid = cohort_grid.build_grid(cohort)
    form = CohortGridForm(request.GET)
    valid = form.is_valid()
    key, descending = cohort_grid.parse_sort(request.GET.get("sort"), grid.columns)
    rows = cohort_grid.sort_rows(grid.rows, grid.columns, key, descending)
    cohort_grid.mark_stuck(rows, form.stuck_days() if valid else cohort_grid.DEFAULT_STUCK_DAYS)
    if valid and form.cleaned_data["stuck"]:
        rows = [row for row in rows if row.stuck]
    return grid, form, rows, key, descending


def _sort_headers(request, grid, key: str, descending: bool) -> list[dict]:
    """Each sortable column's label, link (the other direction when it is the current one) and aria-sort."""
    kept = {name: request.GET[name] for name in ("stuck", "days") if request.GET.get(name)}
    labels = {**cohort_grid.BASE_SORTS, **{column.key: column.label for column in grid.columns}}
    headers = {}
    for name, label in labels.items():
        current = name == key
        target = f"-{name}" if current and not descending else name
        headers[name] = {
            "label": label,
            "href": "?" + urlencode({**kept, "sort": target}),
            "aria_sort": ("descending" if descending else "ascending") if current else "",
        }
    return headers


@login_required
@require_GET
def cohort_progress(request, cohort_id):
    """A trainer's grid of their cohort: lessons done, quiz grades, days idle, status; sortable."""
    cohort = access_cohort(request.user, cohort_id)
    grid, form, rows, key, descending = _arranged_grid(request, cohort)
    headers = _sort_headers(request, grid, key, descending)
    context = {
        "cohort": cohort,
        "grid": grid,
        "rows": rows,
        "form": form,
        "name_header": headers["name"],
        "lessons_header": headers["lessons"],
        "idle_header": headers["idle"],
        "status_header": headers["status"],
        "column_headers": [headers[column.key] for column in grid.columns],
        "querystring": request.GET.urlencode(),
        "stuck_days": form.stuck_days() if form.is_valid() else cohort_grid.DEFAULT_STUCK_DAYS,
    }
    return render(request, "courses/cohort_progress.html", context, status=200 if form.is_valid() else 400)


@login_required
@require_GET
def cohort_progress_csv(request, cohort_id):
    """The grid as a formula-safe CSV, in the page's order and filter; each download is audited."""
    cohort = access_cohort(request.user, cohort_id)
    grid, form, rows, key, descending = _arranged_grid(request, cohort)
    if not form.is_valid():
        return cohort_progress(request, cohort_id)
    header = [
        _("Trainee"), _("Email"), _("Lessons done"), _("Lessons in the course"),
        *(column.label for column in grid.columns),
        _("Days since last activity"), _("Last activity"), _("Status"),
    ]
    lines = (
        [
            row.name, row.enrolment.trainee.email, row.lessons_done, row.lessons_total,
            *(_grade_text(cell) for cell in row.cells),
            row.days_idle,
            timezone.localtime(row.last_activity_at).date().isoformat() if row.last_activity_at else "",
            row.status,
        ]
        for row in rows
    )
    # As before: plain UTF-8, without a byte-order mark.
    data = csv_bytes(lines, header=header, bom=False)
    services.record_cohort_progress_export(
        user=request.user, cohort=cohort, rows=len(rows), sha256=hashlib.sha256(data).hexdigest(),
        options={"sort": f"{'-' if descending else ''}{key}", "stuck": form.cleaned_data["stuck"], "days": form.stuck_days()},
    )
    response = HttpResponse(data, content_type=CSV_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="cohort-{cohort.pk}-progress-{timezone.localdate():%Y-%m-%d}.csv"'
    response["Cache-Control"] = "no-store"
    return response


def _grade_text(cell) -> str:
    if cell.value is not None:
        return f"{cell.value:g}"
    return _("waiting for grading") if cell.waiting else ""


@login_required
@require_GET
def cohort_trainee(request, cohort_id, trainee_id):
    """One trainee's progress in the cohort's course: lessons done and quiz grades (their round in this cohort)."""
    cohort, enrolment = access_cohort_round(request.user, cohort_id, trainee_id)
    grid = cohort_grid.build_grid(cohort, enrolments=Enrolment.objects.filter(pk=enrolment.pk))
    row = grid.rows[0]
    done = dict(LessonCompletion.objects.filter(enrolment=enrolment).values_list("lesson_key", "completed_at"))
    lessons = [(lesson, done.get(lesson.translation_key)) for lesson in grid.lessons]
    quizzes = list(zip(grid.columns, row.cells, strict=True))
    return render(
        request, "courses/cohort_trainee.html", {"cohort": cohort, "row": row, "lessons": lessons, "quizzes": quizzes}
    )
