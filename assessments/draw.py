"""Random questions from a category: whether a quiz's draws can be made, and making them. Pure.

A random slot asks for ``count`` questions out of a pool: the current questions of a category
(with or without its subcategories), less the questions already fixed in the quiz. Pools taken
from a category tree are nested or disjoint, never half-overlapping, so one check per pool
decides (Hall's condition on a laminar family): every pool must hold at least as many questions
as all the slots whose pools lie inside it ask for. Drawing the smallest pools first then never
runs short when the check passed.
"""

import random
from collections.abc import Hashable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Draw:
    """One random slot as the check and the draw see it: how many, out of which questions."""

    count: int
    pool: frozenset[Hashable]


@dataclass(frozen=True)
class Shortfall:
    """Slot ``index`` (with the slots nested in its pool) asks for ``needed``; only ``available`` exist."""

    index: int
    needed: int
    available: int


def shortfalls(draws: Sequence[Draw]) -> list[Shortfall]:
    """The slots whose pool cannot give what it and the slots inside it ask for (none: drawable)."""
    found = []
    for index, draw in enumerate(draws):
        needed = sum(other.count for other in draws if other.pool <= draw.pool)
        if needed > len(draw.pool):
            found.append(Shortfall(index=index, needed=needed, available=len(draw.pool)))
    return found


def draw(draws: Sequence[Draw], rng: random.Random) -> list[list[Hashable]]:
    """The questions each slot draws, in slot order; no question twice. Raises ValueError when
    ``shortfalls`` finds one. The same ``rng`` state gives the same draw (pools are sorted)."""
    if shortfalls(draws):
        raise ValueError("not enough questions to draw from")
    taken: set = set()
    chosen: list[list] = [[] for _ in draws]
    for index in sorted(range(len(draws)), key=lambda i: (len(draws[i].pool), i)):
        available = sorted(draws[index].pool - taken, key=str)
        chosen[index] = rng.sample(available, draws[index].count)
        taken.update(chosen[index])
    return chosen
