"""A quiz's results in figures: pure functions over plain lists and dicts, no database.

The trainer pages (``assessments.trainer_views``) load rows once and hand them here:
summary statistics, the score distribution in 10-point bands (and the geometry of its bar
chart), item analysis in Moodle's sense (facility and discrimination indices), how often each
option of a choice question was picked, and the neutralisation of spreadsheet formulas in CSV
cells.
"""

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from statistics import mean, median

BAND_WIDTH = 10
# Spreadsheets read a cell starting with one of these as a formula (CSV injection).


@dataclass(frozen=True)
class Summary:
    """Figures over the graded attempts: how many, mean and median grade, pass rate (%)."""

    count: int
    mean: float | None
    median: float | None
    passed: int
    pass_rate: float | None


def summarise(grades: Sequence[float], *, pass_mark: float) -> Summary:
    """Mean, median and pass rate of a list of grades (0..100)."""
    if not grades:
        return Summary(count=0, mean=None, median=None, passed=0, pass_rate=None)
    passed = sum(1 for grade in grades if grade >= pass_mark)
    return Summary(
        count=len(grades),
        mean=mean(grades),
        median=median(grades),
        passed=passed,
        pass_rate=100 * passed / len(grades),
    )


@dataclass(frozen=True)
class Band:
    """Grades from ``low`` (included) to ``high`` (excluded; 100 belongs to the last band)."""

    low: int
    high: int
    count: int
    percent: float

    @property
    def is_last(self) -> bool:
        return self.high >= 100


def band_index(grade: float, *, width: int = BAND_WIDTH) -> int:
    """The band a grade falls in: 0 for 0 ≤ g < 10 … 9 for 90 ≤ g ≤ 100 (out-of-range clamped)."""
    bands = math.ceil(100 / width)
    return min(bands - 1, max(0, int(grade // width)))


def score_bands(grades: Iterable[float], *, width: int = BAND_WIDTH) -> list[Band]:
    """How many grades fall in each band of ``width`` points, from 0 to 100."""
    grades = list(grades)
    counts = Counter(band_index(grade, width=width) for grade in grades)
    total = len(grades)
    return [
        Band(
            low=i * width,
            high=min(100, (i + 1) * width),
            count=counts.get(i, 0),
            percent=(100 * counts.get(i, 0) / total) if total else 0.0,
        )
        for i in range(math.ceil(100 / width))
    ]


@dataclass(frozen=True)
class Bar:
    band: Band
    x: float
    y: float
    width: float
    height: float
    label_x: float

    @property
    def label_y(self) -> float:
        return self.y - 4


def chart_bars(bands: Sequence[Band], *, height: float = 120, bar_width: float = 40, gap: float = 8) -> list[Bar]:
    """Geometry of a bar chart of the bands (SVG user units; y grows downwards)."""
    tallest = max((band.count for band in bands), default=0)
    bars = []
    for i, band in enumerate(bands):
        bar_height = (height * band.count / tallest) if tallest else 0.0
        x = gap + i * (bar_width + gap)
        bars.append(Bar(band=band, x=x, y=height - bar_height, width=bar_width, height=bar_height, label_x=x + bar_width / 2))
    return bars


def chart_width(bands: Sequence[Band], *, bar_width: float = 40, gap: float = 8) -> float:
    return gap + len(bands) * (bar_width + gap)


def pearson(xs: Sequence[float], ys: Sequence[float]) -> float | None:
    """Pearson's correlation coefficient; None with fewer than two pairs or a constant series."""
    if len(xs) != len(ys):
        raise ValueError("series of different lengths")
    n = len(xs)
    if n < 2:
        return None
    mean_x, mean_y = sum(xs) / n, sum(ys) / n
    dx = [x - mean_x for x in xs]
    dy = [y - mean_y for y in ys]
    sxx = sum(d * d for d in dx)
    syy = sum(d * d for d in dy)
    # A series that does not vary (every trainee right, or every trainee wrong) correlates
    # with nothing; relative tolerance, since floats of equal values can differ in the last bit.
    if sxx <= 1e-12 * max(1.0, sum(x * x for x in xs)) or syy <= 1e-12 * max(1.0, sum(y * y for y in ys)):
        return None
    r = sum(a * b for a, b in zip(dx, dy, strict=True)) / math.sqrt(sxx * syy)
    return max(-1.0, min(1.0, r))


def facility(fractions: Sequence[float]) -> float | None:
    """Facility index: the mean fraction of the mark earned (0 = nobody, 1 = everybody right)."""
    return mean(fractions) if fractions else None


@dataclass
class ItemStats:
    """Item analysis of one question (a question family) over fully graded attempts."""

    family: str
    count: int
    facility: float | None
    discrimination: float | None
    mean_mark: float | None


def item_analysis(attempts: Iterable[dict]) -> dict[str, ItemStats]:
    """Facility and discrimination index per question family.

    ``attempts``: ``{"marks", "max_marks", "answers": {family: {"fraction", "mark", "max_mark"}}}``
    for fully graded, finished attempts. The discrimination index is Moodle's: the correlation
    between the fraction earned on the item and the rest of the test (the attempt's marks
    without this item, as a fraction of the marks available without it).
    """
    pairs: dict[str, list[tuple[float, float]]] = {}
    fractions: dict[str, list[float]] = {}
    marks: dict[str, list[float]] = {}
    for attempt in attempts:
        total, available = float(attempt["marks"] or 0), float(attempt["max_marks"] or 0)
        for family, answer in attempt["answers"].items():
            if answer.get("fraction") is None:
                continue
            fraction = float(answer["fraction"])
            fractions.setdefault(family, []).append(fraction)
            marks.setdefault(family, []).append(float(answer.get("mark") or 0))
            rest_available = available - float(answer.get("max_mark") or 0)
            if rest_available > 0:
                rest = (total - float(answer.get("mark") or 0)) / rest_available
                pairs.setdefault(family, []).append((fraction, rest))
    stats = {}
    for family, values in fractions.items():
        family_pairs = pairs.get(family, [])
        stats[family] = ItemStats(
            family=family,
            count=len(values),
            facility=facility(values),
            discrimination=pearson([p[0] for p in family_pairs], [p[1] for p in family_pairs]),
            mean_mark=mean(marks[family]),
        )
    return stats


def chosen_option_ids(response: dict | None, layout: dict | None) -> list[str]:
    """The option ids a stored response picked (tokens resolved through the attempt's layout).

    True/false answers give ``"true"`` or ``"false"``. Unknown tokens are ignored.
    """
    response = response or {}
    tokens = (layout or {}).get("tokens", {})
    if response.get("choice") is not None:
        return [tokens[response["choice"]]] if response["choice"] in tokens else []
    if "choices" in response:
        return [tokens[token] for token in dict.fromkeys(response["choices"] or []) if token in tokens]
    if response.get("value") in (True, False):
        return ["true" if response["value"] else "false"]
    return []


@dataclass
class OptionCount:
    option_id: str
    label: str
    count: int
    percent: float
    credit: float = 0.0  # share of the mark this option earns in the current key (may be negative)

    @property
    def is_right(self) -> bool:
        return self.credit >= 1

    @property
    def credit_percent(self) -> float:
        return 100 * self.credit


@dataclass
class ChoiceDistribution:
    responses: int
    unanswered: int
    options: list[OptionCount] = field(default_factory=list)


def choice_distribution(
    picks: Sequence[Sequence[str]], *, options: Sequence[tuple[str, str]], credit: dict | None = None
) -> ChoiceDistribution:
    """How often each option was chosen; ``picks`` holds one list of option ids per answer.

    ``options`` are ``(id, label)`` in display order; an id picked but no longer in
    ``options`` (removed from the key since) is listed after them under its own id.
    ``credit`` gives the share of the mark each option earns in the current key.
    """
    credit = credit or {}
    counts = Counter(option_id for chosen in picks for option_id in dict.fromkeys(chosen))
    total = len(picks)
    known = [option_id for option_id, _label in options]
    rows = list(options) + [(option_id, option_id) for option_id in counts if option_id not in known]
    return ChoiceDistribution(
        responses=total,
        unanswered=sum(1 for chosen in picks if not chosen),
        options=[
            OptionCount(
                option_id=option_id,
                label=label,
                count=counts.get(option_id, 0),
                percent=(100 * counts.get(option_id, 0) / total) if total else 0.0,
                credit=float(credit.get(option_id, 0)),
            )
            for option_id, label in rows
        ],
    )


def trainee_final_grades(rows: Iterable[tuple], *, method: str) -> dict:
    """Final grade per trainee by the quiz's grading method; ``rows``: (trainee, number, grade)."""
    from assessments.grading import final_grade

    by_trainee: dict = {}
    for trainee, _number, grade in sorted(rows, key=lambda row: (str(row[0]), row[1])):
        by_trainee.setdefault(trainee, []).append(float(grade))
    return {trainee: final_grade(method, grades) for trainee, grades in by_trainee.items()}


