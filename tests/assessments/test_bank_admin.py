"""Importing and exporting questions in the admin: preview first, nothing half-imported."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from assessments.formats import parse_gift
from assessments.models import MultipleResponseQuestion, Question, QuestionCategory
from lms import roles
from lms.models import AuditLogEntry
from tests.factories import UserFactory, single_choice

pytestmark = pytest.mark.django_db

GIFT = """$CATEGORY: Demo/Indicators

::Documents::
Who should hold a worker's passport? {=The worker#Right. ~The employer#Control of documents is an indicator.}

::Signs::
Which are indicators of trafficking? {~%50%Debt bondage ~%50%Restricted movement ~%-100%A written contract}

::Age::
Under the Palermo Protocol a child is under {#18} years old.
"""


@pytest.fixture
def trainer_client(client):
    client.force_login(UserFactory(role=roles.TRAINER))
    return client


def upload(client, content, name="bank.gift"):
    data = content.encode() if isinstance(content, str) else content
    return client.post(reverse("question_import"), {"file": SimpleUploadedFile(name, data)})


def test_preview_then_confirm_imports_the_questions(trainer_client):
    preview = upload(trainer_client, GIFT)
    page = preview.content.decode()
    assert "Preview: 3 questions" in page and "Demo › Indicators" in page
    assert Question.objects.count() == 0
    response = trainer_client.post(reverse("question_import"), {"confirm": "1", "upload": preview.context["upload"]})
    assert response.status_code == 302
    assert Question.objects.count() == 3
    signs = MultipleResponseQuestion.objects.get(title="Signs")
    assert [c["fraction"] for c in signs.grading_spec()["choices"]] == [0.5, 0.5, -1.0]
    assert QuestionCategory.objects.get(name="Indicators").get_parent().name == "Demo"
    assert AuditLogEntry.objects.filter(action="questions.import").count() == 1
    # Confirming the same preview again imports nothing more.
    trainer_client.post(reverse("question_import"), {"confirm": "1", "upload": preview.context["upload"]})
    assert Question.objects.count() == 3


def test_errors_name_the_line_and_nothing_is_imported(trainer_client):
    page = upload(trainer_client, GIFT + "\n::Broken::\nA question without a right answer {~a ~b}\n").content.decode()
    assert "Line 12" in page and "nothing was imported" in page
    assert Question.objects.count() == 0


def test_xml_entities_are_never_resolved(trainer_client):
    xxe = b'<?xml version="1.0"?><!DOCTYPE quiz [<!ENTITY e SYSTEM "file:///etc/passwd">]><quiz><question type="essay"><name><text>&e;</text></name><questiontext format="html"><text>x</text></questiontext></question></quiz>'
    page = upload(trainer_client, xxe, name="bank.xml").content.decode()
    assert "root:" not in page
    assert "nothing was imported" in page
    assert Question.objects.count() == 0


def test_files_over_10_mb_are_refused(trainer_client):
    page = upload(trainer_client, b"x" * (10 * 1024 * 1024 + 1)).content.decode()
    assert "larger than 10 MB" in page


def test_export_gives_back_the_same_questions(trainer_client):
    preview = upload(trainer_client, GIFT)
    trainer_client.post(reverse("question_import"), {"confirm": "1", "upload": preview.context["upload"]})
    demo = QuestionCategory.objects.get(name="Demo")
    exported = trainer_client.get(reverse("question_export_gift", args=[demo.pk]))
    assert exported["Content-Disposition"] == 'attachment; filename="demo.gift"'
    again = parse_gift(exported.content.decode())
    original = parse_gift(GIFT)
    assert again.ok
    assert [(q.kind, q.title, q.category) for q in again.questions] == [(q.kind, q.title, q.category) for q in original.questions]
    assert [[(c.fraction) for c in q.choices] for q in again.questions] == [[c.fraction for c in q.choices] for q in original.questions]


def test_trainees_cannot_import(client):
    client.force_login(UserFactory())
    response = client.get(reverse("question_import"))
    assert response.status_code == 302 and response["Location"].startswith(reverse("account_login"))


def test_categories_nest_when_created_in_the_admin(client):
    admin = UserFactory(role=roles.ADMINISTRATOR, is_superuser=True)
    client.force_login(admin)
    add_url = reverse("questioncategory:add")
    assert client.post(add_url, {"name": "Legal framework"}).status_code == 302
    parent = QuestionCategory.objects.get(name="Legal framework")
    assert client.post(add_url, {"name": "Non-punishment", "parent": parent.pk}).status_code == 302
    assert QuestionCategory.objects.get(name="Non-punishment").get_parent() == parent


def test_a_trainer_previews_a_question_as_a_trainee_sees_it(trainer_client):
    question = single_choice()
    response = trainer_client.get(reverse("question_preview", args=[question.pk]))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Which is an indicator?" in page
    # The trainee's inputs carry per-preview tokens, never the database ids of the choices.
    assert 'type="radio"' in page
    for choice_id in question.option_ids():
        assert f'value="{choice_id}"' not in page
    # The author also sees the key and a way back to the editor.
    assert "For the author only" in page and "Employer keeps the passport" in page
    assert reverse("singlechoicequestion:edit", args=[question.pk]) in page


def test_the_bank_listing_links_each_question_to_its_preview(trainer_client):
    question = single_choice()
    listing = trainer_client.get(reverse("singlechoicequestion:index"))
    assert reverse("question_preview", args=[question.pk]) in listing.content.decode()


def test_trainees_cannot_preview_questions(client):
    question = single_choice()
    client.force_login(UserFactory())
    response = client.get(reverse("question_preview", args=[question.pk]))
    assert response.status_code == 302 and response["Location"].startswith(reverse("account_login"))


def test_an_unknown_question_preview_is_404(trainer_client):
    assert trainer_client.get(reverse("question_preview", args=[999999]), follow=True).status_code == 404


def empty_questions():
    """Each question type as a trainer may leave it: no answers, pairs, items or choices at all."""
    from assessments.models import QUESTION_TYPES

    category = QuestionCategory.for_path(["Drafts"])
    return [model.objects.create(category=category, title=f"Empty {model.kind}", stem="") for model in QUESTION_TYPES]


def numerical(*answers):
    from assessments.models import NumericalQuestion
    from tests.factories import stream

    values = [{"value": None, "tolerance": None, "low": None, "high": None, "fraction": "100", "feedback": "", **answer} for answer in answers]
    return NumericalQuestion.objects.create(
        category=QuestionCategory.for_path(["Drafts"]), title="How many?", stem="<p>How many?</p>", answers=stream("answer", values)
    )


def test_no_question_preview_fails_whatever_its_state(trainer_client):
    questions = [
        *empty_questions(),
        numerical({}),  # an answer without a value: "any number"
        numerical({"low": "10"}),  # a range with one end only
        numerical({"value": "18", "tolerance": None}),
    ]
    for question in questions:
        response = trainer_client.get(reverse("question_preview", args=[question.pk]))
        assert response.status_code == 200, question.title
        assert question.title in response.content.decode()


@pytest.mark.parametrize(
    ("answers", "key"),
    [
        ([{"value": "18"}], "18"),
        ([{"value": "2000", "tolerance": "1"}], "2000 ± 1"),
        ([{"low": "10", "high": "12"}], "10–12"),
        ([{}], "Any number"),
        ([{"low": "10"}], "Any number"),
        ([{"value": "5", "fraction": "50"}], ""),
    ],
)
def test_the_key_of_a_numerical_question_says_what_grading_accepts(answers, key):
    from assessments.selectors import right_answer_text

    assert right_answer_text(numerical(*answers)) == key
