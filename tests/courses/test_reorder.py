"""Course authors put the modules and lessons of their own courses in order, in Wagtail's explorer."""

import pytest
from django.urls import reverse
from wagtail.models import Page

from courses.models import ModulePage
from lms import roles
from tests.factories import UserFactory, add_quiz, build_course, true_false

pytestmark = pytest.mark.django_db


@pytest.fixture
def courses():
    mine = build_course("My course", modules=3, lessons_per_module=2)
    add_quiz(mine, [true_false()], title="Module quiz")
    theirs = build_course("Their course", modules=2, lessons_per_module=2)
    author = UserFactory(role=roles.TRAINER)
    roles.grant_course_authoring(course=mine, user=author)
    return {"mine": mine, "theirs": theirs, "author": author}


def titles(parent):
    return [page.title for page in Page.objects.get(pk=parent.pk).get_children()]


def set_position(client, page, position):
    return client.post(reverse("wagtailadmin_pages:set_page_position", args=[page.pk]) + f"?position={position}")


def refused(response) -> bool:
    """Wagtail's admin answers a PermissionDenied with a redirect to its dashboard and a message."""
    return response.status_code == 403 or (response.status_code == 302 and (response.url == "/admin/" or "/accounts/login/" in response.url))


def test_an_author_reorders_the_modules_of_their_course(client, courses):
    client.force_login(courses["author"])
    third = ModulePage.objects.child_of(courses["mine"]).get(title="Module 3")
    assert set_position(client, third, 0).status_code == 200
    assert titles(courses["mine"]) == ["Module 3", "Module 1", "Module 2"]


def test_an_author_reorders_the_lessons_and_quizzes_of_a_module(client, courses):
    client.force_login(courses["author"])
    module = ModulePage.objects.child_of(courses["mine"]).get(title="Module 3")
    assert titles(module) == ["Lesson 5", "Lesson 6", "Module quiz"]
    quiz = Page.objects.get(title="Module quiz")
    assert set_position(client, quiz, 0).status_code == 200
    lesson = Page.objects.get(title="Lesson 5")
    assert set_position(client, lesson, 2).status_code == 200
    assert titles(module) == ["Module quiz", "Lesson 6", "Lesson 5"]


def test_the_explorer_offers_the_author_to_sort_their_course(client, courses):
    client.force_login(courses["author"])
    mine = client.get(reverse("wagtailadmin_explore", args=[courses["mine"].pk]) + "?ordering=ord")
    assert mine.status_code == 200
    assert "data-w-orderable-item-label" in mine.content.decode()
    assert courses["mine"].permissions_for_user(courses["author"]).can_reorder_children()
    module = ModulePage.objects.child_of(courses["mine"]).first()
    assert Page.objects.get(pk=module.pk).permissions_for_user(courses["author"]).can_reorder_children()


def test_an_author_cannot_reorder_a_course_they_do_not_author(client, courses):
    client.force_login(courses["author"])
    theirs = courses["theirs"]
    second = ModulePage.objects.child_of(theirs).get(title="Module 2")
    assert refused(set_position(client, second, 0))
    lesson = Page.objects.descendant_of(theirs).get(title="Lesson 4")
    assert refused(set_position(client, lesson, 0))
    assert titles(theirs) == ["Module 1", "Module 2"]
    assert titles(second) == ["Lesson 3", "Lesson 4"]
    assert not theirs.permissions_for_user(courses["author"]).can_reorder_children()


def test_an_author_cannot_reorder_the_catalogue_nor_move_a_lesson_to_another_module(client, courses):
    """Reordering is not moving: a lesson changes module only with Wagtail's delete and publish rights."""
    client.force_login(courses["author"])
    assert refused(set_position(client, courses["mine"], 0))  # the catalogue's children: courses
    lesson = Page.objects.descendant_of(courses["mine"]).get(title="Lesson 1")
    other_module = ModulePage.objects.child_of(courses["mine"]).get(title="Module 2")
    assert refused(client.post(reverse("wagtailadmin_pages:move_confirm", args=[lesson.pk, other_module.pk])))
    assert Page.objects.get(pk=lesson.pk).get_parent().title == "Module 1"


def test_a_trainer_without_authoring_and_a_trainee_cannot_reorder(client, courses):
    module = ModulePage.objects.child_of(courses["mine"]).get(title="Module 2")
    for user in (UserFactory(role=roles.TRAINER), UserFactory(role=roles.TRAINEE)):
        client.force_login(user)
        assert refused(set_position(client, module, 0))
    assert titles(courses["mine"]) == ["Module 1", "Module 2", "Module 3"]


def test_an_inactive_author_cannot_reorder(courses):
    author = courses["author"]
    author.is_active = False
    assert not courses["mine"].permissions_for_user(author).can_reorder_children()
