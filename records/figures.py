"""Key figures of completion records: the tally of rounds by place, counts, rates, scores, the
median time to complete and certificates by status, each hidden when too small to publish."""

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from django.conf import settings
from django.db import connections
from django.db.models import (
    Aggregate,
    Count,
    DurationField,
    ExpressionWrapper,
    F,
    Max,
    Q,
    QuerySet,
    Sum,
)
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from certificates.models import Certificate
from courses.models import CoursePage, Enrolment
from records.suppression import COMPLEMENTARY, SMALL, is_small, reason_for, suppression_reasons

COMPLETED = Enrolment.Status.COMPLETED


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
    pages = CoursePage.objects.filter(locale__language_code=language)
    if keys is not None:
        keys = [key for key in keys if key is not None]
        if not keys:
            return {}
        pages = pages.filter(translation_key__in=keys)
    return dict(pages.values_list("translation_key", "title"))


def key_figures(enrolments: QuerySet, places: list[dict], *, today: date) -> list[Figure]:
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
