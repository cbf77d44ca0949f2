"""Adding a question type takes one module and one registry line: a type defined only here.

"Number between" asks for a number inside a range (a year of adoption, an age bracket). It keeps
its key in the numerical question's storage, through a proxy model, so it needs no table and no
migration; GIFT carries it as a numerical range with a ``// [type:number_between]`` hint. The
proxy is made when the fixture runs and removed afterwards, so that ``makemigrations --check``
(tests/test_migrations.py) never sees it.
"""

import pytest
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.template import Template
from django.urls import reverse

from assessments import grading, importing, results
from assessments.formats import export_gift, parse_gift
from assessments.formats.model import NumericAnswer
from assessments.models import Attempt, NumericalQuestion, Question
from assessments.types import registry
from assessments.types.numerical import Numerical
from courses import services as learning
from lms import roles
from tests.factories import UserFactory, add_quiz, build_course, question_category, stream

pytestmark = pytest.mark.django_db

GIFT = """// [type:number_between]
::Adoption:: In which year between 1999 and 2001 was the Palermo Protocol adopted? {#1999..2001}
"""


def make_type():
    """The whole type: a proxy model for its storage and a class that knows the rest."""

    class NumberBetweenQuestion(NumericalQuestion):
        kind = "number_between"

        class Meta:
            proxy = True
            app_label = "assessments"
            verbose_name = "number-between question"

    class NumberBetween(Numerical):
        name = "number_between"
        model = NumberBetweenQuestion
        written_as = "numerical"

        @property
        def trainee_template(self):
            return Template(
                '<label for="q{{ question.position }}-text">Between {{ question.low }} and {{ question.high }}</label>'
                '<input id="q{{ question.position }}-text" name="q{{ question.position }}-text" value="{{ question.text }}">'
            )

        @property
        def review_template(self):
            return Template('<span class="between">{{ question.text|default:"(nothing)" }}</span>')

        def clean(self, data, layout):
            return {"text": str(data.get("text", ""))[:20]}

        def grade_response(self, spec, response):
            # Only the range counts: the pure numerical grader with the first answer as the key.
            return grading.numerical({"answers": spec["answers"][:1]}, response)

        def view_context(self, question, layout, response):
            first = question.grading_spec()["answers"][0]
            return {"text": response.get("text", ""), "low": f"{first['low']:g}", "high": f"{first['high']:g}"}

        def right_answer_text(self, question):
            first = question.grading_spec()["answers"][0]
            return f"any number from {first['low']:g} to {first['high']:g}"

        def answer_count(self, data):
            return 1

    return NumberBetween


@pytest.fixture
def number_between():
    question_type = make_type()
    registry.register(question_type)  # the one registry line
    yield registry.get("number_between")
    registry.unregister("number_between")
    del apps.all_models["assessments"]["numberbetweenquestion"]
    apps.clear_cache()
    ContentType.objects.clear_cache()  # its content type is rolled back with the test


def between_question(question_type, low=1999, high=2001):
    answers = [{"value": None, "tolerance": None, "low": str(low), "high": str(high), "fraction": "100", "feedback": "Yes."}]
    return question_type.model.objects.create(
        category=question_category(), title="Adoption", stem="<p>When was it adopted?</p>", answers=stream("answer", answers)
    )


def test_an_extra_type_works_end_to_end(client, number_between):
    question = between_question(number_between)
    assert registry.for_question(Question.objects.get(pk=question.pk)) is number_between
    course = build_course("Palermo", modules=1, lessons_per_module=1)
    quiz = add_quiz(course, [question], show_correct_answers="immediately")
    trainee = UserFactory()
    learning.enrol(trainee=trainee, course=course)
    client.force_login(trainee)

    # Attempt: its own template, its own form reading.
    client.post(reverse("quiz_start", args=[quiz.pk]))
    attempt = Attempt.objects.get(trainee=trainee)
    page = client.get(reverse("attempt", args=[attempt.pk])).content.decode()
    assert "Between 1999 and 2001" in page
    client.post(reverse("attempt", args=[attempt.pk]), {"page": 0, "q1-shown": "1", "q1-text": "2000", "action": "save"})
    assert attempt.answers.get().response == {"text": "2000"}

    # Grade.
    client.post(reverse("attempt_submit", args=[attempt.pk]))
    attempt.refresh_from_db()
    assert (attempt.status, attempt.grade, attempt.needs_grading) == (Attempt.Status.FINISHED, 100, False)

    # Review: its review template and its right answer in words.
    review = client.get(reverse("attempt_review", args=[attempt.pk])).content.decode()
    assert '<span class="between">2000</span>' in review
    assert "any number from 1999 to 2001" in review

    # Item analysis.
    figures = results.quiz_results(quiz, Attempt.objects.filter(quiz_key=quiz.translation_key))
    (item,) = figures.items
    assert item.item.kind == "number_between" and item.item.type_label == "number-between question"
    assert (item.stats.count, item.stats.facility, item.distribution) == (1, 1.0, None)
    trainer = UserFactory(role=roles.TRAINER, is_superuser=True)
    client.force_login(trainer)
    assert client.get(reverse("quiz_results", args=[quiz.pk])).status_code == 200


def test_an_extra_type_makes_a_gift_round_trip(number_between):
    (data,) = parse_gift(GIFT).questions
    assert data.kind == "number_between"
    assert data.numeric == [NumericAnswer(value=None, low=1999.0, high=2001.0)]
    (question,) = importing.import_questions([data])
    question = Question.objects.get(pk=question.pk)
    assert type(question) is number_between.model
    assert importing.preview_rows([data])[0]["answers"] == 1

    exported = export_gift([importing.to_data(question, ("Imported",))])
    assert "\n// [type:number_between]\n::Adoption::" in exported
    (again,) = parse_gift(exported).questions
    assert (again.kind, again.numeric, again.title) == ("number_between", data.numeric, "Adoption")
    # Moodle, which ignores the hint, reads a numerical question with the same range.
    assert parse_gift(exported.replace("// [type:number_between]\n", "")).questions[0].kind == "numerical"


def test_without_its_module_the_hint_is_only_a_comment():
    (data,) = parse_gift(GIFT).questions
    assert data.kind == "numerical"
