"""Small-cell suppression: hide counts that could single out a few people.

Pure functions, no Django: the dashboard, the PDF and the API summary all call them.
"""

from collections.abc import Sequence


def suppressed_cells(counts: Sequence[int], minimum: int) -> set[int]:
    """Indexes of the cells to hide in one breakdown.

    A count from 1 to ``minimum - 1`` is hidden (zero says nobody and is shown). When exactly
    one cell is hidden, the next smallest shown cell is hidden too (complementary suppression),
    so the hidden count cannot be recovered by subtracting the others from the total.
    """
    if minimum <= 1:
        return set()
    hidden = {index for index, count in enumerate(counts) if 0 < count < minimum}
    if len(hidden) == 1:
        shown = [(count, index) for index, count in enumerate(counts) if index not in hidden and count > 0]
        if shown:
            hidden.add(min(shown)[1])
    return hidden


def is_small(count: int | None, minimum: int) -> bool:
    """Whether a single figure (not part of a breakdown) must be hidden."""
    return count is not None and 0 < count < minimum
