"""Building questions in the admin: the importer's checks, versions in use, an answerable preview."""

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from assessments.models import (
    MultipleResponseQuestion,
    NumericalQuestion,
    QuestionCategory,
    SingleChoiceQuestion,
)
from lms import roles
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def trainer_client(client):
    client.force_login(UserFactory(role=roles.TRAINER, is_superuser=True))
    return client


def question_form(category, title, **key):
    return nested_form_data(
        {"category": category.pk, "title": title, "stem": rich_text("<p>Which one?</p>"), "default_mark": "1", "general_feedback": rich_text(""), "tags": "", **key}
    )


def choices(*pairs):
    return streamfield([("choice", {"text": text, "fraction": fraction, "feedback": ""}) for text, fraction in pairs])


def numbers(*answers):
    values = [{"value": "", "tolerance": "", "low": "", "high": "", "fraction": "100", "feedback": "", **answer} for answer in answers]
    return streamfield([("answer", value) for value in values])


def test_a_single_choice_whose_best_answer_is_worth_half_is_refused(trainer_client):
    category = QuestionCategory.for_path(["Drafts"])
    data = question_form(category, "Half right", choices=choices(("The worker", "50"), ("The employer", "0")))
    response = trainer_client.post(reverse("singlechoicequestion:add"), data)
    assert response.status_code == 200
    assert "One answer must be worth 100%" in response.content.decode()
    assert not SingleChoiceQuestion.objects.exists()


@pytest.mark.parametrize(
    "answers",
    [
        [{}],  # an answer without a value or range: any number would get the mark
        [{}, {"fraction": "0", "feedback": "No."}],
    ],
)
def test_a_numerical_question_without_any_number_is_refused(trainer_client, answers):
    category = QuestionCategory.for_path(["Drafts"])
    response = trainer_client.post(reverse("numericalquestion:add"), question_form(category, "No number", answers=numbers(*answers)))
    assert response.status_code == 200
    assert "A numerical question needs at least one accepted number." in response.content.decode()
    assert not NumericalQuestion.objects.exists()


def test_a_numerical_question_without_answers_is_refused(trainer_client):
    category = QuestionCategory.for_path(["Drafts"])
    response = trainer_client.post(reverse("numericalquestion:add"), question_form(category, "Nothing", answers=numbers()))
    assert response.status_code == 200
    assert not NumericalQuestion.objects.exists()


def test_a_catch_all_beside_a_number_is_still_accepted(trainer_client):
    category = QuestionCategory.for_path(["Drafts"])
    data = question_form(category, "Age", answers=numbers({"value": "18"}, {"fraction": "0", "feedback": "Under 18."}))
    assert trainer_client.post(reverse("numericalquestion:add"), data).status_code == 302
    assert NumericalQuestion.objects.filter(title="Age").exists()


def test_a_numerical_range_with_one_end_is_refused(trainer_client):
    category = QuestionCategory.for_path(["Drafts"])
    data = question_form(category, "Half a range", answers=numbers({"low": "10"}))
    response = trainer_client.post(reverse("numericalquestion:add"), data)
    assert "Answer 1 needs both ends of its range." in response.content.decode()
    assert not NumericalQuestion.objects.exists()


def test_a_valid_question_is_saved(trainer_client):
    category = QuestionCategory.for_path(["Drafts"])
    data = question_form(category, "Right", choices=choices(("The worker", "100"), ("The employer", "0")))
    response = trainer_client.post(reverse("singlechoicequestion:add"), data)
    assert response.status_code == 302
    question = SingleChoiceQuestion.objects.get(title="Right")
    assert [c["fraction"] for c in question.grading_spec()["choices"]] == [1.0, 0.0]
    data = question_form(category, "Both", choices=choices(("Debt", "50"), ("Movement", "50"), ("Contract", "-100")))
    assert trainer_client.post(reverse("multipleresponsequestion:add"), data).status_code == 302
    assert MultipleResponseQuestion.objects.filter(title="Both").exists()


def test_editing_into_an_invalid_key_changes_nothing(trainer_client):
    category = QuestionCategory.for_path(["Drafts"])
    trainer_client.post(reverse("singlechoicequestion:add"), question_form(category, "Right", choices=choices(("A", "100"), ("B", "0"))))
    question = SingleChoiceQuestion.objects.get()
    data = question_form(category, "Right", choices=choices(("A", "50"), ("B", "0")))
    response = trainer_client.post(reverse("singlechoicequestion:edit", args=[question.pk]), data)
    assert "One answer must be worth 100%" in response.content.decode()
    question.refresh_from_db()
    assert [c["fraction"] for c in question.grading_spec()["choices"]] == [1.0, 0.0]
