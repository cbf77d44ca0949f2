"""Single choice: one answer to pick; partial and negative credit per answer."""

from django.utils.translation import gettext as _
from wagtail.admin.panels import FieldPanel

from assessments import grading
from assessments.formats import gift, moodle_xml
from assessments.formats.checks import TOLERANCE, percent
from assessments.formats.common import Problem, format_percent
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
    translated_stream = "choices"
    translated_parts = {"text": 500, "feedback": 500}
    moodle_type = "multichoice"
    # One right answer: GIFT marks it with "=", Moodle XML says <single>true</single>.
    single = True

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
        data.single = self.single
        data.choices = [Choice(v["text"], _fraction(v["fraction"]), v["feedback"]) for v in (child.value for child in question.choices)]

    def check(self, data):
        found = []
        if len(data.choices) < 2:
            found.append(_("A choice question needs at least two answers."))
        for number, choice in enumerate(data.choices, 1):
            if not choice.text.strip():
                found.append(_("Answer %(number)s has no text.") % {"number": number})
            if not -1 <= choice.fraction <= 1:
                found.append(
                    _("Answer %(number)s is worth %(weight)s; a weight goes from -100%% to 100%%.")
                    % {"number": number, "weight": percent(choice.fraction)}
                )
        if found:
            return found
        if self.single:
            if abs(max(choice.fraction for choice in data.choices) - 1) > TOLERANCE:
                found.append(_("One answer must be worth 100% (mark it with “=”)."))
        else:
            total = sum(choice.fraction for choice in data.choices if choice.fraction > 0)
            if abs(total - 1) > TOLERANCE:
                found.append(
                    _("The positive weights add up to %(total)s; they must add up to 100%%.") % {"total": percent(total)}
                )
        return found

    def gift_matches(self, block):
        return "~" in block and ("=" in block) == self.single

    def read_gift(self, data, block):
        data.single = self.single
        for number, answer in enumerate(gift.answers(block.replace("=", "~="), "~"), 1):
            if answer.startswith("="):
                answer = answer[1:]
                if gift.WEIGHT.match(answer.lstrip()):
                    raise Problem(
                        _(
                            "Answer %(number)s: “=” already means 100%%; write a partly right answer "
                            "with “~” and its weight, for example ~%%50%%answer."
                        )
                        % {"number": number}
                    )
                fraction = 1.0
            else:
                fraction, answer = gift.read_weight(answer, number, default=0.0)
            text, feedback = gift.with_feedback(answer)
            data.choices.append(Choice(text=gift.plain(text), fraction=fraction, feedback=feedback))

    def write_gift(self, data, tag):
        written = []
        marked = not self.single  # only a single-choice question has a "="
        for choice in data.choices:
            answer = gift.escape_answer(choice.text, tag) + gift.feedback(choice.feedback, tag)
            if not marked and choice.fraction == 1:
                # One "=" makes the question single choice; other full marks are written as weights,
                # so that a "~" remains and the question is not read back as short answer.
                marked = True
                written.append("=" + answer)
            else:
                written.append("~" + (gift.weight(choice.fraction) if choice.fraction else "") + answer)
        return gift.lines(written, data, tag)

    def xml_matches(self, element):
        # Moodle reads a missing <single> as true.
        return ((element.findtext("single") or "true").strip().lower() in ("true", "1")) == self.single

    def read_xml(self, data, element):
        data.single = self.single
        for number, answer in enumerate(element.findall("answer"), 1):
            data.choices.append(
                Choice(
                    text=moodle_xml.text_of(answer),
                    fraction=moodle_xml.fraction_of(answer, number),
                    feedback=moodle_xml.text_of(answer, "feedback"),
                )
            )

    def write_xml(self, element, data, text_format):
        moodle_xml.add_value(element, "single", "true" if self.single else "false")
        moodle_xml.add_value(element, "shuffleanswers", "true")
        moodle_xml.add_value(element, "answernumbering", "abc")
        for choice in data.choices:
            moodle_xml.add_answer(element, choice.text, format_percent(choice.fraction), choice.feedback, text_format)

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
