"""Translators' workflow with wagtail-localize: pages translated earlier are brought in unchanged,
source changes show up for the translators, PO files go out and come back, each language's state."""

import json

import polib
import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.models import Locale
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

from content.models import StandardPage
from content.stream_migrations import list_items_with_ids
from content.synced_translations import (
    SyncState,
    adopt_all_translations,
    adopt_translations,
    sync_state,
)
from courses.models import LessonPage
from lms import roles
from tests.factories import UserFactory, build_course, lesson_body, site_tree

pytestmark = pytest.mark.django_db

EDITOR_TEMPLATE = "wagtail_localize/admin/edit_translation.html"


def body(*paragraphs, points=()):
    blocks = [{"type": "text", "value": "".join(f"<p>{text}</p>" for text in paragraphs)}]
    if points:
        blocks.append({"type": "key_points", "value": {"title": "Key points", "points": list_items_with_ids(points)}})
    return json.dumps(blocks)


def without_ids(value):
    if isinstance(value, dict):
        return {key: without_ids(item) for key, item in value.items() if key != "id"}
    if isinstance(value, list):
        return [without_ids(item) for item in value]
    return value


def texts(page):
    """What a reader sees of a lesson: its title and its blocks' values, without block ids."""
    page = LessonPage.objects.get(pk=page.pk)
    return page.title, [(block.block_type, str(without_ids(block.block.get_prep_value(block.value)))) for block in page.body]


@pytest.fixture
def lessons():
    """An English lesson and its French translation made by copy_for_translation, as the demo does."""
    course = build_course("Identifying victims", modules=1, lessons_per_module=1)
    english = LessonPage.objects.descendant_of(course).get()
    english.body = body("Ask open questions.", "Refer, do not interrogate.", points=["Safety first.", "Listen."])
    english.save_revision().publish()
    french = english.copy_for_translation(Locale.objects.get_or_create(language_code="fr")[0], copy_parents=True)
    french.title = "Leçon 1"
    # Written anew, as the demo writes its translations: the blocks get ids of their own.
    french.body = body("Posez des questions ouvertes.", "Orientez, n'interrogez pas.", points=["La sécurité d'abord.", "Écoutez."])
    french.save_revision().publish()
    return {"en": LessonPage.objects.get(pk=english.pk), "fr": LessonPage.objects.get(pk=french.pk)}


@pytest.fixture
def admin(client):
    user = UserFactory(role=roles.ADMINISTRATOR)
    client.force_login(user)
    return user


def test_wagtail_localize_replaces_simple_translation_and_wagtail_locales(client, admin):
    apps = settings.INSTALLED_APPS
    assert "wagtail_localize" in apps and "wagtail_localize.locales" in apps
    assert "wagtail.contrib.simple_translation" not in apps and "wagtail.locales" not in apps
    # Its screens open on Wagtail 8: the languages, and the translations report (each locale's state).
    assert client.get(reverse("wagtaillocales:index")).status_code == 200
    report = client.get(reverse("wagtail_localize:translations_report"))
    assert report.status_code == 200
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("wagtail_localize:translations_report") in home


def test_a_copy_for_translation_page_becomes_a_synced_translation_unchanged(client, admin, lessons):
    english, french = lessons["en"], lessons["fr"]
    before, revisions = texts(french), french.revisions.count()

    adoption = adopt_translations(english)

    assert adoption.locales == ["fr"] and not adoption.unmatched
    translation = Translation.objects.get(source__object_id=english.translation_key, target_locale=french.locale)
    assert translation.enabled and translation.source.locale == english.locale
    assert texts(french) == before and french.revisions.count() == revisions
    total, translated = translation.get_progress()
    assert total == translated > 0 and sync_state(translation) == SyncState.UP_TO_DATE
    recorded = set(StringTranslation.objects.filter(locale=french.locale).values_list("data", flat=True))
    assert {"Posez des questions ouvertes.", "La sécurité d'abord.", "Écoutez.", "Leçon 1"} <= recorded
    # Editing the French page now opens wagtail-localize's segment-by-segment editor.
    response = client.get(reverse("wagtailadmin_pages:edit", args=[french.pk]))
    assert response.status_code == 200 and EDITOR_TEMPLATE in [t.name for t in response.templates]
    assert "Posez des questions ouvertes." in response.content.decode()
    # Publishing from the editor rebuilds the same page.
    client.post(reverse("wagtailadmin_pages:edit", args=[french.pk]), {"action": "publish"})
    assert texts(french) == before
    # A second run changes nothing.
    counts = (TranslationSource.objects.count(), Translation.objects.count(), StringTranslation.objects.count())
    assert adopt_all_translations() == []
    assert (TranslationSource.objects.count(), Translation.objects.count(), StringTranslation.objects.count()) == counts


def test_a_part_written_differently_is_counted_and_left_for_the_translators(lessons):
    french = lessons["fr"]
    french.body = body("Posez des questions ouvertes.", "Un paragraphe de plus.", "Orientez, n'interrogez pas.")
    french.save_revision().publish()
    before = texts(french)

    adoption = adopt_translations(lessons["en"])

    assert adoption.unmatched and all(path.startswith("fr: body.") for path in adoption.unmatched)
    translation = Translation.objects.get(target_locale=french.locale)
    total, translated = translation.get_progress()
    assert translated < total and sync_state(translation) == SyncState.WAITING
    assert texts(french) == before


def test_a_source_change_shows_as_out_of_date_until_synced_and_translated(client, admin, lessons):
    english, french = lessons["en"], lessons["fr"]
    adopt_translations(english)
    translation = Translation.objects.get(target_locale=french.locale)

    # An author rewrites one sentence in the editor (the blocks keep their ids).
    blocks = english.body.get_prep_value()
    blocks[0]["value"] = blocks[0]["value"].replace("Ask open questions.", "Ask open questions, one at a time.")
    english.body = json.dumps(blocks)
    english.save_revision().publish()
    assert sync_state(translation) == SyncState.SOURCE_CHANGED

    # "Sync translated pages": the new source text becomes the one segment left to translate.
    response = client.post(reverse("wagtail_localize:update_translations", args=[translation.source_id]), {})
    assert response.status_code == 302
    translation.refresh_from_db()
    total, translated = translation.get_progress()
    assert (total - translated, sync_state(translation)) == (1, SyncState.WAITING)

    # The translator writes it in the editor, segment by segment, and publishes.
    segment = StringSegment.objects.get(source=translation.source, string__data="Ask open questions, one at a time.")
    url = reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk])
    answer = client.put(url, "value=Posez+des+questions+ouvertes%2C+une+%C3%A0+la+fois.", content_type="application/x-www-form-urlencoded")
    assert answer.status_code == 201
    assert sync_state(translation) == SyncState.UP_TO_DATE
    client.post(reverse("wagtailadmin_pages:edit", args=[french.pk]), {"action": "publish"})
    title, blocks = texts(french)
    assert "Posez des questions ouvertes, une à la fois." in blocks[0][1] and "Orientez" in blocks[0][1]
    assert title == "Leçon 1" and "La sécurité d'abord." in blocks[1][1]


def test_a_lesson_goes_out_as_a_po_file_and_comes_back(client, admin, lessons):
    english, french = lessons["en"], lessons["fr"]
    adopt_translations(english)
    translation = Translation.objects.get(target_locale=french.locale)

    download = client.get(reverse("wagtail_localize:download_pofile", args=[translation.pk]))
    assert download.status_code == 200 and download["Content-Disposition"].endswith("-fr.po")
    po = polib.pofile(download.content.decode())
    by_source = {entry.msgid: entry for entry in po}
    assert by_source["Listen."].msgstr == "Écoutez."
    by_source["Listen."].msgstr = "Écoutez la personne."

    upload = client.post(
        reverse("wagtail_localize:upload_pofile", args=[translation.pk]),
        {"file": SimpleUploadedFile("lesson-fr.po", str(po).encode(), content_type="text/x-gettext-translation")},
    )
    assert upload.status_code == 302
    assert StringTranslation.objects.get(locale=french.locale, translation_of__data="Listen.").data == "Écoutez la personne."
    client.post(reverse("wagtailadmin_pages:edit", args=[french.pk]), {"action": "publish"})
    assert "Écoutez la personne." in texts(french)[1][1][1]


def test_a_po_file_for_another_translation_is_refused_and_changes_nothing(client, admin, lessons):
    adopt_translations(lessons["en"])
    translation = Translation.objects.get(target_locale=lessons["fr"].locale)
    po = translation.export_po()
    po.metadata["X-WagtailLocalize-TranslationID"] = "00000000-0000-0000-0000-000000000000"
    for entry in po:
        entry.msgstr = "?"
    client.post(
        reverse("wagtail_localize:upload_pofile", args=[translation.pk]),
        {"file": SimpleUploadedFile("other.po", str(po).encode())},
    )
    assert not StringTranslation.objects.filter(data="?").exists()


def test_a_page_with_no_translation_still_works(client, admin):
    home, _catalogue = site_tree()
    page = home.add_child(instance=StandardPage(title="About", slug="about", body=lesson_body("Who we are.")))
    assert adopt_translations(page) is None and not TranslationSource.objects.exists()
    editor = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert editor.status_code == 200 and EDITOR_TEMPLATE not in [t.name for t in editor.templates]
    assert client.get(reverse("wagtail_localize:submit_page_translation", args=[page.pk])).status_code == 200
    assert client.get(page.url).status_code == 200
