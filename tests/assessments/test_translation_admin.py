"""The bank's translation screen: source beside the fields, the bank's people only, hostile posts refused."""

import json

import pytest
from django.urls import reverse

from assessments import bank
from assessments.models import Question, QuestionTranslation, SingleChoiceQuestion
from lms import roles
from tests.factories import UserFactory, single_choice

pytestmark = pytest.mark.django_db


def rich(text: str) -> str:
    """What the rich text editor sends for one paragraph."""
    block = {"key": "a1b2c", "text": text, "type": "unstyled", "depth": 0, "inlineStyleRanges": [], "entityRanges": [], "data": {}}
    return json.dumps({"blocks": [block], "entityMap": {}})


@pytest.fixture
def trainer(client):
    user = UserFactory(role=roles.TRAINER, is_superuser=True)
    client.force_login(user)
    return user


@pytest.fixture
def question():
    return single_choice()


def url(question, language="ar"):
    return reverse("question_translate", args=[question.pk, language])


def option_field(question, number=0, part="text"):
    return f"option__{question.option_ids()[number]}__{part}"


def test_the_screen_shows_the_source_beside_the_fields(client, trainer, question):
    response = client.get(url(question))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Employer keeps the passport" in page and "Yes: control of documents." in page
    assert f'name="{option_field(question)}"' in page and f'name="{option_field(question, 0, "feedback")}"' in page
    assert 'lang="ar" dir="auto"' in page
    assert "fraction" not in page  # the key is never offered


def test_saving_stores_the_texts_made_from_the_current_version(client, trainer, question):
    response = client.post(
        url(question),
        {"stem": rich("ما المؤشر؟"), "general_feedback": rich(""), option_field(question): "صاحب العمل يحتفظ بجواز السفر"},
    )
    assert response.status_code == 302
    translation = QuestionTranslation.objects.get(family=question.family, language="ar")
    assert "ما المؤشر؟" in translation.stem and translation.general_feedback == ""
    assert translation.options == {question.option_ids()[0]: {"text": "صاحب العمل يحتفظ بجواز السفر"}}
    assert (translation.source_version, translation.translated_by) == (1, trainer)


def test_an_unknown_answer_id_is_refused_with_a_message_and_nothing_is_saved(client, trainer, question):
    response = client.post(url(question), {"stem": rich("x"), "general_feedback": rich(""), "option__forged-id__text": "x"})
    assert response.status_code == 200
    assert "Nothing was saved" in response.content.decode() and "not in the current version" in response.content.decode()
    assert not QuestionTranslation.objects.exists()


def test_a_huge_text_is_refused_with_a_message_and_nothing_is_saved(client, trainer, question):
    response = client.post(url(question), {"stem": rich("x"), "general_feedback": rich(""), option_field(question): "ب" * 5000})
    assert "longer than 500 characters" in response.content.decode()
    response = client.post(url(question), {"stem": rich("ب" * 25_000), "general_feedback": rich("")})
    assert "longer than 20,000 characters" in response.content.decode()
    assert not QuestionTranslation.objects.exists()


def test_a_stem_not_in_the_editors_format_is_refused(client, trainer, question):
    response = client.post(url(question), {"stem": "<p>raw html{", "general_feedback": ""})
    assert response.status_code == 200 and "not in the editor&#x27;s format" in response.content.decode()
    assert not QuestionTranslation.objects.exists()


def test_trainees_are_refused_and_unknown_questions_or_languages_are_not_found(client, trainer, question):
    assert client.get(url(question, "xx"), follow=True).status_code == 404
    assert client.get(url(question, "en"), follow=True).status_code == 404  # the bank's own language
    assert client.get(reverse("question_translate", args=[question.pk + 1000, "ar"]), follow=True).status_code == 404
    client.force_login(UserFactory())
    for response in (client.get(url(question)), client.post(url(question), {"stem": rich("x"), "general_feedback": rich("")})):
        assert response.status_code in (302, 403)  # the admin sends a trainee away or refuses
    assert client.get(url(question), follow=True).status_code in (200, 403)
    assert "Employer keeps the passport" not in client.get(url(question), follow=True).content.decode()
    assert not QuestionTranslation.objects.exists()


def test_an_old_version_opens_the_current_one_and_an_outdated_translation_is_flagged(client, trainer, question):
    bank.save_translation(question=question, language="es", stem="<p>¿Cuál?</p>", general_feedback="", options={})
    current = SingleChoiceQuestion.objects.get(pk=question.pk)
    Question.objects.filter(pk=current.pk).update(is_current=False)
    version_2 = SingleChoiceQuestion.objects.create(
        family=current.family, version=2, category=current.category, title=current.title,
        stem="<p>Which one is an indicator?</p>", choices=json.dumps(list(current.choices.raw_data)),
    )
    response = client.get(url(question, "es"))
    assert response.context["question"].pk == version_2.pk
    page = response.content.decode()
    assert "Out of date" in page and "made from version 1" in page
    assert "Changed since the translation; it was:" in page and "Which is an indicator?" in page


def test_the_listing_shows_each_questions_languages_and_out_of_date_state(client, trainer, question, django_assert_max_num_queries):
    other = single_choice(title="Second question")
    bank.save_translation(question=question, language="ar", stem="<p>؟</p>", general_feedback="", options={})
    bank.save_translation(question=other, language="es", stem="<p>¿?</p>", general_feedback="", options={})
    QuestionTranslation.objects.filter(language="es").update(source_version=0)  # as if made from an older version
    response = client.get(reverse("singlechoicequestion:index"))
    page = response.content.decode()
    assert reverse("question_translate", args=[question.pk, "ar"]) in page
    cells = {q.title: dict(q.translation_states) for q in response.context["object_list"]}
    assert cells == {"Which is an indicator?": {"ar": False}, "Second question": {"es": True}}
    assert "out of date" in page
    # One query for the page's translations, however many there are.
    before = len(_queries(client))
    for translated in (question, other):
        bank.save_translation(question=translated, language="fr", stem="<p>Quel ?</p>", general_feedback="", options={})
    with django_assert_max_num_queries(before):
        client.get(reverse("singlechoicequestion:index"))


def _queries(client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        client.get(reverse("singlechoicequestion:index"))
    return captured.captured_queries
