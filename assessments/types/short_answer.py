"""Short answer: typed words compared with accepted answers (``*`` matches anything)."""

from wagtail.admin.panels import FieldPanel

from assessments import grading
from assessments.formats.model import TextAnswer
from assessments.importing import _fraction, _percent, _stream, plain
from assessments.models import ShortAnswerQuestion

from .base import QuestionType
from .registry import register


@register
class ShortAnswer(QuestionType):
    name = "short_answer"
    model = ShortAnswerQuestion
    key_panels = [FieldPanel("answers"), FieldPanel("case_sensitive")]

    def grade_response(self, spec, response):
        return grading.short_answer(spec, response)

    def right_answer_text(self, question):
        answers = question.grading_spec()["answers"]
        return " / ".join(a["text"] for a in answers if a["fraction"] >= 1) or " / ".join(a["text"] for a in answers)

    def demo_form_data(self, question, layout, *, right):
        return {"text": question.grading_spec()["answers"][0]["text"].replace("*", "") if right else "I am not sure"}

    def from_data(self, data, common):
        # The accepted text keeps its * wildcards: only the feedback follows the question's format.
        answers = [
            {"text": plain(a.text), "fraction": _percent(a.fraction), "feedback": plain(a.feedback, data.stem_format)}
            for a in data.answers
        ]
        return self.model(answers=_stream("answer", answers), **common)

    def to_data(self, question, data):
        data.answers = [TextAnswer(v["text"], _fraction(v["fraction"]), v["feedback"]) for v in (c.value for c in question.answers)]
