"""True/false: a statement to judge, with feedback for each answer."""

from django.utils.translation import gettext as _
from wagtail.admin.panels import FieldPanel

from assessments import grading
from assessments.formats import gift, moodle_xml
from assessments.importing import plain
from assessments.models import TrueFalseQuestion

from .base import QuestionType
from .registry import register

# GIFT's words for the right answer.
_GIFT_WORDS = {"T": True, "TRUE": True, "F": False, "FALSE": False}


@register
class TrueFalse(QuestionType):
    name = "true_false"
    model = TrueFalseQuestion
    counts_picks = True
    key_panels = [FieldPanel("correct_answer"), FieldPanel("feedback_true"), FieldPanel("feedback_false")]
    translated_parts = {"feedback": 500}

    def translatable_options(self, question):
        """The feedback for each answer, under the answer ("true", "false") as its id."""
        texts = {"true": question.feedback_true, "false": question.feedback_false}
        return {answer: {"feedback": text} for answer, text in texts.items() if text}

    def apply_translation(self, question, options):
        question.feedback_true = options.get("true", {}).get("feedback") or question.feedback_true
        question.feedback_false = options.get("false", {}).get("feedback") or question.feedback_false
    moodle_type = "truefalse"

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

    def check(self, data):
        return [] if data.true_false is not None else [_("The right answer must be true or false.")]

    # GIFT writes the feedback as {T#wrong#right}: first what a trainee who answers wrongly reads,
    # then what one who answers rightly reads, as in Moodle.

    def gift_matches(self, block):
        return block.split("#", 1)[0].strip() in _GIFT_WORDS

    def read_gift(self, data, block):
        parts = block.split("#", 2)
        right_answer = _GIFT_WORDS[parts[0].strip()]
        wrong = gift.plain(parts[1]) if len(parts) > 1 else ""
        right = gift.plain(parts[2]) if len(parts) > 2 else ""
        data.true_false = right_answer
        data.true_feedback, data.false_feedback = (right, wrong) if right_answer else (wrong, right)

    def write_gift(self, data, tag):
        right_answer = bool(data.true_false)
        if right_answer:
            right, wrong = data.true_feedback, data.false_feedback
        else:
            right, wrong = data.false_feedback, data.true_feedback
        text = "T" if right_answer else "F"
        if wrong or right:
            text += "#" + gift.escape_answer(wrong, tag)
        if right:
            text += "#" + gift.escape_answer(right, tag)
        return text + gift.general_feedback(data, tag)

    def read_xml(self, data, element):
        true = false = None
        for number, answer in enumerate(element.findall("answer"), 1):
            word = moodle_xml.text_of(answer).lower()
            if word not in ("true", "false"):  # old files: true first, then false, as Moodle assumes
                word = "true" if number == 1 else "false"
            if word == "true":
                true = answer
            else:
                false = answer
        if true is not None:
            data.true_false = moodle_xml.fraction_of(true, 1) == 1
            data.true_feedback = moodle_xml.text_of(true, "feedback")
        if false is not None:
            if true is None:
                data.true_false = moodle_xml.fraction_of(false, 2) != 1
            data.false_feedback = moodle_xml.text_of(false, "feedback")

    def write_xml(self, element, data, text_format):
        right = bool(data.true_false)
        moodle_xml.add_answer(element, "true", "100" if right else "0", data.true_feedback, text_format, plain=True)
        moodle_xml.add_answer(element, "false", "0" if right else "100", data.false_feedback, text_format, plain=True)

    def option_labels(self, versions):
        return [("true", _("True")), ("false", _("False"))]

    def option_credit(self, question):
        return {"true" if question.correct_answer else "false": 1.0}

    def picked_option_ids(self, response, layout):
        value = (response or {}).get("value")
        return ["true" if value else "false"] if value in (True, False) else []
