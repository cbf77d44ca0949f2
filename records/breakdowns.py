"""Breakdowns of completion records: enrolled and completed by course, organisation, sector,
country, region, month (and gender and age band where collected), suppressed cell by cell."""

from dataclasses import dataclass, field

from django.db.models import Count, QuerySet
from django.db.models.functions import ExtractYear, TruncMonth
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lms.models import Country, Organisation, Region, Sector, User
from records.figures import (
    COMPLETED_ONLY,
    Figure,
    course_titles,
    min_cell,
    translated_course_titles,
)
from records.suppression import COMPLEMENTARY, reason_for, suppression_reasons


@dataclass
class BreakdownRow:
    label: str
    enrolled: Figure
    completed: Figure
    key: str | None = None  # the group's identity, the same in every language; None: not stated

    @property
    def rate(self) -> Figure:
        """Completed out of enrolled, in whole percent; hidden whenever either count is."""
        enrolled, completed = self.enrolled.value, self.completed.value
        if self.enrolled.hidden or self.completed.hidden:
            return Figure(self.label, None, COMPLEMENTARY, key="completion_rate_percent")
        rate = round(100 * completed / enrolled) if enrolled else None
        return Figure(self.label, rate, key="completion_rate_percent", text=f"{rate} %" if rate is not None else None)


@dataclass
class Breakdown:
    key: str
    title: str
    rows: list[BreakdownRow] = field(default_factory=list)

    @property
    def largest(self) -> int:
        return max((row.enrolled.value for row in self.rows if not row.enrolled.hidden), default=0)


def counted(enrolments: QuerySet, *group) -> QuerySet:
    """Rounds enrolled and completed per value of the ``group`` columns."""
    return (
        enrolments.order_by()
        .values(*group)
        .annotate(enrolled=Count("pk"), completed=Count("pk", filter=COMPLETED_ONLY))
    )


def build(key: str, title: str, groups: list[tuple[str | None, str, int, int]]) -> Breakdown:
    """Rows (group key, label, enrolled, completed) with both columns suppressed independently
    (complementary suppression in each); a row whose enrolled count is hidden hides its completed
    count too. Each hidden cell says why, from its own count."""
    minimum = min_cell()
    hidden_enrolled = suppression_reasons([enrolled for _key, _label, enrolled, _c in groups], minimum)
    hidden_completed = suppression_reasons([completed for _key, _label, _e, completed in groups], minimum)
    rows = [
        BreakdownRow(
            label=label,
            enrolled=Figure(label, enrolled, hidden_enrolled.get(index)),
            completed=Figure(
                label,
                completed,
                reason_for(completed, hidden=index in hidden_completed or index in hidden_enrolled, minimum=minimum),
            ),
            key=None if group_key is None else str(group_key),
        )
        for index, (group_key, label, enrolled, completed) in enumerate(groups)
    ]
    return Breakdown(key=key, title=title, rows=rows)


def by_gender(enrolments: QuerySet) -> Breakdown:
    labels = dict(User.Gender.choices)
    counts: dict[str | None, list[int]] = {}
    for row in counted(enrolments, "trainee__gender"):
        value = row["trainee__gender"] if row["trainee__gender"] in labels else None
        totals = counts.setdefault(value, [0, 0])
        totals[0] += row["enrolled"]
        totals[1] += row["completed"]
    order = [*labels, None]
    groups = [
        (value, str(labels[value]) if value is not None else _("Not stated"), *counts[value])
        for value in order if value in counts
    ]
    return build("gender", _("By gender"), groups)


AGE_BANDS = (
    (0, 24, gettext_lazy("24 or under")),
    (25, 34, "25–34"),
    (35, 44, "35–44"),
    (45, 54, "45–54"),
    (55, 200, gettext_lazy("55 or over")),
)


def age_band(age: int | None) -> str:
    if age is None:
        return _("Not stated")
    for low, high, label in AGE_BANDS:
        if low <= age <= high:
            return str(label)
    return _("Not stated")


def age_band_key(age: int | None) -> str | None:
    """The band's name in every language ("25-34", "55+"), None when not stated."""
    for low, high, _label in AGE_BANDS if age is not None else ():
        if low <= age <= high:
            return f"{low}+" if high >= 200 else f"{low}-{high}"
    return None


def by_age(enrolments: QuerySet) -> Breakdown:
    """Age at enrolment (year of enrolment minus year of birth), in bands."""
    rows = counted(enrolments.annotate(year=ExtractYear("enrolled_at")), "trainee__year_of_birth", "year")
    counts: dict[int | None, list[int]] = {}
    for row in rows:
        born = row["trainee__year_of_birth"]
        age = row["year"] - born if born else None
        band = next((low for low, high, _label in AGE_BANDS if age is not None and low <= age <= high), None)
        totals = counts.setdefault(band, [0, 0])
        totals[0] += row["enrolled"]
        totals[1] += row["completed"]
    order = [low for low, _high, _label in AGE_BANDS] + [None]
    groups = [(age_band_key(band), age_band(band), *counts[band]) for band in order if band in counts]
    return build("age", _("By age at enrolment"), groups)


def sum_by(rows: list[dict], key: str) -> dict:
    """Enrolled and completed counts of the combined rows, added up per value of ``key``."""
    totals: dict = {}
    for row in rows:
        counts = totals.setdefault(row[key], [0, 0])
        counts[0] += row["enrolled"]
        counts[1] += row["completed"]
    return totals


def named(totals: dict, names: dict, title: str, key: str) -> Breakdown:
    """A breakdown of ``sum_by`` totals labelled with ``names`` by id, "Not stated" last."""
    not_stated = _("Not stated")
    groups = [(pk, names.get(pk) or not_stated, enrolled, completed) for pk, (enrolled, completed) in totals.items()]
    groups.sort(key=lambda group: (group[1] == not_stated, group[1].casefold()))
    return build(key, title, groups)


def main_breakdowns(enrolments: QuerySet, places: list[dict], *, language: str | None = None) -> list[Breakdown]:
    """By course, organisation, sector, country and region from the tally; by month from one
    more grouped scan (a month in each combination would make tens of thousands of groups).
    With a language, courses are named as translated into it (one more small query)."""
    titles = course_titles(places)
    if language:
        titles.update(translated_course_titles(titles, language))
    by_organisation, by_sector = sum_by(places, "organisation_id"), sum_by(places, "sector_id")
    by_country, by_region = sum_by(places, "country_id"), sum_by(places, "region_id")

    def names(model, ids) -> dict:
        ids = [pk for pk in ids if pk is not None]
        return dict(model.objects.filter(pk__in=ids).values_list("pk", "name")) if ids else {}

    regions = {
        pk: f"{name} ({code})"
        for pk, name, code in (
            Region.objects.filter(pk__in=[pk for pk in by_region if pk is not None]).values_list("pk", "name", "country__code")
            if any(pk is not None for pk in by_region) else []
        )
    }
    courses = sorted(
        ((key, titles[key], enrolled, completed) for key, (enrolled, completed) in sum_by(places, "course_key").items()),
        key=lambda group: group[1].casefold(),
    )
    months = counted(enrolments.annotate(month=TruncMonth("enrolled_at")), "month").order_by("month")
    return [
        build("course", _("By course"), courses),
        named(by_organisation, names(Organisation, by_organisation), _("By organisation"), "organisation"),
        named(by_sector, names(Sector, by_sector), _("By sector"), "sector"),
        named(by_country, names(Country, by_country), _("By country"), "country"),
        named(by_region, regions, _("By region"), "region"),
        build(
            "month",
            _("By month of enrolment"),
            [
                (f"{row['month']:%Y-%m}", date_format(row["month"], "YEAR_MONTH_FORMAT"), row["enrolled"], row["completed"])
                for row in months
            ],
        ),
    ]
