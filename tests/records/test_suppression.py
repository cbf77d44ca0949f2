"""Small-cell suppression: the pure rule."""

from courses.records.suppression import is_small, suppressed_cells


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
