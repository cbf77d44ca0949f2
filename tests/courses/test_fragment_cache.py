"""The lesson page's cached fragments (body, outline) never show what this request should not."""

import json

import pytest
from django.urls import reverse

from courses import services
from tests.factories import UserFactory, build_course, course_author, lessons_of

pytestmark = pytest.mark.django_db


def case_study_body(title):
    return json.dumps(
        [
            {"type": "text", "value": f"<p>{title}: the text of the lesson.</p>"},
            {
                "type": "case_study",
                "value": {"title": title, "scenario": "<p>A bus station at night.</p>", "question": "What do you ask?"},
            },
        ]
    )


@pytest.fixture
def course():
    return build_course("Identifying victims", modules=1, lessons_per_module=3)


def enrolled(client, course):
    trainee = UserFactory()
    services.enrol(trainee=trainee, course=course)
    client.force_login(trainee)
    return trainee


def done_marks(html: str) -> int:
    return html.count('class="lesson done')


def test_one_trainees_progress_never_shows_on_anothers_page(client, course):
    first, second, _third = lessons_of(course)
    enrolled(client, course)
    client.post(reverse("complete_lesson", args=[first.pk]))
    html = client.get(second.url).content.decode()
    assert done_marks(html) == 1

    enrolled(client, course)  # another trainee, who has done nothing
    html = client.get(second.url).content.decode()
    assert done_marks(html) == 0
    assert "(completed)" not in html


def test_completing_a_lesson_shows_at_once_on_the_next_view(client, course):
    first, second, _third = lessons_of(course)
    enrolled(client, course)
    assert done_marks(client.get(second.url).content.decode()) == 0
    client.post(reverse("complete_lesson", args=[first.pk]))
    assert done_marks(client.get(second.url).content.decode()) == 1


def test_the_current_lesson_is_marked_on_each_lesson(client, course):
    first, second, _third = lessons_of(course)
    enrolled(client, course)
    for lesson in (first, second, first):
        html = client.get(lesson.url).content.decode()
        assert html.count('aria-current="page"') == 1
        assert f'<a href="{lesson.url}" aria-current="page">' in html


def test_a_published_revision_is_shown_at_once_and_a_draft_never(client, course):
    lesson = lessons_of(course)[1]
    lesson.body = case_study_body("First version")
    lesson.save_revision().publish()
    enrolled(client, course)
    assert "First version" in client.get(lesson.url).content.decode()

    lesson.body = case_study_body("Draft in progress")
    lesson.save_revision()  # saved, not published
    html = client.get(lesson.url).content.decode()
    assert "First version" in html and "Draft in progress" not in html

    lesson.body = case_study_body("Second version")
    lesson.save_revision().publish()
    html = client.get(lesson.url).content.decode()
    assert "Second version" in html and "First version" not in html


def test_a_preview_of_a_draft_does_not_reach_the_trainees(client, course):
    lesson = lessons_of(course)[1]
    lesson.body = case_study_body("Published text")
    lesson.save_revision().publish()
    lesson.body = case_study_body("Draft text")
    lesson.save_revision()
    client.force_login(course_author(course))
    preview = client.get(reverse("wagtailadmin_pages:view_draft", args=[lesson.pk]))
    assert "Draft text" in preview.content.decode()

    enrolled(client, course)
    html = client.get(lesson.url).content.decode()
    assert "Published text" in html and "Draft text" not in html


def test_each_interface_language_gets_its_own_rendering(client, course):
    lesson = lessons_of(course)[1]
    lesson.body = case_study_body("Bus station")
    lesson.save_revision().publish()
    enrolled(client, course)
    english_url = lesson.url
    arabic_url = english_url.replace("/en/", "/ar/", 1)
    assert english_url != arabic_url

    english = client.get(english_url).content.decode()
    assert "Case study" in english and "دراسة حالة" not in english
    arabic = client.get(arabic_url).content.decode()
    assert arabic.count("دراسة حالة") == 1 and "Case study" not in arabic
    assert 'aria-label="Course outline"' not in arabic  # the outline in Arabic too
    english = client.get(english_url).content.decode()
    assert "Case study" in english and "دراسة حالة" not in english
    assert 'aria-label="Course outline"' in english
