"""The demo seed: its translated courses (French, Arabic, Spanish, Russian in part) and idempotence.

Seeding the whole demo takes a while: one test seeds twice and checks everything in between.
"""

from collections import Counter
from datetime import date
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError
from wagtail.models import Page
from wagtail_localize.models import Translation

from assessments.models import Attempt, Question, QuestionTranslation, QuizPage
from certificates.models import CertificateTemplate, CertificateWording
from content.models import GlossaryTerm
from content.synced_translations import SyncState, sync_state
from courses.models import CoursePage, Enrolment, LessonCompletion, LessonPage, ModulePage, Topic
from lms.management.commands.seed_demo import Command
from workshops.models import Workshop
from workshops.report import build_report

pytestmark = pytest.mark.django_db

IDENTIFYING = "identifying-and-referring-victims-of-trafficking"
DATA = "collecting-and-protecting-personal-data"


def seed():
    call_command("seed_demo", stdout=StringIO())


def counts():
    """Everything the seed creates, counted: a second run must leave all of it unchanged."""
    pages = Counter(
        (page.locale.language_code, page.specific_class.__name__) for page in Page.objects.exclude(depth=1).select_related("locale")
    )
    return {
        "pages": dict(pages),
        "questions": Question.objects.count(),
        "question translations": QuestionTranslation.objects.count(),
        "glossary": dict(Counter(GlossaryTerm.objects.values_list("locale__language_code", flat=True))),
        "topics": dict(Counter(Topic.objects.values_list("locale__language_code", flat=True))),
        "wordings": CertificateWording.objects.count(),
        "template_version": CertificateTemplate.objects.get(is_default=True).version,
        "users": get_user_model().objects.count(),
        "enrolments": Enrolment.objects.count(),
        "attempts": Attempt.objects.count(),
        "completions": LessonCompletion.objects.count(),
        "synced_translations": Translation.objects.filter(enabled=True).count(),
    }


def in_locale(model, language, **filters):
    return model.objects.filter(locale__language_code=language, **filters)


def assert_complete_translation(slug, language, bank_language_sample):
    english = in_locale(CoursePage, "en", slug=slug).get()
    translated = in_locale(CoursePage, language, slug=slug).get()
    assert translated.live and translated.translation_key == english.translation_key
    assert translated.title != english.title
    # Every module and lesson, in the same order, each the translation of its English page.
    for model in (ModulePage, LessonPage):
        source = list(model.objects.descendant_of(english).order_by("path"))
        copies = list(model.objects.descendant_of(translated).order_by("path"))
        assert [page.translation_key for page in copies] == [page.translation_key for page in source]
        assert all(page.live and page.locale.language_code == language for page in copies)
        assert all(copy.title != page.title for copy, page in zip(copies, source, strict=True))
    # The same quiz (its identity is shared) asking the same questions, in its language's words.
    english_quiz = QuizPage.objects.descendant_of(english).get()
    quiz = QuizPage.objects.descendant_of(translated).get()
    assert quiz.live and quiz.locale.language_code == language
    assert quiz.translation_key == english_quiz.translation_key
    source_slots = list(english_quiz.slots.select_related("question").order_by("sort_order"))
    slots = list(quiz.slots.select_related("question").order_by("sort_order"))
    assert [slot.question_id for slot in slots] == [slot.question_id for slot in source_slots]
    translations = QuestionTranslation.objects.filter(language=language, family__in=[slot.question.family for slot in slots])
    assert translations.count() == len(slots)
    assert bank_language_sample in translations.get(family=slots[0].question.family).stem
    # Its topics and the glossary terms its lessons show are in its language.
    assert {topic.locale.language_code for topic in translated.topics.all()} == {language}
    terms = [
        block.value["term"]
        for lesson in LessonPage.objects.descendant_of(translated)
        for block in lesson.body
        if block.block_type == "glossary_term"
    ]
    assert terms and all(term.locale.language_code == language for term in terms)


def test_the_demo_seeds_its_translations_and_a_second_run_changes_nothing():
    seed()

    assert_complete_translation(IDENTIFYING, "ar", "بروتوكول باليرمو")
    assert_complete_translation(DATA, "es", "¿")

    # Russian: the course page, its first module and that module's two lessons; the rest of the
    # course (and its quiz) stays in English, for the site to fall back on.
    english = in_locale(CoursePage, "en", slug=IDENTIFYING).get()
    russian = in_locale(CoursePage, "ru", slug=IDENTIFYING).get()
    assert russian.live and russian.translation_key == english.translation_key
    first, *others = ModulePage.objects.child_of(english).order_by("path")
    russian_modules = list(ModulePage.objects.child_of(russian))
    assert [module.translation_key for module in russian_modules] == [first.translation_key]
    assert russian_modules[0].title == "Что такое торговля людьми"
    lessons = list(LessonPage.objects.descendant_of(russian).order_by("path"))
    assert [lesson.slug for lesson in lessons] == ["what-trafficking-is", "trafficking-and-smuggling"]
    assert all(lesson.live for lesson in lessons)
    assert others and not any(module.get_translation_or_none(russian.locale) for module in others)
    assert not QuizPage.objects.descendant_of(russian).exists()

    # The French courses are still there, with their quizzes.
    french = in_locale(CoursePage, "fr")
    assert sorted(french.values_list("slug", flat=True)) == [DATA, IDENTIFYING]
    assert in_locale(QuizPage, "fr").count() == 2

    # The demo certificate template has its own wording in Arabic and Spanish.
    template = CertificateTemplate.objects.get(is_default=True)
    assert template.wording_for("ar").title == "شهادة إتمام دورة تدريبية"
    assert "{course}" in template.wording_for("es").body

    # Every translated page is a wagtail-localize synced translation of its English page; only
    # the two Russian lessons written with another layout wait for translators.
    translated_pages = Page.objects.exclude(depth=1).exclude(locale__language_code="en")
    synced = Translation.objects.filter(enabled=True, source__locale__language_code="en")
    assert synced.filter(source__specific_content_type__model__endswith="page").count() == translated_pages.count()
    waiting = [t for t in synced.select_related("source", "target_locale") if sync_state(t) != SyncState.UP_TO_DATE]
    assert {(t.target_locale.language_code, t.source.object_repr) for t in waiting} <= {
        ("ru", lesson.get_translation(english.locale).title) for lesson in lessons
    }

    # The past demo workshops' pre- and post-test: each question has its own facility (not 100 %
    # for the first ones and 0 for the last), and more trainees get it right after the workshop.
    past = [w for w in Workshop.objects.select_related("pre_test", "post_test") if w.pre_test_id and w.ends_on < date.today()]
    assert len(past) == 2
    for workshop in past:
        facility = build_report([workshop], enrolments=Enrolment.objects.all(), exact=True).facility
        before = [row.before.value for row in facility if row.before.value is not None]
        after = [row.after.value for row in facility if row.after.value is not None]
        assert len(before) >= 4 and len({round(value, 2) for value in before}) >= 3, facility
        assert not all(value in (0, 1) for value in before)
        assert sum(after) / len(after) > sum(before) / len(before)

    before = counts()
    assert before["pages"][("ar", "LessonPage")] == 6 and before["pages"][("es", "LessonPage")] == 6
    assert before["pages"][("ru", "LessonPage")] == 2 and ("ru", "QuizPage") not in before["pages"]
    seed()
    assert counts() == before


def test_a_translated_bank_that_does_not_parse_is_refused_with_its_file_name(tmp_path):
    bank = tmp_path / "broken.gift"
    bank.write_text("::A question:: Which one? {=right ~wrong", encoding="utf-8")
    with pytest.raises(CommandError, match="broken.gift"):
        Command().import_bank(bank)
    assert not Question.objects.exists()
