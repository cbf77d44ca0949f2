"""One enrolment, whatever the language: a half-translated course is not complete halfway."""

import pytest
from django.urls import reverse

from courses import selectors, services
from courses.models import Enrolment
from tests.factories import UserFactory, build_course, lessons_of, translate_page

pytestmark = pytest.mark.django_db


def translate(page, language, title):
    return translate_page(page, language, title=title)


@pytest.fixture
def course():
    course = build_course("Identifying victims", modules=2, lessons_per_module=2)
    course.save_revision().publish()
    return course


@pytest.fixture
def russian(course):
    """The course page, its first module and that module's two lessons in Russian; the rest not yet."""
    russian = translate(course, "ru", "Выявление жертв")
    module = course.get_children().first()
    translate(module, "ru", "Модуль 1")
    first, second = lessons_of(course)[:2]
    translate(first, "ru", "Урок 1")
    translate(second, "ru", "Урок 2")
    return russian


def test_the_outline_of_a_partial_translation_keeps_the_pages_not_yet_translated(course, russian):
    outline = selectors.course_outline(russian)
    assert [module.page.title for module in outline] == ["Модуль 1", "Module 2"]
    assert [item.title for module in outline for item in module.lessons] == ["Урок 1", "Урок 2", "Lesson 3", "Lesson 4"]


def test_reading_the_translated_half_does_not_complete_the_course(client, course, russian):
    trainee = UserFactory()
    services.enrol(trainee=trainee, course=russian)
    client.force_login(trainee)
    for lesson in lessons_of(russian):
        client.post(reverse("complete_lesson", args=[lesson.pk]))
    enrolment = Enrolment.objects.get(trainee=trainee)
    assert enrolment.status != Enrolment.Status.COMPLETED
    assert enrolment.progress_percent == 50
    # The untranslated lessons are on the Russian course page, and finishing them completes it.
    html = client.get(russian.url).content.decode()
    assert "Lesson 3" in html and "Lesson 4" in html
    for lesson in lessons_of(course)[2:]:
        client.post(reverse("complete_lesson", args=[lesson.pk]))
    enrolment.refresh_from_db()
    assert enrolment.status == Enrolment.Status.COMPLETED


def test_progress_follows_the_trainee_across_translations(client, course, russian):
    trainee = UserFactory()
    services.enrol(trainee=trainee, course=course)
    client.force_login(trainee)
    client.post(reverse("complete_lesson", args=[lessons_of(course)[0].pk]))
    # Done in English, shown done in Russian: one enrolment, one set of completions.
    assert services.enrol(trainee=trainee, course=russian) == Enrolment.objects.get(trainee=trainee)
    enrolment = Enrolment.objects.get(trainee=trainee)
    assert selectors.progress_of(enrolment=enrolment, course=russian).completed == 1
    assert selectors.progress_of(enrolment=enrolment, course=course).completed == 1
