"""Question translations: only texts, checked against the current version, out of date after a new one."""

import json
from pathlib import Path

import pytest

from assessments import bank, translations
from assessments.formats import parse_gift
from assessments.models import Question, QuestionTranslation, SingleChoiceQuestion
from assessments.types import registry
from tests.factories import UserFactory, ordering, short_answer, single_choice, true_false

pytestmark = pytest.mark.django_db

QUIZZES = Path(__file__).resolve().parents[2] / "content" / "demo" / "quizzes"


def option_ids(question):
    return list(registry.for_question(question).translatable_options(question))


def translate_choice(question, language="ar", **extra):
    ids = option_ids(question)
    return bank.save_translation(
        question=question, language=language, stem="<p>ما المؤشر؟</p>", general_feedback="",
        options={ids[0]: {"text": "صاحب العمل يحتفظ بجواز السفر", "feedback": "نعم."}, ids[1]: {"text": "لديه عقد عمل"}}, **extra,
    )


def new_version(question, **fields):
    """A new current version with the same option ids (what bank.save_edit makes once a question was shown)."""
    current = SingleChoiceQuestion.objects.get(family=question.family, is_current=True)
    Question.objects.filter(pk=current.pk).update(is_current=False)
    fields = {"stem": current.stem, **fields}
    return SingleChoiceQuestion.objects.create(
        family=current.family, version=current.version + 1, category=current.category, title=current.title,
        choices=json.dumps(list(current.choices.raw_data)), **fields,
    )


# --- What is translated -------------------------------------------------------------------------


def test_only_texts_are_offered_never_the_key():
    question = single_choice()
    texts = translations.translatable_texts(question)
    assert texts["stem"] == "<p>Which is an indicator?</p>"
    assert [parts["text"] for parts in texts["options"].values()] == ["Employer keeps the passport", "Has a work contract", "Lives with family"]
    assert all(set(parts) <= {"text", "feedback"} for parts in texts["options"].values())  # no credit
    assert translations.translatable_texts(true_false())["options"] == {
        "true": {"feedback": "No: for children the means element is not required."}, "false": {"feedback": "Right."}
    }


def test_a_translated_question_keeps_the_source_key_and_ids():
    question = single_choice()
    local = translations.localise(question, translate_choice(question))
    assert local.stem == "<p>ما المؤشر؟</p>"
    assert local.option_ids() == question.option_ids()
    assert [c["fraction"] for c in local.grading_spec()["choices"]] == [c["fraction"] for c in question.grading_spec()["choices"]]
    labels = [local.option_label(i) for i in local.option_ids()]
    assert labels == ["صاحب العمل يحتفظ بجواز السفر", "لديه عقد عمل", "Lives with family"]  # a missing text keeps the source's
    assert local.grading_spec()["choices"][0]["feedback"] == "نعم."
    assert local.grading_spec()["choices"][1]["feedback"] == "Not in itself."
    question.refresh_from_db()
    assert question.option_label(question.option_ids()[0]) == "Employer keeps the passport"  # the bank is untouched


def test_a_translated_short_answer_is_accepted_as_well_as_the_source_one():
    question = short_answer(answers=(("two thousand", "100"), ("2000*", "50")))
    first, second = option_ids(question)
    translation = bank.save_translation(
        question=question, language="es", stem="", general_feedback="", options={first: {"text": "dos mil"}, second: {"text": "2000*"}}
    )
    local = translations.localise(question, translation)
    outcome = registry.for_question(local).grade_response
    assert outcome(local.grading_spec(), {"text": "Dos mil"}).fraction == 1
    assert outcome(local.grading_spec(), {"text": "two thousand"}).fraction == 1
    assert outcome(local.grading_spec(), {"text": "2000 años"}).fraction == 0.5
    assert registry.for_question(question).grade_response(question.grading_spec(), {"text": "dos mil"}).fraction == 0


def test_ordering_items_are_translated_in_place():
    question = ordering()
    ids = option_ids(question)
    translation = bank.save_translation(question=question, language="fr", stem="", general_feedback="", options={ids[0]: {"text": "Identifier"}})
    local = translations.localise(question, translation)
    assert local.grading_spec() == question.grading_spec()
    assert local.option_label(ids[0]) == "Identifier" and local.option_label(ids[1]) == "Refer"


# --- Hostile input: a clear reason, nothing saved -------------------------------------------------


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"not-an-option": {"text": "x"}}, "not in the current version"),
        ({"FIRST": {"fraction": "100"}}, "has no text “fraction” to translate"),
        ({"FIRST": {"text": "x" * 501}}, "longer than 500 characters"),
        ({"FIRST": {"text": ["a list"]}}, "not text"),
        ({"FIRST": "plain"}, "not in the expected form"),
        (["a", "list"], "not in the expected form"),
    ],
)
def test_hostile_texts_are_refused_and_nothing_is_saved(options, message):
    question = single_choice()
    if isinstance(options, dict):
        options = {(option_ids(question)[0] if key == "FIRST" else key): value for key, value in options.items()}
    with pytest.raises(bank.TranslationRefused) as refused:
        bank.save_translation(question=question, language="ar", stem="", general_feedback="", options=options)
    assert message in str(refused.value)
    assert not QuestionTranslation.objects.exists()


def test_a_huge_stem_and_an_unknown_language_are_refused():
    question = single_choice()
    with pytest.raises(bank.TranslationRefused, match="longer than"):
        bank.save_translation(question=question, language="ar", stem="<p>" + "ب" * 20_001 + "</p>", general_feedback="", options={})
    for language in ("en", "xx"):  # the bank's own language, and one the site does not have
        with pytest.raises(bank.TranslationRefused, match="cannot be translated into this language"):
            bank.save_translation(question=question, language=language, stem="<p>x</p>", general_feedback="", options={})
    assert not QuestionTranslation.objects.exists()


def test_markup_is_sanitised():
    question = single_choice()
    translation = bank.save_translation(
        question=question, language="fr", stem='<p onclick="x()">Quel <b>indicateur</b> ?<script>alert(1)</script></p>', general_feedback="", options={}
    )
    assert translation.stem == "<p>Quel <b>indicateur</b> ?</p>"


# --- Versions ------------------------------------------------------------------------------------


def test_a_new_source_version_flags_the_translation_out_of_date_and_it_is_still_used():
    question = single_choice()
    translation = translate_choice(question, by=UserFactory())
    assert translation.source_version == 1 and not translation.is_out_of_date(1)
    version_2 = new_version(question, stem="<p>Which one is an indicator?</p>")
    translation.refresh_from_db()
    assert translation.is_out_of_date(version_2.version)
    # Still used: option ids survive versions, so the options keep their translations.
    local = translations.localise(version_2, translation)
    assert local.option_label(version_2.option_ids()[0]) == "صاحب العمل يحتفظ بجواز السفر"
    assert translations.changed_since(translation, version_2) == {"stem": "<p>Which is an indicator?</p>", "options": {}}
    # Saving again makes it current (one row per family and language).
    ids = option_ids(version_2)
    again = bank.save_translation(question=question, language="ar", stem="<p>أيّها مؤشر؟</p>", general_feedback="", options={ids[0]: {"text": "أ"}})
    assert again.pk == translation.pk and again.source_version == 2
    assert not again.is_out_of_date(2)


def test_an_option_added_in_a_new_version_falls_back_to_the_source_text():
    question = single_choice()
    translation = translate_choice(question)
    current = SingleChoiceQuestion.objects.get(pk=question.pk)
    blocks = list(current.choices.raw_data) + [{"type": "choice", "value": {"text": "Speaks no local language", "fraction": "0", "feedback": ""}, "id": "new-option"}]
    Question.objects.filter(pk=current.pk).update(is_current=False)
    version_2 = SingleChoiceQuestion.objects.create(
        family=current.family, version=2, category=current.category, title=current.title, stem=current.stem, choices=json.dumps(blocks)
    )
    local = translations.localise(version_2, translation)
    assert local.option_label("new-option") == "Speaks no local language"
    with pytest.raises(bank.TranslationRefused):  # ids are checked against the current version
        bank.save_translation(question=question, language="ar", stem="", general_feedback="", options={"gone": {"text": "x"}})


# --- The demo's translated GIFT banks ------------------------------------------------------------


def import_source(name):
    from assessments import importing

    return importing.import_questions(parse_gift((QUIZZES / name).read_text(encoding="utf-8")).questions)


@pytest.mark.parametrize(
    ("language", "name"),
    [("ar", "identifying-and-referring-victims-of-trafficking.gift"), ("es", "collecting-and-protecting-personal-data.gift")],
)
def test_the_demo_banks_import_as_translations_of_the_english_questions(language, name):
    english = import_source(name)
    before = Question.objects.count()
    result = bank.import_gift_translation((QUIZZES / language / name).read_text(encoding="utf-8"), language=language, questions=english)
    assert result.problems == []
    assert len(result.saved) == len(english)
    assert Question.objects.count() == before  # no new questions: translations of the English ones
    for question in english:
        translation = QuestionTranslation.objects.get(family=question.family, language=language)
        local = translations.localise(question, translation)
        assert local.stem != question.stem
        assert local.grading_spec().keys() == question.grading_spec().keys()
        if question.kind in ("single_choice", "multiple_response"):
            assert [c["fraction"] for c in local.grading_spec()["choices"]] == [c["fraction"] for c in question.get_real_instance().grading_spec()["choices"]]


def test_the_arabic_bank_translates_options_by_position():
    english = {q.title: q for q in import_source("identifying-and-referring-victims-of-trafficking.gift")}
    text = (QUIZZES / "ar" / "identifying-and-referring-victims-of-trafficking.gift").read_text(encoding="utf-8")
    bank.import_gift_translation(text, language="ar", questions=english.values())
    question = english["The three elements"].get_real_instance()
    local = translations.localise(question, QuestionTranslation.objects.get(family=question.family, language="ar"))
    right = next(c["id"] for c in question.grading_spec()["choices"] if c["fraction"] == 1)
    assert local.option_label(right) == "فعلٌ ووسيلةٌ وغرضُ الاستغلال"
    assert "الفعل هو ما يُرتكب" in local.general_feedback


def test_a_translated_bank_names_what_it_could_not_match():
    english = [single_choice(title="Documents")]
    gift = "::Documents::\n¿Quién guarda el pasaporte? {=El trabajador ~El empleador ~Nadie ~Todos}\n\n::Unknown::\n¿Qué? {T}\n"
    result = bank.import_gift_translation(gift, language="es", questions=english)
    assert result.saved == []
    assert any("4 answers to translate; the source question has 3" in p for p in result.problems)
    assert any("“Unknown” matches no source question" in p for p in result.problems)
    assert not QuestionTranslation.objects.exists()
