"""Hot pages use a fixed number of queries, whatever the size of the course."""

import pytest

from courses import services
from courses.models import CourseIndexPage
from tests.factories import UserFactory, build_course, lessons_of

pytestmark = pytest.mark.django_db

# Content version (the route, the outline's pages and the site's roots are cached under it:
# lms.content_version), session, user, enrolment, the round's lesson completions.
LESSON_PAGE_QUERIES = 5


@pytest.mark.parametrize("modules, lessons_per_module", [(1, 5), (5, 10)])
def test_lesson_page_query_count_does_not_grow_with_the_course(client, django_assert_num_queries, modules, lessons_per_module):
    course = build_course(f"Course of {modules * lessons_per_module}", modules=modules, lessons_per_module=lessons_per_module)
    trainee = UserFactory()
    enrolment = services.enrol(trainee=trainee, course=course)
    lessons = lessons_of(course)
    services.complete_lesson(enrolment=enrolment, lesson=lessons[0])
    client.force_login(trainee)
    client.get(lessons[2].url)  # warm: records the visit
    with django_assert_num_queries(LESSON_PAGE_QUERIES):
        response = client.get(lessons[2].url)
    assert response.status_code == 200


# Content version (route, outline pages, audiences and translations cached under it), session,
# user, round, the round's lesson completions. The breadcrumb's catalogue comes from the route.
COURSE_PAGE_QUERIES = 5


@pytest.mark.parametrize("modules, lessons_per_module", [(1, 5), (5, 10)])
def test_course_page_query_count_does_not_grow_with_the_course(client, django_assert_num_queries, modules, lessons_per_module):
    course = build_course(f"Course of {modules * lessons_per_module}", modules=modules, lessons_per_module=lessons_per_module)
    trainee = UserFactory()
    services.enrol(trainee=trainee, course=course)
    client.force_login(trainee)
    client.get(course.url)
    with django_assert_num_queries(COURSE_PAGE_QUERIES):
        response = client.get(course.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert '<a href="/en/courses/">' in html  # the breadcrumb to the catalogue


# Content version (route and catalogue cached under it), session, user.
CATALOGUE_QUERIES = 3


def test_catalogue_query_count_does_not_grow_with_the_courses(client, django_assert_num_queries):
    for number in range(3):
        build_course(f"Course {number}", modules=1, lessons_per_module=2)
    client.force_login(UserFactory())
    index = CourseIndexPage.objects.get()
    client.get(index.url)
    with django_assert_num_queries(CATALOGUE_QUERIES):
        response = client.get(index.url)
    assert response.status_code == 200
    assert response.content.decode().count('class="course-card"') == 3


def test_the_first_lesson_page_after_a_change_reads_everything_once(client, django_assert_num_queries):
    # Content version, session, user, the site and its roots (2), route (2), enrolment, outline
    # with the round's completions, the site's branding: each read once after a change, whatever
    # the size of the course.
    course = build_course("Course of 10", modules=2, lessons_per_module=5)
    trainee = UserFactory()
    services.enrol(trainee=trainee, course=course)
    lessons = lessons_of(course)
    client.force_login(trainee)
    client.get(lessons[2].url)  # records the visit
    lessons[0].save_revision().publish()  # a new content version: nothing cached applies
    with django_assert_num_queries(10):
        response = client.get(lessons[2].url)
    assert response.status_code == 200
