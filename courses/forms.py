"""Forms of the learning pages that are not pages of the course tree."""

from django import forms
from django.utils.translation import gettext_lazy as _

from courses.cohort_grid import DEFAULT_STUCK_DAYS, MAX_STUCK_DAYS

# Said in full, not built from MAX_STUCK_DAYS: a lazy message stays in the page's language.
DAYS_MESSAGE = _("Enter a whole number of days from 1 to 365.")


class CohortGridForm(forms.Form):
    """The cohort grid's GET options: show only stuck trainees, and after how many idle days."""

    stuck = forms.BooleanField(label=_("Only trainees who seem stuck"), required=False)
    days = forms.IntegerField(
        label=_("No activity for at least (days)"),
        required=False,
        min_value=1,
        max_value=MAX_STUCK_DAYS,
        error_messages=dict.fromkeys(("invalid", "min_value", "max_value"), DAYS_MESSAGE),
        help_text=_("From 1 to 365; 14 when left empty."),
        widget=forms.NumberInput(attrs={"min": 1, "max": MAX_STUCK_DAYS, "inputmode": "numeric"}),
    )

    def __init__(self, data=None, **kwargs):
        # An empty GET is the default view (everyone, 14 days), not an unbound form.
        super().__init__(data if data is not None else {}, **kwargs)

    def stuck_days(self) -> int:
        """The number of idle days that makes a trainee stuck (call after ``is_valid()``)."""
        return self.cleaned_data.get("days") or DEFAULT_STUCK_DAYS
