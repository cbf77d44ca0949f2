"""How django-allauth fits Passage: who may register, what a new account holds, links in emails."""

from urllib.parse import urlsplit, urlunsplit

from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.forms import LoginForm as AllauthLoginForm
from django.conf import settings
from django.http import HttpResponseRedirect
from django.urls import translate_url
from django.utils.translation import gettext_lazy as _

from lms import roles
from lms.forms import optional_profile_fields
from lms.i18n import language_of

SIGNUP_PROFILE_FIELDS = ["certificate_name", "preferred_language", "organisation", "sector", "country"]


def public_url(url: str) -> str:
    """The same path on the configured public address, never on the request's Host header."""
    bits = urlsplit(url)
    public = urlsplit(settings.PUBLIC_BASE_URL)
    return urlunsplit((public.scheme, public.netloc, public.path.rstrip("/") + bits.path, bits.query, bits.fragment))


def remember_language(response, language: str):
    """Keep ``language`` in the language cookie for a year (the language menu, sign-in, the profile)."""
    response.set_cookie(settings.LANGUAGE_COOKIE_NAME, language, samesite="Lax", max_age=60 * 60 * 24 * 365)
    return response


def switch_language(response, user):
    """Send the user on in their preferred language and remember it in the cookie."""
    language = language_of(user)
    remember_language(response, language)
    if isinstance(response, HttpResponseRedirect):
        response["Location"] = translate_url(response["Location"], language)
    return response


class AccountAdapter(DefaultAccountAdapter):
    """allauth's adapter with Passage's registration setting, trainee role and public links."""

    def is_open_for_signup(self, request):
        # "invitation": only invited trainees join, through their one-time link.
        return settings.PASSAGE_REGISTRATION == "open"

    def save_user(self, request, user, form, commit=True):
        user = super().save_user(request, user, form, commit=False)
        data = form.cleaned_data
        for name in SIGNUP_PROFILE_FIELDS + optional_profile_fields():
            if name in data:
                setattr(user, name, data[name])
        if commit:
            user.save()
            roles.assign_role(user, roles.TRAINEE)
        return user

    def send_mail(self, template_prefix, email, context):
        # allauth builds its links (verification, reset, sign-up) from the request; a proxy
        # forwarding any Host header would let an attacker aim them at their own site.
        context = {
            key: public_url(value) if key.endswith("_url") and isinstance(value, str) and "://" in value else value
            for key, value in context.items()
        }
        context.setdefault("site_name", "Passage")
        super().send_mail(template_prefix, email, context)

    def post_login(self, request, user, **kwargs):
        return switch_language(super().post_login(request, user, **kwargs), user)


class LoginForm(AllauthLoginForm):
    """allauth's sign-in form, labelled as Passage's other forms are."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["login"].label = _("Email address")
        self.fields["login"].widget.attrs.pop("placeholder", None)
        self.fields["password"].widget.attrs.pop("placeholder", None)
        self.fields["password"].help_text = ""  # the page links to the reset below the form
        if "remember" in self.fields:
            self.fields["remember"].label = _("Keep me signed in on this device")
