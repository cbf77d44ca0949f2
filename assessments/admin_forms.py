"""Forms of the question bank screens in the Wagtail admin."""

from wagtail.admin.forms import WagtailAdminModelForm

from assessments.formats.model import QuestionData
from assessments.types import registry


class QuestionAdminForm(WagtailAdminModelForm):
    """Every question type's edit and create form: the type's import checks apply here too.

    The admin and the importer must refuse the same questions (a single choice whose best answer
    is worth 50%, a numerical question with no accepted number), so the form hands the submitted
    question to the type's ``check`` and shows each problem it finds; nothing is saved.
    """

    def _post_clean(self):
        super()._post_clean()  # the instance now holds the submitted values
        if self.errors:
            return  # the fields' own errors first: the check reads values they have already refused
        for problem in self.key_problems():
            self.add_error(None, problem)

    def key_problems(self) -> list[str]:
        """What the type's import check finds wrong with the submitted question, in words."""
        question = self.instance
        question_type = registry.for_model(type(question))
        data = QuestionData(
            kind=question_type.name,
            title=question.title,
            stem=question.stem,
            stem_format="html",
            default_mark=float(question.default_mark or 0),
        )
        question_type.to_data(question, data)
        return question_type.check(data)
