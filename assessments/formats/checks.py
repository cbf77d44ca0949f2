"""What makes an imported question unusable, in words for the trainer who wrote the file."""

import math

from django.utils.translation import gettext

from .common import format_percent
from .model import Kind, QuestionData, syntax_of

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
    check = _CHECKS.get(syntax_of(question.kind))
    if check is None:
        found.append(_("Unknown question type “%(kind)s”.") % {"kind": question.kind})
    else:
        found.extend(check(question))
    return found


def _check_choices(question: QuestionData) -> list[str]:
    found = []
    if len(question.choices) < 2:
        found.append(_("A choice question needs at least two answers."))
    for number, choice in enumerate(question.choices, 1):
        if not choice.text.strip():
            found.append(_("Answer %(number)s has no text.") % {"number": number})
        if not -1 <= choice.fraction <= 1:
            found.append(
                _("Answer %(number)s is worth %(weight)s; a weight goes from -100%% to 100%%.")
                % {"number": number, "weight": _percent(choice.fraction)}
            )
    if found:
        return found
    if syntax_of(question.kind) == Kind.SINGLE_CHOICE:
        best = max(choice.fraction for choice in question.choices)
        if abs(best - 1) > TOLERANCE:
            found.append(_("One answer must be worth 100% (mark it with “=”)."))
    else:
        total = sum(choice.fraction for choice in question.choices if choice.fraction > 0)
        if abs(total - 1) > TOLERANCE:
            found.append(
                _("The positive weights add up to %(total)s; they must add up to 100%%.")
                % {"total": _percent(total)}
            )
    return found


def _check_true_false(question: QuestionData) -> list[str]:
    if question.true_false is None:
        return [_("The right answer must be true or false.")]
    return []


def _check_short_answer(question: QuestionData) -> list[str]:
    if not question.answers:
        return [_("A short-answer question needs at least one accepted answer.")]
    found = []
    for number, answer in enumerate(question.answers, 1):
        if not answer.text.strip():
            found.append(_("Answer %(number)s has no text.") % {"number": number})
        found.extend(_check_fraction(number, answer.fraction))
    if not found and abs(max(answer.fraction for answer in question.answers) - 1) > TOLERANCE:
        found.append(_("One accepted answer must be worth 100%."))
    return found


def _check_numerical(question: QuestionData) -> list[str]:
    if not question.numeric:
        return [_("A numerical question needs at least one accepted number.")]
    found = []
    for number, answer in enumerate(question.numeric, 1):
        found.extend(_check_fraction(number, answer.fraction))
        if answer.is_catch_all:
            continue
        if answer.value is None:
            if answer.low is None or answer.high is None:
                found.append(
                    _("Answer %(number)s needs both ends of its range.") % {"number": number}
                )
            elif not (math.isfinite(answer.low) and math.isfinite(answer.high)):
                found.append(_("Answer %(number)s is not a number.") % {"number": number})
            elif answer.low > answer.high:
                found.append(
                    _("Answer %(number)s: the range must go from the smaller to the larger number.")
                    % {"number": number}
                )
        elif not (math.isfinite(answer.value) and math.isfinite(answer.tolerance)):
            found.append(_("Answer %(number)s is not a number.") % {"number": number})
        elif answer.tolerance < 0:
            found.append(
                _("Answer %(number)s: the margin of error cannot be negative.") % {"number": number}
            )
    if not found and abs(max(answer.fraction for answer in question.numeric) - 1) > TOLERANCE:
        found.append(_("One accepted number must be worth 100%."))
    return found


def _check_matching(question: QuestionData) -> list[str]:
    found = []
    if sum(1 for pair in question.pairs if pair.left.strip()) < 2:
        found.append(_("A matching question needs at least two pairs."))
    for number, pair in enumerate(question.pairs, 1):
        if not pair.right.strip():
            found.append(_("Pair %(number)s has nothing on the right side.") % {"number": number})
    return found


def _check_ordering(question: QuestionData) -> list[str]:
    found = []
    if len(question.choices) < 2:
        found.append(_("An ordering question needs at least two items."))
    for number, item in enumerate(question.choices, 1):
        if not item.text.strip():
            found.append(_("Item %(number)s has no text.") % {"number": number})
    return found


def _check_fraction(number: int, fraction: float) -> list[str]:
    if 0 <= fraction <= 1:
        return []
    return [
        _("Answer %(number)s is worth %(weight)s; an accepted answer is worth 0%% to 100%%.")
        % {"number": number, "weight": _percent(fraction)}
    ]


def _percent(fraction: float) -> str:
    if not math.isfinite(fraction):
        return str(fraction)
    return format_percent(round(fraction, 7)) + "%"


_CHECKS = {
    Kind.SINGLE_CHOICE: _check_choices,
    Kind.MULTIPLE_RESPONSE: _check_choices,
    Kind.TRUE_FALSE: _check_true_false,
    Kind.SHORT_ANSWER: _check_short_answer,
    Kind.NUMERICAL: _check_numerical,
    Kind.MATCHING: _check_matching,
    Kind.ESSAY: lambda question: [],
    Kind.ORDERING: _check_ordering,
}
