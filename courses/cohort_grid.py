"""The cohort grid: each trainee of a cohort against the course's lessons and quizzes.

Courses knows lessons, rounds and activity; the grades of quizzes belong to a higher app. That app
registers a column provider here (``register_cohort_columns`` in its ``AppConfig.ready``), so the
grid shows its columns without courses ever importing it. A provider is called once per grid with
every round of the cohort and answers in a fixed number of queries, whatever their number.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime

from django.db.models import Count, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from courses.models import Cohort, CoursePage, Enrolment, LessonCompletion, LessonPage

DEFAULT_STUCK_DAYS = 14
MAX_STUCK_DAYS = 365


# --- The registry ----------------------------------------------------------------------------------


@dataclass
class GridColumn:
    """One column a provider adds: a value per round (None: nothing yet), in reading order."""

    key: str  # stable and URL-safe: the column's ``?sort=`` name
    label: str
    values: dict[int, float | None] = field(default_factory=dict)
    waiting: set[int] = field(default_factory=set)  # rounds whose value waits for a person (grading)


@dataclass
class ColumnGroup:
    """What a provider answers: its columns, and the latest moment it saw each round active."""

    columns: list[GridColumn] = field(default_factory=list)
    last_activity: dict[int, datetime] = field(default_factory=dict)


# provider(*, course: CoursePage, enrolment_ids: list[int]) -> ColumnGroup
ColumnProvider = Callable[..., ColumnGroup]
_providers: dict[str, ColumnProvider] = {}


def register_cohort_columns(name: str, provider: ColumnProvider) -> None:
    """Add (or replace, by name) a provider of cohort grid columns; call from ``AppConfig.ready``."""
    _providers[name] = provider


def column_providers() -> list[ColumnProvider]:
    return list(_providers.values())


# --- The grid --------------------------------------------------------------------------------------


@dataclass
class GridCell:
    value: float | None
    waiting: bool = False


@dataclass
class GridRow:
    enrolment: Enrolment
    name: str
    lessons_done: int
    lessons_total: int
    cells: list[GridCell]
    last_activity_at: datetime | None  # None: nothing since enrolling
    days_idle: int
    stuck: bool = False

    @property
    def status(self) -> str:
        return self.enrolment.get_status_display()


@dataclass
class Grid:
    cohort: Cohort
    columns: list[GridColumn]
    rows: list[GridRow]
    lessons: list  # the course's published lessons, in reading order

    @property
    def lessons_total(self) -> int:
        return len(self.lessons)


def trainee_name(user) -> str:
    return user.get_full_name() or user.email


def live_lessons(course: CoursePage | None) -> list:
    """The published lessons of a course (quizzes are other pages), in reading order: one query."""
    if course is None:
        return []
    return list(LessonPage.objects.live().descendant_of(course).only("pk", "title", "translation_key", "path").order_by("path"))


def build_grid(cohort: Cohort, *, enrolments: QuerySet | None = None, today: date | None = None) -> Grid:
    """The cohort's rounds with lessons done, each provider's columns and days since last activity.

    Queries: the rounds with their trainees, the lessons, the lesson counts, and each provider's
    own (a fixed number), whatever the number of trainees.
    """
    today = today or timezone.localdate()
    if enrolments is None:
        enrolments = Enrolment.objects.filter(cohort=cohort)
    rounds = list(enrolments.select_related("trainee").order_by("trainee__last_name", "trainee__first_name", "pk"))
    lessons = live_lessons(cohort.course)
    ids = [enrolment.pk for enrolment in rounds]
    done = dict(
        LessonCompletion.objects.filter(enrolment_id__in=ids, lesson_key__in=[lesson.translation_key for lesson in lessons])
        .order_by()
        .values("enrolment_id")
        .annotate(done=Count("pk"))
        .values_list("enrolment_id", "done")
    ) if ids and lessons else {}
    columns: list[GridColumn] = []
    seen: dict[int, datetime] = {}
    if cohort.course is not None and ids:
        for provider in column_providers():
            group = provider(course=cohort.course, enrolment_ids=ids)
            columns += group.columns
            for pk, moment in group.last_activity.items():
                if moment is not None and (pk not in seen or moment > seen[pk]):
                    seen[pk] = moment
    rows = []
    for enrolment in rounds:
        moments = [m for m in (enrolment.last_activity_at, seen.get(enrolment.pk)) if m is not None]
        last = max(moments) if moments else None
        since = timezone.localdate(last or enrolment.enrolled_at)
        rows.append(
            GridRow(
                enrolment=enrolment,
                name=trainee_name(enrolment.trainee),
                lessons_done=done.get(enrolment.pk, 0),
                lessons_total=len(lessons),
                cells=[GridCell(column.values.get(enrolment.pk), enrolment.pk in column.waiting) for column in columns],
                last_activity_at=last,
                days_idle=max((today - since).days, 0),
            )
        )
    return Grid(cohort=cohort, columns=columns, rows=rows, lessons=lessons)


# --- Sorting and the "stuck" filter (pure) -----------------------------------------------------------

BASE_SORTS = {
    "name": _("Trainee"),
    "lessons": _("Lessons done"),
    "idle": _("Days since last activity"),
    "status": _("Status"),
}
STATUS_ORDER = {Enrolment.Status.ACTIVE: 0, Enrolment.Status.COMPLETED: 1, Enrolment.Status.WITHDRAWN: 2}


def sort_keys(columns: list[GridColumn]) -> list[str]:
    """The whitelist of ``?sort=`` values (each may also start with "-" for descending)."""
    return [*BASE_SORTS, *(column.key for column in columns)]


def parse_sort(value: str | None, columns: list[GridColumn]) -> tuple[str, bool]:
    """(key, descending) from ``?sort=``; anything outside the whitelist sorts by name."""
    value = value or ""
    descending = value.startswith("-")
    key = value[1:] if descending else value
    if key not in sort_keys(columns):
        return "name", False
    return key, descending


def sort_rows(rows: list[GridRow], columns: list[GridColumn], key: str, descending: bool) -> list[GridRow]:
    """Rows in the asked order; rows without a value go last either way, then by name."""
    index = next((i for i, column in enumerate(columns) if column.key == key), None)

    def value(row: GridRow):
        if key == "lessons":
            return row.lessons_done
        if key == "idle":
            return row.days_idle
        if key == "status":
            return STATUS_ORDER.get(row.enrolment.status, 9)
        if index is not None:
            return row.cells[index].value
        return row.name.casefold()

    by_name = sorted(rows, key=lambda row: row.name.casefold())
    present = [row for row in by_name if value(row) is not None]
    missing = [row for row in by_name if value(row) is None]
    return sorted(present, key=value, reverse=descending) + missing


def mark_stuck(rows: list[GridRow], days: int) -> None:
    """A round in progress with no activity for ``days`` days or more is stuck."""
    for row in rows:
        row.stuck = row.enrolment.status == Enrolment.Status.ACTIVE and row.days_idle >= days
