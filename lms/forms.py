"""Account forms: the profile asked at registration, invitation acceptance, profile."""

from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model, password_validation
from django.utils.translation import gettext_lazy as _

User = get_user_model()

PROFILE_FIELDS = ["first_name", "last_name", "certificate_name", "preferred_language", "organisation", "sector", "country"]


def optional_profile_fields() -> list[str]:
    """Gender and year of birth, only where the platform is set to collect them."""
    fields = []
    if settings.PASSAGE_COLLECT_GENDER:
        fields.append("gender")
    if settings.PASSAGE_COLLECT_YEAR_OF_BIRTH:
        fields.append("year_of_birth")
    return fields


class PasswordFieldsMixin(forms.Form):
    password1 = forms.CharField(
        label=_("Password"), strip=False, widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("At least 10 characters, not only digits, not a common password."),
    )
    password2 = forms.CharField(
        label=_("Password again"), strip=False, widget=forms.PasswordInput(attrs={"autocomplete": "new-password"})
    )

    def check_passwords(self, user):
        password1 = self.cleaned_data.get("password1")
        password2 = self.cleaned_data.get("password2")
        if password1 and password2 and password1 != password2:
            self.add_error("password2", _("The two passwords differ."))
            return
        if password1:
            try:
                password_validation.validate_password(password1, user)
            except forms.ValidationError as error:
                self.add_error("password1", error)


NAME_FIELDS = ("first_name", "last_name", "certificate_name")


def follow_typed_direction(form):
    """Name fields take the direction of what is typed (an Arabic name in a French form)."""
    for name in NAME_FIELDS:
        if name in form.fields:
            form.fields[name].widget.attrs["dir"] = "auto"


class ProfileForm(forms.ModelForm):
    """What a trainee may change about themselves."""

    class Meta:
        model = User
        fields = PROFILE_FIELDS + ["gender", "year_of_birth"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in {"gender", "year_of_birth"} - set(optional_profile_fields()):
            del self.fields[name]
        self.fields["first_name"].required = True
        self.fields["last_name"].required = True
        self.fields["certificate_name"].required = True
        if "gender" in self.fields:
            self.fields["gender"].required = True
            self.fields["gender"].help_text = _("Used only in anonymous statistics. “Prefer not to say” is fine.")
        follow_typed_direction(self)


class SignupProfileForm(forms.Form):
    """What registration asks beside the email address and password (allauth's signup form extends it).

    allauth keeps the email and password fields and their checks (no account enumeration, password
    rules); the profile fields are the model's own, with the same rules as the profile page.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        profile = ProfileForm(initial=kwargs.get("initial"))
        for name, field in profile.fields.items():
            self.fields[name] = field
        if not self.is_bound and "preferred_language" not in self.initial:
            from django.utils import translation

            self.initial["preferred_language"] = translation.get_language()
        if "email" in self.fields:
            self.fields["email"].label = _("Email address")
            self.fields["email"].widget.attrs.pop("placeholder", None)
        # Email first, then the profile, then the passwords: as people fill a paper form.
        order = ["email", *profile.fields, "password1", "password2"]
        self.order_fields([name for name in order if name in self.fields])

    def signup(self, request, user):
        """Nothing more to do: the adapter saves the profile with the account (lms.accounts)."""


class AcceptInvitationForm(PasswordFieldsMixin, forms.Form):
    first_name = forms.CharField(label=_("Given name(s)"), max_length=150)
    last_name = forms.CharField(label=_("Family name"), max_length=150)
    certificate_name = forms.CharField(
        label=_("Full name as printed on certificates"), max_length=200,
        help_text=_("Exactly as it should appear on certificates, in any script."),
    )
    preferred_language = forms.ChoiceField(label=_("Preferred language"), choices=settings.LANGUAGES)

    def __init__(self, *args, user, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)
        follow_typed_direction(self)

    def clean(self):
        cleaned = super().clean()
        self.check_passwords(self.user)
        return cleaned


class InvitationUploadForm(forms.Form):
    file = forms.FileField(
        label=_("CSV file"),
        help_text=_("Columns: name, email, organisation, sector, country, language. UTF-8, one trainee per line."),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > settings.PASSAGE_INVITE_MAX_BYTES:
            raise forms.ValidationError(
                _("The file is too large (%(size)s MB). The limit is %(limit)s MB.")
                % {"size": round(upload.size / 1024 / 1024, 1), "limit": round(settings.PASSAGE_INVITE_MAX_BYTES / 1024 / 1024, 1)}
            )
        return upload


class SecondFactorResetForm(forms.Form):
    """The person whose lost second factor an administrator removes."""

    email = forms.EmailField(label=_("Email address of the person"))

    def clean_email(self):
        email = self.cleaned_data["email"].strip()
        if not User.objects.filter(email__iexact=email).exists():
            raise forms.ValidationError(_("No account has this email address."))
        return email

    def person(self):
        return User.objects.get(email__iexact=self.cleaned_data["email"])
