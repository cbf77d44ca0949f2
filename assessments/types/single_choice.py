"""Single choice: one answer to pick; partial and negative credit per answer."""

from wagtail.admin.panels import FieldPanel

from assessments import grading
from assessments.formats.model import Choice
from assessments.importing import _fraction, _percent, _stream, plain
from assessments.models import SingleChoiceQuestion

from .base import QuestionType
from .registry import register


class ChoiceType(QuestionType):
    """What single choice and multiple response share: answers with credit and feedback."""

    counts_picks = True
    lists_option_credit = True
    key_panels = [FieldPanel("choices")]

    def response_ids(self, response, layout):
        tokens = layout.get("tokens", {})
        response = response or {}
        if "choice" in response:
            return {"choice": tokens.get(response["choice"])}
        return {"choices": [tokens[t] for t in response.get("choices") or [] if t in tokens]}

    def view_context(self, question, layout, response):
        context = super().view_context(question, layout, response)
        context["selected"] = set(response.get("choices", [])) | ({response["choice"]} if response.get("choice") else set())
        return context

    def right_answer_text(self, question):
        spec = question.grading_spec()
        return "; ".join(question.option_label(c["id"]) for c in spec["choices"] if c["fraction"] > 0)

    def from_data(self, data, common):
        fmt = data.stem_format
        choices = [{"text": plain(c.text, fmt), "fraction": _percent(c.fraction), "feedback": plain(c.feedback, fmt)} for c in data.choices]
        return self.model(choices=_stream("choice", choices), **common)

    def to_data(self, question, data):
        data.single = self.name == "single_choice"
        data.choices = [Choice(v["text"], _fraction(v["fraction"]), v["feedback"]) for v in (child.value for child in question.choices)]

    def option_credit(self, question):
        return {choice["id"]: choice["fraction"] for choice in question.grading_spec()["choices"]}

    def picked_option_ids(self, response, layout):
        tokens = (layout or {}).get("tokens", {})
        response = response or {}
        if response.get("choice") is not None:
            return [tokens[response["choice"]]] if response["choice"] in tokens else []
        return [tokens[token] for token in dict.fromkeys(response.get("choices") or []) if token in tokens]


@register
class SingleChoice(ChoiceType):
    name = "single_choice"
    model = SingleChoiceQuestion

    def form_data(self, post, prefix, layout):
        return {"choice": post.get(prefix + "choice")}

    def clean(self, data, layout):
        token = data.get("choice")
        return {"choice": token} if token in layout.get("tokens", {}) else None

    def grade_response(self, spec, response):
        return grading.single_choice(spec, response)

    def demo_form_data(self, question, layout, *, right):
        tokens = {option_id: token for token, option_id in layout.get("tokens", {}).items()}
        picks = [c["id"] for c in question.grading_spec()["choices"] if (c["fraction"] > 0) == right]
        return {"choice": tokens[picks[0]]} if picks else {}
