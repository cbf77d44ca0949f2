"""Forms of the workshop screens: they check input; the services do the work."""

import zoneinfo

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from courses.models import CoursePage
from lms import roles
from workshops import conf
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
