"""The workshop report (one workshop, or all in the reader's scope) with its downloads, and the
trainees' survey forms."""

import hashlib

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from lms import spreadsheets
from lms.pdf import pool
from workshops import report_files, selectors, services, surveys
from workshops.charts import before_after_chart
from workshops.forms import ReportFilterForm, SurveyForm, SurveyItemsForm
from workshops.models import SurveyResponse, Workshop
from workshops.permissions import access_aggregate_report, access_report, access_workshop_settings
from workshops.report import build_report


def _chosen_ids(request) -> list[int]:
    ids = []
    for value in request.GET.getlist("workshop"):
        try:
            ids.append(int(value))
        except ValueError:
            raise Http404 from None
    return ids


def _access(request, workshop_id):
    """The report's access, and for the aggregate its filter form and every workshop in scope."""
    if workshop_id is not None:
        return access_report(request.user, workshop_id), None, None
    everything = access_aggregate_report(request.user)
    bound = any(request.GET.get(name) for name in ReportFilterForm.FIELDS)
    form = ReportFilterForm(request.GET if bound else None, workshops=everything.workshops)
    filters, chosen = form.filters(), _chosen_ids(request)
    if not filters and not chosen:
        return everything, form, everything.workshops
    return access_aggregate_report(request.user, workshop_ids=chosen, **filters), form, everything.workshops


def _context(request, access, workshop_id) -> dict:
    single = workshop_id is not None
    result = build_report(access.workshops, enrolments=access.enrolments, exact=access.exact, with_trainees=single)
    return {
        "report": result,
        "chart": before_after_chart(result.bands),
        "single": single,
        "workshop": access.workshops[0] if single else None,
        "query": request.GET.urlencode(),
        "generated_at": timezone.localtime(),
        "reader": request.user.get_full_name() or request.user.email,
    }


@login_required
@require_GET
def report(request, workshop_id=None):
    access, form, everything = _access(request, workshop_id)
    context = _context(request, access, workshop_id)
    if workshop_id is None:
        context.update(choices=everything, chosen=set(_chosen_ids(request)), filters=form)
    return render(request, "workshops/report.html", context, status=400 if form is not None and form.errors else 200)


def _file_name(workshop_id, extension: str) -> str:
    what = f"workshop-{workshop_id}" if workshop_id else "workshops"
    return f"passage-{what}-report-{timezone.localdate():%Y-%m-%d}.{extension}"


@login_required
@require_GET
def report_download(request, file_format: str, workshop_id=None):
    """The report as XLSX or PDF; every download is written to the audit log with its hash."""
    access, _form, _everything = _access(request, workshop_id)
    context = _context(request, access, workshop_id)
    result = context["report"]
    if file_format == "xlsx":
        data = b"".join(chunk for chunk, _rows in report_files.xlsx_chunks(result))
        content_type = spreadsheets.XLSX_CONTENT_TYPE
    elif file_format == "pdf":
        html = render_to_string("workshops/report_pdf.html", context, request=request)
        try:
            data = pool.render(html, {}, pdf_variant=None).pdf
        except pool.RenderError as error:
            messages.error(request, _("The PDF could not be made. %(reason)s Try again later.") % {"reason": error})
            back = reverse("workshop_report", args=[workshop_id]) if workshop_id else reverse("workshop_reports")
            return HttpResponseRedirect(back)
        content_type = "application/pdf"
    else:
        raise Http404
    services.record_report_download(
        workshops=access.workshops, by=request.user, file_format=file_format, sha256=hashlib.sha256(data).hexdigest(),
        exact=access.exact, participants=result.figure("participants").value,
    )
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{_file_name(workshop_id, file_format)}"'
    response["Cache-Control"] = "no-store"
    return response


# --- Surveys ----------------------------------------------------------------------------------------


def _survey_kind(survey: str) -> str:
    if survey not in (surveys.SATISFACTION, surveys.FOLLOW_UP):
        raise Http404
    return survey


@login_required
@require_http_methods(["GET", "POST"])
def survey_form(request, workshop_id, survey):
    """A cohort member answers (or changes their answers) while the survey is open; anyone else: 404."""
    survey = _survey_kind(survey)
    workshop = Workshop.objects.filter(pk=workshop_id).first()
    if workshop is None or not selectors.is_cohort_member(workshop, request.user):
        raise Http404
    items = services.ensure_survey_items(workshop=workshop, survey=survey)
    existing = SurveyResponse.objects.filter(workshop=workshop, survey=survey, trainee=request.user).first()
    initial = {}
    if existing is not None:
        initial = {f"item_{a.item_id}": a.score for a in existing.answers.all()}
        initial.update(recommend=existing.recommend, comment=existing.comment)
    window = services.survey_window(workshop, survey)
    is_open = window.is_open(timezone.now())
    form = SurveyForm(request.POST if request.method == "POST" else None, items=items, survey=survey, initial=initial)
    status = 200
    if request.method == "POST":
        if not is_open:
            status = 403
        elif form.is_valid():
            try:
                services.save_survey_response(
                    workshop=workshop, survey=survey, trainee=request.user, scores=form.scores(),
                    recommend=form.cleaned_data.get("recommend"), comment=form.cleaned_data.get("comment", ""),
                )
            except services.WorkshopError as error:
                messages.error(request, str(error))
                status = 403
            else:
                messages.success(request, _("Thank you: your answers are saved. You can change them until the survey closes."))
                return HttpResponseRedirect(reverse("workshop_survey", args=[workshop.pk, survey]))
        else:
            status = 400
    context = {
        "workshop": workshop, "survey": survey, "form": form, "existing": existing, "is_open": is_open, "window": window,
        "title": surveys.TITLES[survey],
    }
    return render(request, "workshops/survey.html", context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def survey_items(request, workshop_id, survey):
    """The organiser sets the statements' words (blank keeps the translated default)."""
    survey = _survey_kind(survey)
    workshop = access_workshop_settings(request.user, workshop_id)
    items = services.ensure_survey_items(workshop=workshop, survey=survey)
    form = SurveyItemsForm(request.POST or None, items=items)
    if request.method == "POST" and form.is_valid():
        services.set_survey_items(workshop=workshop, survey=survey, texts=form.texts(), by=request.user)
        messages.success(request, _("Statements saved."))
        return HttpResponseRedirect(reverse("workshop_detail", args=[workshop.pk]))
    context = {"workshop": workshop, "form": form, "title": surveys.TITLES[survey], "survey": survey}
    return render(request, "workshops/survey_items.html", context, status=400 if form.errors else 200)
