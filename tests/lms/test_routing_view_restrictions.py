"""Privacy set on a page in the admin (login, groups, password) holds for the page and everything
under it, though the fast routing answers Wagtail's restriction check itself when none applies."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import PageViewRestriction

from content.models import StandardPage
from courses import services
from tests.factories import UserFactory, build_course, lesson_body, lessons_of, site_tree

pytestmark = pytest.mark.django_db


@pytest.fixture
def course_and_trainee(client):
    course = build_course("Identifying victims", modules=2, lessons_per_module=2)
    trainee = UserFactory()
    services.enrol(trainee=trainee, course=course)
    client.force_login(trainee)
    return course, trainee


def restrict(page, restriction_type, **fields):
    restriction = PageViewRestriction.objects.create(page=page, restriction_type=restriction_type, **fields)
    return restriction


def asks_to_sign_in(response):
    return response.status_code == 302 and "/accounts/login/?next=" in response["Location"]


def test_an_unrestricted_lesson_opens_for_its_enrolled_trainee(client, course_and_trainee):
    course, _trainee = course_and_trainee
    response = client.get(lessons_of(course)[2].url)
    assert response.status_code == 200
    assert "Lesson 3" in response.content.decode()


def test_a_restriction_on_the_course_closes_its_lessons_at_once(client, course_and_trainee):
    course, _trainee = course_and_trainee
    lesson = lessons_of(course)[2]
    assert client.get(lesson.url).status_code == 200  # seen once: nothing of it may linger

    restriction = restrict(course, PageViewRestriction.GROUPS)
    restriction.groups.set([Group.objects.create(name="Border officers")])

    response = client.get(lesson.url)
    assert asks_to_sign_in(response)
    assert "Lesson 3" not in response.content.decode()


def test_a_password_on_a_module_asks_for_it_before_showing_the_lesson(client, course_and_trainee):
    course, _trainee = course_and_trainee
    lesson = lessons_of(course)[2]  # module 2
    restrict(lesson.get_parent(), PageViewRestriction.PASSWORD, password="partners")

    response = client.get(lesson.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert 'name="password"' in html and "A lesson about indicators" not in html
    # The other module stays open.
    assert client.get(lessons_of(course)[0].url).status_code == 200


def test_a_login_restriction_on_the_home_page_closes_every_page_to_visitors(client):
    course = build_course("Identifying victims", modules=1, lessons_per_module=1)
    home, index = site_tree()
    restrict(home, PageViewRestriction.LOGIN)
    client.logout()
    assert asks_to_sign_in(client.get(index.url))
    assert asks_to_sign_in(client.get(course.url))


def test_a_group_restriction_lets_members_in_and_keeps_the_others_out(client, course_and_trainee):
    course, trainee = course_and_trainee
    lesson = lessons_of(course)[0]
    officers = Group.objects.create(name="Border officers")
    restrict(lesson, PageViewRestriction.GROUPS).groups.set([officers])
    assert asks_to_sign_in(client.get(lesson.url))

    trainee.groups.add(officers)
    assert client.get(lesson.url).status_code == 200

    other = UserFactory()
    services.enrol(trainee=other, course=course)
    client.force_login(other)
    assert asks_to_sign_in(client.get(lesson.url))


def test_an_alias_of_a_restricted_page_is_restricted_too(client):
    # Wagtail: an alias takes the restrictions of its source page, wherever it is published.
    home, _index = site_tree()
    section = home.add_child(instance=StandardPage(title="Partners", slug="partners", body=lesson_body("For partners.")))
    source = section.add_child(instance=StandardPage(title="Contacts", slug="contacts", body=lesson_body("Phone list.")))
    restrict(source, PageViewRestriction.PASSWORD, password="partners")
    alias = source.create_alias(parent=home, update_slug="contacts-alias")

    response = client.get(alias.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'name="password"' in html and "Phone list" not in html


def test_a_restricted_course_stays_restricted_under_another_language(client, course_and_trainee):
    course, _trainee = course_and_trainee
    restrict(course, PageViewRestriction.LOGIN)
    client.logout()
    lesson = lessons_of(course)[0]
    # No French version of the course: the English lesson is served under /fr/.
    assert asks_to_sign_in(client.get(lesson.url.replace("/en/", "/fr/", 1)))
    assert asks_to_sign_in(client.get(lesson.url))
