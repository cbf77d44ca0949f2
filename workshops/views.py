"""Workshop views: set up a workshop and its sessions, take attendance, check in by QR, import, sign-in sheets."""

import hashlib
import json
import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from courses.permissions import access_cohort
from courses.selectors import cohorts_for_trainer
from lms.pdf.pool import RenderError
from workshops import attendance_export, selectors, services, sheets
from workshops.forms import AttendanceUploadForm, SessionForm, WalkInForm, WorkshopForm
from workshops.models import AttendanceMark, Workshop
from workshops.permissions import (
    access_checkin,
    access_session,
    access_workshop,
    access_workshop_settings,
    can_run_workshops,
    may_change_settings,
)


def _detail(workshop) -> HttpResponseRedirect:
    return HttpResponseRedirect(reverse("workshop_detail", args=[workshop.pk]))


@login_required
@require_GET
def workshop_list(request):
    if not can_run_workshops(request.user):
        raise Http404
    context = {
        "workshops": selectors.workshops_run_by(request.user),
        "cohorts_without": cohorts_for_trainer(request.user).filter(workshop__isnull=True),
    }
    return render(request, "workshops/workshop_list.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def workshop_create(request, cohort_id):
    """Give a cohort the trainer runs its workshop (one per cohort)."""
    cohort = access_cohort(request.user, cohort_id)
    existing = Workshop.objects.filter(cohort=cohort).first()
    if existing is not None:
        return _detail(existing)
    initial = {"title": cohort.name, "starts_on": cohort.starts_on, "ends_on": cohort.ends_on, "venue": cohort.place}
    form = WorkshopForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        workshop = services.create_workshop(cohort=cohort, by=request.user, data=form.cleaned_data)
        messages.success(request, _("Workshop created. Add its sessions."))
        return _detail(workshop)
    return render(request, "workshops/workshop_form.html", {"form": form, "cohort": cohort}, status=400 if form.errors else 200)


@login_required
@require_http_methods(["GET", "POST"])
def workshop_edit(request, workshop_id):
    workshop = access_workshop_settings(request.user, workshop_id)
    form = WorkshopForm(request.POST or None, instance=workshop)
    if request.method == "POST" and form.is_valid():
        services.update_workshop(workshop=workshop, by=request.user, data=form.cleaned_data)
        messages.success(request, _("Workshop saved."))
        return _detail(workshop)
    context = {"form": form, "cohort": workshop.cohort, "workshop": workshop}
    return render(request, "workshops/workshop_form.html", context, status=400 if form.errors else 200)


@login_required
@require_GET
def workshop_detail(request, workshop_id):
    workshop = access_workshop(request.user, workshop_id)
    sessions = list(selectors.sessions_of(workshop))
    context = {
        "workshop": workshop,
        "sessions": sessions,
        "hours": selectors.hours_of(workshop),
        "participants": selectors.participants(workshop),
        "linked_courses": workshop.courses.all(),
        "facilitators": workshop.facilitators.all(),
        "may_change_settings": may_change_settings(request.user, workshop),
    }
    return render(request, "workshops/workshop_detail.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def session_create(request, workshop_id):
    workshop = access_workshop(request.user, workshop_id)
    form = SessionForm(request.POST or None, workshop=workshop, initial={"date": workshop.starts_on, "duration_minutes": 90})
    if request.method == "POST" and form.is_valid():
        services.save_session(workshop=workshop, by=request.user, data=form.cleaned_data)
        messages.success(request, _("Session added."))
        return _detail(workshop)
    return render(request, "workshops/session_form.html", {"form": form, "workshop": workshop}, status=400 if form.errors else 200)


@login_required
@require_http_methods(["GET", "POST"])
def session_edit(request, workshop_id, session_id):
    session = access_session(request.user, workshop_id, session_id)
    workshop = session.workshop
    form = SessionForm(request.POST or None, workshop=workshop, instance=session)
    if request.method == "POST" and form.is_valid():
        services.save_session(workshop=workshop, by=request.user, data=form.cleaned_data, session=session)
        messages.success(request, _("Session saved."))
        return _detail(workshop)
    context = {"form": form, "workshop": workshop, "session": session}
    return render(request, "workshops/session_form.html", context, status=400 if form.errors else 200)


@login_required
@require_http_methods(["GET", "POST"])
def session_delete(request, workshop_id, session_id):
    """Confirm, then delete a session nobody was marked at; one with marks stays, with the reason."""
    session = access_session(request.user, workshop_id, session_id)
    workshop = session.workshop
    has_marks = session.marks.exists()
    if request.method == "POST":
        try:
            services.delete_session(session=session, by=request.user)
        except services.SessionHasMarks as error:
            messages.error(request, str(error))
            return _detail(workshop)
        messages.success(request, _("Session deleted."))
        return _detail(workshop)
    context = {"workshop": workshop, "session": session, "has_marks": has_marks}
    return render(request, "workshops/session_delete.html", context)


@login_required
@require_GET
def attendance_download(request, workshop_id, file_format):
    """The attendance grid as CSV or XLSX, for the cohort's trainer and administrators; audited with its hash."""
    workshop = access_workshop_settings(request.user, workshop_id)
    if file_format not in attendance_export.FORMATS:
        raise Http404
    grid = selectors.attendance_grid(workshop)
    data = attendance_export.file_bytes(grid, file_format)
    services.record_attendance_export(
        workshop=workshop, by=request.user, file_format=file_format, sha256=hashlib.sha256(data).hexdigest(),
        rows=len(grid.rows), sessions=len(grid.sessions),
    )
    response = HttpResponse(data, content_type=attendance_export.CONTENT_TYPES[file_format])
    response["Content-Disposition"] = f'attachment; filename="{attendance_export.file_name(workshop, file_format)}"'
    response["Cache-Control"] = "no-store"
    return response


# --- Taking attendance ----------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def session_attendance(request, workshop_id, session_id):
    """The facilitator's list: one button per person. Without JavaScript each tap is a form post."""
    session = access_session(request.user, workshop_id, session_id)
    if request.method == "POST":
        try:
            services.mark_attendance(
                session=session, trainee_id=int(request.POST.get("trainee", "")), present=request.POST.get("present") == "1",
                source=AttendanceMark.Source.FACILITATOR, by=request.user,
            )
        except (ValueError, services.NotAParticipant):
            raise Http404 from None
        return HttpResponseRedirect(reverse("workshop_session", args=[workshop_id, session_id]))
    marks = selectors.marks_of(session)
    people = selectors.participants(session.workshop)
    for person in people:
        mark = marks.get(person.trainee_id)
        person.present = mark.present if mark else None
    context = {
        "session": session,
        "workshop": session.workshop,
        "people": people,
        "present_count": sum(1 for person in people if person.present),
        "checkin_url": sheets.checkin_url(session),
        "qr": sheets.qr_svg(sheets.checkin_url(session)),
    }
    return render(request, "workshops/session_attendance.html", context)


def _json_error(message: str, status: int) -> JsonResponse:
    return JsonResponse({"error": message}, status=status)


@require_POST
def session_mark(request, workshop_id, session_id):
    """A device sends one mark as JSON: {client_mark_id, trainee, present}. Replays answer 200 and change nothing."""
    if not request.user.is_authenticated:
        # Not a redirect: the device keeps the mark and asks the facilitator to sign in again.
        return _json_error(_("Your session has ended: sign in again, your marks are kept on this device."), 401)
    session = access_session(request.user, workshop_id, session_id)
    try:
        body = json.loads(request.body.decode("utf-8"))
        client_mark_id = uuid.UUID(str(body["client_mark_id"]))
        trainee_id = int(body["trainee"])
        present = body["present"]
        if not isinstance(present, bool):
            raise ValueError
    except (ValueError, KeyError, TypeError, UnicodeDecodeError):
        return _json_error(_("This mark could not be read."), 400)
    try:
        result = services.mark_attendance(
            session=session, trainee_id=trainee_id, present=present, source=AttendanceMark.Source.FACILITATOR,
            by=request.user, client_mark_id=client_mark_id,
        )
    except services.NotAParticipant:
        raise Http404 from None
    return JsonResponse({"status": result.status, "trainee": trainee_id, "present": result.mark.present})


@login_required
@require_http_methods(["GET", "POST"])
def walk_in(request, workshop_id, session_id):
    session = access_session(request.user, workshop_id, session_id)
    form = WalkInForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.add_walk_in(session=session, name=form.cleaned_data["name"], email=form.cleaned_data["email"], by=request.user)
        # The same words whether the address had an account or not.
        messages.success(
            request,
            _("%(name)s is marked present. If they were not in the cohort yet, they are invited and join when they accept.")
            % {"name": form.cleaned_data["name"]},
        )
        return HttpResponseRedirect(reverse("workshop_session", args=[workshop_id, session_id]))
    context = {"form": form, "session": session, "workshop": session.workshop}
    return render(request, "workshops/walk_in.html", context, status=400 if form.errors else 200)


@login_required
@require_GET
def sign_in_sheet(request, workshop_id, session_id):
    session = access_session(request.user, workshop_id, session_id)
    try:
        sheet = sheets.sign_in_sheet(session=session, request=request)
    except RenderError as error:
        messages.error(request, _("The sign-in sheet could not be made. %(reason)s Try again later.") % {"reason": error})
        return HttpResponseRedirect(reverse("workshop_session", args=[workshop_id, session_id]))
    services.record_sheet_download(session=session, by=request.user, sha256=sheet.sha256, people=sheet.people)
    response = HttpResponse(sheet.data, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="sign-in-sheet-{session.date:%Y-%m-%d}-{session.pk}.pdf"'
    response["Cache-Control"] = "no-store"
    return response


@login_required
@require_http_methods(["GET", "POST"])
def attendance_import(request, workshop_id):
    """Upload a CSV → preview with per-line errors → confirm. Nothing is saved before confirming, nor on any error."""
    workshop = access_workshop(request.user, workshop_id)
    context = {"workshop": workshop, "form": AttendanceUploadForm()}
    if request.method == "POST":
        try:
            services.check_import_upload(declared_bytes=int(request.META.get("CONTENT_LENGTH") or 0))
        except services.ImportFileProblem as error:
            return render(request, "workshops/attendance_import.html", {**context, "upload_error": str(error)}, status=413)
    if request.method == "POST" and "confirm" in request.POST:
        try:
            checked = services.confirm_attendance_import(workshop=workshop, payload=request.POST.get("payload", ""), by=request.user)
        except services.ImportPreviewExpired as error:
            messages.error(request, str(error))
            return HttpResponseRedirect(reverse("workshop_attendance_import", args=[workshop.pk]))
        if not checked.result.ok:
            return render(request, "workshops/attendance_import.html", {**context, "result": checked.result}, status=400)
        count = len(checked.result.rows)
        messages.success(
            request,
            ngettext("%(count)s attendance line imported.", "%(count)s attendance lines imported.", count) % {"count": count},
        )
        return _detail(workshop)
    form = AttendanceUploadForm(request.POST or None, request.FILES or None)
    context["form"] = form
    if request.method == "POST" and form.is_valid():
        try:
            preview = services.preview_attendance_import(workshop=workshop, data=form.cleaned_data["file"].read())
        except services.ImportFileProblem as error:
            form.add_error("file", str(error))
        else:
            sessions = {session.pk: session for session in workshop.sessions.all()}
            rows = [(row, sessions[row.session_id]) for row in preview.result.rows]
            context.update(result=preview.result, payload=preview.payload, preview_rows=rows)
    status = 400 if form.errors or (context.get("result") and not context["result"].ok) else 200
    return render(request, "workshops/attendance_import.html", context, status=status)


# --- QR self check-in -------------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def check_in(request, token):
    """A cohort member scanned the session's QR code: GET asks, POST records them present.

    Anyone else holding the link is told why, with a 404 (the session is not theirs) and nothing
    of the workshop: neither its title nor when and where it meets. Outside the language prefix
    Django's locale middleware turns that 404 into a redirect to /<language>/check-in/<token>/,
    the same view, which answers the 404 with the reason.
    """
    session = access_checkin(token)
    if not selectors.is_cohort_member(session.workshop, request.user):
        return render(request, "workshops/check_in.html", {"refusal": str(services.NotACohortMember())}, status=404)
    context = {"session": session, "workshop": session.workshop}
    try:
        if request.method == "POST":
            result = services.check_in(session=session, user=request.user)
            context["checked_in"] = True
            context["already"] = result.status != services.APPLIED
        else:
            services.check_can_check_in(session=session, user=request.user)
            context["already"] = AttendanceMark.objects.filter(session=session, trainee=request.user, present=True).exists()
    except services.WorkshopError as error:
        context["refusal"] = str(error)
        return render(request, "workshops/check_in.html", context, status=403)
    return render(request, "workshops/check_in.html", context)
