"""Preview, "View draft" and the moderator's preview: every page type shows as it will look.

Page types are discovered with Wagtail's get_page_models(), so a new one is previewed here too.
"""

import json

import pytest
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.urls import reverse
from wagtail.documents.models import Document
from wagtail.models import Page, get_page_models

from content.models import StandardPage
from courses.models import CoursePage, LessonPage, ModulePage
from lms import roles
from tests.content.admin_forms import form_data
from tests.factories import UserFactory, add_quiz, build_course, lesson_body, site_tree, true_false

pytestmark = pytest.mark.django_db

PAGE_MODELS = [model for model in get_page_models() if model is not Page]


# --- The site: every page type, published and draft, with an author and a moderator ---------------


def video_body():
    """A lesson body with a video, its captions and its transcript."""
    video = Document.objects.create(title="Signs", file=ContentFile(b"\x00\x00\x00\x18ftypmp42", name="signs.mp4"))
    captions = Document.objects.create(title="Signs (captions)", file=ContentFile(b"WEBVTT\n", name="signs.vtt"))
    value = {"title": "Spotting the signs", "file": video.pk, "captions": captions.pk, "transcript": "<p>What is said.</p>"}
    return json.dumps([{"type": "text", "value": "<p>Watch this.</p>"}, {"type": "video", "value": value}])


@pytest.fixture
def site(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    home, catalogue = site_tree()
    home.add_child(instance=StandardPage(title="About Passage", slug="about", body=lesson_body("Who we are.")))
    course = build_course("Identifying victims", modules=1, lessons_per_module=1)
    add_quiz(course, [true_false()], title="Check your knowledge")
    module = ModulePage.objects.child_of(course).first()
    module.add_child(instance=LessonPage(title="Never published lesson", slug="draft-lesson", body=video_body(), live=False))
    draft_course = catalogue.add_child(instance=CoursePage(title="Draft course", slug="draft-course", summary="Not out yet.", live=False))
    draft_module = draft_course.add_child(instance=ModulePage(title="Draft module", slug="draft-module", live=False))
    draft_module.add_child(instance=LessonPage(title="Lesson of a draft course", slug="lesson", body=lesson_body(), live=False))
    add_quiz(draft_course, [true_false()], title="Quiz of a draft course", live=False)
    for page in Page.objects.exclude(depth=1):
        page.specific.save_revision()
    author = UserFactory(role=roles.TRAINER)
    for authored in (course, draft_course):
        roles.grant_course_authoring(course=authored, user=author)
    moderator = UserFactory(role=roles.ADMINISTRATOR)
    return {"author": author, "moderator": moderator, "courses": [course, draft_course]}


def people_for(site, page):
    """The page's author (a trainer inside their courses, else an administrator) and its approver."""
    in_a_course = any(page.path.startswith(course.path) for course in site["courses"])
    return {"author": site["author"] if in_a_course else site["moderator"], "moderator": site["moderator"]}


def pages_of(model):
    return [page for page in Page.objects.type(model).exclude(depth=1).order_by("path") if type(page.specific) is model]


def test_every_page_type_is_in_the_site(site):
    assert all(pages_of(model) for model in PAGE_MODELS), [m.__name__ for m in PAGE_MODELS if not pages_of(m)]


@pytest.mark.parametrize("model", PAGE_MODELS, ids=lambda m: m.__name__)
def test_preview_while_editing(client, site, model):
    for page in pages_of(model):
        for role, user in people_for(site, page).items():
            client.force_login(user)
            title = f"{page.title} (edited by the {role})"
            url = reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])
            answer = client.post(url, form_data(client, page, title=title))
            assert answer.status_code == 200 and answer.json()["is_valid"], (page.title, role, answer.content)
            response = client.get(url)
            assert response.status_code == 200, (page.title, role, response.status_code)
            assert title in response.content.decode(), (page.title, role)


@pytest.mark.parametrize("model", PAGE_MODELS, ids=lambda m: m.__name__)
def test_preview_of_a_new_page(client, site, model):
    page = pages_of(model)[0]
    parent = page.get_parent()
    content_type = model._meta
    for role, user in people_for(site, parent).items():  # who may add a page under this parent
        client.force_login(user)
        title = f"A new {content_type.verbose_name} by the {role}"
        url = reverse("wagtailadmin_pages:preview_on_add", args=[content_type.app_label, content_type.model_name, parent.pk])
        answer = client.post(url, form_data(client, page, title=title, slug=f"new-{role}"))
        assert answer.status_code == 200 and answer.json()["is_valid"], (model.__name__, role, answer.content)
        response = client.get(url)
        assert response.status_code == 200, (model.__name__, role, response.status_code)
        assert title in response.content.decode(), (model.__name__, role)


@pytest.mark.parametrize("model", PAGE_MODELS, ids=lambda m: m.__name__)
def test_view_draft(client, site, model):
    for page in pages_of(model):
        specific = page.specific
        specific.title = f"{page.title} (draft)"
        specific.save_revision()
        for role, user in people_for(site, page).items():
            client.force_login(user)
            response = client.get(reverse("wagtailadmin_pages:view_draft", args=[page.pk]))
            assert response.status_code == 200, (page.title, role, response.status_code)
            assert specific.title in response.content.decode(), (page.title, role)


@pytest.mark.parametrize("title", ["Lesson 1", "Check your knowledge", "Module 1", "Identifying victims", "Lesson of a draft course"])
def test_the_moderator_previews_what_the_author_submitted(client, site, title):
    page = Page.objects.get(title=title).specific
    client.force_login(site["author"])
    data = form_data(client, page, title=f"{title} (submitted)")
    data["action-submit"] = "Submit for moderation"
    response = client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    page.refresh_from_db()
    state = page.current_workflow_state
    assert state is not None and Group.objects.get(name=roles.ADMINISTRATOR) in state.current_task_state.task.specific.groups.all()

    client.force_login(site["moderator"])
    task = state.current_task_state.task
    preview = client.get(reverse("wagtailadmin_pages:workflow_preview", args=[page.pk, task.pk]))
    assert preview.status_code == 200 and f"{title} (submitted)" in preview.content.decode()
    revision = page.latest_revision
    compare = client.get(reverse("wagtailadmin_pages:revisions_view", args=[page.pk, revision.pk]))
    assert compare.status_code == 200 and f"{title} (submitted)" in compare.content.decode()


def test_a_preview_shows_the_actions_disabled_and_records_nothing(client, site):
    """The author's own round is shown as it is, but previewing neither visits nor starts anything."""
    from assessments.models import Attempt
    from courses import services as learning
    from courses.models import Enrolment

    course = site["courses"][0]
    enrolment = learning.enrol(trainee=site["author"], course=course)
    client.force_login(site["author"])
    for title, action in (("Lesson 1", "Mark complete"), ("Check your knowledge", "Start the quiz")):
        page = Page.objects.get(title=title)
        html = client.get(reverse("wagtailadmin_pages:view_draft", args=[page.pk])).content.decode()
        assert action in html
        assert 'type="submit" class="button" disabled' in html
    enrolment.refresh_from_db()
    assert enrolment.last_lesson_id is None
    assert not Attempt.objects.exists() and Enrolment.objects.count() == 1


def test_a_lesson_with_a_video_previews_with_its_player_and_captions(client, site):
    page = Page.objects.get(title="Never published lesson")
    client.force_login(site["author"])
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])
    assert client.post(url, form_data(client, page)).json()["is_valid"]
    html = client.get(url).content.decode()
    assert '<video class="video-player" controls preload="none"' in html and '<track kind="captions"' in html
    assert "What is said." in html
