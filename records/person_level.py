"""Person-level rows of completion records, for the files and the API: one per round, with its
current certificate, read in one query and streamed."""

from collections.abc import Iterator
from datetime import date

from django.db import connections
from django.db.models import (
    CharField,
    F,
    FilteredRelation,
    FloatField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
)
from django.db.models.functions import Cast, TruncDate

from certificates.models import Certificate
from courses.models import Cohort
from lms.models import Country, Organisation, Region, Sector

# The certificate a round holds now: a replaced one has a newer copy.
CURRENT_CERTIFICATE = (Certificate.Status.VALID, Certificate.Status.REVOKED)


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
