"""Roles: who may author which course, and the moderation workflow."""

import pytest
from django.urls import reverse
from wagtail.models import WorkflowState

from lms import roles
from tests.factories import UserFactory, build_course, lessons_of

pytestmark = pytest.mark.django_db


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


@pytest.fixture
def courses():
    return build_course("Course A"), build_course("Course B")


@pytest.fixture
def trainer(courses):
    user = UserFactory(role=roles.TRAINER)
    roles.grant_course_authoring(course=courses[0], user=user)
    return user


def test_a_trainer_edits_the_lessons_of_their_course(client, trainer, courses):
    client.force_login(trainer)
    lesson = lessons_of(courses[0])[0]
    response = client.get(edit_url(lesson))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Submit to" in page  # moderation, not publishing
    assert 'name="action-publish"' not in page


def test_a_trainer_of_course_a_cannot_edit_course_b(client, trainer, courses):
    client.force_login(trainer)
    for page in [courses[1], lessons_of(courses[1])[0]]:
        response = client.get(edit_url(page))
        assert response.status_code in (302, 403)
        assert response.status_code != 200


def test_trainees_and_officers_have_no_authoring_area(client):
    for role in (roles.TRAINEE, roles.MINISTRY_OFFICER):
        client.force_login(UserFactory(role=role))
        response = client.get("/admin/")
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("account_login"))
        # The sign-in page answers (it does not bounce a signed-in person back to the admin).
        assert client.get(response["Location"]).status_code == 200


def test_submitted_lesson_waits_for_an_administrator(client, trainer, courses):
    lesson = lessons_of(courses[0])[0]
    client.force_login(trainer)
    data = {
        "title": "Lesson 1 (revised)",
        "slug": lesson.slug,
        "summary": "",
        "estimated_minutes": 20,
        "is_required": "on",
        "body-count": "1",
        "body-0-type": "text",
        "body-0-value": '{"blocks":[{"key":"a","text":"Revised text.","type":"unstyled","depth":0,"inlineStyleRanges":[],"entityRanges":[]}],"entityMap":{}}',
        "body-0-deleted": "",
        "body-0-order": "0",
        "body-0-id": "",
        "action-submit": "Submit to Administrator approval",
    }
    response = client.post(edit_url(lesson), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    state = WorkflowState.objects.get(object_id=str(lesson.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.workflow.name == roles.WORKFLOW_NAME
    lesson.refresh_from_db()
    assert lesson.title == "Lesson 1"  # the live page is unchanged until approval
    assert list(state.current_task_state.task.specific.groups.values_list("name", flat=True)) == [roles.ADMINISTRATOR]


def test_roles_exist_after_migrate():
    from django.contrib.auth.models import Group

    assert set(roles.ROLES) <= set(Group.objects.values_list("name", flat=True))
