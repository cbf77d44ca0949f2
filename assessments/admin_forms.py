"""Forms of the question bank screens in the Wagtail admin."""

from wagtail.admin.forms import WagtailAdminModelForm

from assessments import bank


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
        for problem in bank.key_problems(self.instance):
            self.add_error(None, problem)
