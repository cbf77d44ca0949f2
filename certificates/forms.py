"""Forms of the certificate pages: revoke, reissue, issue by hand, verify, filter."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from certificates.models import Certificate


class RevokeForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Kept in the audit log; not shown on the public verify page."),
    )


class ReissueForm(forms.Form):
    trainee_name = forms.CharField(
        label=_("Full name as printed"), max_length=200, help_text=_("Exactly as it should appear, in any script.")
    )
    family_name = forms.CharField(
        label=_("Family name"), max_length=150, help_text=_("What people type on the verify form, with the serial.")
    )
    language = forms.ChoiceField(label=_("Language of the certificate"), choices=settings.LANGUAGES)
    reason = forms.CharField(
        label=_("Reason"), max_length=1000, widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("E.g. 'Name corrected at the trainee's request'. Kept in the audit log."),
    )


class IssueForm(forms.Form):
    completed_on = forms.DateField(
        label=_("Completion date"), widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("The day the trainee completed the training, e.g. the last day of the workshop."),
    )
    language = forms.ChoiceField(label=_("Language of the certificate"), choices=settings.LANGUAGES)


class VerifyForm(forms.Form):
    serial = forms.CharField(
        label=_("Serial number"), max_length=40, help_text=_("As printed on the certificate, e.g. PSG-2026-000123."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )
    family_name = forms.CharField(
        label=_("Family name of the holder"), max_length=150, help_text=_("Accents and capitals do not matter."),
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )


STATUS_CHOICES = [("", _("Any status"))] + [(value, label) for value, label in Certificate.Status.choices]


class CertificateFilterForm(forms.Form):
    cohort = forms.TypedChoiceField(label=_("Cohort"), required=False, coerce=int, empty_value=None)
    status = forms.ChoiceField(label=_("Status"), required=False, choices=STATUS_CHOICES)
    country = forms.TypedChoiceField(label=_("Country"), required=False, coerce=int, empty_value=None)
    organisation = forms.TypedChoiceField(label=_("Organisation"), required=False, coerce=int, empty_value=None)
    completed_from = forms.DateField(
        label=_("Completed from"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    completed_to = forms.DateField(label=_("Completed until"), required=False, widget=forms.DateInput(attrs={"type": "date"}))

    def __init__(self, *args, cohorts=(), countries=(), organisations=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["cohort"].choices = [("", _("All cohorts"))] + [(c.pk, str(c)) for c in cohorts]
        self.fields["country"].choices = [("", _("All countries"))] + [(c.pk, str(c)) for c in countries]
        self.fields["organisation"].choices = [("", _("All organisations"))] + [(o.pk, str(o)) for o in organisations]
