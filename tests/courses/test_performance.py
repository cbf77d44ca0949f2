"""Hot pages use a fixed number of queries, whatever the size of the course."""

import pytest

from courses import services
from tests.factories import UserFactory, build_course, lessons_of

pytestmark = pytest.mark.django_db

# Route (2: ancestors by URL path with the view-restriction check, specific page), session, user,
# enrolment, outline with the round's lesson completions.
LESSON_PAGE_QUERIES = 6


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


# Session, user, route (2, with the view-restriction check), round, outline with the round's
# lesson completions, audiences, translations. The breadcrumb's catalogue comes from the route.
COURSE_PAGE_QUERIES = 8


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
