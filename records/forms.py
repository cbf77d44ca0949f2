"""The one filter form of completion records, read from GET parameters by pages, files and API.

Its choices come from the rounds the user may already see, so an officer is never offered (and
cannot pick by guessing an id) an organisation, cohort or region outside their scope.
"""

from django import forms
from django.db.models import Max, QuerySet
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from courses.models import Cohort, Enrolment
from lms.models import Country, Organisation, Region, Sector
from records.figures import course_titles

FILTER_FIELDS = (
    "course",
    "cohort",
    "organisation",
    "sector",
    "country",
    "region",
    "status",
    "enrolled_from",
    "enrolled_to",
    "completed_from",
    "completed_to",
)


class DateInput(forms.DateInput):
    input_type = "date"


class RecordFilterForm(forms.Form):
    course = forms.ChoiceField(label=_("Course"), required=False)
    cohort = forms.ModelChoiceField(label=_("Cohort"), queryset=Cohort.objects.none(), required=False)
    organisation = forms.ModelChoiceField(label=_("Organisation"), queryset=Organisation.objects.none(), required=False)
    sector = forms.ModelChoiceField(label=_("Sector"), queryset=Sector.objects.none(), required=False)
    country = forms.ModelChoiceField(label=_("Country"), queryset=Country.objects.none(), required=False)
    region = forms.ModelChoiceField(label=_("Region"), queryset=Region.objects.none(), required=False)
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("Any status")), *Enrolment.Status.choices]
    )
    enrolled_from = forms.DateField(label=_("Enrolled from"), required=False, widget=DateInput)
    enrolled_to = forms.DateField(label=_("Enrolled until"), required=False, widget=DateInput)
    completed_from = forms.DateField(label=_("Completed from"), required=False, widget=DateInput)
    completed_to = forms.DateField(label=_("Completed until"), required=False, widget=DateInput)

    def __init__(self, data=None, *, scoped: QuerySet, **kwargs):
        # An empty GET is a valid "no filter", not an unbound form.
        super().__init__(data if data is not None else {}, **kwargs)
        self.scoped = scoped
        rounds = scoped.order_by()
        self.fields["course"].choices = lambda: [("", _("All courses")), *self._course_choices()]
        self.fields["cohort"].queryset = Cohort.objects.filter(pk__in=rounds.values("cohort_id")).order_by("name")
        self.fields["organisation"].queryset = Organisation.objects.filter(pk__in=rounds.values("organisation_id"))
        self.fields["sector"].queryset = Sector.objects.filter(pk__in=rounds.values("sector_id"))
        self.fields["country"].queryset = Country.objects.filter(pk__in=rounds.values("country_id"))
        self.fields["region"].queryset = Region.objects.filter(pk__in=rounds.values("region_id")).select_related(
            "country"
        )
        for name in ("cohort", "organisation", "sector", "country", "region"):
            self.fields[name].empty_label = _("All")

    def asks_for_filters(self) -> bool:
        """Whether the request names any filter (valid or not)."""
        return any(self.data.get(name) not in (None, "") for name in FILTER_FIELDS)

    def offer_choices(self, places: list[dict]) -> None:
        """For a page that shows the choices: the cohorts, organisations, sectors, countries,
        regions and courses of the scoped rounds, from their tally (``figures.tally``), so
        listing them costs no scan of its own. Downloads and the API skip this: they only check
        the values they are given."""
        def used(column: str) -> list:
            return sorted({row[column] for row in places if row[column] is not None})

        self.fields["cohort"].queryset = Cohort.objects.filter(pk__in=used("cohort_id")).order_by("name")
        self.fields["organisation"].queryset = Organisation.objects.filter(pk__in=used("organisation_id"))
        self.fields["sector"].queryset = Sector.objects.filter(pk__in=used("sector_id"))
        self.fields["country"].queryset = Country.objects.filter(pk__in=used("country_id"))
        self.fields["region"].queryset = Region.objects.filter(pk__in=used("region_id")).select_related("country")
        titles = course_titles(places)
        self._courses = sorted(((str(key), title) for key, title in titles.items()), key=lambda choice: choice[1])

    def _course_choices(self) -> list[tuple[str, str]]:
        """Courses by their identity (every translation together), titled as enrolled; read once."""
        if getattr(self, "_courses", None) is not None:
            return self._courses
        rows = (
            self.scoped.order_by()
            .values("course_key")
            .annotate(title=Max("course_title"))
            .order_by("title")
        )
        self._courses = [(str(row["course_key"]), row["title"]) for row in rows]
        return self._courses

    def clean(self):
        cleaned = super().clean()
        for start, end in (("enrolled_from", "enrolled_to"), ("completed_from", "completed_to")):
            if cleaned.get(start) and cleaned.get(end) and cleaned[start] > cleaned[end]:
                self.add_error(end, _("This date is before the start of the period."))
        return cleaned

    def filter(self, enrolments: QuerySet) -> QuerySet:
        """Narrow already-scoped rounds by the cleaned filters (call after ``is_valid()``)."""
        data = self.cleaned_data
        lookups = {
            "course_key": data.get("course") or None,
            "cohort": data.get("cohort"),
            "organisation": data.get("organisation"),
            "sector": data.get("sector"),
            "country": data.get("country"),
            "region": data.get("region"),
            "status": data.get("status") or None,
            "enrolled_at__date__gte": data.get("enrolled_from"),
            "enrolled_at__date__lte": data.get("enrolled_to"),
            "completed_at__date__gte": data.get("completed_from"),
            "completed_at__date__lte": data.get("completed_to"),
        }
        return enrolments.filter(**{key: value for key, value in lookups.items() if value is not None})

    def described(self) -> list[tuple[str, str]]:
        """The filters in force, as (label, value) for people: the PDF and the page."""
        described = []
        for name in FILTER_FIELDS:
            value = self.cleaned_data.get(name)
            if value in (None, ""):
                continue
            if name == "course":
                value = dict(self.fields["course"].choices).get(value, value)
            elif name == "status":
                value = Enrolment.Status(value).label
            described.append((str(self.fields[name].label), str(value)))
        return described

    def as_record(self) -> dict:
        """The filters in force, as plain values for the audit log."""
        record = {}
        for name in FILTER_FIELDS:
            value = self.cleaned_data.get(name)
            if value in (None, ""):
                continue
            record[name] = value.pk if hasattr(value, "pk") else str(value)
        return record

    def querystring(self) -> str:
        """The filters as GET parameters, for links to the downloads."""
        query = QueryDict(mutable=True)
        for name, value in self.as_record().items():
            query[name] = value
        return query.urlencode()


class ExportOptionsForm(forms.Form):
    """How a person-level file names people: a pseudonym unless names are asked for."""

    PSEUDONYM = "pseudonym"
    NAME = "name"

    identity = forms.ChoiceField(
        label=_("Identify trainees by"),
        required=False,
        choices=[(PSEUDONYM, _("Pseudonym (recommended)")), (NAME, pgettext_lazy("a person's", "Name"))],
    )
    bom = forms.BooleanField(label=_("For Excel (byte order mark)"), required=False)

    def __init__(self, data=None, **kwargs):
        super().__init__(data if data is not None else {}, **kwargs)

    @property
    def with_names(self) -> bool:
        return self.cleaned_data.get("identity") == self.NAME
