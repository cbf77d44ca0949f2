"""Translators see each language's state where they work: from the page's header and the page
listing, a screen listing up to date / N segments waiting / source changed since the last sync,
with a link to each translation's editor. Only for the page's own authors."""

import re

import pytest
from django.urls import reverse

from content.synced_translations import adopt_translations
from lms import roles
from tests.factories import UserFactory, build_course, course_author, translate_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    course = build_course("Identifying victims", modules=1, lessons_per_module=1)
    french = translate_page(course, "fr", title="Identifier les victimes", slug="identifier-les-victimes")
    arabic = translate_page(course, "ar", title="التعرف على الضحايا")
    adopt_translations(course)
    other = build_course("Legal frameworks", modules=1, lessons_per_module=1)
    translate_page(other, "fr", title="Cadres juridiques", slug="cadres-juridiques")
    adopt_translations(other)
    return {
        "course": course,
        "french": french,
        "arabic": arabic,
        "other": other,
        "author": course_author(course),
        "stranger": course_author(other),
    }


def status_url(page):
    return reverse("content_translation_status", args=[page.pk])


def row(html, language):
    """The status table's row for one language."""
    found = re.search(rf'<tr data-locale="{language}" data-state="([a-z_]+)">(.*?)</tr>', html, re.S)
    assert found, f"no row for {language}"
    return found[1], " ".join(found[2].split())


def test_the_author_sees_each_language_up_to_date_with_a_link_to_its_editor(client, world):
    client.force_login(world["author"])
    # The page's header in the editor offers the screen.
    editor = client.get(reverse("wagtailadmin_pages:edit", args=[world["course"].pk])).content.decode()
    assert status_url(world["course"]) in editor

    response = client.get(status_url(world["course"]))

    html = response.content.decode()
    assert response.status_code == 200
    for language, translated in (("fr", world["french"]), ("ar", world["arabic"])):
        state, text = row(html, language)
        assert state == "up_to_date" and "Up to date" in text
        assert reverse("wagtailadmin_pages:edit", args=[translated.pk]) in text
    # From the translation's side, the same screen.
    assert client.get(status_url(world["french"])).status_code == 200


def test_after_the_source_is_edited_and_published_the_translator_sees_source_changed(client, world):
    course = world["course"]
    course.summary = "Identifying victims of trafficking, step by step."
    course.save_revision().publish()
    client.force_login(world["author"])

    html = client.get(status_url(course)).content.decode()

    for language in ("fr", "ar"):
        state, text = row(html, language)
        assert state == "source_changed" and "Source changed since the last sync" in text
    assert reverse("wagtail_localize:update_translations", args=[_source_id(course)]) in html

    # After "Sync translated pages": the new text is a segment waiting for each language.
    client.post(reverse("wagtail_localize:update_translations", args=[_source_id(course)]), {})
    html = client.get(status_url(course)).content.decode()
    state, text = row(html, "fr")
    assert state == "waiting" and "1 segment waiting" in text


def not_found(client, url):
    """A 404 (Django's LocaleMiddleware first tries the address under /en/, which is a 404 too)."""
    response = client.get(url, follow=True)
    return response.status_code == 404 and "Identifier les victimes" not in response.content.decode()


def test_another_trainer_gets_a_404_and_no_button(client, world):
    client.force_login(world["stranger"])
    assert not_found(client, status_url(world["course"]))
    assert not_found(client, status_url(world["french"]))
    # Their own course's screen opens, and lists only their course's languages.
    own = client.get(status_url(world["other"]))
    assert own.status_code == 200 and "Identifier les victimes" not in own.content.decode()
    # The course list the stranger may browse offers no button for a course that is not theirs.
    listing = client.get(reverse("wagtailadmin_explore", args=[world["course"].get_parent().pk]))
    body = listing.content.decode() if listing.status_code == 200 else ""
    assert status_url(world["course"]) not in body


def test_the_page_listing_offers_the_screen_for_translated_pages_only(client, world):
    client.force_login(UserFactory(role=roles.ADMINISTRATOR))
    index = world["course"].get_parent()
    html = client.get(reverse("wagtailadmin_explore", args=[index.pk])).content.decode()
    assert status_url(world["course"]) in html and status_url(world["other"]) in html
    lesson_listing = client.get(reverse("wagtailadmin_explore", args=[world["course"].get_children().first().pk]))
    lesson = world["course"].get_children().first().get_children().first()
    assert status_url(lesson) not in lesson_listing.content.decode()  # never translated on its own


def test_a_trainee_cannot_open_the_screen(client, world):
    client.force_login(UserFactory())
    response = client.get(status_url(world["course"]))
    # No admin access at all: Wagtail sends them away before any page is looked up.
    assert response.status_code == 302 and status_url(world["course"]) not in response["Location"].split("?")[0]


def _source_id(page):
    from wagtail_localize.models import TranslationSource

    return TranslationSource.objects.get(object_id=page.translation_key).pk
