"""Read queries for completion records: who sees which rounds, and what a filter sums up to.

``enrolments_in_scope`` is the one answer to "which records may this user see"; every page,
download and API call starts from it and only narrows it further. The figures, the breakdowns
and the person-level rows it feeds are read in ``figures``, ``breakdowns`` and ``person_level``.
"""

import hashlib
import hmac
from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.db.models import Q, QuerySet
from django.utils import timezone

from courses.models import Enrolment
from lms import roles
from lms.models import ReportingScope
from lms.roles import is_administrator
from lms.selectors import reporting_scope_filter
from records import breakdowns, figures

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


# --- The summary of a filter --------------------------------------------------------------------


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
    places = figures.tally(enrolments)
    key_figures = figures.key_figures(enrolments, places, today=today or timezone.localdate())
    tables = breakdowns.main_breakdowns(enrolments, places, language=language)
    if getattr(settings, "PASSAGE_COLLECT_GENDER", False):
        tables.append(breakdowns.by_gender(enrolments))
    if getattr(settings, "PASSAGE_COLLECT_YEAR_OF_BIRTH", False):
        tables.append(breakdowns.by_age(enrolments))
    return Summary(figures=key_figures, breakdowns=tables, places=places)
