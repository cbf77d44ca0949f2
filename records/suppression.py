"""Small-cell suppression: hide counts that could single out a few people.

Pure functions, no Django: the dashboard, the PDF and the API summary all call them.

A hidden cell is hidden for one of two reasons, and says which: ``SMALL`` when its own count is
from 1 to ``minimum - 1`` (shown as "< 5"), ``COMPLEMENTARY`` when it is hidden only to protect
another cell (shown as "suppressed": it may stand for 207 people, so "< 5" would be false).
"""

from collections.abc import Sequence

SMALL = "small"
COMPLEMENTARY = "complementary"


def suppressed_cells(counts: Sequence[int], minimum: int) -> set[int]:
    """Indexes of the cells to hide in one breakdown.

    A count from 1 to ``minimum - 1`` is hidden (zero says nobody and is shown). When exactly
    one cell is hidden, the next smallest shown cell is hidden too (complementary suppression),
    so the hidden count cannot be recovered by subtracting the others from the total.
    """
    return set(suppression_reasons(counts, minimum))


def suppression_reasons(counts: Sequence[int], minimum: int) -> dict[int, str]:
    """The cells to hide in one breakdown, each with why: ``SMALL`` or ``COMPLEMENTARY``."""
    if minimum <= 1:
        return {}
    hidden = {index: SMALL for index, count in enumerate(counts) if is_small(count, minimum)}
    if len(hidden) == 1:
        shown = [(count, index) for index, count in enumerate(counts) if index not in hidden and count > 0]
        if shown:
            hidden[min(shown)[1]] = COMPLEMENTARY
    return hidden


def reason_for(count: int | None, *, hidden: bool, minimum: int) -> str | None:
    """Why a hidden count is hidden: small if it truly is, else to protect another; None if shown."""
    if not hidden:
        return None
    return SMALL if is_small(count, minimum) else COMPLEMENTARY


def is_small(count: int | None, minimum: int) -> bool:
    """Whether a single figure (not part of a breakdown) must be hidden."""
    return count is not None and 0 < count < minimum
