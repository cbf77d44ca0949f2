"""Ordering: put the items in the right order; credit for each item in its place."""

from django.utils.translation import gettext as _
from wagtail.admin.panels import FieldPanel

from assessments import grading
from assessments.formats import moodle_xml
from assessments.formats.model import Choice
from assessments.importing import _stream, plain
from assessments.models import OrderingQuestion

from .base import QuestionType
from .registry import register


@register
class Ordering(QuestionType):
    name = "ordering"
    model = OrderingQuestion
    key_panels = [FieldPanel("items")]
    translated_stream = "items"
    translated_parts = {"text": 300}
    moodle_type = "ordering"  # GIFT has no syntax for it: left out of a GIFT export

    def build_layout(self, question, *, shuffle, rng):
        layout = super().build_layout(question, shuffle=False, rng=rng)
        order = layout.get("order", [])
        right = list(order)
        while len(order) > 1 and order == right:  # never shown in its right order
            rng.shuffle(order)
        return layout

    def form_data(self, post, prefix, layout):
        # Without JavaScript each item has a rank select; the order is read from the ranks.
        ranks = {}
        for token in layout.get("tokens", {}):
            try:
                ranks[token] = int(post.get(prefix + "rank-" + token, ""))
            except ValueError:
                ranks[token] = 10**6
        return {"order": sorted(ranks, key=lambda token: ranks[token])}

    def clean(self, data, layout):
        tokens = layout.get("tokens", {})
        order = [token for token in data.get("order") or [] if token in tokens]
        return {"order": order} if sorted(order) == sorted(tokens) else None

    def response_ids(self, response, layout):
        tokens = layout.get("tokens", {})
        return {"order": [tokens[t] for t in (response or {}).get("order") or [] if t in tokens]}

    def grade_response(self, spec, response):
        return grading.ordering(spec, response)

    def view_context(self, question, layout, response):
        order = response.get("order") or layout.get("order", [])
        return {
            "options": [(token, question.option_label(layout["tokens"][token])) for token in order],
            "ranks": range(1, len(order) + 1),
        }

    def right_answer_text(self, question):
        return " → ".join(question.option_label(item) for item in question.grading_spec()["items"])

    def demo_form_data(self, question, layout, *, right):
        tokens = {option_id: token for token, option_id in layout.get("tokens", {}).items()}
        items = question.grading_spec()["items"]
        return {"order": [tokens[i] for i in (items if right else list(reversed(items)))]}

    def from_data(self, data, common):
        return self.model(items=_stream("item", [plain(c.text, data.stem_format) for c in data.choices]), **common)

    def to_data(self, question, data):
        data.choices = [Choice(question.option_label(i), 1.0) for i in question.grading_spec()["items"]]

    def check(self, data):
        found = []
        if len(data.choices) < 2:
            found.append(_("An ordering question needs at least two items."))
        for number, item in enumerate(data.choices, 1):
            if not item.text.strip():
                found.append(_("Item %(number)s has no text.") % {"number": number})
        return found

    def read_xml(self, data, element):
        # Moodle keeps each item's place in the right order in its fraction; sorting is stable, so
        # files that leave them all equal keep the order they are written in.
        items = []
        for number, answer in enumerate(element.findall("answer"), 1):
            item = Choice(text=moodle_xml.text_of(answer), fraction=1.0, feedback=moodle_xml.text_of(answer, "feedback"))
            items.append((moodle_xml.fraction_of(answer, number), item))
        data.choices = [choice for _place, choice in sorted(items, key=lambda item: item[0])]

    def write_xml(self, element, data, text_format):
        for tag, value in (("layouttype", "VERTICAL"), ("selecttype", "ALL"), ("selectcount", "0"), ("gradingtype", "ABSOLUTE_POSITION")):
            moodle_xml.add_value(element, tag, value)
        for place, item in enumerate(data.choices, 1):
            moodle_xml.add_answer(element, item.text, str(place), item.feedback, text_format)
