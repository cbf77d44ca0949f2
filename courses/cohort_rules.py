"""Completion rules that a cohort adds to its course, contributed by the apps above courses.

Attendance at a workshop is a rule of the cohort, not of the course: a trainee who takes the
course online, outside any cohort, is never asked for it. Courses knows nothing of workshops:
an app registers, in its ``AppConfig.ready``, a rule ``rule(enrolment=...) -> bool`` that is asked
only for rounds that belong to a cohort. A rule that does not apply to the round's cohort (a
cohort without a workshop) answers True.
"""

from collections.abc import Callable

_rules: dict[str, Callable[..., bool]] = {}
# name -> waiting_for(enrolment=...) -> [sentences for the trainee]
_explanations: dict[str, Callable[..., list]] = {}


def register(name: str, rule: Callable[..., bool], *, waiting_for: Callable[..., list] | None = None) -> None:
    """Add (or replace, by name) a rule that a round in a cohort must meet to complete, and
    optionally what tells its trainee, in words, what the round still waits for under it."""
    _rules[name] = rule
    if waiting_for is not None:
        _explanations[name] = waiting_for
    else:
        _explanations.pop(name, None)


def waiting_for(*, enrolment) -> list:
    """Sentences for the trainee: what their round in a cohort still waits for (empty outside a cohort)."""
    if enrolment is None or enrolment.cohort_id is None:
        return []
    return [sentence for explain in _explanations.values() for sentence in explain(enrolment=enrolment)]


def met(*, enrolment) -> bool:
    """True when every registered rule accepts the round; always True outside a cohort."""
    if enrolment is None or enrolment.cohort_id is None:
        return True
    return all(rule(enrolment=enrolment) for rule in _rules.values())
