"""Essay: free text graded by a person, with notes for graders."""

from wagtail.admin.panels import FieldPanel

from assessments.formats import gift, moodle_xml
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
        return None  # a person grades it (assessments.marking.grade_essays)

    def gift_matches(self, block):
        return not block  # {} : no answers to give

    def write_gift(self, data, tag):
        return gift.general_feedback(data, tag)

    def write_xml(self, element, data, text_format):
        for tag, value in (("responseformat", "editor"), ("responserequired", "1"), ("responsefieldlines", "15"), ("attachments", "0")):
            moodle_xml.add_value(element, tag, value)
        moodle_xml.add_text(element, "graderinfo", "", text_format)
        moodle_xml.add_text(element, "responsetemplate", "", text_format)
