"""The question picker of the quiz editor: filters, several at once, escaped previews, scope."""

import json

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import querydict_from_html

from assessments import bank
from assessments.models import QuestionCategory, QuizPage
from lms import roles
from tests.factories import (
    UserFactory,
    add_quiz,
    build_course,
    course_author,
    essay,
    single_choice,
    true_false,
)

pytestmark = pytest.mark.django_db


# --- builders ---------------------------------------------------------------------------------


@pytest.fixture
def course():
    return build_course("Identifying victims", modules=1, lessons_per_module=1)


@pytest.fixture
def author(course):
    return course_author(course)


@pytest.fixture
def bank_questions():
    """Two categories, one nested: Indicators (a choice, a true/false) › Children (an essay)."""
    indicators = QuestionCategory.for_path(["Indicators"])
    children = QuestionCategory.for_path(["Indicators", "Children"])
    other = QuestionCategory.for_path(["Data protection"])
    return {
        "passport": single_choice("Who keeps the passport?", category=indicators),
        "consent": true_false("Consent of a child matters"),
        "interview": essay("Describe a child-friendly interview", category=children),
        "gdpr": single_choice("Which data is sensitive?", right="Health", wrong=("Name",), category=other),
    }


@pytest.fixture
def quiz(course, bank_questions):
    return add_quiz(course, [bank_questions["passport"]], title="Check your knowledge")


def new_version(question, **changes):
    """Version 2 of a question, as ``bank.save_edit`` makes once an attempt has shown version 1."""
    from assessments.models import Question

    current = type(question).objects.get(pk=question.pk)
    Question.objects.filter(pk=current.pk).update(is_current=False)
    copy = bank._as_new_row(current)
    copy.version += 1
    copy.is_current = True
    for name, value in changes.items():
        setattr(copy, name, value)
    copy.save()
    return copy


def edit_url(quiz):
    return reverse("wagtailadmin_pages:edit", args=[quiz.pk])


def edit_form(client, quiz) -> dict:
    """The quiz's edit form as the browser submits it (every formset included)."""
    html = client.get(edit_url(quiz)).content.decode()
    data = querydict_from_html(html, form_id="page-edit-form").dict()
    return data


def add_slots(data: dict, questions) -> dict:
    """What "Add questions" leaves in the form after choosing these questions."""
    start = int(data["slots-TOTAL_FORMS"])
    for offset, question in enumerate(questions):
        i = start + offset
        data.update({f"slots-{i}-id": "", f"slots-{i}-question": str(question.pk), f"slots-{i}-mark": "", f"slots-{i}-ORDER": str(i + 1), f"slots-{i}-DELETE": ""})
    data["slots-TOTAL_FORMS"] = str(start + len(questions))
    return data


def add_random(data: dict, category, count, *, subcategories=True, mark="") -> dict:
    i = int(data["random_slots-TOTAL_FORMS"])
    data.update(
        {
            f"random_slots-{i}-id": "",
            f"random_slots-{i}-category": str(category.pk),
            f"random_slots-{i}-count": str(count),
            f"random_slots-{i}-mark": mark,
            f"random_slots-{i}-ORDER": str(i + 1),
            f"random_slots-{i}-DELETE": "",
        }
    )
    if subcategories:
        data[f"random_slots-{i}-include_subcategories"] = "on"
    data["random_slots-TOTAL_FORMS"] = str(i + 1)
    return data


def save_draft(client, quiz, data):
    return client.post(edit_url(quiz), data)


def picker(client, **params):
    """The picker's listing (what a filter change or a search reloads)."""
    response = client.get(reverse("question_chooser:choose_results"), params)
    assert response.status_code == 200
    return response.content.decode()


# --- the editor -------------------------------------------------------------------------------


def test_the_quiz_editor_adds_questions_through_the_picker(client, author, quiz):
    client.force_login(author)
    html = client.get(edit_url(quiz)).content.decode()
    assert reverse("question_chooser:choose") in html  # the chooser the "Add questions" button opens
    assert "Try as a trainee" in html and reverse("quiz_preview", args=[quiz.pk]) in html
    modal = client.get(reverse("question_chooser:choose"), {"multiple": "1"})
    body = json.loads(modal.content)["html"]
    assert 'name="q"' in body and 'name="category"' in body and 'name="kind"' in body
    assert 'type="checkbox"' in body and "Confirm selection" in body


# --- filters ----------------------------------------------------------------------------------


def test_the_picker_filters_by_category_with_its_subcategories(client, author, bank_questions):
    client.force_login(author)
    indicators = QuestionCategory.for_path(["Indicators"])
    html = picker(client, category=indicators.pk)
    assert "Who keeps the passport?" in html and "Describe a child-friendly interview" in html
    assert "Which data is sensitive?" not in html


def test_the_picker_filters_by_type(client, author, bank_questions):
    client.force_login(author)
    html = picker(client, kind="essay")
    assert "Describe a child-friendly interview" in html
    assert "Who keeps the passport?" not in html and "Consent of a child matters" not in html


def test_the_picker_searches_titles_and_question_text(client, author, bank_questions):
    client.force_login(author)
    bank_questions["gdpr"].stem = "<p>Under the data protection law, which is <em>special</em>?</p>"
    bank_questions["gdpr"].save()
    assert "Which data is sensitive?" in picker(client, q="special")
    html = picker(client, q="passport")
    assert "Who keeps the passport?" in html and "Which data is sensitive?" not in html


def test_the_picker_combines_filters(client, author, bank_questions):
    client.force_login(author)
    indicators = QuestionCategory.for_path(["Indicators"])
    html = picker(client, category=indicators.pk, kind="single_choice")
    assert "Who keeps the passport?" in html
    assert "Describe a child-friendly interview" not in html and "Which data is sensitive?" not in html


def test_the_picker_shows_only_current_versions(client, author, bank_questions):
    old = bank_questions["passport"]
    new = new_version(old, title="Who keeps the passport? (v2)")
    client.force_login(author)
    html = picker(client, multiple="1")
    assert reverse("question_preview", args=[new.pk]) in html
    assert reverse("question_preview", args=[old.pk]) not in html


def test_each_row_previews_the_question_and_its_answers_escaped(client, author):
    hostile = single_choice(
        "Hostile text", right="<script>alert('answer')</script>", wrong=("<b>bold</b>",),
    )
    hostile.stem = "<p>Is <img src=x onerror=alert(1)> a sign?</p>"
    hostile.save()
    client.force_login(author)
    html = picker(client, q="Hostile")
    assert "Is  a sign?" in html or "Is a sign?" in html
    assert "&lt;script&gt;alert(&#x27;answer&#x27;)&lt;/script&gt;" in html and "&lt;b&gt;bold&lt;/b&gt;" in html
    assert "<script>alert" not in html and "onerror" not in html and "<b>bold" not in html
    assert reverse("question_preview", args=[hostile.pk]) in html


# --- several at once --------------------------------------------------------------------------


def test_several_questions_chosen_at_once_come_back_together(client, author, bank_questions):
    client.force_login(author)
    ids = [bank_questions["consent"].pk, bank_questions["interview"].pk]
    response = client.get(reverse("question_chooser:chosen_multiple"), {"id": ids, "multiple": "1"})
    result = json.loads(response.content)["result"]
    assert sorted(int(item["id"]) for item in result) == sorted(ids)
    assert {item["title"] for item in result} == {"Consent of a child matters", "Describe a child-friendly interview"}


def test_questions_added_with_the_picker_are_saved_in_order(client, author, quiz, bank_questions):
    client.force_login(author)
    data = add_slots(edit_form(client, quiz), [bank_questions["consent"], bank_questions["interview"]])
    response = save_draft(client, quiz, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    draft = QuizPage.objects.get(pk=quiz.pk).get_latest_revision_as_object()
    assert [slot.question.title for slot in draft.slots.all()] == [
        "Who keeps the passport?", "Consent of a child matters", "Describe a child-friendly interview"
    ]


# --- scope ------------------------------------------------------------------------------------


def page_editor_without_the_bank(course):
    """Someone who may open the admin and edit the course's pages, but is no trainer: the bank is not theirs."""
    from django.contrib.auth.models import Permission

    editor = UserFactory()
    roles.ensure_roles()
    roles.grant_course_authoring(course=course, user=editor)
    editor.user_permissions.add(Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"))
    return editor


def test_someone_without_the_question_bank_sees_an_empty_picker(client, course, bank_questions):
    client.force_login(page_editor_without_the_bank(course))
    response = client.get(reverse("question_chooser:choose_results"))
    assert "Who keeps the passport?" not in response.content.decode()
    chosen = client.get(reverse("question_chooser:chosen", args=[bank_questions["passport"].pk]))
    assert chosen.status_code in (302, 403, 404)


def test_a_question_outside_the_picker_cannot_be_posted_by_id(client, course, quiz, bank_questions):
    client.force_login(page_editor_without_the_bank(course))
    revisions = quiz.revisions.count()
    data = add_slots(edit_form(client, quiz), [bank_questions["gdpr"]])
    response = save_draft(client, quiz, data)
    assert response.status_code == 200
    assert "Choose a question from the question bank" in response.content.decode()
    assert quiz.revisions.count() == revisions
    assert list(QuizPage.objects.get(pk=quiz.pk).slots.values_list("question_id", flat=True)) == [bank_questions["passport"].pk]


def test_an_old_version_cannot_be_added_by_posting_its_id(client, author, quiz, bank_questions):
    old = bank_questions["consent"]
    new_version(old, title="Consent of a child matters (v2)")
    client.force_login(author)
    revisions = quiz.revisions.count()
    response = save_draft(client, quiz, add_slots(edit_form(client, quiz), [old]))
    assert response.status_code == 200
    assert "Choose a question from the question bank" in response.content.decode()
    assert quiz.revisions.count() == revisions


def test_a_slot_already_on_an_old_version_still_saves(client, author, quiz, bank_questions):
    """Versions move on after attempts; the quiz keeps working and its editor keeps saving."""
    new_version(bank_questions["passport"], title="Who keeps the passport? (v2)")
    client.force_login(author)
    response = save_draft(client, quiz, edit_form(client, quiz))
    assert response.status_code == 302, response.content.decode()[:3000]


def test_a_missing_question_id_is_refused(client, author, quiz):
    client.force_login(author)
    data = add_slots(edit_form(client, quiz), [])
    i = int(data["slots-TOTAL_FORMS"])
    data.update({f"slots-{i}-id": "", f"slots-{i}-question": "999999", f"slots-{i}-mark": "", f"slots-{i}-ORDER": str(i + 1), f"slots-{i}-DELETE": ""})
    data["slots-TOTAL_FORMS"] = str(i + 1)
    revisions = quiz.revisions.count()
    response = save_draft(client, quiz, data)
    assert response.status_code == 200 and quiz.revisions.count() == revisions
