"""Building questions in the admin: the importer's checks, versions in use, an answerable preview."""

import pytest
from django.core import signing
from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from assessments import bank, selectors, services
from assessments.models import (
    MultipleResponseQuestion,
    NumericalQuestion,
    QuestionCategory,
    SingleChoiceQuestion,
)
from courses import services as learning
from lms import roles
from tests.factories import UserFactory, add_quiz, build_course, essay, single_choice, stream

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


def attempts_at(question, trainees=2):
    course = build_course("Versions", modules=1, lessons_per_module=1)
    quiz = add_quiz(course, [question])
    for _ in range(trainees):
        trainee = UserFactory()
        services.start_attempt(quiz=quiz, trainee=trainee, enrolment=learning.enrol(trainee=trainee, course=course))
    return quiz


def test_editing_a_question_attempts_have_used_says_what_saving_does(trainer_client, django_assert_num_queries):
    question = single_choice()
    quiz = attempts_at(question)
    with django_assert_num_queries(1):
        assert selectors.question_use(question)[0]["attempts"] == 2
    page = trainer_client.get(reverse("singlechoicequestion:edit", args=[question.pk])).content.decode()
    assert "Used in 2 attempts; saving makes version 2; use regrade to apply it to those attempts." in page
    assert reverse("regrade_question", args=[quiz.pk, question.family]) in page


def test_after_a_new_version_the_editor_says_the_attempts_were_on_earlier_ones(trainer_client):
    question = single_choice()
    attempts_at(question)
    question.title = "Reworded"
    new = bank.save_edit(question)
    page = trainer_client.get(reverse("singlechoicequestion:edit", args=[new.pk])).content.decode()
    assert "Earlier versions were used in 2 attempts; saving changes version 2" in page


def test_a_question_no_attempt_has_used_has_no_warning(trainer_client):
    question = single_choice()
    page = trainer_client.get(reverse("singlechoicequestion:edit", args=[question.pk])).content.decode()
    assert "data-question-in-use" not in page


def signs():
    return MultipleResponseQuestion.objects.create(
        category=QuestionCategory.for_path(["Drafts"]),
        title="Signs",
        stem="<p>Which are indicators?</p>",
        choices=stream(
            "choice",
            [
                {"text": "Debt bondage", "fraction": "50", "feedback": "Yes."},
                {"text": "Restricted movement", "fraction": "50", "feedback": ""},
                {"text": "A written contract", "fraction": "-100", "feedback": ""},
            ],
        ),
    )


def preview(client, question, pick=(), **extra):
    """Load the preview, then check an answer picking the options of those labels."""
    url = reverse("question_preview", args=[question.pk])
    shown = client.get(url)
    tokens = {label: token for token, label in shown.context["question"]["options"]}
    data = {"layout": shown.context["layout_token"], "q1-shown": "1", "q1-choices": [tokens[label] for label in pick], **extra}
    return client.post(url, data)


def test_a_preview_answered_half_right_shows_half_the_mark(trainer_client):
    response = preview(trainer_client, signs(), pick=["Debt bondage"])
    assert response.status_code == 200
    page = response.content.decode()
    assert "Mark: 0.5 out of 1 (50 %)" in page
    assert "Yes." in page  # the feedback of the picked answer
    assert "checked" in page  # the answer stays on the screen


def test_a_preview_answered_right_and_wrong_shows_the_penalty(trainer_client):
    response = preview(trainer_client, signs(), pick=["Debt bondage", "Restricted movement"])
    assert "Mark: 1 out of 1 (100 %)" in response.content.decode()
    response = preview(trainer_client, signs(), pick=["Debt bondage", "A written contract"])
    assert "Mark: 0 out of 1 (0 %)" in response.content.decode()


def test_checking_a_preview_stores_nothing(trainer_client):
    from assessments.models import Answer, Attempt

    preview(trainer_client, signs(), pick=["Debt bondage"])
    assert not Answer.objects.exists() and not Attempt.objects.exists()


@pytest.mark.parametrize(
    "data",
    [
        {},
        {"layout": "garbage", "q1-choices": "x"},
        {"layout": signing.dumps({"question": 999999, "layout": {}}, salt="passage.question-preview")},
        {"layout": signing.dumps(["not", "a", "dict"], salt="passage.question-preview")},
        {"layout": signing.dumps({"question": None, "layout": "x"}, salt="passage.question-preview")},
    ],
)
def test_a_garbage_preview_check_gives_a_message(trainer_client, data):
    question = signs()
    response = trainer_client.post(reverse("question_preview", args=[question.pk]), data)
    assert response.status_code == 200
    assert "This preview has expired or was changed." in response.content.decode()


def test_unknown_tokens_and_odd_values_in_a_preview_check_never_fail(trainer_client):
    question = signs()
    shown = trainer_client.get(reverse("question_preview", args=[question.pk]))
    data = {"layout": shown.context["layout_token"], "q1-choices": ["nope", "", "\\x00"], "q1-choice": "x", "q1-text": "9" * 5000}
    response = trainer_client.post(reverse("question_preview", args=[question.pk]), data)
    assert response.status_code == 200
    assert "No answer given" in response.content.decode()


def test_every_question_type_can_be_checked_in_the_preview_whatever_its_state(trainer_client):
    from tests.assessments.test_bank_admin import empty_questions, numerical

    questions = [*empty_questions(), numerical({}), numerical({"low": "10"}), numerical({"value": "18"}), single_choice(), essay()]
    for question in questions:
        url = reverse("question_preview", args=[question.pk])
        shown = trainer_client.get(url)
        data = {"layout": shown.context["layout_token"], "q1-shown": "1", "q1-text": "18", "q1-value": "true"}
        response = trainer_client.post(url, data)
        assert response.status_code == 200, question.title
