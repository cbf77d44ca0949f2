"""An attempt keeps the language it started in; its questions are shown in it, the key is shared,
and results and item analysis count each question once whatever the language."""

import pytest
from django.urls import reverse
from django.utils import translation as django_translation
from wagtail.models import Locale

from assessments import bank, results, services
from assessments.models import Attempt
from courses import services as learning
from tests.assessments.test_marking import RIGHT, WRONG, edit_key, take_quiz
from tests.factories import UserFactory, add_quiz, build_course, single_choice, true_false

pytestmark = pytest.mark.django_db

RIGHT_AR, WRONG_AR = "صاحب العمل يحتفظ بجواز السفر", "لديه عقد عمل"


@pytest.fixture
def course():
    course = build_course("Identifying victims", modules=1, lessons_per_module=1)
    course.save_revision().publish()
    return course


@pytest.fixture
def choice():
    question = single_choice()
    right, wrong, _other = question.option_ids()
    bank.save_translation(
        question=question, language="ar", stem="<p>أيّ ممّا يلي مؤشر؟</p>", general_feedback="<p>تحقّق من الوثائق.</p>",
        options={right: {"text": RIGHT_AR, "feedback": "نعم: السيطرة على الوثائق."}, wrong: {"text": WRONG_AR, "feedback": "ليس في حدّ ذاته."}},
    )
    return question


@pytest.fixture
def untranslated():
    return true_false()


@pytest.fixture
def quizzes(course, choice, untranslated):
    """The quiz in English and its Arabic page (same identity, same questions)."""
    english = add_quiz(course, [choice, untranslated], show_feedback="immediately", show_correct_answers="immediately")
    arabic = english.copy_for_translation(Locale.objects.get_or_create(language_code="ar")[0], copy_parents=True)
    arabic.title = "اختبر معارفك"
    arabic.save_revision().publish()
    return english, type(arabic.specific).objects.get(pk=arabic.pk)


def enrolled(course):
    trainee = UserFactory()
    learning.enrol(trainee=trainee, course=course)
    return trainee


def test_an_attempt_takes_the_language_of_the_quiz_page_it_started_from(course, quizzes):
    english, arabic = quizzes
    trainee = enrolled(course)
    assert services.start_attempt(quiz=arabic, trainee=trainee, enrolment=trainee.enrolments.get()).language == "ar"
    other = enrolled(course)
    assert services.start_attempt(quiz=english, trainee=other, enrolment=other.enrolments.get()).language == "en"


def test_the_attempt_page_shows_translated_questions_marked_with_their_language(client, course, quizzes):
    _english, arabic = quizzes
    trainee = enrolled(course)
    attempt = services.start_attempt(quiz=arabic, trainee=trainee, enrolment=trainee.enrolments.get())
    client.force_login(trainee)
    # Switching the interface to English later does not change the attempt's language.
    with django_translation.override("en"):
        page = client.get(reverse("attempt", args=[attempt.pk]) + "?page=0").content.decode()
    assert "أيّ ممّا يلي مؤشر؟" in page and RIGHT_AR in page and "Lives with family" in page  # an untranslated option: source text
    assert 'class="stem" lang="ar" dir="rtl"' in page
    # In the Arabic interface, the untranslated question carries the bank's language and direction.
    with django_translation.override("ar"):
        page = client.get(reverse("attempt", args=[attempt.pk]) + "?page=1").content.decode()
    assert "Consent of a child matters" in page
    assert 'class="stem" lang="en" dir="ltr"' in page


def test_grading_is_the_same_and_the_review_shows_the_translated_feedback(client, course, quizzes):
    english, arabic = quizzes
    arabic_trainee, english_trainee = enrolled(course), enrolled(course)
    in_arabic = take_quiz(arabic, arabic_trainee, choice=RIGHT, value="false")
    in_english = take_quiz(english, english_trainee, choice=RIGHT, value="false")
    assert (in_arabic.marks, in_arabic.grade) == (in_english.marks, in_english.grade)
    answer = in_arabic.answers.order_by("position").first()
    assert answer.feedback == ["نعم: السيطرة على الوثائق."]
    assert in_english.answers.order_by("position").first().feedback == ["Yes: control of documents."]
    client.force_login(arabic_trainee)
    with django_translation.override("en"):
        page = client.get(reverse("attempt_review", args=[in_arabic.pk])).content.decode()
    assert "تحقّق من الوثائق." in page and "نعم: السيطرة على الوثائق." in page
    assert f"The right answer:</strong> {RIGHT_AR}" in page
    assert '<div class="stem" lang="ar" dir="rtl">' in page


def test_a_regrade_keeps_each_attempts_language(course, quizzes, choice):
    english, arabic = quizzes
    in_arabic = take_quiz(arabic, enrolled(course), choice=WRONG, value="false")
    take_quiz(english, enrolled(course), choice=WRONG, value="false")
    edit_key(choice, {WRONG: 100})
    plan = services.regrade_family(question=choice, by=UserFactory(is_superuser=True), expected_version=2)
    assert plan.answers_changed == 2
    answer = in_arabic.answers.order_by("position").first()
    assert answer.mark == answer.max_mark and answer.feedback == ["ليس في حدّ ذاته."]
    in_arabic.refresh_from_db()
    assert in_arabic.grade == 100


def test_item_analysis_counts_a_question_once_whatever_the_language(course, quizzes, choice):
    english, arabic = quizzes
    take_quiz(english, enrolled(course), choice=RIGHT, value="false")
    take_quiz(arabic, enrolled(course), choice=RIGHT, value="false")
    take_quiz(arabic, enrolled(course), choice=WRONG, value="true")
    assert set(Attempt.objects.values_list("language", flat=True)) == {"en", "ar"}
    for quiz in (english, arabic):  # the results of either page are the same
        report = results.quiz_results(quiz, Attempt.objects.filter(quiz_key=quiz.translation_key))
        assert report.finished == 3
        assert [row.item.question.title for row in report.items] == ["Which is an indicator?", "Consent of a child matters"]
        first = report.items[0]
        assert first.stats.count == 3 and first.stats.facility == pytest.approx(2 / 3)
        counts = {option.label: option.count for option in first.distribution.options}
        assert counts == {RIGHT: 2, WRONG: 1, "Lives with family": 0}  # labelled in the bank's language


def test_the_grader_reads_the_essay_question_as_the_trainee_did(client, course):
    """An essay taken on the Arabic quiz: the grading screen shows its Arabic text, marked ar/rtl,
    inside the grader's English interface; an English attempt at the same question stays English."""
    from tests.factories import CohortFactory, essay

    question = essay("Describe how you would refer a victim.")
    bank.save_translation(question=question, language="ar", stem="<p>صف كيف تحيل ضحية.</p>", general_feedback="", options={})
    english = add_quiz(course, [question], title="Written check")
    arabic = english.copy_for_translation(Locale.objects.get_or_create(language_code="ar")[0], copy_parents=True)
    arabic.save_revision().publish()
    arabic = type(arabic.specific).objects.get(pk=arabic.pk)
    cohort = CohortFactory(course=course)
    in_arabic, in_english = UserFactory(preferred_language="ar"), UserFactory()
    for trainee in (in_arabic, in_english):
        learning.add_to_cohort(cohort=cohort, trainee=trainee)
    arabic_attempt = take_quiz(arabic, in_arabic, text="أتصل بجهة التنسيق الوطنية.")
    english_attempt = take_quiz(english, in_english, text="I call the national focal point.")
    client.force_login(cohort.facilitator)

    page = client.get(reverse("grade_attempt", args=[arabic_attempt.pk])).content.decode()
    assert '<html lang="en" dir="ltr">' in page
    assert '<div class="stem" lang="ar" dir="rtl"><p>صف كيف تحيل ضحية.</p></div>' in page
    assert "<p>Describe how you would refer a victim.</p>" not in page  # only the bank's title, in the heading
    assert "<dt>Taken in</dt><dd>Arabic</dd>" in page

    page = client.get(reverse("grade_attempt", args=[english_attempt.pk])).content.decode()
    assert '<div class="stem"><p>Describe how you would refer a victim.</p></div>' in page
    # Graded in Arabic, the English essay's question carries its own language and direction.
    with django_translation.override("ar"):
        page = client.get(reverse("grade_attempt", args=[english_attempt.pk])).content.decode()
    assert '<div class="stem" lang="en" dir="ltr"><p>Describe how you would refer a victim.</p></div>' in page
    assert '<span lang="en" dir="ltr">Describe how you would refer a victim.</span>' in page  # the bank's title


def test_the_question_preview_shows_each_translation_with_its_language(client, choice):
    from lms import roles

    client.force_login(UserFactory(role=roles.ADMINISTRATOR))
    url = reverse("question_preview", args=[choice.pk])
    source = client.get(url).content.decode()
    assert '<div class="stem"><p>Which is an indicator?</p></div>' in source
    assert f'href="{url}?language=ar" lang="ar"' in source  # the languages it is translated into

    arabic = client.get(url, {"language": "ar"}).content.decode()
    assert '<div class="stem" lang="ar" dir="rtl"><p>أيّ ممّا يلي مؤشر؟</p></div>' in arabic
    assert RIGHT_AR in arabic and WRONG_AR in arabic
    # A language it is not translated into, or not a language at all: the source text.
    for language in ("fr", "xx"):
        page = client.get(url, {"language": language}).content.decode()
        assert '<div class="stem"><p>Which is an indicator?</p></div>' in page
