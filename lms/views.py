"""Account pages: sign in, register, accept an invitation, profile; branded error pages."""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse, translate_url
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from lms import services
from lms.forms import AcceptInvitationForm, EmailAuthenticationForm, ProfileForm, RegistrationForm
from lms.i18n import language_of


def _switch_language(response, request, user):
    """Send the user on in their preferred language and remember it in the cookie."""
    language = language_of(user)
    response.set_cookie(settings.LANGUAGE_COOKIE_NAME, language, samesite="Lax", max_age=60 * 60 * 24 * 365)
    if isinstance(response, HttpResponseRedirect):
        response["Location"] = translate_url(response["Location"], language)
    return response


class LoginView(auth_views.LoginView):
    form_class = EmailAuthenticationForm
    template_name = "accounts/login.html"
    redirect_authenticated_user = True

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["registration_open"] = settings.PASSAGE_REGISTRATION == "open"
        return context

    def form_valid(self, form):
        response = super().form_valid(form)
        return _switch_language(response, self.request, form.get_user())


class PasswordResetView(auth_views.PasswordResetView):
    template_name = "accounts/password_reset.html"
    email_template_name = "accounts/email/password_reset.txt"
    subject_template_name = "accounts/email/password_reset_subject.txt"

    def form_valid(self, form):
        # Links in emails use the configured public address, never the request's Host header.
        public = urlsplit(settings.PUBLIC_BASE_URL)
        form.save(
            domain_override=public.netloc,
            use_https=public.scheme == "https",
            token_generator=self.token_generator,
            from_email=self.from_email,
            email_template_name=self.email_template_name,
            subject_template_name=self.subject_template_name,
            request=self.request,
        )
        return HttpResponseRedirect(self.get_success_url())


@require_http_methods(["GET", "POST"])
def register(request):
    if settings.PASSAGE_REGISTRATION != "open":
        return render(request, "accounts/registration_closed.html", status=404)
    if request.user.is_authenticated:
        return HttpResponseRedirect(translate_url("/", translation.get_language()))
    form = RegistrationForm(request.POST or None, initial={"preferred_language": translation.get_language()})
    if request.method == "POST" and form.is_valid():
        data = {name: value for name, value in form.cleaned_data.items() if name not in {"email", "password1", "password2"}}
        user = services.register(email=form.cleaned_data["email"], password=form.cleaned_data["password1"], **data)
        login(request, user, backend="lms.auth.EmailBackend")
        messages.success(request, _("Welcome to Passage. Choose a course to start."))
        return _switch_language(HttpResponseRedirect(_catalogue_url()), request, user)
    return render(request, "accounts/register.html", {"form": form})


def _catalogue_url():
    from courses.selectors import catalogue_url

    return catalogue_url()


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
        login(request, user, backend="lms.auth.EmailBackend")
        messages.success(request, _("Your account is ready. Welcome to Passage."))
        return _switch_language(HttpResponseRedirect(reverse("dashboard")), request, user)
    return render(request, "accounts/accept_invitation.html", {"form": form, "invitation": invitation})


@login_required
@require_http_methods(["GET", "POST"])
def profile(request):
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        user = form.save()
        messages.success(request, _("Your profile is saved."))
        return _switch_language(HttpResponseRedirect(reverse("profile")), request, user)
    return render(request, "accounts/profile.html", {"form": form})


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    return render(request, "500.html", status=500)


def csrf_failure(request, reason=""):
    return render(request, "403_csrf.html", status=403)
