"""What makes an imported question unusable, in words for the trainer who wrote the file.

The checks every question shares are here; each type checks its own answers (``check`` on its
class in ``assessments.types``) with the helpers below.
"""

import math

from django.utils.translation import gettext

from assessments.types import registry

from .common import format_percent
from .model import QuestionData

_ = gettext

# Weights are written as percentages with up to 7 digits (33.33333%), so totals may miss 100% by a hair.
TOLERANCE = 1e-4


def problems(question: QuestionData) -> list[str]:
    """Everything that stops the question from being asked and graded; empty when it is usable."""
    found: list[str] = []
    if not question.stem.strip():
        found.append(_("The question has no text."))
    if not (math.isfinite(question.default_mark) and question.default_mark >= 0):
        found.append(_("The mark must be a number of zero or more."))
    question_type = registry.syntax(question.kind)
    if question_type is None:
        found.append(_("Unknown question type “%(kind)s”.") % {"kind": question.kind})
    else:
        found.extend(question_type.check(question))
    return found


def check_fraction(number: int, fraction: float) -> list[str]:
    """An accepted answer (short answer, number) earns from nothing to the whole mark."""
    if 0 <= fraction <= 1:
        return []
    return [
        _("Answer %(number)s is worth %(weight)s; an accepted answer is worth 0%% to 100%%.")
        % {"number": number, "weight": percent(fraction)}
    ]


def one_full_mark(fractions, message: str) -> list[str]:
    """The message when no fraction is worth the whole mark (to within a rounding hair)."""
    return [message] if abs(max(fractions) - 1) > TOLERANCE else []


def percent(fraction: float) -> str:
    if not math.isfinite(fraction):
        return str(fraction)
    return format_percent(round(fraction, 7)) + "%"
