"""Trainers translate the courses they author in wagtail-localize, and no other page."""

import pytest
from django.urls import reverse
from wagtail.models import Locale
from wagtail_localize.models import Translation, TranslationSource

from courses.models import CoursePage, LessonPage
from courses.selectors import courses_authored_by
from lms import roles
from tests.factories import UserFactory, build_course

pytestmark = pytest.mark.django_db

EDITOR_TEMPLATE = "wagtail_localize/admin/edit_translation.html"


@pytest.fixture
def world():
    own = build_course("Identifying victims", modules=1, lessons_per_module=2)
    other = build_course("Legal frameworks", modules=1, lessons_per_module=1)
    author = UserFactory(role=roles.TRAINER)
    roles.grant_course_authoring(course=own, user=author)
    arabic = Locale.objects.get_or_create(language_code="ar")[0]
    return {"own": own, "other": other, "author": author, "arabic": arabic}


def refused(response):
    """Wagtail's admin answers PermissionDenied with a redirect to its home page and a message."""
    return response.status_code == 302 and response.url == reverse("wagtailadmin_home")


def submit(client, page, locale, **extra):
    return client.post(reverse("wagtail_localize:submit_page_translation", args=[page.pk]), {"locales": [locale.pk], **extra})


def test_a_trainer_translates_a_course_they_author_and_edits_it_segment_by_segment(client, world):
    author, own, arabic = world["author"], world["own"], world["arabic"]
    assert list(courses_authored_by(author)) == [own]
    client.force_login(author)
    assert client.get(reverse("wagtail_localize:submit_page_translation", args=[own.pk])).status_code == 200

    response = submit(client, own, arabic, include_subtree="on")

    assert response.status_code == 302
    translated = CoursePage.objects.get(translation_key=own.translation_key, locale=arabic)
    # A draft until someone allowed to publish approves it; its lessons came with it.
    assert not translated.live
    assert LessonPage.objects.descendant_of(translated).count() == 2
    translation = Translation.objects.get(source__object_id=own.translation_key, target_locale=arabic)
    # The new translation is the author's to edit: wagtail-localize's editor opens for them.
    editor = client.get(reverse("wagtailadmin_pages:edit", args=[translated.pk]))
    assert editor.status_code == 200 and EDITOR_TEMPLATE in [t.name for t in editor.templates]
    segment = translation.source.stringsegment_set.get(context__path="title")
    put = client.put(
        reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk]),
        "value=%D8%A7%D9%84%D8%AA%D8%B9%D8%B1%D9%91%D9%81",
        content_type="application/x-www-form-urlencoded",
    )
    assert put.status_code == 201
    assert client.get(reverse("wagtail_localize:download_pofile", args=[translation.pk])).status_code == 200
    # Course authors do not publish: an administrator does, after approval.
    assert refused(client.post(reverse("wagtailadmin_pages:edit", args=[translated.pk]), {"action": "publish"}))
    assert not CoursePage.objects.get(pk=translated.pk).live
    # And they may sync their course's translations after changing it.
    sync = reverse("wagtail_localize:update_translations", args=[translation.source_id])
    assert client.post(sync, {}).status_code == 302
    assert refused(client.post(sync, {"publish_translations": "on"}))
    assert not CoursePage.objects.get(pk=translated.pk).live


def test_a_trainer_cannot_translate_another_trainers_course(client, world):
    client.force_login(world["author"])
    other, arabic = world["other"], world["arabic"]

    assert refused(client.get(reverse("wagtail_localize:submit_page_translation", args=[other.pk])))
    assert refused(submit(client, other, arabic))

    assert not CoursePage.objects.filter(translation_key=other.translation_key, locale=arabic).exists()
    assert not TranslationSource.objects.exists() and not Translation.objects.exists()


def test_a_trainer_cannot_sync_or_edit_the_translation_of_another_trainers_course(client, world):
    other, arabic = world["other"], world["arabic"]
    client.force_login(UserFactory(role=roles.ADMINISTRATOR))
    assert submit(client, other, arabic).status_code == 302
    translation = Translation.objects.get(source__object_id=other.translation_key)
    translated = translation.get_target_instance()

    client.force_login(world["author"])
    assert refused(client.post(reverse("wagtail_localize:update_translations", args=[translation.source_id]), {}))
    assert refused(client.get(reverse("wagtail_localize:download_pofile", args=[translation.pk])))
    assert refused(client.get(reverse("wagtailadmin_pages:edit", args=[translated.pk])))


def test_a_trainer_who_authors_nothing_cannot_translate(client, world):
    client.force_login(UserFactory(role=roles.TRAINER))
    assert refused(submit(client, world["own"], world["arabic"]))
    assert not Translation.objects.exists()
