"""Certificate pages: downloads, the trainer's actions, bulk ZIPs, training records, verification."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
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
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from certificates import bulk, conf, selectors, services
from certificates.forms import CertificateFilterForm, IssueForm, ReissueForm, RevokeForm, VerifyForm
from certificates.models import Certificate, CertificateTemplate
from certificates.permissions import (
    access_certificate,
    access_certificate_to_manage,
    access_cohort_certificates,
    access_enrolment_to_issue,
    access_template_preview,
    access_training_record,
    require_bulk_download,
)
from certificates.serials import is_verification_code, names_match, normalise_serial
from lms import ratelimit
from lms.i18n import language_of
from lms.pdf.pool import RenderError

PAGE_SIZE = 50


def _pdf_response(file_field, filename: str) -> FileResponse:
    response = FileResponse(
        file_field.storage.open(file_field.name, "rb"), as_attachment=True, filename=filename, content_type="application/pdf"
    )
    response["Cache-Control"] = "private, no-store"
    return response


# --- Trainees and staff: downloads --------------------------------------------------------------------


@login_required
@require_GET
def download(request, pk):
    certificate = access_certificate(request.user, pk)
    if not certificate.pdf:
        raise Http404
    services.record_download(user=request.user, certificate=certificate)
    return _pdf_response(certificate.pdf, f"{certificate.serial}.pdf")


@login_required
@require_POST
def request_training_record(request):
    try:
        services.request_training_record(trainee=request.user, language=language_of(request.user))
    except services.CertificateError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Your training record is being prepared. It appears on this page in a minute."))
    return HttpResponseRedirect(reverse("dashboard"))


@login_required
@require_GET
def download_training_record(request, pk):
    record = access_training_record(request.user, pk)
    if not record.pdf:
        raise Http404
    return _pdf_response(record.pdf, f"training-record-{record.created_at:%Y-%m-%d}.pdf")


@login_required
@require_GET
@never_cache
def dashboard_status(request):
    """Which of the trainee's certificates are ready (polled by the dashboard while some are not)."""
    summary = selectors.certificates_for_dashboard(request.user)
    return HttpResponse(
        '{"pending": %s}' % ("true" if summary.anything_pending else "false"), content_type="application/json"
    )


# --- Trainers: one cohort -------------------------------------------------------------------------------


@login_required
@require_GET
def cohort_certificates(request, cohort_id):
    cohort = access_cohort_certificates(request.user, cohort_id)
    roster = selectors.cohort_roster_with_certificates(cohort)
    return render(request, "certificates/cohort_certificates.html", {"cohort": cohort, "roster": roster})


@login_required
@require_http_methods(["GET", "POST"])
def issue(request, cohort_id, enrolment_id):
    """A trainer awards a certificate by hand, e.g. after a face-to-face workshop."""
    cohort, enrolment = access_enrolment_to_issue(request.user, cohort_id, enrolment_id)
    back = reverse("certificates:cohort", args=[cohort.pk])
    try:
        services.check_can_issue(enrolment)
    except services.AlreadyIssued as error:
        messages.info(request, str(error))
        return HttpResponseRedirect(back)
    initial = selectors.manual_issue_initial(cohort, enrolment)
    form = IssueForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        certificate = services.issue_certificate(
            enrolment=enrolment,
            issued_by=request.user,
            completed_on=form.cleaned_data["completed_on"],
            language=form.cleaned_data["language"],
        )
        messages.success(
            request, _("Certificate %(serial)s issued; its PDF is being made.") % {"serial": certificate.serial}
        )
        return HttpResponseRedirect(back)
    return render(request, "certificates/issue.html", {"cohort": cohort, "enrolment": enrolment, "form": form})


def _back_to(request, certificate):
    cohort = certificate.enrolment.cohort if certificate.enrolment_id else None
    if cohort is not None:
        return reverse("certificates:cohort", args=[cohort.pk])
    return reverse("certificates:list")


@login_required
@require_http_methods(["GET", "POST"])
def revoke(request, pk):
    certificate = access_certificate_to_manage(request.user, pk)
    form = RevokeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.revoke_certificate(certificate=certificate, by=request.user, reason=form.cleaned_data["reason"])
        except services.CertificateError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("Certificate %(serial)s is revoked.") % {"serial": certificate.serial})
        return HttpResponseRedirect(_back_to(request, certificate))
    return render(request, "certificates/revoke.html", {"certificate": certificate, "form": form})


@login_required
@require_http_methods(["GET", "POST"])
def reissue(request, pk):
    certificate = access_certificate_to_manage(request.user, pk)
    form = ReissueForm(request.POST or None, initial=selectors.reissue_initial(certificate))
    if request.method == "POST" and form.is_valid():
        try:
            new = services.reissue_certificate(certificate=certificate, by=request.user, **form.cleaned_data)
        except services.CertificateError as error:
            messages.error(request, str(error))
        else:
            messages.success(
                request,
                _("Certificate %(old)s is replaced by %(new)s; its PDF is being made.")
                % {"old": certificate.serial, "new": new.serial},
            )
        return HttpResponseRedirect(_back_to(request, certificate))
    return render(request, "certificates/reissue.html", {"certificate": certificate, "form": form})


# --- Trainers and ministry officers: lists and ZIPs --------------------------------------------------------


def _filtered(request):
    form = CertificateFilterForm(request.GET or None, **selectors.filter_choices(request.user))
    filters = selectors.CertificateFilters()
    if form.is_valid():
        filters = selectors.CertificateFilters(**form.cleaned_data)
    certificates = selectors.filter_certificates(selectors.certificates_visible_to(request.user), filters)
    return form, filters, certificates


@login_required
@require_GET
def certificate_list(request):
    require_bulk_download(request.user)
    form, _filters, certificates = _filtered(request)
    page = Paginator(certificates.order_by("-issued_at", "-id"), PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "certificates/certificate_list.html",
        {"form": form, "page": page, "total": page.paginator.count, "query": query.urlencode()},
    )


def _zip_response(request, certificates, *, filename: str, description: dict) -> StreamingHttpResponse:
    certificates = certificates.order_by("serial")
    count = certificates.count()
    services.record_bulk_download(user=request.user, count=count, description=description)
    response = StreamingHttpResponse(
        bulk.zip_stream(certificates.iterator(chunk_size=200), certificates.iterator(chunk_size=500)),
        content_type="application/zip",
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_GET
def bulk_download(request):
    require_bulk_download(request.user)
    form, filters, certificates = _filtered(request)
    description = {key: str(value) for key, value in vars(filters).items() if value}
    return _zip_response(
        request, certificates, filename=f"certificates-{timezone.localdate():%Y-%m-%d}.zip", description=description
    )


@login_required
@require_GET
def cohort_bulk_download(request, cohort_id):
    cohort = access_cohort_certificates(request.user, cohort_id)
    certificates = selectors.certificates_visible_to(request.user).filter(enrolment__cohort=cohort)
    return _zip_response(
        request, certificates, filename=f"certificates-cohort-{cohort.pk}.zip", description={"cohort": cohort.pk}
    )


# --- The admin preview -----------------------------------------------------------------------------------


def template_preview_response(template: CertificateTemplate, *, language: str) -> HttpResponse:
    """A PDF of the template with sample data; the only rendering done during a request."""
    if language not in dict(settings.LANGUAGES):
        language = settings.LANGUAGE_CODE
    try:
        pdf = services.preview_pdf(template=template, language=language)
    except RenderError as error:
        return HttpResponse(str(error), content_type="text/plain; charset=utf-8", status=422)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="preview-{language}.pdf"'
    response["Cache-Control"] = "private, no-store"
    return response


def admin_template_preview(request, pk, language):
    return template_preview_response(access_template_preview(request.user, pk), language=language)


# --- Public verification ------------------------------------------------------------------------------------


def _verify_headers(response):
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Referrer-Policy"] = "no-referrer"
    return response


def _count_lookup(request) -> ratelimit.Usage:
    """Count one verify lookup for the client's address (``PASSAGE_VERIFY_RATE_LIMIT`` a window)."""
    limit, seconds = conf.verify_rate_limit()
    return ratelimit.hit(request, group="certificates.verify", limit=limit, seconds=seconds)


def _rate_limited(request, usage: ratelimit.Usage):
    response = render(request, "certificates/verify/rate_limited.html", status=429)
    response["Retry-After"] = str(usage.retry_after)
    return _verify_headers(response)


def _not_found(request):
    # The same answer for a malformed code, an unknown code and a training record not made yet.
    # Status 200, not 404: outside the language prefix, Django's LocaleMiddleware turns a 404 into
    # a redirect to /en/verify/..., which would show the site's generic "page not found" instead.
    return _verify_headers(render(request, "certificates/verify/not_found.html"))


def verification_context(certificate: Certificate) -> dict:
    """What the verify page shows of a certificate: who, what, when, by whom, and its status."""
    status = certificate.current_status()
    replaced_on = None
    if status == Certificate.Status.REPLACED and certificate.replaced_by is not None:
        replaced_on = timezone.localtime(certificate.replaced_by.issued_at).date()
    return {
        "name": certificate.trainee_name,
        "course": certificate.course_title,
        "completed_on": certificate.completed_on,
        "issuer": certificate.issuer,
        "serial": certificate.serial,
        "status": status,
        "status_label": Certificate.Status(status).label,
        "is_valid": status == Certificate.Status.VALID,
        "is_expired": status == Certificate.Status.EXPIRED,
        "is_revoked": status == Certificate.Status.REVOKED,
        "is_replaced": status == Certificate.Status.REPLACED,
        "expires_on": certificate.expires_on,
        "revoked_on": timezone.localtime(certificate.revoked_at).date() if certificate.revoked_at else None,
        "replaced_on": replaced_on,
    }


@require_GET
def verify_code(request, code):
    """The QR code's target: the certificate (or training record) that carries this code."""
    usage = _count_lookup(request)
    if not usage.allowed:
        return _rate_limited(request, usage)
    if not is_verification_code(code):
        return _not_found(request)
    certificate = selectors.certificate_by_code(code)
    if certificate is not None:
        return _verify_headers(
            render(request, "certificates/verify/result.html", {"result": verification_context(certificate)})
        )
    record = selectors.training_record_by_code(code)
    if record is not None:
        statuses = selectors.statuses_of_serials([entry.get("serial", "") for entry in record.entries])
        entries = []
        for entry in record.entries:
            status = statuses.get(entry.get("serial") or "")
            entries.append({**entry, "status": status, "status_label": Certificate.Status(status).label if status else ""})
        return _verify_headers(
            render(request, "certificates/verify/record.html", {"record": record, "entries": entries})
        )
    return _not_found(request)


@require_http_methods(["GET", "POST"])
def verify_form(request):
    """Check a certificate by serial and family name; a serial alone reveals nothing."""
    if request.method == "GET":
        return _verify_headers(render(request, "certificates/verify/form.html", {"form": VerifyForm()}))
    usage = _count_lookup(request)
    if not usage.allowed:
        return _rate_limited(request, usage)
    form = VerifyForm(request.POST)
    if form.is_valid():
        certificate = selectors.certificate_by_serial(normalise_serial(form.cleaned_data["serial"]))
        # Compare even when the serial is unknown, so both failures take the same time.
        recorded = certificate.family_name if certificate is not None else "\u0000unknown"
        if names_match(form.cleaned_data["family_name"], recorded) and certificate is not None:
            return _verify_headers(
                render(request, "certificates/verify/result.html", {"result": verification_context(certificate)})
            )
        form.add_error(None, _("No certificate matches this serial number and family name. Check both and try again."))
    # An unknown serial and a wrong name get the same page: the serial alone tells nothing.
    return _verify_headers(render(request, "certificates/verify/form.html", {"form": form}))
