"""Essay: free text graded by a person, with notes for graders."""

from wagtail.admin.panels import FieldPanel

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

    def grade_response(self, spec, response):
        return None  # a person grades it (assessments.marking.grade_essays)
