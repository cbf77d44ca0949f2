"""Pre-/post-test figures, computed by hand on small cohorts (no database)."""

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from workshops import learning, surveys
from workshops.learning import ScoredAttempt, TraineeLearning

FIRST = datetime(2026, 11, 16, 9, tzinfo=UTC)
LAST = datetime(2026, 11, 18, 17, tzinfo=UTC)


def pairs(*scores):
    return [TraineeLearning(trainee_id=i, pre=pre, post=post) for i, (pre, post) in enumerate(scores)]


def test_cohort_figures_on_matched_pairs_by_hand():
    # A 40→70, B 60→80, C 100→90 (no normalised gain), D 50→50; E pre only, F post only.
    result = learning.cohort_learning(pairs((40, 70), (60, 80), (100, 90), (50, 50), (30, None), (None, 90)))
    assert result.n == 4 and result.unmatched == 2 and result.pre_only == 1 and result.post_only == 1
    assert result.pre_mean == 62.5 and result.pre_median == 55
    assert result.post_mean == 72.5 and result.post_median == 75
    assert result.mean_gain == 10  # (30 + 20 − 10 + 0) / 4
    assert result.gain_of_means == pytest.approx(10 / 37.5)  # (72.5 − 62.5) / (100 − 62.5)
    assert result.mean_of_gains == pytest.approx((0.5 + 0.5 + 0) / 3)  # C left out
    assert result.excluded_at_100 == 1
    assert result.improved == 2 and result.improved_share == 50


def test_unmatched_trainees_change_no_figure():
    with_them = learning.cohort_learning(pairs((40, 70), (60, 80), (0, None), (None, 0)))
    without = learning.cohort_learning(pairs((40, 70), (60, 80)))
    assert (with_them.n, with_them.pre_mean, with_them.post_mean, with_them.mean_gain) == (
        without.n, without.pre_mean, without.post_mean, without.mean_gain
    )


def test_a_trainee_at_100_before_has_a_gain_but_no_normalised_gain():
    trainee = TraineeLearning(trainee_id=1, pre=100, post=100)
    assert trainee.gain == 0 and trainee.normalised_gain is None
    everyone_at_100 = learning.cohort_learning([trainee])
    assert everyone_at_100.gain_of_means is None and everyone_at_100.mean_of_gains is None
    assert everyone_at_100.excluded_at_100 == 1


def test_no_pairs_gives_no_figures():
    result = learning.cohort_learning(pairs((40, None)))
    assert result.n == 0 and result.pre_mean is None and result.improved_share is None


def attempt(pk, trainee, when, grade, key="q"):
    return ScoredAttempt(pk, trainee, key, when, grade)


def test_pre_is_the_first_attempt_before_the_first_session_and_post_the_first_after_the_last():
    attempts = [
        attempt(1, 7, FIRST - timedelta(days=2), 30),
        attempt(2, 7, FIRST - timedelta(hours=1), 60),  # a second try before: not the pre-test
        attempt(3, 7, FIRST + timedelta(hours=3), 70),  # during the workshop: neither
        attempt(5, 7, LAST + timedelta(days=3), 95),
        attempt(4, 7, LAST + timedelta(minutes=5), 80),  # listed later, submitted first
    ]
    result = learning.pick_pre_post(attempts, pre_key="q", post_key="q", first_start=FIRST, last_end=LAST)[7]
    assert (result.pre, result.post, result.pre_attempt, result.post_attempt) == (30, 80, 1, 4)


def test_a_parallel_post_test_is_read_from_its_own_quiz():
    attempts = [attempt(1, 7, FIRST - timedelta(days=1), 40, "pre"), attempt(2, 7, LAST + timedelta(days=1), 50, "pre"),
                attempt(3, 7, LAST + timedelta(days=2), 90, "post")]
    result = learning.pick_pre_post(attempts, pre_key="pre", post_key="post", first_start=FIRST, last_end=LAST)[7]
    assert (result.pre, result.post) == (40, 90)


def test_a_first_attempt_waiting_for_a_grader_is_not_replaced_by_a_later_one():
    attempts = [attempt(1, 7, FIRST - timedelta(days=2), None), attempt(2, 7, FIRST - timedelta(days=1), 90)]
    result = learning.pick_pre_post(attempts, pre_key="q", post_key="q", first_start=FIRST, last_end=LAST)[7]
    assert result.pre is None and not result.matched


@given(st.lists(st.tuples(st.integers(0, 100), st.integers(0, 100)), min_size=1, max_size=30))
def test_figures_stay_in_their_ranges(scores):
    result = learning.cohort_learning(pairs(*scores))
    assert 0 <= result.pre_mean <= 100 and 0 <= result.post_mean <= 100
    assert -100 <= result.mean_gain <= 100
    assert result.excluded_at_100 == sum(1 for pre, _post in scores if pre == 100)
    if result.mean_of_gains is not None:
        assert result.mean_of_gains <= 1


def test_net_score_is_promoters_minus_detractors():
    # 10, 9, 9 promoters; 8, 7 passive; 6, 0 detractors → (3 − 2) / 7
    assert surveys.net_score([10, 9, 9, 8, 7, 6, 0]) == pytest.approx(100 / 7)
    assert surveys.net_score([]) is None
    assert surveys.net_score([6, 6]) == -100


def test_likert_item_figures():
    item = surveys.item_figures("Relevant", [5, 4, 4, 2, 1])
    assert item.n == 5 and item.mean == 3.2 and item.agree == 60 and item.counts == [1, 1, 0, 2, 1]
