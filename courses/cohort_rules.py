"""Completion rules that a cohort adds to its course, contributed by the apps above courses.

Attendance at a workshop is a rule of the cohort, not of the course: a trainee who takes the
course online, outside any cohort, is never asked for it. Courses knows nothing of workshops:
an app registers, in its ``AppConfig.ready``, a rule ``rule(enrolment=...) -> bool`` that is asked
only for rounds that belong to a cohort. A rule that does not apply to the round's cohort (a
cohort without a workshop) answers True.
"""

from collections.abc import Callable

_rules: dict[str, Callable[..., bool]] = {}


def register(name: str, rule: Callable[..., bool]) -> None:
    """Add (or replace, by name) a rule that a round in a cohort must meet to complete."""
    _rules[name] = rule


def met(*, enrolment) -> bool:
    """True when every registered rule accepts the round; always True outside a cohort."""
    if enrolment is None or enrolment.cohort_id is None:
        return True
    return all(rule(enrolment=enrolment) for rule in _rules.values())
