"""Short answer: typed words compared with accepted answers (``*`` matches anything)."""

from django.utils.translation import gettext as _
from wagtail.admin.panels import FieldPanel

from assessments import grading
from assessments.formats import gift, moodle_xml
from assessments.formats.checks import check_fraction, one_full_mark
from assessments.formats.common import format_percent
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
    moodle_type = "shortanswer"
    translated_stream = "answers"
    translated_parts = {"text": 300, "feedback": 500}

    def apply_translation(self, question, options):
        """An accepted answer is words in a language: a translated one is accepted too, with the
        same credit, before the source's (which a trainee may still type)."""
        translated, source = [], []
        for item in question.answers.raw_data:
            texts = {part: text for part, text in options.get(item.get("id"), {}).items() if text}
            value = dict(item["value"])
            if texts.get("feedback"):
                value["feedback"] = texts["feedback"]
            if texts.get("text"):
                translated.append({**item, "id": f"{item['id']}-translated", "value": {**value, "text": texts["text"]}})
            source.append({**item, "value": value})
        question.answers = translated + source

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

    def check(self, data):
        if not data.answers:
            return [_("A short-answer question needs at least one accepted answer.")]
        found = []
        for number, answer in enumerate(data.answers, 1):
            if not answer.text.strip():
                found.append(_("Answer %(number)s has no text.") % {"number": number})
            found.extend(check_fraction(number, answer.fraction))
        return found or one_full_mark((a.fraction for a in data.answers), _("One accepted answer must be worth 100%."))

    def gift_matches(self, block):
        return True  # the last syntax tried: whatever is left is short answer

    def read_gift(self, data, block):
        for number, answer in enumerate(gift.answers(block, "="), 1):
            fraction, answer = gift.read_weight(answer, number, default=1.0)
            text, feedback = gift.with_feedback(answer)
            data.answers.append(TextAnswer(text=gift.plain(text), fraction=fraction, feedback=feedback))

    def write_gift(self, data, tag):
        written = [
            "=" + (gift.weight(a.fraction) if a.fraction != 1 else "") + gift.escape_answer(a.text, tag) + gift.feedback(a.feedback, tag)
            for a in data.answers
        ]
        return gift.lines(written, data, tag)

    def read_xml(self, data, element):
        for number, answer in enumerate(element.findall("answer"), 1):
            data.answers.append(
                TextAnswer(
                    text=moodle_xml.text_of(answer),
                    fraction=moodle_xml.fraction_of(answer, number),
                    feedback=moodle_xml.text_of(answer, "feedback"),
                )
            )

    def write_xml(self, element, data, text_format):
        moodle_xml.add_value(element, "usecase", "0")
        for answer in data.answers:
            moodle_xml.add_answer(element, answer.text, format_percent(answer.fraction), answer.feedback, text_format, plain=True)
