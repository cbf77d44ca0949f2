"""Multiple response: every answer that applies; credits add up, negative ones penalise."""

from assessments import grading
from assessments.models import MultipleResponseQuestion

from .registry import register
from .single_choice import ChoiceType


@register
class MultipleResponse(ChoiceType):
    name = "multiple_response"
    model = MultipleResponseQuestion
    single = False

    def form_data(self, post, prefix, layout):
        return {"choices": post.getlist(prefix + "choices")}

    def clean(self, data, layout):
        tokens = layout.get("tokens", {})
        return {"choices": list(dict.fromkeys(token for token in data.get("choices") or [] if token in tokens))}

    def grade_response(self, spec, response):
        return grading.multiple_response(spec, response)

    def demo_form_data(self, question, layout, *, right):
        tokens = {option_id: token for token, option_id in layout.get("tokens", {}).items()}
        return {"choices": [tokens[c["id"]] for c in question.grading_spec()["choices"] if (c["fraction"] > 0) == right]}
