"""Kinds of course items other than lessons, contributed by the apps above courses.

A module holds lessons and other pages (quizzes, from assessments). Courses reads them all in
one outline query, but knows nothing of the other kinds: each app registers, in its
``AppConfig.ready``, its page's relation and fields (read into the outline), the rule that says
which of its items a round has done (a required quiz counts once passed), and how a round's
score is computed at completion.
"""

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True)
class ItemKind:
    # The page's one-to-one name from Page (e.g. "quizpage"); the page has an ``is_required``.
    relation: str
    # Its fields read into each outline item, e.g. ("pass_mark", "grading_method").
    fields: tuple[str, ...] = ()
    # ``done_keys(enrolment=..., items=[outline items])`` -> translation keys of the items done.
    done_keys: Callable[..., set] | None = None


_kinds: dict[str, ItemKind] = {}
_score: Callable[..., Decimal | None] | None = None


def register_kind(kind: ItemKind) -> None:
    _kinds[kind.relation] = kind


def kinds() -> list[ItemKind]:
    return list(_kinds.values())


def register_score(compute: Callable[..., Decimal | None]) -> None:
    """``compute(enrolment=..., course=...)`` gives the score recorded when a round completes."""
    global _score
    _score = compute


def score(*, enrolment, course) -> Decimal | None:
    """The round's score, or None when no app scores rounds (a course of lessons only)."""
    return _score(enrolment=enrolment, course=course) if _score else None
