"""A trainer edits a lesson in the Wagtail admin and submits it for an administrator's approval."""

import pytest
from wagtail.models import WorkflowState

from lms import roles
from tests.e2e.conftest import sign_in
from tests.factories import UserFactory, build_course, lessons_of

pytestmark = pytest.mark.django_db(transaction=True)


def test_trainer_submits_a_lesson_for_moderation(page, live_server):
    course = build_course("Managing reception centres")
    trainer = UserFactory(email="trainer@example.org", role=roles.TRAINER)
    roles.grant_course_authoring(course=course, user=trainer)
    lesson = lessons_of(course)[0]

    sign_in(page, "trainer@example.org", "correct horse battery")
    page.goto(f"/admin/pages/{lesson.pk}/edit/")
    title = page.locator("#id_title")
    title.fill("Registration on arrival")
    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name="Submit to Administrator approval").click()
    page.get_by_text("has been submitted for moderation").or_(page.get_by_text("submitted to Administrator approval")).first.wait_for()

    state = WorkflowState.objects.get(object_id=str(lesson.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    lesson.refresh_from_db()
    assert lesson.title == "Lesson 1"
    assert lesson.get_latest_revision_as_object().title == "Registration on arrival"
