"""Matching: each prompt gets one of the answers; answers without a prompt are distractors."""

from wagtail.admin.panels import FieldPanel

from assessments import grading
from assessments.formats.model import MatchPair
from assessments.importing import _stream, plain
from assessments.models import MatchingQuestion

from .base import QuestionType, new_token
from .registry import register


@register
class Matching(QuestionType):
    name = "matching"
    model = MatchingQuestion
    key_panels = [FieldPanel("pairs")]

    def build_layout(self, question, *, shuffle, rng):
        layout = super().build_layout(question, shuffle=shuffle, rng=rng)
        if layout:
            layout["prompts"] = {new_token(): pair_id for pair_id, _left in question.prompts()}
        return layout

    def form_data(self, post, prefix, layout):
        return {"matches": {prompt: post.get(prefix + "match-" + prompt) for prompt in layout.get("prompts", {})}}

    def clean(self, data, layout):
        tokens, prompts = layout.get("tokens", {}), layout.get("prompts", {})
        matches = data.get("matches") or {}
        return {"matches": {prompt: token for prompt, token in matches.items() if prompt in prompts and token in tokens}}

    def response_ids(self, response, layout):
        tokens, prompts = layout.get("tokens", {}), layout.get("prompts", {})
        matches = (response or {}).get("matches") or {}
        return {"matches": {prompts[p]: tokens[t] for p, t in matches.items() if p in prompts and t in tokens}}

    def grade_response(self, spec, response):
        return grading.matching(spec, response)

    def view_context(self, question, layout, response):
        context = super().view_context(question, layout, response)
        prompts = dict(question.prompts())
        matches = response.get("matches", {})
        context["prompts"] = [(token, prompts.get(pair_id, ""), matches.get(token)) for token, pair_id in layout.get("prompts", {}).items()]
        return context

    def right_answer_text(self, question):
        return "; ".join(f"{p['left']} → {p['right']}" for p in question.grading_spec()["pairs"] if p["left"])

    def demo_form_data(self, question, layout, *, right):
        tokens = {option_id: token for token, option_id in layout.get("tokens", {}).items()}
        prompts = {pair_id: token for token, pair_id in layout.get("prompts", {}).items()}
        pairs = [p for p in question.grading_spec()["pairs"] if p["left"]]
        targets = [p["id"] for p in pairs] if right else [p["id"] for p in pairs[1:] + pairs[:1]]
        return {"matches": {prompts[p["id"]]: tokens[t] for p, t in zip(pairs, targets, strict=True)}}

    def from_data(self, data, common):
        fmt = data.stem_format
        pairs = [{"left": plain(p.left, fmt), "right": plain(p.right, fmt)} for p in data.pairs]
        return self.model(pairs=_stream("pair", pairs), **common)

    def to_data(self, question, data):
        data.pairs = [MatchPair(p["left"], p["right"]) for p in question.grading_spec()["pairs"]]
