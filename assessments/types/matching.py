"""Matching: each prompt gets one of the answers; answers without a prompt are distractors."""

import re

from django.utils.translation import gettext as _
from wagtail.admin.panels import FieldPanel

from assessments import grading
from assessments.formats import gift, moodle_xml
from assessments.formats.common import Problem
from assessments.formats.model import MatchPair
from assessments.importing import _stream, plain
from assessments.models import MatchingQuestion

from .base import QuestionType, new_token
from .registry import register

# In GIFT a distractor may be written on its own line as "-> text", without "=".
_GIFT_DISTRACTOR = re.compile(r"\n[ \t]*->")


@register
class Matching(QuestionType):
    name = "matching"
    model = MatchingQuestion
    key_panels = [FieldPanel("pairs")]
    translated_stream = "pairs"
    translated_parts = {"left": 300, "right": 300}
    moodle_type = "matching"

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

    def check(self, data):
        found = []
        if sum(1 for pair in data.pairs if pair.left.strip()) < 2:
            found.append(_("A matching question needs at least two pairs."))
        for number, pair in enumerate(data.pairs, 1):
            if not pair.right.strip():
                found.append(_("Pair %(number)s has nothing on the right side.") % {"number": number})
        return found

    def gift_matches(self, block):
        return "=" in block and "->" in block

    def read_gift(self, data, block):
        # A distractor on its own line is a pair of its own, not the end of the previous answer.
        block = _GIFT_DISTRACTOR.sub("\n=->", block)
        for number, answer in enumerate(gift.answers(block, "="), 1):
            left, arrow, right = answer.partition("->")
            if not arrow:
                raise Problem(_("Pair %(number)s has no “->”; write each pair as =left -> right.") % {"number": number})
            data.pairs.append(MatchPair(left=gift.plain(left), right=gift.release(right).strip()))

    def write_gift(self, data, tag):
        return gift.lines([f"={gift.escape_answer(pair.left, tag)} -> {gift.escape(pair.right)}" for pair in data.pairs], data, tag)

    def read_xml(self, data, element):
        for sub in element.findall("subquestion"):
            data.pairs.append(MatchPair(left=moodle_xml.text_of(sub), right=moodle_xml.text_of(sub, "answer")))

    def write_xml(self, element, data, text_format):
        moodle_xml.add_value(element, "shuffleanswers", "true")
        for pair in data.pairs:
            sub = moodle_xml.add_text(element, "subquestion", pair.left, text_format)
            moodle_xml.add_text(sub, "answer", pair.right)
