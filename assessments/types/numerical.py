"""Numerical: a number, right within a tolerance or a range; several answers may earn credit."""

import math

from django.utils.translation import gettext as _
from wagtail.admin.panels import FieldPanel

from assessments import grading
from assessments.formats import gift, moodle_xml
from assessments.formats.checks import check_fraction, one_full_mark
from assessments.formats.common import Problem, format_number, format_percent, parse_number
from assessments.formats.model import NumericAnswer
from assessments.importing import _fraction, _percent, _stream, plain
from assessments.models import NumericalQuestion

from .base import QuestionType
from .registry import register


def _key(answer: dict) -> str:
    """One accepted numerical answer in words, read the way grading.py reads it."""
    if answer.get("low") is not None and answer.get("high") is not None:
        return f"{answer['low']:g}–{answer['high']:g}"
    if answer.get("value") is None:
        return str(_("Any number"))  # grading accepts any number for an answer without a value
    return f"{answer['value']:g}" + (f" ± {answer['tolerance']:g}" if answer.get("tolerance") else "")


def _gift_number(text: str, number: int, fraction: float, feedback: str) -> NumericAnswer:
    """A GIFT number: ``*`` (any), ``2..4`` (a range), ``3:0.5`` (with a margin of error) or ``3``."""
    try:
        if text == "*":
            return NumericAnswer(value=None, fraction=fraction, feedback=feedback)
        if text.find("..") > 0:
            low, high = text.split("..", 1)
            return NumericAnswer(value=None, low=parse_number(low), high=parse_number(high), fraction=fraction, feedback=feedback)
        if text.find(":") > 0:
            value, tolerance = text.split(":", 1)
            return NumericAnswer(value=parse_number(value), tolerance=parse_number(tolerance), fraction=fraction, feedback=feedback)
        return NumericAnswer(value=parse_number(text), fraction=fraction, feedback=feedback)
    except ValueError:
        raise Problem(
            _(
                "Answer %(number)s (“%(text)s”) is not a number; write 3, 3:0.5 (with a margin "
                "of error) or 2..4 (a range)."
            )
            % {"number": number, "text": gift.release(text)}
        ) from None


def _gift_text(answer: NumericAnswer) -> str:
    if answer.value is not None:
        if answer.tolerance:
            return f"{format_number(answer.value)}:{format_number(answer.tolerance)}"
        return format_number(answer.value)
    if answer.low is not None and answer.high is not None:
        return f"{format_number(answer.low)}..{format_number(answer.high)}"
    return "*"


def _check_number(number: int, answer: NumericAnswer) -> list[str]:
    if answer.is_catch_all:
        return []
    if answer.value is None:
        if answer.low is None or answer.high is None:
            return [_("Answer %(number)s needs both ends of its range.") % {"number": number}]
        if not (math.isfinite(answer.low) and math.isfinite(answer.high)):
            return [_("Answer %(number)s is not a number.") % {"number": number}]
        if answer.low > answer.high:
            return [_("Answer %(number)s: the range must go from the smaller to the larger number.") % {"number": number}]
    elif not (math.isfinite(answer.value) and math.isfinite(answer.tolerance)):
        return [_("Answer %(number)s is not a number.") % {"number": number}]
    elif answer.tolerance < 0:
        return [_("Answer %(number)s: the margin of error cannot be negative.") % {"number": number}]
    return []


@register
class Numerical(QuestionType):
    name = "numerical"
    model = NumericalQuestion
    key_panels = [FieldPanel("answers")]
    # Numbers are the same in every language: only the feedback is translated.
    translated_stream = "answers"
    translated_parts = {"feedback": 500}
    moodle_type = "numerical"

    def grade_response(self, spec, response):
        return grading.numerical(spec, response)

    def right_answer_text(self, question):
        return " / ".join(_key(a) for a in question.grading_spec()["answers"] if a["fraction"] >= 1)

    def demo_form_data(self, question, layout, *, right):
        first = question.grading_spec()["answers"][0]
        value = first["value"] if first["value"] is not None else first["low"]
        return {"text": f"{value:g}" if right else "-1"}

    def from_data(self, data, common):
        def number(value):
            return None if value is None else str(value)

        answers = [
            {
                "value": number(a.value), "tolerance": number(a.tolerance), "low": number(a.low), "high": number(a.high),
                "fraction": _percent(a.fraction), "feedback": plain(a.feedback, data.stem_format),
            }
            for a in data.numeric
        ]
        return self.model(answers=_stream("answer", answers), **common)

    def to_data(self, question, data):
        data.numeric = [
            NumericAnswer(a["value"], a["tolerance"], a["low"], a["high"], _fraction(v["fraction"]), a["feedback"])
            for a, v in zip(question.grading_spec()["answers"], (c.value for c in question.answers), strict=True)
        ]

    def check(self, data):
        # An answer without a value or range accepts any number: it can carry feedback for the
        # wrong ones, but a key made only of it would give every trainee the mark.
        numbers = [answer for answer in data.numeric if not answer.is_catch_all]
        if not numbers:
            return [_("A numerical question needs at least one accepted number.")]
        found = []
        for number, answer in enumerate(data.numeric, 1):
            found.extend(check_fraction(number, answer.fraction))
            found.extend(_check_number(number, answer))
        return found or one_full_mark((a.fraction for a in numbers), _("One accepted number must be worth 100%."))

    def gift_matches(self, block):
        return block.startswith("#")

    def read_gift(self, data, block):
        block, otherwise = block[1:], ""
        tilde = block.find("~")
        if tilde != -1:  # {#3:1 ~#feedback for any other number}
            block, otherwise = block[:tilde], block[tilde:]
        for number, answer in enumerate(gift.answers(block, "="), 1):
            fraction, answer = gift.read_weight(answer, number, default=1.0)
            value, feedback = gift.with_feedback(answer)
            data.numeric.append(_gift_number(value.strip(), number, fraction, feedback))
        if otherwise:
            data.numeric.append(NumericAnswer(value=None, fraction=0.0, feedback=gift.with_feedback(otherwise)[1]))

    def write_gift(self, data, tag):
        answers = data.numeric
        if len(answers) == 1 and answers[0].fraction == 1 and not answers[0].feedback:
            return "#" + _gift_text(answers[0]) + gift.general_feedback(data, tag)
        written = [
            "=" + (gift.weight(a.fraction) if a.fraction != 1 else "") + _gift_text(a) + gift.feedback(a.feedback, tag)
            for a in answers
        ]
        return gift.lines(written, data, tag, opening="#")

    def read_xml(self, data, element):
        for number, answer in enumerate(element.findall("answer"), 1):
            value = moodle_xml.text_of(answer)
            tolerance = (answer.findtext("tolerance") or "0").strip() or "0"
            fraction = moodle_xml.fraction_of(answer, number)
            feedback = moodle_xml.text_of(answer, "feedback")
            if value == "*":
                data.numeric.append(NumericAnswer(value=None, fraction=fraction, feedback=feedback))
                continue
            try:
                data.numeric.append(
                    NumericAnswer(value=parse_number(value), tolerance=parse_number(tolerance), fraction=fraction, feedback=feedback)
                )
            except ValueError:
                raise Problem(
                    _("Answer %(number)s (“%(value)s” ± “%(tolerance)s”) is not a number.")
                    % {"number": number, "value": value, "tolerance": tolerance}
                ) from None

    def write_xml(self, element, data, text_format):
        # Moodle XML has no ranges: low..high is written as its midpoint ± half its width.
        for answer in data.numeric:
            if answer.value is not None:
                value, tolerance = format_number(answer.value), format_number(answer.tolerance)
            elif answer.low is not None and answer.high is not None:
                middle = (answer.low + answer.high) / 2
                value, tolerance = format_number(middle), format_number(answer.high - middle)
            else:
                value, tolerance = "*", "0"
            written = moodle_xml.add_answer(element, value, format_percent(answer.fraction), answer.feedback, text_format, plain=True)
            moodle_xml.add_value(written, "tolerance", tolerance)
