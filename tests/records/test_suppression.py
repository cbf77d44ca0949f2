"""Small-cell suppression: the pure rule."""

from records.suppression import is_small, suppressed_cells


def test_nothing_hidden_when_every_count_is_large_enough():
    assert suppressed_cells([5, 12, 40], 5) == set()


def test_a_single_small_cell_hides_the_next_smallest_too():
    # Total 56: with only the 3 hidden, 56 - 12 - 40 would give it away.
    assert suppressed_cells([12, 3, 40, 9], 5) == {1, 3}


def test_two_small_cells_protect_each_other():
    assert suppressed_cells([2, 4, 40], 5) == {0, 1}


def test_zero_is_shown_and_never_used_as_the_complement():
    assert suppressed_cells([0, 2, 30, 7], 5) == {1, 3}


def test_a_single_cell_alone_is_hidden_without_complement():
    assert suppressed_cells([3], 5) == {0}


def test_minimum_of_one_hides_nothing():
    assert suppressed_cells([1, 2], 1) == set()


def test_ties_pick_the_first_of_the_smallest():
    assert suppressed_cells([1, 8, 8], 5) == {0, 1}


def test_single_figures():
    assert is_small(4, 5)
    assert not is_small(5, 5)
    assert not is_small(0, 5)
    assert not is_small(None, 5)


# --- Why a cell is hidden: a true small count, or only to protect another ----------------------

from records.suppression import COMPLEMENTARY, SMALL, reason_for, suppression_reasons  # noqa: E402


def test_the_complement_is_marked_complementary_not_small():
    assert suppression_reasons([12, 3, 40, 9], 5) == {1: SMALL, 3: COMPLEMENTARY}


def test_a_large_complement_is_complementary():
    # 207 enrolments hidden to protect a single small cell are not "fewer than 5".
    assert suppression_reasons([207, 2, 900], 5) == {1: SMALL, 0: COMPLEMENTARY}


def test_small_cells_that_protect_each_other_are_all_small():
    assert suppression_reasons([2, 4, 40], 5) == {0: SMALL, 1: SMALL}


def test_reasons_agree_with_the_hidden_cells():
    for counts in ([5, 12, 40], [0, 2, 30, 7], [3], [1, 8, 8], [4, 4, 4, 90]):
        assert set(suppression_reasons(counts, 5)) == suppressed_cells(counts, 5)


def test_reason_of_a_single_hidden_figure_comes_from_its_own_count():
    assert reason_for(3, hidden=True, minimum=5) == SMALL
    assert reason_for(5, hidden=True, minimum=5) == COMPLEMENTARY  # 5 valid certificates
    assert reason_for(207, hidden=True, minimum=5) == COMPLEMENTARY
    assert reason_for(0, hidden=True, minimum=5) == COMPLEMENTARY
    assert reason_for(3, hidden=False, minimum=5) is None


def test_only_a_small_count_reads_less_than_the_minimum(settings):
    from records.figures import Figure

    settings.RECORDS_MIN_CELL = 5
    assert Figure("Enrolments", 3, SMALL).display == "< 5"
    assert Figure("Enrolments", 207, COMPLEMENTARY).display == "suppressed"
    assert Figure("Enrolments", 207).display == "207"
    assert Figure("Completion rate", 67, key="completion_rate_percent", text="67 %").display == "67 %"
