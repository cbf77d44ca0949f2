"""Read queries for completion records: who sees which rounds, key figures, breakdowns, rows.

``enrolments_in_scope`` is the one answer to "which records may this user see"; every page,
download and API call starts from it and only narrows it further.
"""

import hashlib
import hmac
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from django.conf import settings
from django.db import connections
from django.db.models import (
    Aggregate,
    CharField,
    Count,
    DurationField,
    ExpressionWrapper,
    F,
    FilteredRelation,
    FloatField,
    Max,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
)
from django.db.models.functions import Cast, ExtractYear, TruncDate, TruncMonth
from django.utils import timezone
from django.utils.formats import date_format, number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from certificates.models import Certificate
from courses.models import Enrolment
from lms import roles
from lms.models import ReportingScope
from lms.roles import is_administrator
from lms.selectors import reporting_scope_filter
from records.suppression import (
    COMPLEMENTARY,
    SMALL,
    is_small,
    reason_for,
    suppression_reasons,
)

COMPLETED = Enrolment.Status.COMPLETED
# The certificate a round holds now: a replaced one has a newer copy.
CURRENT_CERTIFICATE = (Certificate.Status.VALID, Certificate.Status.REVOKED)


# --- Who sees what -----------------------------------------------------------------------------


def has_records_role(user) -> bool:
    """Whether the records pages exist for this user at all (others get a 404).

    ``has_role`` counts administrators in every role."""
    return roles.has_role(user, roles.MINISTRY_OFFICER) or roles.has_role(user, roles.TRAINER)


def enrolments_in_scope(user) -> QuerySet:
    """The rounds a user may report on.

    Administrators: all. Ministry officers: rounds whose snapshot country is one of their
    scope's countries, or whose snapshot organisation is one of its organisations. Trainers:
    rounds of the cohorts they facilitate. Anyone else: none.
    """
    enrolments = Enrolment.objects.all()
    if not user.is_authenticated:
        return enrolments.none()
    if is_administrator(user):
        return enrolments
    visible = Q(pk__in=[])
    if roles.has_role(user, roles.MINISTRY_OFFICER):
        visible |= reporting_scope_filter(user) or Q(pk__in=[])
    if roles.has_role(user, roles.TRAINER):
        visible |= Q(cohort__facilitator_id=user.pk)
    return enrolments.filter(visible)


def scope_identity(user) -> str:
    """A stable name for what the user may see, mixed into pseudonyms.

    The same trainee gets the same pseudonym in every download made within one scope, and
    unrelated pseudonyms in another scope, so files from two scopes cannot be joined.
    """
    if is_administrator(user):
        return "all"
    parts = []
    if roles.has_role(user, roles.MINISTRY_OFFICER):
        # One query: the scope's countries joined with its organisations (a few rows each), or
        # no row at all when the officer has no scope.
        pairs = list(
            ReportingScope.objects.filter(officer=user).values_list("countries__code", "organisations__pk")
        )
        if pairs:
            codes = sorted({code for code, _pk in pairs if code is not None})
            organisations = sorted({pk for _code, pk in pairs if pk is not None})
            parts.append(f"countries={','.join(codes)};organisations={','.join(map(str, organisations))}")
    if roles.has_role(user, roles.TRAINER):
        parts.append(f"trainer={user.pk}")
    return "|".join(parts) or f"user={user.pk}"


def pseudonym(trainee_id: int, scope: str) -> str:
    """A keyed hash of the trainee within a scope: stable, not reversible, never the database key."""
    return Pseudonyms(scope)(trainee_id)


class Pseudonyms:
    """``pseudonym`` for many rows of one scope: the keyed hash is prepared once, and a trainee
    with several rounds is hashed once."""

    def __init__(self, scope: str):
        self._keyed = hmac.new(settings.SECRET_KEY.encode(), f"{scope}:".encode(), hashlib.sha256)
        self._known: dict[int, str] = {}

    def __call__(self, trainee_id: int) -> str:
        found = self._known.get(trainee_id)
        if found is None:
            digest = self._keyed.copy()
            digest.update(str(trainee_id).encode())
            found = self._known[trainee_id] = f"P-{digest.hexdigest()[:16]}"
        return found


# --- Key figures ---------------------------------------------------------------------------------


@dataclass
class Figure:
    """One number shown to people, or hidden because it is too small to publish.

    ``key`` names it the same in every language (the API's key); ``value`` is the plain number;
    ``text`` is how people read it when that is more than the number ("67 %", "12.0 days");
    ``reason`` says why it is hidden (``SMALL`` or ``COMPLEMENTARY``), None when shown.
    """

    label: str
    value: object
    reason: str | None = None
    key: str = ""
    text: str | None = None

    @property
    def hidden(self) -> bool:
        return self.reason is not None

    @property
    def display(self) -> str:
        # Only a true small count reads "< 5": a cell hidden to protect another may be large.
        if self.reason == SMALL:
            return _("< %(minimum)s") % {"minimum": min_cell()}
        if self.hidden:
            return str(SUPPRESSED)
        if self.value is None:
            return "—"
        return self.text if self.text is not None else str(self.value)


SUPPRESSED = gettext_lazy("suppressed")


def min_cell() -> int:
    return int(getattr(settings, "RECORDS_MIN_CELL", 5))


class Median(Aggregate):
    """The median of a duration, computed by PostgreSQL in the same pass as the other figures."""

    function = "PERCENTILE_CONT"
    name = "Median"
    template = "%(function)s(0.5) WITHIN GROUP (ORDER BY %(expressions)s)"
    output_field = DurationField()


DURATION = ExpressionWrapper(F("completed_at") - F("enrolled_at"), output_field=DurationField())
COMPLETED_ONLY = Q(status=COMPLETED)


def _people_and_median(enrolments: QuerySet, completed: int) -> tuple[int, timedelta | None]:
    """Distinct trainees and the median of completed_at − enrolled_at over completed rounds.

    PostgreSQL answers both in one pass; elsewhere the median is the middle of an ordered slice.
    """
    finished = COMPLETED_ONLY & Q(completed_at__isnull=False)
    if connections[enrolments.db].vendor == "postgresql":
        row = enrolments.order_by().aggregate(
            trainees=Count("trainee_id", distinct=True), median=Median(DURATION, filter=finished)
        )
        return row["trainees"], row["median"]
    trainees = enrolments.order_by().aggregate(trainees=Count("trainee_id", distinct=True))["trainees"]
    if not completed:
        return trainees, None
    middle = list(
        enrolments.filter(finished)
        .annotate(duration=DURATION)
        .order_by("duration")
        .values_list("duration", flat=True)[(completed - 1) // 2 : completed // 2 + 1]
    )
    return trainees, sum(middle, timedelta()) / len(middle) if middle else None


# What a round is counted by, in the one grouped pass that feeds the figures, five of the
# breakdowns and the filter choices: a few hundred combinations for a country.
PLACES = ("course_key", "cohort_id", "organisation_id", "sector_id", "country_id", "region_id")


def tally(enrolments: QuerySet) -> list[dict]:
    """Rounds counted per combination of ``PLACES``: enrolled, completed, scores, course title.

    One scan (an index-only scan on PostgreSQL, see the migration ``courses.0007``)."""
    return list(
        enrolments.order_by()
        .values(*PLACES)
        .annotate(
            enrolled=Count("pk"),
            completed=Count("pk", filter=COMPLETED_ONLY),
            score_sum=Sum("score", filter=COMPLETED_ONLY),
            scored=Count("score", filter=COMPLETED_ONLY),
            title=Max("course_title"),
        )
    )


def course_titles(places: list[dict]) -> dict:
    """Each course of a tally titled as enrolled (the greatest of its titles, so it is stable)."""
    titles: dict = {}
    for row in places:
        titles[row["course_key"]] = max(titles.get(row["course_key"]) or "", row["title"] or "")
    return titles


def translated_course_titles(keys, language: str) -> dict:
    """Course titles by identity as translated into ``language``, where a translation exists.

    One query of the course pages (all of them when ``keys`` is None: a small table); a course without a translation in that language is absent,
    and callers keep the title it was enrolled under."""
    from courses.models import CoursePage

    pages = CoursePage.objects.filter(locale__language_code=language)
    if keys is not None:
        keys = [key for key in keys if key is not None]
        if not keys:
            return {}
        pages = pages.filter(translation_key__in=keys)
    return dict(pages.values_list("translation_key", "title"))


@dataclass
class Summary:
    """Everything the dashboard, the summary PDF and the API summary show for one filter."""

    figures: list
    breakdowns: list
    places: list[dict]  # the tally, reused for the filter choices when no filter is in force


def summarise(enrolments: QuerySet, *, today: date | None = None, language: str | None = None) -> Summary:
    """Key figures and breakdowns of the rounds: four scans of the rounds on PostgreSQL (the
    tally, months, trainees with the median, certificates; five elsewhere, where the median is
    a query of its own), plus lookups of names in the small reference tables. With a
    ``language`` (files), courses are named as translated into it."""
    places = tally(enrolments)
    figures = _key_figures(enrolments, places, today=today or timezone.localdate())
    tables = _main_breakdowns(enrolments, places, language=language)
    if getattr(settings, "PASSAGE_COLLECT_GENDER", False):
        tables.append(_by_gender(enrolments))
    if getattr(settings, "PASSAGE_COLLECT_YEAR_OF_BIRTH", False):
        tables.append(_by_age(enrolments))
    return Summary(figures=figures, breakdowns=tables, places=places)


def _key_figures(enrolments: QuerySet, places: list[dict], *, today: date) -> list[Figure]:
    """Counts and the average score add up the tally; trainees, median and certificates read."""
    minimum = min_cell()
    enrolled = sum(row["enrolled"] for row in places)
    completed = sum(row["completed"] for row in places)
    scored = sum(row["scored"] for row in places)
    average = sum(row["score_sum"] for row in places if row["score_sum"] is not None) / scored if scored else None
    trainees, median = _people_and_median(enrolments, completed)

    # Rates, score and median of a small group would describe those few people: hidden with them.
    derived = COMPLEMENTARY if is_small(completed, minimum) or is_small(enrolled, minimum) else None
    rate = round(100 * completed / enrolled) if enrolled else None
    average = float(Decimal(average).quantize(Decimal("0.1"))) if average is not None else None
    days = round(median.total_seconds() / 86400, 1) if median is not None else None

    def count(key, label, value):
        return Figure(label, value, reason_for(value, hidden=is_small(value, minimum), minimum=minimum), key=key)

    figures = [
        count("trainees", _("Trainees enrolled"), trainees),
        count("enrolments", _("Enrolments"), enrolled),
        count("completed", _("Completed"), completed),
        Figure(
            _("Completion rate"), rate, derived, key="completion_rate_percent",
            text=f"{rate} %" if rate is not None else None,
        ),
        Figure(
            _("Average score"), average, derived, key="average_score_percent",
            text=f"{number_format(average, 1)} %" if average is not None else None,
        ),
        Figure(
            _("Median time to complete"), days, derived, key="median_days_to_complete",
            text=_("%(days)s days") % {"days": number_format(days, 1)} if days is not None else None,
        ),
    ]
    return figures + certificate_counts(enrolments, today=today)


CERTIFICATE_LABELS = {
    "valid": gettext_lazy("Certificates valid"),
    "expired": gettext_lazy("Certificates expired"),
    "revoked": gettext_lazy("Certificates revoked"),
    "replaced": gettext_lazy("Certificates replaced"),
}


def certificate_counts(enrolments: QuerySet, *, today: date) -> list[Figure]:
    """The rounds' certificates by status today, in one query.

    A round holds at most one current certificate (valid or revoked, a database constraint), so
    a reissued certificate counts once in valid, expired or revoked, with the status of its
    newest copy; "replaced" counts the earlier copies that a reissue superseded.
    """
    status = Certificate.Status
    unexpired = Q(expires_on__isnull=True) | Q(expires_on__gte=today)
    # Counting a column of the index on (enrolment, status, expiry), not the certificate's id,
    # lets PostgreSQL answer from that index without reading the certificates themselves.
    counts = (
        Certificate.objects.filter(enrolment__in=enrolments.order_by().values("pk"))
        .order_by()
        .aggregate(
            valid=Count("status", filter=Q(status=status.VALID) & unexpired),
            expired=Count("status", filter=Q(status=status.VALID, expires_on__lt=today)),
            revoked=Count("status", filter=Q(status=status.REVOKED)),
            replaced=Count("status", filter=Q(status=status.REPLACED)),
        )
    )
    keys = list(CERTIFICATE_LABELS)
    hidden = suppression_reasons([counts[key] for key in keys], min_cell())
    return [
        Figure(str(CERTIFICATE_LABELS[key]), counts[key], hidden.get(index), key=f"certificates_{key}")
        for index, key in enumerate(keys)
    ]


# --- Breakdowns ----------------------------------------------------------------------------------


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


def _counted(enrolments: QuerySet, *group) -> QuerySet:
    return (
        enrolments.order_by()
        .values(*group)
        .annotate(enrolled=Count("pk"), completed=Count("pk", filter=COMPLETED_ONLY))
    )


def _build(key: str, title: str, groups: list[tuple[str | None, str, int, int]]) -> Breakdown:
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


def _by_gender(enrolments: QuerySet) -> Breakdown:
    from lms.models import User

    labels = dict(User.Gender.choices)
    counts: dict[str | None, list[int]] = {}
    for row in _counted(enrolments, "trainee__gender"):
        value = row["trainee__gender"] if row["trainee__gender"] in labels else None
        totals = counts.setdefault(value, [0, 0])
        totals[0] += row["enrolled"]
        totals[1] += row["completed"]
    order = [*labels, None]
    groups = [
        (value, str(labels[value]) if value is not None else _("Not stated"), *counts[value])
        for value in order if value in counts
    ]
    return _build("gender", _("By gender"), groups)


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


def _by_age(enrolments: QuerySet) -> Breakdown:
    """Age at enrolment (year of enrolment minus year of birth), in bands."""
    rows = _counted(enrolments.annotate(year=ExtractYear("enrolled_at")), "trainee__year_of_birth", "year")
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
    return _build("age", _("By age at enrolment"), groups)


def _sum_by(rows: list[dict], key: str) -> dict:
    """Enrolled and completed counts of the combined rows, added up per value of ``key``."""
    totals: dict = {}
    for row in rows:
        counts = totals.setdefault(row[key], [0, 0])
        counts[0] += row["enrolled"]
        counts[1] += row["completed"]
    return totals


def _named(totals: dict, names: dict, title: str, key: str) -> Breakdown:
    not_stated = _("Not stated")
    groups = [(pk, names.get(pk) or not_stated, enrolled, completed) for pk, (enrolled, completed) in totals.items()]
    groups.sort(key=lambda group: (group[1] == not_stated, group[1].casefold()))
    return _build(key, title, groups)


def _main_breakdowns(enrolments: QuerySet, places: list[dict], *, language: str | None = None) -> list[Breakdown]:
    """By course, organisation, sector, country and region from the tally; by month from one
    more grouped scan (a month in each combination would make tens of thousands of groups).
    With a language, courses are named as translated into it (one more small query)."""
    from lms.models import Country, Organisation, Region, Sector

    titles = course_titles(places)
    if language:
        titles.update(translated_course_titles(titles, language))
    by_organisation, by_sector = _sum_by(places, "organisation_id"), _sum_by(places, "sector_id")
    by_country, by_region = _sum_by(places, "country_id"), _sum_by(places, "region_id")

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
        ((key, titles[key], enrolled, completed) for key, (enrolled, completed) in _sum_by(places, "course_key").items()),
        key=lambda group: group[1].casefold(),
    )
    months = _counted(enrolments.annotate(month=TruncMonth("enrolled_at")), "month").order_by("month")
    return [
        _build("course", _("By course"), courses),
        _named(by_organisation, names(Organisation, by_organisation), _("By organisation"), "organisation"),
        _named(by_sector, names(Sector, by_sector), _("By sector"), "sector"),
        _named(by_country, names(Country, by_country), _("By country"), "country"),
        _named(by_region, regions, _("By region"), "region"),
        _build(
            "month",
            _("By month of enrolment"),
            [
                (f"{row['month']:%Y-%m}", date_format(row["month"], "YEAR_MONTH_FORMAT"), row["enrolled"], row["completed"])
                for row in months
            ],
        ),
    ]


# --- Person-level rows ---------------------------------------------------------------------------


ROW_FIELDS = (
    "pk",
    "trainee_id",
    "trainee__first_name",
    "trainee__last_name",
    "trainee__certificate_name",
    "organisation_name",
    "sector_name",
    "country_name",
    "region_name",
    "course_title",
    "cohort_name",
    "status",
    "enrolled_at",
    "completed_at",
    "score",
    "certificate_serial",
    "certificate_status",
    "certificate_expires_on",
)


def _name_of(model, column: str) -> Subquery:
    return Subquery(model.objects.filter(pk=OuterRef(column)).values("name")[:1])


def _with_current_certificate(enrolments: QuerySet) -> QuerySet:
    # One join, not a subquery per column: a round has at most one current certificate (a
    # database constraint), so the join never repeats a row.
    return enrolments.annotate(
        current_certificate=FilteredRelation("certificates", condition=Q(certificates__status__in=CURRENT_CERTIFICATE)),
        certificate_serial=F("current_certificate__serial"),
        certificate_status=F("current_certificate__status"),
        certificate_expires_on=F("current_certificate__expires_on"),
    ).order_by("pk")


def record_rows(enrolments: QuerySet) -> QuerySet:
    """One dict per round, with its current certificate, in enrolment-id order: one query.

    Only facts about the round leave: never answers, essays or feedback.
    """
    from courses.models import Cohort
    from lms.models import Country, Organisation, Region, Sector

    # Names by a small subquery each, not five more joins: with eight tables in one join,
    # PostgreSQL spent longer choosing the join order (30–60 ms) than reading a page (15 ms).
    return (
        _with_current_certificate(enrolments)
        .annotate(
            organisation_name=_name_of(Organisation, "organisation_id"),
            sector_name=_name_of(Sector, "sector_id"),
            country_name=_name_of(Country, "country_id"),
            region_name=_name_of(Region, "region_id"),
            cohort_name=_name_of(Cohort, "cohort_id"),
        )
        .values(*ROW_FIELDS)
    )


def printed_name(certificate_name: str, first_name: str, last_name: str) -> str:
    """A trainee's name in records: as printed on certificates, else given and family names."""
    return certificate_name or " ".join(part for part in (first_name, last_name) if part)


# The columns of ``file_rows``, in order. Places are ids: their names come from the small
# reference tables once per file (``place_names``), not once per row from the database.
FILE_FIELDS = (
    "trainee_id",
    "trainee_first_name",
    "trainee_last_name",
    "trainee_certificate_name",
    "organisation_id",
    "sector_id",
    "country_id",
    "region_id",
    "course_key",
    "course_title",
    "cohort_id",
    "status",
    "enrolled_on",
    "completed_on",
    "score_number",
    "certificate_serial",
    "certificate_status",
    "certificate_expires_on",
)


def file_rows(enrolments: QuerySet, *, with_names: bool) -> QuerySet:
    """``record_rows`` for files, as tuples in ``FILE_FIELDS`` order: the two moments as dates
    in the site's time zone and the score as a float, computed by the database (converting a
    million values in Python was a third of a CSV's time). Names are read only for a file that
    shows them: a pseudonymous file needs no join to the trainees."""
    name_fields = ("trainee_first_name", "trainee_last_name", "trainee_certificate_name")
    if with_names:
        read = (F("trainee__first_name"), F("trainee__last_name"), F("trainee__certificate_name"))
        names = dict(zip(name_fields, read, strict=True))
    else:
        names = {field: Value(None, output_field=CharField()) for field in name_fields}
    return (
        _with_current_certificate(enrolments)
        .annotate(
            **names,
            enrolled_on=TruncDate("enrolled_at"),
            completed_on=TruncDate("completed_at"),
            score_number=Cast("score", FloatField()),
        )
        .values_list(*FILE_FIELDS)
    )


def stream_tuples(rows: QuerySet, *, chunk_size: int) -> Iterator[tuple]:
    """The tuples of a ``values_list`` query, read in batches of ``chunk_size`` rows.

    On PostgreSQL the driver already returns dates, numbers and text of the right types, so
    the rows come straight from a server-side cursor, without Django's per-value converters
    (a fifth of the time of a 500,000-row file). Other databases need the converters (SQLite
    returns dates as text), so they get the queryset's own iterator.
    """
    database = connections[rows.db]
    if database.vendor != "postgresql":
        yield from rows.iterator(chunk_size=chunk_size)
        return
    sql, params = rows.query.sql_with_params()
    with database.chunked_cursor() as cursor:
        cursor.execute(sql, params)
        while batch := cursor.fetchmany(chunk_size):
            yield from batch


def place_names() -> dict[str, dict[int, str]]:
    """Names of organisations, sectors, countries, regions and cohorts by id, for files."""
    from courses.models import Cohort
    from lms.models import Country, Organisation, Region, Sector

    return {
        key: dict(model.objects.values_list("pk", "name"))
        for key, model in (
            ("organisation", Organisation), ("sector", Sector), ("country", Country), ("region", Region),
            ("cohort", Cohort),
        )
    }


def certificate_status_today(status: str | None, expires_on: date | None, today: date) -> str:
    """The status as people read it today: a valid certificate past its expiry is expired."""
    if status == Certificate.Status.VALID and expires_on is not None and expires_on < today:
        return Certificate.Status.EXPIRED
    return status or ""
