"""Progress follows the content: publishing or unpublishing a lesson updates every open round."""

import pytest
from django.urls import reverse

from courses import selectors
from courses import services as learning
from courses.models import Enrolment, LessonPage, ModulePage
from tests.factories import CohortFactory, UserFactory, build_course, lesson_body, lessons_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def course_in_use():
    """Two lessons; Awa (in a cohort) did one of them, Bakary completed the course."""
    course = build_course("Reception centres", modules=1, lessons_per_module=2)
    cohort = CohortFactory(course=course)
    first, second = lessons_of(course)
    awa = learning.enrol(trainee=UserFactory(first_name="Awa"), course=course, cohort=cohort)
    learning.complete_lesson(enrolment=awa, lesson=first)
    bakary = learning.enrol(trainee=UserFactory(first_name="Bakary"), course=course, cohort=cohort)
    learning.complete_lesson(enrolment=bakary, lesson=first)
    learning.complete_lesson(enrolment=bakary, lesson=second)
    return course, cohort, awa, bakary


def publish_new_lesson(course) -> LessonPage:
    module = ModulePage.objects.child_of(course).first()
    lesson = module.add_child(instance=LessonPage(title="Lesson 3", slug="lesson-3", body=lesson_body(), live=False))
    lesson.save_revision().publish()
    return LessonPage.objects.get(pk=lesson.pk)  # as stored: published


def percent_everywhere(client, course, cohort, enrolment) -> dict:
    """The round's percentage as the dashboard, course page, cohort page and records read it."""
    enrolment.refresh_from_db()
    trainee = enrolment.trainee
    client.force_login(trainee)
    dashboard = client.get(reverse("dashboard")).content.decode()
    course_page = selectors.course_page_context(course=course, user=trainee)["progress"].percent
    client.force_login(cohort.facilitator)
    cohort_page = client.get(reverse("cohort_detail", args=[cohort.pk])).context["roster"]
    return {
        "stored": enrolment.progress_percent,
        "course_page": course_page,
        "cohort_page": next(e.progress_percent for e in cohort_page if e.pk == enrolment.pk),
        "on_dashboard": f'value="{enrolment.progress_percent}"' in dashboard or f"{enrolment.progress_percent}%" in dashboard,
    }


def test_publishing_a_lesson_lowers_open_rounds_everywhere(course_in_use, client):
    course, cohort, awa, bakary = course_in_use
    assert percent_everywhere(client, course, cohort, awa)["stored"] == 50
    publish_new_lesson(course)
    seen = percent_everywhere(client, course, cohort, awa)
    assert seen == {"stored": 33, "course_page": 33, "cohort_page": 33, "on_dashboard": True}


def test_a_completed_round_stays_completed(course_in_use):
    course, _cohort, _awa, bakary = course_in_use
    bakary.refresh_from_db()
    assert bakary.status == Enrolment.Status.COMPLETED
    publish_new_lesson(course)
    bakary.refresh_from_db()
    assert bakary.status == Enrolment.Status.COMPLETED and bakary.progress_percent == 100


def test_unpublishing_a_lesson_raises_open_rounds(course_in_use, client):
    course, cohort, awa, _bakary = course_in_use
    lesson = publish_new_lesson(course)
    awa.refresh_from_db()
    assert awa.progress_percent == 33
    lesson.unpublish()
    seen = percent_everywhere(client, course, cohort, awa)
    assert seen == {"stored": 50, "course_page": 50, "cohort_page": 50, "on_dashboard": True}


def test_unpublishing_the_last_missing_lesson_completes_the_round(course_in_use):
    course, _cohort, awa, _bakary = course_in_use
    _first, second = lessons_of(course)
    second.unpublish()
    awa.refresh_from_db()
    assert awa.status == Enrolment.Status.COMPLETED and awa.progress_percent == 100


def test_a_large_course_is_refreshed_in_a_background_task(course_in_use, settings, django_capture_on_commit_callbacks):
    settings.PASSAGE_PROGRESS_SYNC_LIMIT = 0
    course, _cohort, awa, _bakary = course_in_use
    with django_capture_on_commit_callbacks(execute=False) as queued:
        publish_new_lesson(course)
    awa.refresh_from_db()
    assert awa.progress_percent == 50  # not yet: waits for the task
    for callback in queued:
        callback()  # the immediate backend runs the task as it is queued
    awa.refresh_from_db()
    assert awa.progress_percent == 33


def test_pages_outside_courses_change_nothing(course_in_use):
    from content.models import StandardPage
    from tests.factories import site_tree

    home, _index = site_tree()
    page = home.add_child(instance=StandardPage(title="About", slug="about", live=False))
    page.save_revision().publish()
    _course, _cohort, awa, _bakary = course_in_use
    awa.refresh_from_db()
    assert awa.progress_percent == 50
