"""Pages and downloads of completion records. Each one starts from ``enrolments_in_scope``."""

from functools import wraps

from allauth.account.decorators import reauthentication_required
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import (
    FileResponse,
    Http404,
    HttpResponse,
    HttpResponseRedirect,
    StreamingHttpResponse,
)
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from lms import roles, spreadsheets
from lms.models import AuditLogEntry
from lms.pdf.pool import RenderError
from records import exports, figures, pdf, selectors, services
from records.charts import bar_chart
from records.forms import ExportOptionsForm, RecordFilterForm
from records.models import ApiToken, RecordsExport, export_keep_days

CONTENT_TYPES = {"csv": spreadsheets.CSV_CONTENT_TYPE, "xlsx": spreadsheets.XLSX_CONTENT_TYPE}


def records_role_required(view):
    """Signed-in users with a records role; the pages do not exist (404) for anyone else."""

    @wraps(view)
    @login_required
    def wrapper(request, *args, **kwargs):
        if not selectors.has_records_role(request.user):
            raise Http404
        return view(request, *args, **kwargs)

    return wrapper


def filtered_records(request, *, showing_choices=False):
    """The filter form read from GET, and the scoped rounds it selects (None when invalid).

    A page that shows the choices and is asked for filters reads them first (validation needs
    them); without filters, the dashboard takes them from its own tally afterwards."""
    scoped = selectors.enrolments_in_scope(request.user)
    form = RecordFilterForm(request.GET, scoped=scoped)
    if showing_choices and form.asks_for_filters():
        form.offer_choices(figures.tally(scoped))
    if not form.is_valid():
        return form, None
    return form, form.filter(scoped)


def dashboard_context(form, enrolments, *, language: str | None = None) -> dict:
    """The figures and tables of a filter; with a ``language`` (the PDF), courses are named in it."""
    context = {"form": form, "options": ExportOptionsForm(), "min_cell": figures.min_cell()}
    if enrolments is not None:
        summary = selectors.summarise(enrolments, language=language)
        if not form.asks_for_filters():
            form.offer_choices(summary.places)  # unfiltered: the tally is of every scoped round
        context.update(
            figures=summary.figures,
            breakdowns=[(table, bar_chart(table)) for table in summary.breakdowns],
            querystring=form.querystring(),
            filters_in_force=form.described(),
        )
    return context


@require_GET
@records_role_required
def dashboard(request):
    form, enrolments = filtered_records(request, showing_choices=True)
    context = dashboard_context(form, enrolments)
    context["is_administrator"] = roles.is_administrator(request.user)
    return render(request, "records/dashboard.html", context)


def _invalid(request, form, options=None):
    """Bad filters on a download: the dashboard with the errors, never a file or a 500."""
    context = dashboard_context(form, None)
    if options is not None:
        context["options"] = options
    return render(request, "records/dashboard.html", context, status=400)


def _row_format(request, *, with_names: bool) -> exports.RowFormat:
    """Files speak the language of the page they were downloaded from (the URL's prefix)."""
    return exports.row_format_for(request.user, with_names=with_names, language=get_language())


def _file_name(extension: str) -> str:
    return f"passage-records-{timezone.localdate():%Y-%m-%d}.{extension}"


def _as_download(response, extension: str):
    """A records file to save, dated today, that no cache keeps."""
    response["Content-Disposition"] = f'attachment; filename="{_file_name(extension)}"'
    response["Cache-Control"] = "no-store"
    return response


def _person_level_download(request, file_format: str):
    form, enrolments = filtered_records(request)
    options = ExportOptionsForm(request.GET)
    if enrolments is None or not options.is_valid():
        return _invalid(request, form, options)
    row_format = _row_format(request, with_names=options.with_names)
    rows = exports.file_rows(enrolments, row_format)
    if file_format == "csv":
        chunks = exports.csv_file(rows, row_format, bom=options.cleaned_data["bom"])
    else:
        chunks = exports.xlsx_file(rows, row_format)
    filters, user = form.as_record(), request.user
    identity = ExportOptionsForm.NAME if options.with_names else ExportOptionsForm.PSEUDONYM

    def audit(rows: int, sha256: str, complete: bool) -> None:
        services.record_export(
            user=user, file_format=file_format, filters=filters, rows=rows, sha256=sha256,
            identity=identity, complete=complete,
        )

    stream = exports.HashingStream(chunks, on_end=audit)
    return _as_download(StreamingHttpResponse(stream, content_type=CONTENT_TYPES[file_format]), file_format)


@require_GET
@records_role_required
def export_csv(request):
    return _person_level_download(request, "csv")


@require_GET
@records_role_required
def export_xlsx(request):
    return _person_level_download(request, "xlsx")


@require_GET
@records_role_required
def summary_pdf(request):
    """The figures and tables of the current filter as a dated PDF, citing its CSV by hash."""
    form, enrolments = filtered_records(request)
    if enrolments is None:
        return _invalid(request, form)
    row_format = _row_format(request, with_names=False)
    rows = exports.file_rows(enrolments, row_format)
    csv_sha256, row_count = exports.sha256_of(exports.csv_file(rows, row_format))
    try:
        document = pdf.summary_pdf(
            request=request,
            context={
                **dashboard_context(form, enrolments, language=get_language()),
                "officer": request.user.get_full_name() or request.user.email,
                "generated_at": timezone.localtime(),
                "csv_sha256": csv_sha256,
                "row_count": row_count,
            },
        )
    except RenderError as error:
        # Past the renderer's time or memory limit: back to the same dashboard, saying so.
        messages.error(
            request,
            _("The PDF summary could not be made. %(reason)s Try again later; if it keeps failing, tell an administrator.")
            % {"reason": error},
        )
        query = request.GET.urlencode()
        return HttpResponseRedirect(reverse("records:dashboard") + (f"?{query}" if query else ""))
    services.record_export(
        user=request.user, file_format="pdf", filters=form.as_record(), rows=row_count,
        sha256=document.sha256, identity=ExportOptionsForm.PSEUDONYM, extra={"csv_sha256": csv_sha256},
    )
    return _as_download(HttpResponse(document.data, content_type="application/pdf"), "pdf")


@require_GET
@records_role_required
def audit_log(request):
    """Administrators read who downloaded which records (the whole log is in the admin)."""
    if not roles.is_administrator(request.user):
        raise Http404
    entries = AuditLogEntry.objects.filter(action__startswith="records.").order_by("-id")[:200]
    return render(request, "records/audit.html", {"entries": entries})


# --- API tokens ----------------------------------------------------------------------------------


@never_cache
@require_http_methods(["GET", "POST"])
@records_role_required
# A token opens person-level records to another system: making one asks for the password or
# second factor again (allauth keeps the form and resumes it after).
@reauthentication_required(allow_get=True)
def tokens(request):
    """The user's API tokens; a new key is shown once, on the page that made it."""
    new_key = None
    if request.method == "POST":
        name = (request.POST.get("name") or "").strip()[:100]
        if not name:
            messages.error(request, _("Give the token a name, e.g. the system that will use it."))
        else:
            _token, new_key = services.create_api_token(user=request.user, name=name)
    own = ApiToken.objects.filter(user=request.user)
    return render(request, "records/tokens.html", {"tokens": own, "new_key": new_key})


@require_POST
@records_role_required
def revoke_token(request, token_id):
    token = ApiToken.objects.filter(user=request.user, pk=token_id).first()
    if token is None:
        raise Http404
    services.revoke_api_token(token=token, by=request.user)
    messages.success(request, _("The token no longer works."))
    return HttpResponseRedirect(reverse("records:tokens"))


# --- Large files in the background ---------------------------------------------------------------


@require_POST
@records_role_required
def start_export(request):
    """Queue a large file with the dashboard's filters; its progress shows on the exports page."""
    scoped = selectors.enrolments_in_scope(request.user)
    form = RecordFilterForm(request.POST, scoped=scoped)
    options = ExportOptionsForm(request.POST)
    file_format = request.POST.get("file_format")
    if not form.is_valid() or not options.is_valid() or file_format not in RecordsExport.Format.values:
        return _invalid(request, form, options)
    services.request_records_export(
        user=request.user,
        file_format=file_format,
        filters=form.as_record(),
        identity=ExportOptionsForm.NAME if options.with_names else ExportOptionsForm.PSEUDONYM,
        bom=options.cleaned_data["bom"],
        language=get_language(),
    )
    messages.success(request, _("Your file is being made. This page shows when it is ready."))
    return HttpResponseRedirect(reverse("records:exports"))


@never_cache
@require_GET
@records_role_required
def export_list(request):
    """The user's background files, with their progress (the page refreshes itself meanwhile)."""
    own = list(RecordsExport.objects.filter(user=request.user)[:50])
    pending = any(export.state in (RecordsExport.State.QUEUED, RecordsExport.State.RUNNING) for export in own)
    return render(
        request,
        "records/exports.html",
        {"exports": own, "pending": pending, "keep_days": export_keep_days()},
    )


@require_GET
@records_role_required
def download_export(request, export_id):
    """A finished background file, to its owner only; each download is audited."""
    export = RecordsExport.objects.filter(
        user=request.user, pk=export_id, state=RecordsExport.State.DONE
    ).exclude(file="").first()
    if export is None:
        raise Http404
    services.record_export_download(user=request.user, export=export)
    response = FileResponse(
        export.file.open("rb"), as_attachment=True, filename=_file_name(export.file_format),
        content_type=CONTENT_TYPES[export.file_format],
    )
    response["Cache-Control"] = "no-store"
    return response
