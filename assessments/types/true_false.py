"""True/false: a statement to judge, with feedback for each answer."""

from django.utils.translation import gettext as _
from wagtail.admin.panels import FieldPanel

from assessments import grading
from assessments.importing import plain
from assessments.models import TrueFalseQuestion

from .base import QuestionType
from .registry import register


@register
class TrueFalse(QuestionType):
    name = "true_false"
    model = TrueFalseQuestion
    counts_picks = True
    key_panels = [FieldPanel("correct_answer"), FieldPanel("feedback_true"), FieldPanel("feedback_false")]

    def form_data(self, post, prefix, layout):
        return {"value": post.get(prefix + "value")}

    def clean(self, data, layout):
        value = data.get("value")
        return {"value": value == "true"} if value in ("true", "false") else None

    def grade_response(self, spec, response):
        return grading.true_false(spec, response)

    def view_context(self, question, layout, response):
        return {"value": response.get("value")}

    def right_answer_text(self, question):
        return str(_("True") if question.correct_answer else _("False"))

    def demo_form_data(self, question, layout, *, right):
        return {"value": "true" if question.correct_answer == right else "false"}

    def from_data(self, data, common):
        fmt = data.stem_format
        return self.model(
            correct_answer=bool(data.true_false),
            # GIFT gives feedback for a wrong and a right answer; store it by the answer given.
            feedback_true=plain(data.true_feedback, fmt),
            feedback_false=plain(data.false_feedback, fmt),
            **common,
        )

    def to_data(self, question, data):
        data.true_false = question.correct_answer
        data.true_feedback = question.feedback_true
        data.false_feedback = question.feedback_false

    def answer_count(self, data):
        return 2

    def option_labels(self, versions):
        return [("true", _("True")), ("false", _("False"))]

    def option_credit(self, question):
        return {"true" if question.correct_answer else "false": 1.0}

    def picked_option_ids(self, response, layout):
        value = (response or {}).get("value")
        return ["true" if value else "false"] if value in (True, False) else []
