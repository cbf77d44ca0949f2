"""Quiz results in figures: summary, bands, item analysis, choice counts, CSV cells (no database)."""

import math

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from assessments.analysis import (
    band_index,
    chart_bars,
    choice_distribution,
    chosen_option_ids,
    facility,
    item_analysis,
    pearson,
    score_bands,
    summarise,
    trainee_final_grades,
)
from lms.spreadsheets import FORMULA_PREFIXES, neutralise

grades = st.floats(min_value=0, max_value=100, allow_nan=False)


def test_summary_of_grades():
    summary = summarise([40, 60, 80, 100], pass_mark=70)
    assert summary.count == 4
    assert summary.mean == 70 and summary.median == 70
    assert summary.passed == 2 and summary.pass_rate == 50


def test_summary_without_grades_has_no_figures():
    summary = summarise([], pass_mark=70)
    assert (summary.count, summary.mean, summary.median, summary.pass_rate) == (0, None, None, None)


def test_a_grade_equal_to_the_pass_mark_passes():
    assert summarise([70], pass_mark=70).passed == 1


@given(st.lists(grades, min_size=1), st.floats(min_value=0, max_value=100))
def test_summary_stays_within_the_grades(values, pass_mark):
    summary = summarise(values, pass_mark=pass_mark)
    assert min(values) - 1e-9 <= summary.mean <= max(values) + 1e-9
    assert min(values) <= summary.median <= max(values)
    assert 0 <= summary.pass_rate <= 100


def test_bands_include_their_lower_bound_and_100_is_in_the_last():
    bands = score_bands([0, 9.99, 10, 55, 90, 100])
    assert [band.count for band in bands] == [2, 1, 0, 0, 0, 1, 0, 0, 0, 2]
    assert (bands[0].low, bands[0].high, bands[-1].low, bands[-1].high) == (0, 10, 90, 100)
    assert bands[-1].is_last and not bands[0].is_last


@given(st.lists(grades))
def test_every_grade_falls_in_exactly_one_band(values):
    bands = score_bands(values)
    assert len(bands) == 10
    assert sum(band.count for band in bands) == len(values)
    for value in values:
        band = bands[band_index(value)]
        assert band.low <= value and (value < band.high or (band.is_last and value <= 100))
    if values:
        assert math.isclose(sum(band.percent for band in bands), 100)


def test_chart_bars_scale_to_the_tallest_band():
    bars = chart_bars(score_bands([95, 95, 45]), height=120)
    assert bars[9].height == 120 and bars[9].y == 0
    assert bars[4].height == 60 and bars[4].y == 60
    assert bars[0].height == 0
    assert all(later.x > earlier.x for earlier, later in zip(bars, bars[1:], strict=False))


def test_chart_of_no_grades_has_empty_bars():
    assert all(bar.height == 0 for bar in chart_bars(score_bands([])))


def test_pearson_of_perfectly_related_series():
    assert pearson([0, 1, 2], [10, 20, 30]) == pytest.approx(1)
    assert pearson([0, 1, 2], [30, 20, 10]) == pytest.approx(-1)


def test_pearson_is_undefined_for_a_constant_series_or_a_single_pair():
    assert pearson([1, 1, 1], [0.2, 0.5, 0.9]) is None
    assert pearson([0.5], [0.5]) is None
    assert pearson([], []) is None


small = st.floats(min_value=-1000, max_value=1000, allow_nan=False)


@given(st.lists(st.tuples(small, small), min_size=2, max_size=40))
def test_pearson_is_symmetric_and_between_minus_one_and_one(pairs):
    xs, ys = [p[0] for p in pairs], [p[1] for p in pairs]
    r = pearson(xs, ys)
    assume(r is not None)
    assert -1 <= r <= 1
    assert pearson(ys, xs) == pytest.approx(r, abs=1e-9)


@given(
    st.lists(st.tuples(st.floats(0, 1), st.floats(0, 1)), min_size=3, max_size=30),
    st.floats(min_value=0.5, max_value=10),
    st.floats(min_value=-5, max_value=5),
)
def test_pearson_ignores_rescaling(pairs, scale, shift):
    xs, ys = [p[0] for p in pairs], [p[1] for p in pairs]
    r = pearson(xs, ys)
    assume(r is not None)
    rescaled = pearson([scale * x + shift for x in xs], ys)
    assume(rescaled is not None)
    assert rescaled == pytest.approx(r, abs=1e-6)


def test_facility_is_the_mean_fraction():
    assert facility([1, 0, 0.5, 0.5]) == 0.5
    assert facility([]) is None


def attempt(answers):
    """An attempt from {family: (fraction, max_mark)}: marks are the sum of fraction × max."""
    rows = {family: {"fraction": f, "mark": f * m, "max_mark": m} for family, (f, m) in answers.items()}
    return {"marks": sum(r["mark"] for r in rows.values()), "max_marks": sum(r["max_mark"] for r in rows.values()), "answers": rows}


def test_item_analysis_facility_and_discrimination():
    # "good" is answered right by the trainees who do well elsewhere; "bad" by those who do not.
    attempts = [
        attempt({"good": (1, 1), "bad": (0, 1), "a": (1, 1), "b": (1, 1), "c": (1, 1)}),
        attempt({"good": (1, 1), "bad": (0, 1), "a": (1, 1), "b": (1, 1), "c": (0, 1)}),
        attempt({"good": (0, 1), "bad": (1, 1), "a": (0, 1), "b": (1, 1), "c": (0, 1)}),
        attempt({"good": (0, 1), "bad": (1, 1), "a": (0, 1), "b": (0, 1), "c": (0, 1)}),
    ]
    stats = item_analysis(attempts)
    assert stats["good"].facility == 0.5 and stats["bad"].facility == 0.5
    assert stats["good"].discrimination > 0.5
    assert stats["bad"].discrimination < -0.5
    assert stats["good"].count == 4 and stats["good"].mean_mark == 0.5


def test_item_everyone_gets_right_has_no_discrimination():
    stats = item_analysis([attempt({"easy": (1, 1), "x": (f, 1)}) for f in (0, 0.5, 1)])
    assert stats["easy"].facility == 1
    assert stats["easy"].discrimination is None


def test_item_analysis_skips_answers_waiting_for_a_grader():
    stats = item_analysis([{"marks": 1, "max_marks": 2, "answers": {"q": {"fraction": None, "mark": None, "max_mark": 1}}}])
    assert "q" not in stats


@given(st.lists(st.dictionaries(st.sampled_from("abcd"), st.tuples(st.floats(0, 1), st.sampled_from([1, 2, 5])), min_size=1), max_size=30))
def test_item_analysis_indices_stay_in_range(raw_attempts):
    for stats in item_analysis([attempt(a) for a in raw_attempts]).values():
        assert 0 <= stats.facility <= 1
        assert stats.discrimination is None or -1 <= stats.discrimination <= 1


def test_chosen_option_ids_resolve_tokens_through_the_layout():
    layout = {"tokens": {"t1": "opt-a", "t2": "opt-b"}}
    assert chosen_option_ids({"choice": "t2"}, layout) == ["opt-b"]
    assert chosen_option_ids({"choices": ["t1", "t2", "t1", "forged"]}, layout) == ["opt-a", "opt-b"]
    assert chosen_option_ids({"value": False}, {}) == ["false"]
    assert chosen_option_ids(None, layout) == []
    assert chosen_option_ids({"choice": "forged"}, layout) == []


def test_choice_distribution_counts_each_option_with_its_label():
    picks = [["a"], ["a"], ["b"], [], ["gone"]]
    distribution = choice_distribution(picks, options=[("a", "Passport kept"), ("b", "Contract"), ("c", "Family")], credit={"a": 1, "b": 0.5})
    assert distribution.responses == 5 and distribution.unanswered == 1
    rows = {o.option_id: o for o in distribution.options}
    assert (rows["a"].label, rows["a"].count, rows["a"].percent, rows["a"].is_right) == ("Passport kept", 2, 40, True)
    assert (rows["b"].is_right, rows["b"].credit_percent) == (False, 50)
    assert rows["c"].count == 0 and rows["c"].credit == 0
    assert rows["gone"].count == 1  # an option removed from the key since is still counted


def test_final_grade_per_trainee_follows_the_grading_method():
    rows = [(1, 2, 80), (1, 1, 40), (2, 1, 90)]
    assert trainee_final_grades(rows, method="first") == {1: 40, 2: 90}
    assert trainee_final_grades(rows, method="highest") == {1: 80, 2: 90}
    assert trainee_final_grades(rows, method="average") == {1: 60, 2: 90}


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"),
        ("+221 77 000 00 00", "'+221 77 000 00 00"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tcmd", "'\tcmd"),
        ("\rcmd", "'\rcmd"),
        ("Awa Sarr", "Awa Sarr"),
        ("", ""),
        (" =1", " =1"),
        (87.5, 87.5),
        (-3, -3),
        (None, None),
    ],
)
def test_neutralise_examples(value, expected):
    assert neutralise(value) == expected


@given(st.text())
def test_neutralised_text_never_starts_like_a_formula_and_keeps_the_value(text):
    cell = neutralise(text)
    assert not cell.startswith(FORMULA_PREFIXES)
    assert cell == text or cell == "'" + text
    assert cell.endswith(text)


@given(st.text().filter(lambda t: not t.startswith(FORMULA_PREFIXES)))
def test_safe_text_is_left_alone(text):
    assert neutralise(text) == text


@given(st.sampled_from(FORMULA_PREFIXES), st.text())
def test_each_dangerous_start_gets_one_quote(prefix, rest):
    assert neutralise(prefix + rest) == "'" + prefix + rest


@given(st.one_of(st.integers(), st.floats(allow_nan=False), st.none()))
def test_numbers_are_not_changed(value):
    assert neutralise(value) == value
