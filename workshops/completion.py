"""When a trainee of a workshop cohort has done what the workshop asks, for the course to complete.

Registered with ``courses.cohort_rules`` (see ``apps.py``): asked only for rounds in a cohort, and
a cohort without a workshop is never held back. The workshop's own rule is attendance: at least
``attendance_required_percent`` of its sessions. Other requirements (the post-test, part 2 of the
workshops work) register here with ``register_requirement`` and are asked after attendance.

The rule is asked on every page that shows a round's progress once its lessons are all done (the
lesson page among them): the workshop, its number of sessions, the trainee's present marks and
its last session are read in one query.
"""

from collections.abc import Callable
from datetime import datetime, timedelta

from django.db.models import Count, IntegerField, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail.models import Page

from assessments.models import Attempt
from workshops.models import AttendanceMark, Workshop, WorkshopSession

# name -> check(workshop=..., enrolment=...) -> bool
_requirements: dict[str, Callable[..., bool]] = {}
# name -> explain(workshop=..., enrolment=...) -> sentence for the trainee
_explanations: dict[str, Callable[..., str]] = {}


def register_requirement(name: str, check: Callable[..., bool], *, explain: Callable[..., str] | None = None) -> None:
    """Add a requirement every trainee of a workshop must meet (e.g. "post-test taken"), and the
    sentence that tells a trainee who has not met it yet."""
    _requirements[name] = check
    if explain is not None:
        _explanations[name] = explain
    else:
        _explanations.pop(name, None)


def _count(queryset, group: str):
    return Coalesce(Subquery(queryset.order_by().values(group).annotate(n=Count("pk")).values("n")[:1]), Value(0), output_field=IntegerField())


def workshop_for_round(enrolment) -> Workshop | None:
    """The round's workshop, with ``session_count``, ``present_count`` (the trainee's) and its last
    session's ``last_date``, ``last_start``, ``last_minutes``: one query."""
    sessions = WorkshopSession.objects.filter(workshop=OuterRef("pk"))
    last = sessions.order_by("-date", "-start_time")
    present = AttendanceMark.objects.filter(session__workshop=OuterRef("pk"), trainee_id=enrolment.trainee_id, present=True)
    return (
        Workshop.objects.filter(cohort_id=enrolment.cohort_id)
        .annotate(
            session_count=_count(sessions, "workshop"),
            present_count=_count(present, "session__workshop"),
            last_date=Subquery(last.values("date")[:1]),
            last_start=Subquery(last.values("start_time")[:1]),
            last_minutes=Subquery(last.values("duration_minutes")[:1]),
        )
        .first()
    )


def attendance_met(*, workshop: Workshop, trainee_id: int, sessions: int | None = None) -> bool:
    """At least the workshop's share of its sessions attended; a workshop without sessions asks nothing."""
    if sessions is None:
        sessions = getattr(workshop, "session_count", None)
        if sessions is None:
            sessions = workshop.sessions.count()
    if not sessions:
        return True
    present = getattr(workshop, "present_count", None)
    if present is None:
        present = AttendanceMark.objects.filter(session__workshop=workshop, trainee_id=trainee_id, present=True).count()
    return present * 100 >= workshop.attendance_required_percent * sessions


def sessions_needed(workshop: Workshop, sessions: int) -> int:
    """The fewest sessions that make the workshop's share (rounded up, as ``attendance_met`` counts)."""
    return -(-workshop.attendance_required_percent * sessions // 100)


def workshop_rules_met(*, enrolment) -> bool:
    """The cohort rule courses asks: True without a workshop, else attendance and every registered requirement."""
    workshop = workshop_for_round(enrolment)
    if workshop is None:
        return True
    if not attendance_met(workshop=workshop, trainee_id=enrolment.trainee_id):
        return False
    return all(check(workshop=workshop, enrolment=enrolment) for check in _requirements.values())


def waiting_for(*, enrolment) -> list[str]:
    """What the round's trainee still needs to do or have recorded at the workshop, in words."""
    workshop = workshop_for_round(enrolment)
    if workshop is None:
        return []
    sentences = []
    if not attendance_met(workshop=workshop, trainee_id=enrolment.trainee_id):
        sessions = workshop.session_count
        sentences.append(
            ngettext(
                "Your certificate will be issued when your workshop attendance is recorded: %(needed)s of %(sessions)s session needed, %(attended)s recorded so far.",
                "Your certificate will be issued when your workshop attendance is recorded: %(needed)s of %(sessions)s sessions needed, %(attended)s recorded so far.",
                sessions,
            )
            % {"needed": sessions_needed(workshop, sessions), "sessions": sessions, "attended": workshop.present_count}
        )
    for name, check in _requirements.items():
        explain = _explanations.get(name)
        if explain is not None and not check(workshop=workshop, enrolment=enrolment):
            sentences.append(explain(workshop=workshop, enrolment=enrolment))
    return sentences


def _last_session_end(workshop: Workshop) -> datetime | None:
    if hasattr(workshop, "last_date"):
        if workshop.last_date is None:
            return None
        start = datetime.combine(workshop.last_date, workshop.last_start, tzinfo=workshop.zone)
        return start + timedelta(minutes=workshop.last_minutes)
    last = workshop.sessions.order_by("-date", "-start_time").first()
    return last.ends_at if last is not None else None


def post_test_taken(*, workshop: Workshop, enrolment) -> bool:
    """The workshop's post-test rule: a finished attempt at the post-test after the last session ends.

    Asks nothing when the workshop has no post-test, does not require it, or has no session yet.
    """
    if not workshop.post_test_required or workshop.post_test_id is None:
        return True
    ends = _last_session_end(workshop)
    if ends is None:
        return True
    # The quiz's key by subquery: the post-test's page is not read for it.
    quiz_key = Page.objects.filter(pk=workshop.post_test_id).values("translation_key")[:1]
    return Attempt.objects.filter(
        quiz_key=Subquery(quiz_key), trainee_id=enrolment.trainee_id, status=Attempt.Status.FINISHED, submitted_at__gte=ends,
    ).exists()


def post_test_explained(*, workshop: Workshop, enrolment) -> str:
    return _("Your certificate will be issued when you have taken the workshop's post-test, after its last session.")
