"""When a trainee of a workshop cohort has done what the workshop asks, for the course to complete.

Registered with ``courses.cohort_rules`` (see ``apps.py``): asked only for rounds in a cohort, and
a cohort without a workshop is never held back. The workshop's own rule is attendance: at least
``attendance_required_percent`` of its sessions. Other requirements (the post-test, part 2 of the
workshops work) register here with ``register_requirement`` and are asked after attendance.
"""

from collections.abc import Callable

from workshops.models import AttendanceMark, Workshop

# name -> check(workshop=..., enrolment=...) -> bool
_requirements: dict[str, Callable[..., bool]] = {}


def register_requirement(name: str, check: Callable[..., bool]) -> None:
    """Add a requirement every trainee of a workshop must meet (e.g. "post-test taken")."""
    _requirements[name] = check


def attendance_met(*, workshop: Workshop, trainee_id: int, sessions: int | None = None) -> bool:
    """At least the workshop's share of its sessions attended; a workshop without sessions asks nothing."""
    if sessions is None:
        sessions = workshop.sessions.count()
    if not sessions:
        return True
    present = AttendanceMark.objects.filter(session__workshop=workshop, trainee_id=trainee_id, present=True).count()
    return present * 100 >= workshop.attendance_required_percent * sessions


def workshop_rules_met(*, enrolment) -> bool:
    """The cohort rule courses asks: True without a workshop, else attendance and every registered requirement."""
    workshop = Workshop.objects.filter(cohort_id=enrolment.cohort_id).first()
    if workshop is None:
        return True
    if not attendance_met(workshop=workshop, trainee_id=enrolment.trainee_id):
        return False
    return all(check(workshop=workshop, enrolment=enrolment) for check in _requirements.values())
