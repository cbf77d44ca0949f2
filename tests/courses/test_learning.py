"""Enrolling, reading lessons, progress and completion, as a trainee experiences them."""

import pytest
from django.urls import reverse

from courses import services
from courses.models import Enrolment, LessonCompletion
from tests.factories import OrganisationFactory, UserFactory, build_course, lessons_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def course():
    return build_course()


@pytest.fixture
def trainee():
    return UserFactory()


def test_enrol_button_opens_the_first_lesson(client, course, trainee):
    client.force_login(trainee)
    response = client.post(reverse("enrol", args=[course.pk]))
    assert response.status_code == 302
    assert response["Location"] == lessons_of(course)[0].url
    enrolment = Enrolment.objects.get(trainee=trainee)
    assert enrolment.course_key == course.translation_key
    assert enrolment.round == 1


def test_double_click_on_enrol_gives_one_enrolment(client, course, trainee):
    client.force_login(trainee)
    client.post(reverse("enrol", args=[course.pk]))
    client.post(reverse("enrol", args=[course.pk]))
    assert Enrolment.objects.filter(trainee=trainee).count() == 1


def test_enrolment_keeps_the_workplace_at_the_time(course, trainee):
    first_job = trainee.organisation
    enrolment = services.enrol(trainee=trainee, course=course)
    trainee.organisation = OrganisationFactory(name="Ministry of Justice")
    trainee.save()
    enrolment.refresh_from_db()
    assert enrolment.organisation == first_job
    assert enrolment.country == first_job.country
    assert enrolment.region == first_job.region
    assert enrolment.sector == trainee.sector


def test_lesson_of_a_course_not_enrolled_in_leads_to_the_enrol_button(client, course, trainee):
    client.force_login(trainee)
    response = client.get(lessons_of(course)[0].url, follow=True)
    assert response.redirect_chain[-1][0] == course.url
    assert "Enrol in this course" in response.content.decode()


def test_anonymous_visitor_is_asked_to_sign_in(client, course):
    response = client.get(lessons_of(course)[0].url, follow=True)
    assert "Sign in to enrol" in response.content.decode()


def test_mark_complete_twice_records_one_completion(client, course, trainee):
    enrolment = services.enrol(trainee=trainee, course=course)
    lesson = lessons_of(course)[0]
    client.force_login(trainee)
    client.post(reverse("complete_lesson", args=[lesson.pk]))
    client.post(reverse("complete_lesson", args=[lesson.pk]))
    assert LessonCompletion.objects.filter(enrolment=enrolment).count() == 1
    enrolment.refresh_from_db()
    assert enrolment.progress_percent == 25


def test_mark_complete_needs_a_post(client, course, trainee):
    services.enrol(trainee=trainee, course=course)
    client.force_login(trainee)
    response = client.get(reverse("complete_lesson", args=[lessons_of(course)[0].pk]))
    assert response.status_code == 405
    assert not LessonCompletion.objects.exists()


def test_mark_complete_moves_on_to_the_next_lesson(client, course, trainee):
    services.enrol(trainee=trainee, course=course)
    first, second = lessons_of(course)[:2]
    client.force_login(trainee)
    response = client.post(reverse("complete_lesson", args=[first.pk]))
    assert response["Location"] == second.url


def test_reading_every_lesson_completes_the_course(client, course, trainee):
    services.enrol(trainee=trainee, course=course)
    client.force_login(trainee)
    for lesson in lessons_of(course):
        response = client.post(reverse("complete_lesson", args=[lesson.pk]), follow=True)
    enrolment = Enrolment.objects.get(trainee=trainee)
    assert enrolment.status == Enrolment.Status.COMPLETED
    assert enrolment.completed_at is not None
    assert enrolment.progress_percent == 100
    page = response.content.decode()
    assert "you have completed" in page
    assert "100% complete" in page


def test_optional_lessons_do_not_block_completion(trainee):
    course = build_course("Optional parts", optional=(4,))
    enrolment = services.enrol(trainee=trainee, course=course)
    for lesson in lessons_of(course)[:3]:
        services.complete_lesson(enrolment=enrolment, lesson=lesson)
    enrolment.refresh_from_db()
    assert enrolment.is_completed


def test_a_recorded_completion_stays_when_lessons_are_added(trainee, course):
    enrolment = services.enrol(trainee=trainee, course=course)
    for lesson in lessons_of(course):
        services.complete_lesson(enrolment=enrolment, lesson=lesson)
    module = lessons_of(course)[0].get_parent()
    from courses.models import LessonPage
    from tests.factories import lesson_body

    module.add_child(instance=LessonPage(title="New lesson", slug="new-lesson", body=lesson_body()))
    services.update_progress(enrolment=enrolment)
    enrolment.refresh_from_db()
    assert enrolment.is_completed
    assert enrolment.progress_percent == 100


def test_taking_a_course_again_opens_a_new_round_and_keeps_the_first(client, trainee, course):
    enrolment = services.enrol(trainee=trainee, course=course)
    for lesson in lessons_of(course):
        services.complete_lesson(enrolment=enrolment, lesson=lesson)
    client.force_login(trainee)
    client.post(reverse("enrol", args=[course.pk]), {"new_round": "1"})
    rounds = list(Enrolment.objects.filter(trainee=trainee).order_by("round"))
    assert [(r.round, r.status) for r in rounds] == [(1, "completed"), (2, "active")]
    assert rounds[1].progress_percent == 0


def test_course_page_offers_to_continue_where_i_left_off(client, trainee, course):
    enrolment = services.enrol(trainee=trainee, course=course)
    lessons = lessons_of(course)
    services.complete_lesson(enrolment=enrolment, lesson=lessons[0])
    client.force_login(trainee)
    client.get(lessons[2].url)
    page = client.get(course.url).content.decode()
    assert "Continue where I left off" in page
    assert f'href="{lessons[2].url}"' in page


def test_lesson_shows_outline_with_marks_and_neighbours(client, trainee, course):
    enrolment = services.enrol(trainee=trainee, course=course)
    lessons = lessons_of(course)
    services.complete_lesson(enrolment=enrolment, lesson=lessons[0])
    client.force_login(trainee)
    page = client.get(lessons[1].url).content.decode()
    assert 'rel="prev"' in page and 'rel="next"' in page
    assert "(completed)" in page
    assert "25% complete" in page
    assert 'aria-current="page"' in page


def test_dashboard_lists_courses_in_progress_and_completed(client, trainee):
    first, second = build_course("First course"), build_course("Second course")
    done = services.enrol(trainee=trainee, course=first)
    for lesson in lessons_of(first):
        services.complete_lesson(enrolment=done, lesson=lesson)
    services.enrol(trainee=trainee, course=second)
    client.force_login(trainee)
    page = client.get(reverse("dashboard")).content.decode()
    assert page.index("In progress") < page.index("Second course") < page.index("Completed") < page.rindex("First course")


def test_completion_is_announced_once(trainee, course, django_capture_on_commit_callbacks):
    from courses.signals import course_completed

    received = []

    def listener(sender, enrolment, **kwargs):
        received.append(enrolment.pk)

    course_completed.connect(listener)
    try:
        enrolment = services.enrol(trainee=trainee, course=course)
        with django_capture_on_commit_callbacks(execute=True):
            for lesson in lessons_of(course):
                services.complete_lesson(enrolment=enrolment, lesson=lesson)
            services.complete_lesson(enrolment=enrolment, lesson=lessons_of(course)[-1])
    finally:
        course_completed.disconnect(listener)
    assert received == [enrolment.pk]
