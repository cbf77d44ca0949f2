"""A module (or a course) is submitted for approval with its pages in one step, through Wagtail's workflow."""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from wagtail.models import Page, WorkflowState

from courses import moderation
from courses.models import LessonPage, ModulePage
from lms import roles
from tests.factories import UserFactory, add_quiz, build_course, lesson_body, true_false

pytestmark = pytest.mark.django_db


@pytest.fixture
def tree():
    course = build_course("Referral", modules=2, lessons_per_module=3)
    quiz = add_quiz(course, [true_false()], title="Module quiz")  # in Module 2
    module = ModulePage.objects.child_of(course).get(title="Module 2")
    edited = LessonPage.objects.get(title="Lesson 4")
    edited.title = "Lesson 4, rewritten"
    edited.save_revision()
    new = module.add_child(instance=LessonPage(title="New lesson", slug="new-lesson", body=lesson_body(), live=False))
    quiz.title = "Module quiz, harder"
    quiz.save_revision()
    author = UserFactory(role=roles.TRAINER)
    roles.grant_course_authoring(course=course, user=author)
    return {"course": course, "module": module, "new": new, "author": author}


def submitted_titles():
    return sorted(Page.objects.get(pk=state.object_id).get_latest_revision_as_object().title for state in WorkflowState.objects.all())


def url(page):
    return reverse("courses_submit_with_children", args=[page.pk])


def texts(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


def test_an_author_submits_a_module_and_its_draft_pages_in_one_step(client, tree):
    client.force_login(tree["author"])
    response = client.post(url(tree["module"]))
    assert response.status_code == 302 and response.url == reverse("wagtailadmin_pages:edit", args=[tree["module"].pk])
    assert submitted_titles() == ["Lesson 4, rewritten", "Module quiz, harder", "New lesson"]
    states = WorkflowState.objects.all()
    assert {state.requested_by for state in states} == {tree["author"]}
    assert all(state.status == WorkflowState.STATUS_IN_PROGRESS for state in states)
    success, skipped = texts(response)
    assert success.startswith("3 pages submitted for approval: “Lesson 4, rewritten”")
    assert skipped.startswith("3 pages not submitted — ")
    assert "“Module 2”: it is published, with no changes waiting" in skipped
    assert "“Lesson 5”: it is published, with no changes waiting" in skipped


def test_the_confirmation_screen_lists_both_and_writes_nothing(client, tree):
    client.force_login(tree["author"])
    response = client.get(url(tree["module"]))
    html = response.content.decode()
    assert response.status_code == 200
    assert "3 pages will be submitted" in html and "New lesson" in html
    assert "Lesson 5: it is published, with no changes waiting" in html
    assert not WorkflowState.objects.exists()


def test_a_page_already_in_moderation_is_not_started_twice(client, tree):
    new = tree["new"]
    new.save_revision()
    new.get_workflow().start(new, tree["author"])
    client.force_login(tree["author"])
    response = client.post(url(tree["module"]))
    assert WorkflowState.objects.filter(object_id=str(new.pk)).count() == 1
    assert "“New lesson”: it is already awaiting approval" in texts(response)[1]
    assert submitted_titles() == ["Lesson 4, rewritten", "Module quiz, harder", "New lesson"]
    # And a second click submits nothing more.
    again = client.post(url(tree["module"]))
    assert "Nothing was submitted for approval." in texts(again)
    assert WorkflowState.objects.count() == 3


def test_a_page_locked_by_someone_else_is_skipped(client, tree):
    admin = UserFactory(role=roles.ADMINISTRATOR)
    LessonPage.objects.filter(pk=tree["new"].pk).update(locked=True, locked_by=admin)
    client.force_login(tree["author"])
    response = client.post(url(tree["module"]))
    assert "“New lesson”: someone else has locked it" in texts(response)[1]
    assert "New lesson" not in submitted_titles()


def test_pages_the_user_may_not_edit_are_never_submitted(tree):
    """The service checks each page itself: a trainer who does not author the course submits nothing."""
    outsider = UserFactory(role=roles.TRAINER)
    plan = moderation.submit_with_children(page=tree["module"], user=outsider)
    assert plan.to_submit == []
    assert {reason for _page, reason in plan.skipped} == {moderation.SkipReason.NOT_ALLOWED}
    assert not WorkflowState.objects.exists()


def test_a_module_of_a_course_one_does_not_author_is_404(client, tree):
    client.force_login(UserFactory(role=roles.TRAINER))
    assert client.get(url(tree["module"]), follow=True).status_code == 404
    assert client.post(url(tree["module"]), follow=True).status_code == 404
    assert not WorkflowState.objects.exists()


def test_only_modules_and_courses_offer_it(client, tree):
    client.force_login(tree["author"])
    assert client.post(url(tree["new"]), follow=True).status_code == 404
    assert client.get(reverse("courses_submit_with_children", args=[999999]), follow=True).status_code == 404
    module_edit = client.get(reverse("wagtailadmin_pages:edit", args=[tree["module"].pk])).content.decode()
    assert "Submit module and its lessons for approval" in module_edit and url(tree["module"]) in module_edit
    course_edit = client.get(reverse("wagtailadmin_pages:edit", args=[tree["course"].pk])).content.decode()
    assert "Submit the course and all its pages for approval" in course_edit
    lesson_edit = client.get(reverse("wagtailadmin_pages:edit", args=[tree["new"].pk])).content.decode()
    assert "Submit module and its lessons for approval" not in lesson_edit


def test_a_course_is_submitted_with_its_modules_lessons_and_quizzes(client, tree):
    course = tree["course"]
    course.summary = "Changed."
    course.save_revision()
    client.force_login(tree["author"])
    client.post(url(course))
    assert submitted_titles() == ["Lesson 4, rewritten", "Module quiz, harder", "New lesson", "Referral"]


def test_the_approver_approves_what_was_submitted(client, tree):
    client.force_login(tree["author"])
    client.post(url(tree["module"]))
    admin = UserFactory(role=roles.ADMINISTRATOR)
    state = WorkflowState.objects.get(object_id=str(tree["new"].pk))
    state.current_task_state.task.specific.on_action(state.current_task_state, admin, "approve")
    assert LessonPage.objects.get(pk=tree["new"].pk).live
