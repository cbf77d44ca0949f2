"""A translator brings a French lesson up to date after its English source changed (issue 15): the
source is synced, the changed sentence is the one left to translate in wagtail-localize's editor,
the translator writes it, publishes, and the French lesson shows it."""

import json
import re

import pytest
from playwright.sync_api import expect
from wagtail.models import Locale
from wagtail_localize.models import Translation

from content.synced_translations import SyncState, adopt_translations, sync_state
from courses import services as learning
from courses.models import LessonPage
from lms import roles
from tests.content.test_synced_translations import body
from tests.e2e.conftest import sign_in
from tests.factories import UserFactory, build_course

pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "correct horse battery"
OLD = "Ask open questions."
NEW = "Ask open questions, one at a time."
NEW_FR = "Posez des questions ouvertes, une à la fois."


def synced_lessons():
    """An English lesson and its French translation, a synced translation in wagtail-localize."""
    course = build_course("Identifying victims", modules=1, lessons_per_module=1)
    english = LessonPage.objects.descendant_of(course).get()
    english.body = body(OLD, "Refer, do not interrogate.", points=["Safety first.", "Listen."])
    english.save_revision().publish()
    french = english.copy_for_translation(Locale.objects.get_or_create(language_code="fr")[0], copy_parents=True)
    french.title = "Leçon 1"
    french.body = body("Posez des questions ouvertes.", "Orientez, n'interrogez pas.", points=["La sécurité d'abord.", "Écoutez."])
    french.save_revision().publish()
    for parent in french.get_ancestors().filter(locale__language_code="fr"):
        if not parent.live:
            parent.specific.save_revision().publish()
    adopt_translations(english)
    return course, LessonPage.objects.get(pk=english.pk), LessonPage.objects.get(pk=french.pk)


def edit_english(english):
    """An author rewrites one sentence of the English lesson and publishes it (the blocks keep their ids)."""
    blocks = english.body.get_prep_value()
    blocks[0]["value"] = blocks[0]["value"].replace(OLD, NEW)
    english.body = json.dumps(blocks)
    english.save_revision().publish()


def open_translation_editor(page, french):
    """wagtail-localize's editor is a React app: reload until its segments have rendered."""
    for _attempt in range(3):
        page.goto(f"/admin/pages/{french.pk}/edit/")
        try:
            expect(page.get_by_role("button", name=re.compile(r"^Publish in"))).to_be_visible(timeout=10000)
            return
        except AssertionError:
            continue
    expect(page.get_by_role("button", name=re.compile(r"^Publish in"))).to_be_visible()


def test_translator_updates_the_french_lesson_after_the_english_one_changed(browser, live_server):
    course, english, french = synced_lessons()
    UserFactory(email="translator@example.org", first_name="Claire", last_name="Martin", role=roles.ADMINISTRATOR, organisation=None)
    trainee = UserFactory(email="awa@example.org", first_name="Awa", last_name="Diallo")
    learning.enrol(trainee=trainee, course=course)
    edit_english(english)
    translation = Translation.objects.get(target_locale=french.locale)
    assert sync_state(translation) == SyncState.SOURCE_CHANGED

    context = browser.new_context(base_url=live_server.url, viewport={"width": 1400, "height": 900})
    context.set_default_timeout(15000)
    page = context.new_page()
    sign_in(page, "translator@example.org", PASSWORD)

    # The French lesson still reads the old sentence's translation: nothing is left to translate.
    open_translation_editor(page, french)
    expect(page.get_by_text("Posez des questions ouvertes.", exact=True)).to_be_visible()
    expect(page.get_by_text(NEW)).to_have_count(0)

    # On the English lesson, "Sync translated pages": French is listed, the translator submits.
    page.goto(f"/admin/pages/{english.pk}/edit/")
    page.wait_for_load_state("networkidle")
    sync = page.get_by_role("link", name="Sync translated pages")
    if not sync.is_visible():
        # In the header's "Actions" menu ("More actions", at the foot of the form, holds others).
        menu = page.locator("header").get_by_role("button", name="Actions", exact=True)
        (menu if menu.count() else page.get_by_role("button", name="More actions")).first.click()
    expect(sync).to_be_visible()
    sync.click()
    expect(page.get_by_text(re.compile(r"You are about to sync the following"))).to_be_visible()
    expect(page.locator("main").get_by_role("link", name="Leçon 1")).to_be_visible()
    page.get_by_role("button", name="Submit").click()
    expect(page).not_to_have_url(re.compile(r"/localize/update/"))

    # In the French editor the changed sentence is the one segment not translated.
    open_translation_editor(page, french)
    missing = page.locator("li.incomplete")
    expect(missing).to_have_count(1)
    expect(missing).to_contain_text(NEW)
    expect(missing.get_by_role("button", name="Translate")).to_be_visible()  # the others offer "Edit"
    expect(page.get_by_text("Orientez, n'interrogez pas.", exact=True)).to_be_visible()

    # The translator writes it, saves it, and publishes the French lesson.
    missing.get_by_role("button", name="Translate").click()
    field = missing.locator("textarea")
    expect(field).to_be_visible()
    field.fill(NEW_FR)
    missing.get_by_role("button", name="Save").click()
    segment = page.locator("li").filter(has_text=NEW).filter(has_text=NEW_FR)
    expect(segment.last).to_have_class(re.compile(r"\bcomplete\b"))
    expect(page.locator("li.incomplete")).to_have_count(0)
    page.get_by_role("button", name=re.compile(r"^Publish in")).click()
    expect(page.get_by_text(re.compile(r"published", re.I)).first).to_be_visible()
    context.close()

    # The trainee reads the new French sentence in the French lesson.
    context = browser.new_context(base_url=live_server.url)
    context.set_default_timeout(15000)
    page = context.new_page()
    sign_in(page, "awa@example.org", PASSWORD)
    page.goto(LessonPage.objects.get(pk=french.pk).url)
    lesson = page.locator(".lesson-body")
    expect(lesson).to_contain_text(NEW_FR)
    expect(lesson).to_contain_text("Orientez, n'interrogez pas.")
    expect(lesson).not_to_contain_text(NEW)
    context.close()
