"""The records API for national systems: person-level rows by cursor, and suppressed aggregates.

Authenticated by per-officer tokens (``Authorization: Bearer <key>``), rate-limited per token,
scoped and filtered exactly like the pages (``enrolments_in_scope`` + ``RecordFilterForm``).
"""

from contextvars import ContextVar
from datetime import date, datetime
from typing import Literal

from django.conf import settings
from django.utils import timezone
from ninja import Field, NinjaAPI, Query, Schema, Status
from ninja.security import HttpBearer
from ninja.throttling import BaseThrottle
from pydantic import BaseModel

from lms import ratelimit
from records import person_level, selectors, services
from records.breakdowns import BreakdownRow
from records.figures import min_cell
from records.forms import ExportOptionsForm, RecordFilterForm

MAX_PAGE_SIZE = 1000
WINDOW_SECONDS = 60
_retry_after: ContextVar[int] = ContextVar("records_api_retry_after", default=WINDOW_SECONDS)


class TokenAuth(HttpBearer):
    def authenticate(self, request, token):
        api_token = services.authenticate_key(token)
        if api_token is None or not selectors.has_records_role(api_token.user):
            return None
        return api_token


class TokenRateThrottle(BaseThrottle):
    """At most ``RECORDS_API_RATE`` requests a minute per token, counted by ``lms.ratelimit``.

    Nothing is kept on the instance, which every request shares: the last count's time left
    waits in a context variable for ``wait()``, which ninja calls right after, in the same thread.
    """

    def allow_request(self, request) -> bool:
        token = getattr(request, "auth", None)
        if token is None:
            return True
        usage = ratelimit.hit(
            request,
            group="records.api",
            limit=int(getattr(settings, "RECORDS_API_RATE", 120)),
            seconds=WINDOW_SECONDS,
            key=lambda _group, request: str(request.auth.pk),
        )
        _retry_after.set(usage.retry_after)
        return usage.allowed

    def wait(self) -> float:
        return _retry_after.get()


api = NinjaAPI(
    title="Passage completion records",
    version="1",
    description=(
        "Completion records of the trainees in your reporting scope. Send your token as "
        "`Authorization: Bearer <key>`. Filters are the ones of the records dashboard."
    ),
    urls_namespace="records_api",
    openapi_url="/schema/",
    docs_url="/docs/",
    auth=TokenAuth(),
    throttle=[TokenRateThrottle()],
)


class Filters(Schema):
    """The dashboard's filters (ids as listed on the dashboard; dates as YYYY-MM-DD)."""

    course: str | None = Field(None, description="Course identity (UUID), the same in every language.")
    cohort: str | None = None
    organisation: str | None = None
    sector: str | None = None
    country: str | None = None
    region: str | None = None
    status: str | None = Field(None, description="active, completed or withdrawn")
    enrolled_from: str | None = None
    enrolled_to: str | None = None
    completed_from: str | None = None
    completed_to: str | None = None


class RecordsQuery(Filters):
    cursor: int | None = Field(None, ge=0, description="The next_cursor of the previous page.")
    limit: int = Field(100, ge=1, le=MAX_PAGE_SIZE)
    identity: str = Field("pseudonym", description="pseudonym (default) or name")


# Answers are plain pydantic models: they are built from dicts, and ninja's Schema, made to read
# ORM objects, wraps every row in an attribute getter (two thirds of a 1,000-row page's time).
class Record(BaseModel):
    id: int = Field(description="The enrolment's id; pages are ordered by it.")
    trainee: str
    organisation: str | None
    sector: str | None
    country: str | None
    region: str | None
    course: str
    cohort: str | None
    status: str
    enrolled_at: datetime
    completed_at: datetime | None
    score: float | None
    certificate_serial: str | None
    certificate_status: str | None
    certificate_expires_on: date | None


class RecordPage(BaseModel):
    results: list[Record]
    next_cursor: int | None


Suppression = Literal["small", "complementary"]


class FigureOut(BaseModel):
    key: str = Field(
        description="Stable name of the figure, the same in every language: trainees, enrolments, completed, "
        "completion_rate_percent, average_score_percent, median_days_to_complete, certificates_valid, "
        "certificates_expired, certificates_revoked, certificates_replaced."
    )
    label: str = Field(description="The figure's name for people, in the request's language.")
    value: int | float | None = Field(description="The plain number; null when suppressed or when there is none.")
    display: str = Field(description="The value as people read it (e.g. \"67 %\", \"< 5\", \"suppressed\"); never parse it.")
    suppressed: bool
    suppression: Suppression | None = Field(
        description="Why it is hidden: small (a count from 1 to minimum_cell - 1) or complementary (hidden to "
        "protect another figure: it may be any size); null when shown."
    )


class BreakdownRowOut(BaseModel):
    key: str | None = Field(
        description="Stable identity of the group: course identity (UUID), organisation, sector, country or "
        "region id, month (YYYY-MM), gender or age band; null for \"not stated\"."
    )
    label: str
    enrolled: int | None = Field(description="Null when suppressed.")
    completed: int | None = Field(description="Null when suppressed.")
    completion_rate_percent: int | None = Field(description="Completed out of enrolled; null when either is suppressed.")
    enrolled_suppressed: bool
    completed_suppressed: bool
    enrolled_suppression: Suppression | None
    completed_suppression: Suppression | None
    enrolled_display: str
    completed_display: str
    completion_rate_display: str


class BreakdownOut(BaseModel):
    key: str = Field(description="course, organisation, sector, country, region, month (and gender, age where collected).")
    title: str
    rows: list[BreakdownRowOut]


class SummaryOut(BaseModel):
    minimum_cell: int
    figures: list[FigureOut]
    breakdowns: list[BreakdownOut]


class ErrorOut(BaseModel):
    detail: dict


def _filtered(request):
    """The scoped and filtered rounds of the token's owner, or the form's errors."""
    user = request.auth.user
    scoped = selectors.enrolments_in_scope(user)
    form = RecordFilterForm(request.GET, scoped=scoped)
    if not form.is_valid():
        return form, None
    return form, form.filter(scoped)


def _form_errors(*forms) -> dict:
    errors = {}
    for form in forms:
        errors.update({field: [e["message"] for e in found] for field, found in form.errors.get_json_data().items()})
    return {"detail": errors}


def _record(row: dict, *, with_names: bool, pseudonyms: selectors.Pseudonyms, today: date) -> dict:
    if with_names:
        trainee = person_level.printed_name(
            row["trainee__certificate_name"], row["trainee__first_name"], row["trainee__last_name"]
        )
    else:
        trainee = pseudonyms(row["trainee_id"])
    status = row["certificate_status"]
    return {
        "id": row["pk"],
        "trainee": trainee,
        "organisation": row["organisation_name"],
        "sector": row["sector_name"],
        "country": row["country_name"],
        "region": row["region_name"],
        "course": row["course_title"],
        "cohort": row["cohort_name"],
        "status": row["status"],
        "enrolled_at": row["enrolled_at"],
        "completed_at": row["completed_at"],
        "score": float(row["score"]) if row["score"] is not None else None,
        "certificate_serial": row["certificate_serial"],
        "certificate_status": person_level.certificate_status_today(status, row["certificate_expires_on"], today) or None,
        "certificate_expires_on": row["certificate_expires_on"],
    }


@api.get("/records/", response={200: RecordPage, 422: ErrorOut}, summary="Completion records, one per enrolment")
def records(request, params: Query[RecordsQuery]):
    """Person-level rows in enrolment-id order. Pass ``next_cursor`` back as ``cursor``."""
    form, enrolments = _filtered(request)
    options = ExportOptionsForm({"identity": params.identity})
    if enrolments is None or not options.is_valid():
        return Status(422, _form_errors(form, options))
    if params.cursor is not None:
        enrolments = enrolments.filter(pk__gt=params.cursor)
    rows = list(person_level.record_rows(enrolments)[: params.limit + 1])
    has_more = len(rows) > params.limit
    rows = rows[: params.limit]
    user = request.auth.user
    scope = "" if options.with_names else selectors.scope_identity(user)
    today = timezone.localdate()
    pseudonyms = selectors.Pseudonyms(scope)
    results = [_record(row, with_names=options.with_names, pseudonyms=pseudonyms, today=today) for row in rows]
    services.record_api_read(
        user=user, token=request.auth, endpoint="records", filters=form.as_record(), rows=len(results),
        identity=params.identity,
    )
    return Status(200, {"results": results, "next_cursor": results[-1]["id"] if has_more else None})


@api.get("/summary/", response={200: SummaryOut, 422: ErrorOut}, summary="Key figures and breakdowns")
def summary(request, filters: Query[Filters]):
    """Aggregates of the filtered records, by stable keys with plain numbers; suppressed ones are null.

    Keys and numbers do not change with Accept-Language; labels and displays are in its language."""
    form, enrolments = _filtered(request)
    if enrolments is None:
        return Status(422, _form_errors(form))
    result = selectors.summarise(enrolments)
    key_figures = [
        {
            "key": f.key,
            "label": str(f.label),
            "value": None if f.hidden else f.value,
            "display": f.display,
            "suppressed": f.hidden,
            "suppression": f.reason,
        }
        for f in result.figures
    ]
    tables = [{"key": table.key, "title": str(table.title), "rows": [_row(row) for row in table.rows]} for table in result.breakdowns]
    return Status(200, {"minimum_cell": min_cell(), "figures": key_figures, "breakdowns": tables})


def _row(row: BreakdownRow) -> dict:
    rate = row.rate
    return {
        "key": row.key,
        "label": str(row.label),
        "enrolled": None if row.enrolled.hidden else row.enrolled.value,
        "completed": None if row.completed.hidden else row.completed.value,
        "completion_rate_percent": None if rate.hidden else rate.value,
        "enrolled_suppressed": row.enrolled.hidden,
        "completed_suppressed": row.completed.hidden,
        "enrolled_suppression": row.enrolled.reason,
        "completed_suppression": row.completed.reason,
        "enrolled_display": row.enrolled.display,
        "completed_display": row.completed.display,
        "completion_rate_display": rate.display,
    }
