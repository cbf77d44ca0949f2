"""The editor's side preview panel shows the edit just made, and the saved page stays as it was."""

import pytest
from django.urls import reverse

from assessments.models import QuizPage
from courses.models import LessonPage
from tests.content.admin_forms import form_data
from tests.factories import add_quiz, build_course, course_author, lessons_of, true_false

pytestmark = pytest.mark.django_db

NEW_INTRO = (
    '{"blocks":[{"key":"a","type":"unstyled","depth":0,"text":"An edited introduction.",'
    '"inlineStyleRanges":[],"entityRanges":[]}],"entityMap":{}}'
)


@pytest.fixture
def course():
    return build_course("Identifying victims", modules=1, lessons_per_module=1)


@pytest.fixture
def quiz(course):
    quiz = add_quiz(course, [true_false()], intro="<p>The first introduction.</p>", time_limit_minutes=20)
    quiz.save_revision()
    return quiz


def preview_in_panel(client, page, **changes) -> str:
    """Post the edit form as the side panel does on each change, then load the panel's frame."""
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])
    answer = client.post(url, form_data(client, page, **changes))
    assert answer.status_code == 200 and answer.json()["is_valid"], answer.content
    response = client.get(url, {"in_preview_panel": "true"})
    assert response.status_code == 200
    return response.content.decode()


def test_the_quiz_preview_shows_each_edit_and_saves_nothing(client, course, quiz):
    client.force_login(course_author(course))
    html = preview_in_panel(client, quiz, title="Spotting the signs", intro=NEW_INTRO, time_limit_minutes="45", pass_mark="55")
    assert "<h1>Spotting the signs</h1>" in html and "An edited introduction." in html
    assert "Time limit: 45 minutes." in html and "Pass mark: 55%" in html
    assert "The first introduction." not in html
    # A second edit replaces the first in the panel.
    html = preview_in_panel(client, quiz, title="Spotting the signs, again", **{"slots-0-DELETE": "1"})
    assert "<h1>Spotting the signs, again</h1>" in html and "0 questions" in html
    saved = QuizPage.objects.get(pk=quiz.pk)
    assert (saved.title, saved.time_limit_minutes, saved.pass_mark, saved.slots.count()) == ("Check your knowledge", 20, 70, 1)
    assert "The first introduction." in saved.intro
    assert saved.get_latest_revision().as_object().title == "Check your knowledge"


def test_the_lesson_preview_names_the_edited_lesson_in_its_outline_too(client, course):
    lesson = lessons_of(course)[0]
    lesson.save_revision()
    client.force_login(course_author(course))
    html = preview_in_panel(client, lesson, title="What a victim may say", summary="New summary")
    assert "<h1>What a victim may say</h1>" in html
    outline = html[html.index('class="outline"'):]
    assert "<span>What a victim may say</span>" in outline and "Lesson 1" not in outline
    assert LessonPage.objects.get(pk=lesson.pk).title == "Lesson 1"


def test_someone_who_may_not_edit_the_course_gets_no_preview(client, course, quiz):
    other = course_author(build_course("Another course", slug="another-course"))
    client.force_login(other)
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[quiz.pk])
    assert client.post(url, {"title": "Hijacked"}).status_code in (302, 403, 404)
    assert client.get(url).status_code in (302, 403, 404)
