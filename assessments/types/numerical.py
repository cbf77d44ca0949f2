"""Numerical: a number, right within a tolerance or a range; several answers may earn credit."""

from django.utils.translation import gettext as _
from wagtail.admin.panels import FieldPanel

from assessments import grading
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


@register
class Numerical(QuestionType):
    name = "numerical"
    model = NumericalQuestion
    key_panels = [FieldPanel("answers")]

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
