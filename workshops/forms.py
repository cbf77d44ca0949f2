"""Forms of the workshop screens: they check input; the services do the work."""

import zoneinfo

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from assessments.models import QuizPage
from courses.models import CoursePage
from lms import roles
from workshops import conf, surveys
from workshops.models import Workshop, WorkshopSession


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class WorkshopForm(forms.ModelForm):
    class Meta:
        model = Workshop
        fields = [
            "title", "starts_on", "ends_on", "venue", "country", "region", "language", "time_zone",
            "facilitators", "courses", "attendance_required_percent",
            "pre_test", "post_test", "post_test_required", "follow_up_months",
        ]
        widgets = {"starts_on": DateInput(), "ends_on": DateInput()}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        User = get_user_model()
        self.fields["facilitators"].queryset = (
            User.objects.filter(groups__name__in=[roles.TRAINER, roles.ADMINISTRATOR]).distinct().order_by("last_name", "email")
        )
        self.fields["courses"].queryset = CoursePage.objects.live().order_by("title")
        self.fields["region"].queryset = self.fields["region"].queryset.select_related("country")
        self.fields["follow_up_months"].required = False
        # Any translation of a quiz stands for all of them: attempts are matched by the quiz's identity.
        quizzes = QuizPage.objects.live().select_related("locale").order_by("title", "pk")
        for name in ("pre_test", "post_test"):
            self.fields[name].queryset = quizzes
            self.fields[name].label_from_instance = lambda quiz: f"{quiz.title} ({quiz.locale.language_code}, #{quiz.pk})"

    def clean_follow_up_months(self):
        # Left empty: the usual three months.
        return self.cleaned_data.get("follow_up_months") or 3

    def clean_time_zone(self):
        name = self.cleaned_data["time_zone"].strip()
        if name not in zoneinfo.available_timezones():
            raise forms.ValidationError(_("Enter a time zone such as Africa/Dakar or Europe/Paris."))
        return name

    def clean(self):
        data = super().clean()
        starts_on, ends_on = data.get("starts_on"), data.get("ends_on")
        if starts_on and ends_on and ends_on < starts_on:
            self.add_error("ends_on", _("The workshop cannot end before it starts."))
        country, region = data.get("country"), data.get("region")
        if region and country and region.country_id != country.pk:
            self.add_error("region", _("This region is not in the chosen country."))
        return data


class SessionForm(forms.ModelForm):
    class Meta:
        model = WorkshopSession
        fields = ["date", "start_time", "duration_minutes", "topic", "place"]
        widgets = {
            "date": DateInput(),
            "start_time": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
            "duration_minutes": forms.NumberInput(attrs={"min": 1, "max": 1440, "inputmode": "numeric"}),
        }

    def __init__(self, *args, workshop: Workshop, **kwargs):
        super().__init__(*args, **kwargs)
        self.workshop = workshop

    def clean_date(self):
        day = self.cleaned_data["date"]
        if not self.workshop.starts_on <= day <= self.workshop.ends_on:
            raise forms.ValidationError(
                _("The session must fall within the workshop's dates (%(start)s to %(end)s).")
                % {"start": self.workshop.starts_on.isoformat(), "end": self.workshop.ends_on.isoformat()}
            )
        return day


class WalkInForm(forms.Form):
    name = forms.CharField(label=_("Full name"), max_length=200)
    email = forms.EmailField(label=_("Email address"), help_text=_("They receive an invitation to the cohort at this address."))


class AttendanceUploadForm(forms.Form):
    file = forms.FileField(
        label=_("CSV file"),
        help_text=_("Columns: email, session (its date, e.g. 2026-11-16, or its number), present (yes or no). UTF-8."),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        limit = conf.attendance_csv_max_bytes()
        if upload.size > limit:
            raise forms.ValidationError(
                _("The file is too large (%(size)s KB). The limit is %(limit)s KB.")
                % {"size": round(upload.size / 1024), "limit": round(limit / 1024)}
            )
        return upload


class SurveyForm(forms.Form):
    """A trainee's answers: one five-point choice per statement, the 0–10 question, comments.

    Every field is optional but the statements: an answer left out is asked again with the rest
    kept as typed (a bound form re-renders what was sent).
    """

    def __init__(self, *args, items, survey: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.items = items
        for item in items:
            self.fields[f"item_{item.pk}"] = forms.TypedChoiceField(
                label=item.display_text, choices=surveys.LIKERT_CHOICES, coerce=int, widget=forms.RadioSelect,
            )
        if survey == surveys.SATISFACTION:
            self.fields["recommend"] = forms.TypedChoiceField(
                label=_("How likely are you to recommend this workshop to a colleague? (0 = not at all likely, 10 = extremely likely)"),
                choices=[(n, str(n)) for n in range(11)], coerce=int, widget=forms.RadioSelect,
            )
        self.fields["comment"] = forms.CharField(
            label=surveys.COMMENT_LABELS[survey], required=False, max_length=4000, widget=forms.Textarea(attrs={"rows": 5})
        )

    def item_fields(self):
        return [self[f"item_{item.pk}"] for item in self.items]

    def scores(self) -> dict[int, int]:
        return {item.pk: self.cleaned_data.get(f"item_{item.pk}") for item in self.items}


class SurveyItemsForm(forms.Form):
    """The organiser's words for each statement; empty keeps the default, shown in each trainee's language."""

    def __init__(self, *args, items, **kwargs):
        super().__init__(*args, **kwargs)
        self.items = items
        for index, item in enumerate(items, start=1):
            self.fields[f"text_{item.pk}"] = forms.CharField(
                label=_("Statement %(number)s") % {"number": index}, required=False, max_length=300, initial=item.text,
                help_text=_("Default: %(text)s") % {"text": surveys.DEFAULT_ITEMS.get(item.default_key, "")} if item.default_key else "",
            )

    def texts(self) -> list[str]:
        return [self.cleaned_data.get(f"text_{item.pk}", "") for item in self.items]


class ReportFilterForm(forms.Form):
    """The aggregate report's filters: workshops starting between two dates, in one country.

    The countries offered are those of the workshops in the reader's scope; an invalid form
    filters nothing (the view shows its errors over the unfiltered report).
    """

    FIELDS = ("starts_from", "starts_until", "country")

    starts_from = forms.DateField(label=_("Starting from"), required=False, widget=DateInput(),
                                  help_text=_("Workshops that start on this day or later."))
    starts_until = forms.DateField(label=_("Starting until"), required=False, widget=DateInput(),
                                   help_text=_("Workshops that start on this day or earlier."))
    country = forms.TypedChoiceField(label=_("Country"), required=False, coerce=int, empty_value=None)

    def __init__(self, *args, workshops, **kwargs):
        super().__init__(*args, **kwargs)
        countries = {w.country_id: str(w.country) for w in workshops if w.country_id}
        self.fields["country"].choices = [("", _("All countries")), *sorted(countries.items(), key=lambda c: c[1].casefold())]

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("starts_from"), cleaned.get("starts_until")
        if start and end and start > end:
            from lms.formatting import format_date

            raise forms.ValidationError(
                _("The first date (%(start)s) is after the second (%(end)s): the report is shown unfiltered. Swap the dates or change one."),
                code="dates_reversed", params={"start": format_date(start), "end": format_date(end)},
            )
        return cleaned

    def filters(self) -> dict:
        """Keyword arguments for ``access_aggregate_report``; none unless the form is valid."""
        if not self.is_bound or not self.is_valid():
            return {}
        data = self.cleaned_data
        return {
            key: value
            for key, value in (("starts_from", data["starts_from"]), ("starts_until", data["starts_until"]), ("country_id", data["country"]))
            if value is not None
        }
