"""The outline reads the round's completions in its own query: only that round's, of that trainee."""

import pytest

from courses import services
from tests.factories import UserFactory, build_course, lessons_of

pytestmark = pytest.mark.django_db


def marks(response):
    """Lesson titles the page shows as done, and the progress it shows."""
    outline = response.context["outline"]
    done = [item.title for module in outline for item in module.lessons if item.is_done]
    return done, response.context["progress"].completed


def test_the_lesson_page_shows_the_readers_own_completions(client):
    course = build_course("Identifying victims", modules=1, lessons_per_module=3)
    first, second, third = lessons_of(course)
    reader, classmate = UserFactory(), UserFactory()
    services.complete_lesson(enrolment=services.enrol(trainee=classmate, course=course), lesson=first)
    services.complete_lesson(enrolment=services.enrol(trainee=classmate, course=course), lesson=second)
    services.complete_lesson(enrolment=services.enrol(trainee=reader, course=course), lesson=second)
    client.force_login(reader)

    assert marks(client.get(third.url)) == (["Lesson 2"], 1)
    assert marks(client.get(course.url)) == (["Lesson 2"], 1)


def test_a_new_round_starts_with_nothing_done(client):
    course = build_course("Identifying victims", modules=1, lessons_per_module=2)
    first, second = lessons_of(course)
    trainee = UserFactory()
    round_one = services.enrol(trainee=trainee, course=course)
    services.complete_lesson(enrolment=round_one, lesson=first)
    services.complete_lesson(enrolment=round_one, lesson=second)
    services.enrol(trainee=trainee, course=course, new_round=True)
    client.force_login(trainee)

    assert marks(client.get(second.url)) == ([], 0)
    assert marks(client.get(course.url)) == ([], 0)
