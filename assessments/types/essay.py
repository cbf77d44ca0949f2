"""Essay: free text graded by a person, with notes for graders."""

from wagtail.admin.panels import FieldPanel

from assessments.formats import gift, moodle_xml
from assessments.formats.html import to_html
from assessments.models import EssayQuestion

from .base import QuestionType
from .registry import register


@register
class Essay(QuestionType):
    name = "essay"
    model = EssayQuestion
    is_manual = True
    text_limit = 50000
    key_panels = [FieldPanel("rubric")]
    moodle_type = "essay"

    def grade_response(self, spec, response):
        return None  # a person grades it (assessments.services.grade_essays)

    def gift_matches(self, block):
        return not block  # {} : no answers to give

    def write_gift(self, data, tag):
        return gift.general_feedback(data, tag)

    def from_data(self, data, common):
        return self.model(rubric=to_html(data.rubric, "html") if data.rubric else "", **common)

    def to_data(self, question, data):
        data.rubric = question.rubric

    def read_xml(self, data, element):
        # The grading notes carry their own format, which may differ from the stem's.
        info = element.find("graderinfo")
        if info is not None:
            text = moodle_xml.text_of(info)
            data.rubric = to_html(text, moodle_xml.format_in(info.get("format"))) if text else ""

    def write_xml(self, element, data, text_format):
        for tag, value in (("responseformat", "editor"), ("responserequired", "1"), ("responsefieldlines", "15"), ("attachments", "0")):
            moodle_xml.add_value(element, tag, value)
        moodle_xml.add_text(element, "graderinfo", data.rubric, "html")  # always HTML: see QuestionData.rubric
        moodle_xml.add_text(element, "responsetemplate", "", text_format)
