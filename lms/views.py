"""Account pages of our own (accept an invitation, profile); branded error pages.

Sign-in, registration, password reset and change are django-allauth's (lms.accounts adapts them).
"""

import sys

from allauth.account.decorators import reauthentication_required
from allauth.mfa.models import Authenticator
from django import db
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse, HttpResponseRedirect, JsonResponse, StreamingHttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from lms import erasure, mfa, permissions, personal_data, services
from lms.accounts import remember_language, switch_language
from lms.forms import AcceptInvitationForm, ProfileForm, SecondFactorResetForm
from lms.i18n import LANGUAGE_CODES, with_language_prefix
from lms.models import ErasureRequest

ACCOUNT_BACKEND = "allauth.account.auth_backends.AuthenticationBackend"


@require_http_methods(["POST"])
def change_language(request):
    """The language menu: the same page in the chosen language, remembered in the cookie.

    A page of the course tree that has no translation is then shown in its own language under
    the chosen interface, with a note (lms.routing); nothing here can send a person off-site.
    """
    language = request.POST.get("language", "")
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        target = "/"
    if language not in LANGUAGE_CODES:
        return HttpResponseRedirect(target)
    return remember_language(HttpResponseRedirect(with_language_prefix(target, language)), language)


@require_http_methods(["GET", "POST"])
def accept_invitation(request, token):
    try:
        invitation = services.pending_invitation(token)
    except services.InvitationInvalid as error:
        return render(request, "accounts/invitation_invalid.html", {"message": str(error)}, status=404)
    user = invitation.user
    form = AcceptInvitationForm(
        request.POST or None,
        user=user,
        initial={
            "first_name": user.first_name,
            "last_name": user.last_name,
            "certificate_name": user.certificate_name,
            "preferred_language": user.preferred_language,
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            user = services.accept_invitation(
                token=token,
                password=form.cleaned_data["password1"],
                first_name=form.cleaned_data["first_name"],
                last_name=form.cleaned_data["last_name"],
                certificate_name=form.cleaned_data["certificate_name"],
                preferred_language=form.cleaned_data["preferred_language"],
            )
        except services.InvitationInvalid as error:
            return render(request, "accounts/invitation_invalid.html", {"message": str(error)}, status=404)
        # The one-time link reached the invitee's mailbox: it verifies the address too.
        login(request, user, backend=ACCOUNT_BACKEND)
        messages.success(request, _("Your account is ready. Welcome to Passage."))
        return switch_language(HttpResponseRedirect(reverse("dashboard")), user)
    return render(request, "accounts/accept_invitation.html", {"form": form, "invitation": invitation})


@login_required
@require_http_methods(["GET", "POST"])
def profile(request):
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        user = form.save()
        messages.success(request, _("Your profile is saved."))
        return switch_language(HttpResponseRedirect(reverse("profile")), user)
    pending = ErasureRequest.objects.filter(user=request.user, status=ErasureRequest.Status.PENDING).first()
    return render(request, "accounts/profile.html", {"form": form, "erasure_pending": pending})


@login_required
@reauthentication_required
def download_my_data(request):
    """Everything Passage holds about the signed-in person, as one ZIP (after the password again)."""
    stamp = timezone.now().strftime("%Y-%m-%d")
    response = StreamingHttpResponse(personal_data.zip_stream(user=request.user), content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="passage-my-data-{stamp}.zip"'
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_http_methods(["POST"])
@reauthentication_required
def request_erasure(request):
    """The signed-in person asks to be erased; an administrator carries it out."""
    if not request.POST.get("confirm"):
        messages.error(request, _("Tick the box to confirm that you want your data erased."))
        return HttpResponseRedirect(reverse("profile"))
    erasure.request_erasure(user=request.user)
    messages.success(request, _("Your request is recorded. An administrator will erase your data and tell you by email."))
    return HttpResponseRedirect(reverse("profile"))


@require_http_methods(["GET", "POST"])
def admin_erasure_requests(request):
    """Wagtail admin page: pending erasure requests, each carried out after a confirmation."""
    permissions.require_administrator(request.user)
    if request.method == "POST":
        pending = permissions.access_pending_erasure_request(request.user, request.POST.get("request"))
        erasure.carry_out_erasure(erasure=pending, by=request.user)
        messages.success(request, _("The person's data is erased."))
        return HttpResponseRedirect(reverse("lms_admin_erasure_requests"))
    requests = ErasureRequest.objects.select_related("user", "done_by")[:200]
    return render(
        request,
        "accounts/admin/erasure_requests.html",
        {"requests": requests, "page_title": _("Erasure requests"), "header_icon": "bin"},
    )


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    """The 500 page; a 503 "try again" page, in the visitor's language, when the database is
    unreachable for a moment (restarting, failing over): then nothing is wrong with what they did."""
    error = sys.exc_info()[1]
    if isinstance(error, (db.OperationalError, db.InterfaceError)):
        return database_unavailable(request)
    return render(request, "500.html", status=500)


def database_unavailable(request):
    """503 with Retry-After; the quiz's autosave (a fetch) gets JSON and keeps the answers."""
    language = translation.get_language_from_path(request.path_info) or translation.get_language_from_request(request)
    with translation.override(language):
        message = _("Passage cannot reach its database for a moment. Nothing you saved before is lost: wait a few seconds and try again.")
        if request.headers.get("X-Requested-With") == "fetch" or "json" in request.headers.get("Accept", ""):
            response = JsonResponse({"ok": False, "retry": True, "error": message}, status=503)
        else:
            # Rendered without the request: its context processors (site settings, the menu) read
            # the database, which is what is missing.
            body = render_to_string("503.html", {"message": message, "language": translation.get_language()})
            response = HttpResponse(body, status=503)
    response["Retry-After"] = "5"
    return response


def csrf_failure(request, reason=""):
    return render(request, "403_csrf.html", status=403)


@require_http_methods(["GET", "POST"])
def admin_second_factor(request):
    """Wagtail admin page: an administrator removes the second factor of a person who lost it."""
    permissions.require_administrator(request.user)
    form = SecondFactorResetForm(request.POST or request.GET or None)
    person = form.person() if form.is_bound and form.is_valid() else None
    if request.method == "POST" and person is not None and request.POST.get("confirm"):
        mfa.reset_second_factor(user=person, by=request.user)
        messages.success(request, _("The second factor of %(email)s is removed: they set up a new one at their next sign-in.") % {"email": person.email})
        return HttpResponseRedirect(reverse("lms_admin_second_factor"))
    factors = Authenticator.objects.filter(user=person).order_by("type") if person else []
    return render(
        request,
        "accounts/admin/second_factor.html",
        {"form": form, "person": person, "factors": factors, "page_title": _("Second factor"), "header_icon": "key"},
    )
