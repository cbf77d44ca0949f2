"""Grading rules, one question type at a time (no database)."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from assessments import grading
from assessments.grading import final_grade, normalise_text, parse_number, wildcard_match

CHOICES = {"choices": [{"id": "a", "fraction": 1.0, "feedback": "Right"}, {"id": "b", "fraction": 0.0, "feedback": "No"}]}
MULTI = {
    "choices": [
        {"id": "a", "fraction": 0.5, "feedback": ""},
        {"id": "b", "fraction": 0.5, "feedback": ""},
        {"id": "c", "fraction": -1.0, "feedback": "A wrong guess costs"},
    ]
}


def test_single_choice_right_and_wrong():
    assert grading.single_choice(CHOICES, {"choice": "a"}).fraction == 1
    outcome = grading.single_choice(CHOICES, {"choice": "b"})
    assert outcome.fraction == 0 and outcome.feedback == ["No"]
    assert grading.single_choice(CHOICES, {}).fraction == 0


def test_multiple_response_gives_partial_credit_and_clamps_negative_totals():
    assert grading.multiple_response(MULTI, {"choices": ["a"]}).fraction == 0.5
    assert grading.multiple_response(MULTI, {"choices": ["a", "b"]}).fraction == 1
    assert grading.multiple_response(MULTI, {"choices": ["a", "c"]}).fraction == 0
    assert grading.multiple_response(MULTI, {"choices": ["a", "a", "a"]}).fraction == 0.5  # duplicates count once


@given(st.lists(st.sampled_from(["a", "b", "c", "zz"]), max_size=6))
def test_multiple_response_fraction_stays_between_0_and_1(chosen):
    assert 0 <= grading.multiple_response(MULTI, {"choices": chosen}).fraction <= 1


def test_true_false_with_feedback_by_answer():
    spec = {"correct": False, "feedback_true": "No: the means are not needed for children.", "feedback_false": "Right."}
    wrong = grading.true_false(spec, {"value": True})
    assert wrong.fraction == 0 and wrong.feedback == ["No: the means are not needed for children."]
    assert grading.true_false(spec, {"value": False}).fraction == 1


def test_matching_counts_each_right_pair_and_ignores_distractors():
    spec = {"pairs": [{"id": "p1", "left": "Act", "right": "Recruitment"}, {"id": "p2", "left": "Means", "right": "Deception"},
                      {"id": "d", "left": "", "right": "Smuggling"}]}
    assert grading.matching(spec, {"matches": {"p1": "p1", "p2": "p2"}}).fraction == 1
    assert grading.matching(spec, {"matches": {"p1": "p1", "p2": "d"}}).fraction == 0.5


def test_ordering_credits_items_in_their_place():
    spec = {"items": ["a", "b", "c", "d"]}
    assert grading.ordering(spec, {"order": ["a", "b", "c", "d"]}).fraction == 1
    assert grading.ordering(spec, {"order": ["b", "a", "c", "d"]}).fraction == 0.5
    assert grading.ordering(spec, {"order": ["a", "b"]}).fraction == 0  # incomplete


def test_short_answer_ignores_case_and_spacing_and_supports_wildcards():
    spec = {"case_sensitive": False, "answers": [
        {"text": "Palermo Protocol", "fraction": 1.0, "feedback": ""},
        {"text": "Palermo*", "fraction": 0.5, "feedback": "Name the instrument fully."},
    ]}
    assert grading.short_answer(spec, {"text": "  palermo   PROTOCOL "}).fraction == 1
    partial = grading.short_answer(spec, {"text": "Palermo convention"})
    assert partial.fraction == 0.5 and partial.feedback == ["Name the instrument fully."]
    assert grading.short_answer(spec, {"text": "Vienna"}).fraction == 0


def test_short_answer_can_require_letter_case():
    spec = {"case_sensitive": True, "answers": [{"text": "NRM", "fraction": 1.0, "feedback": ""}]}
    assert grading.short_answer(spec, {"text": "nrm"}).fraction == 0


def test_numerical_with_tolerance_range_and_partial_answers():
    spec = {"answers": [
        {"value": 2000, "tolerance": 0, "low": None, "high": None, "fraction": 1.0, "feedback": ""},
        {"value": None, "tolerance": 0, "low": 1999, "high": 2003, "fraction": 0.5, "feedback": "Close."},
    ]}
    assert grading.numerical(spec, {"text": "2000"}).fraction == 1
    assert grading.numerical(spec, {"text": "2003"}).fraction == 0.5
    assert grading.numerical(spec, {"text": "two thousand"}).fraction == 0


def test_essays_wait_for_a_person():
    from assessments.types import registry

    assert registry.get("essay").grade_response({}, {"text": "..."}) is None


@pytest.mark.parametrize("text, expected", [("3,5", "3.5"), (" 1 000 ", "1000"), ("-2", "-2"), ("NaN", None), ("", None), ("1e400", "1E+400")])
def test_numbers_are_read_as_people_type_them(text, expected):
    number = parse_number(text)
    assert (str(number) if number is not None else None) == expected


def test_wildcards_and_normalisation():
    assert wildcard_match("traf*ing", "trafficking")
    assert not wildcard_match("traf*ing", "trafficker")
    assert wildcard_match("a.b", "a.b") and not wildcard_match("a.b", "axb")
    assert normalise_text("Ｐａｌｅｒｍｏ  ") == "palermo"


@pytest.mark.parametrize("method, expected", [("highest", 80), ("first", 40), ("last", 60), ("average", 60)])
def test_final_grade_by_method(method, expected):
    assert final_grade(method, [40, 80, 60]) == expected
    assert final_grade(method, []) is None


def test_numerical_catch_all_answer_gives_its_feedback():
    spec = {"answers": [
        {"value": 18, "tolerance": 0, "low": None, "high": None, "fraction": 1.0, "feedback": ""},
        {"value": None, "tolerance": 0, "low": None, "high": None, "fraction": 0.0, "feedback": "A child is anyone under 18."},
    ]}
    assert grading.numerical(spec, {"text": "18"}).fraction == 1
    assert grading.numerical(spec, {"text": "16"}).feedback == ["A child is anyone under 18."]


def test_arabic_short_answers_ignore_hamza_seats_vowel_marks_and_ta_marbuta():
    spec = {"answers": [{"text": "الآلية الوطنية للإحالة", "fraction": "1", "feedback": ""}]}
    for typed in (
        "الالية الوطنية للاحالة",
        "الآليّة الوطنيّة للإحالة",
        "الاليه الوطنيه للاحاله",
        "الأليـــة الوطنية للإحالة",
    ):
        assert grading.short_answer(spec, {"text": typed}).fraction == 1, typed
    assert grading.short_answer(spec, {"text": "الآلية الدولية للإحالة"}).fraction == 0


def test_arabic_folding_leaves_other_scripts_alone():
    assert normalise_text("Ёлка café") == "ёлка café"


def test_numbers_typed_with_arabic_digits_and_separators():
    assert parse_number("٣٫٥") == Decimal("3.5")
    assert parse_number("١٬٠٠٠") == Decimal("1000")
    assert parse_number("۱۲") == Decimal("12")
