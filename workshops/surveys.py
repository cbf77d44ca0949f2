"""A workshop's two surveys: the default statements, when each is open, and their figures.

The satisfaction survey (end of the workshop): five-point statements, a 0–10 "would you
recommend" question reported as a net score (% 9–10 minus % 0–6), free comments. The follow-up
survey (``follow_up_months`` later, sent by email): five-point statements on applying what was
learned, and an example in the trainee's words. The figures here are pure functions.
"""

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from statistics import mean

from django.conf import settings
from django.utils.translation import gettext_lazy as _

SATISFACTION = "satisfaction"
FOLLOW_UP = "follow_up"

DEFAULT_ITEMS = {
    "objectives": _("The workshop met its stated objectives."),
    "relevance": _("The content is relevant to my daily work."),
    "facilitation": _("The facilitators explained the subjects clearly and answered my questions."),
    "practice": _("The case studies and exercises showed me how to apply the content."),
    "materials": _("The materials will be useful to me after the workshop."),
    "organisation": _("The venue, timing and logistics were well organised."),
    "applied": _("I have applied what I learned in my work."),
    "confidence": _("I handle the situations the workshop covered with more confidence."),
    "shared": _("I have shared what I learned with colleagues."),
    "practice_changed": _("My service has changed a practice or procedure as a result of the workshop."),
}
DEFAULT_SETS = {
    SATISFACTION: ["objectives", "relevance", "facilitation", "practice", "materials", "organisation"],
    FOLLOW_UP: ["applied", "confidence", "shared", "practice_changed"],
}
LIKERT_CHOICES = [
    (1, _("Strongly disagree")),
    (2, _("Disagree")),
    (3, _("Neither agree nor disagree")),
    (4, _("Agree")),
    (5, _("Strongly agree")),
]
TITLES = {
    SATISFACTION: _("Satisfaction survey"),
    FOLLOW_UP: _("Follow-up survey"),
}
COMMENT_LABELS = {
    SATISFACTION: _("Comments: what worked, what should change"),
    FOLLOW_UP: _("Give an example of how you used what you learned, or tell us what stopped you"),
}


def open_days() -> int:
    """How many days a survey stays open (after the workshop ends, or after the follow-up opens)."""
    return int(getattr(settings, "PASSAGE_SURVEY_OPEN_DAYS", 30))


def add_months(day: date, months: int) -> date:
    """The same day ``months`` later (the month's last day when it has fewer days)."""
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return day.replace(year=year, month=month, day=min(day.day, last))
        except ValueError:
            continue
    raise ValueError(day)


@dataclass(frozen=True)
class Window:
    opens: datetime
    closes: datetime

    def is_open(self, now: datetime) -> bool:
        return self.opens <= now < self.closes


def window(*, survey: str, ends_on: date, last_start: datetime | None, zone, follow_up_months: int) -> Window:
    """When a survey takes answers (aware datetimes at the workshop's local time).

    Satisfaction: from the start of the last session (the morning of the last day without
    sessions) to ``open_days`` after the last day. Follow-up: from ``follow_up_months`` after
    the last day, for ``open_days``.
    """
    day_after = datetime.combine(ends_on + timedelta(days=1), time(0), tzinfo=zone)
    if survey == SATISFACTION:
        opens = last_start or datetime.combine(ends_on, time(0), tzinfo=zone)
        return Window(opens=opens, closes=day_after + timedelta(days=open_days()))
    opens = datetime.combine(add_months(ends_on, follow_up_months), time(0), tzinfo=zone)
    return Window(opens=opens, closes=opens + timedelta(days=open_days()))


# --- Figures ------------------------------------------------------------------------------------


def net_score(values: Sequence[int]) -> float | None:
    """% of 9–10 minus % of 0–6 (from −100 to 100); None without answers."""
    if not values:
        return None
    promoters = sum(1 for v in values if v >= 9)
    detractors = sum(1 for v in values if v <= 6)
    return 100 * (promoters - detractors) / len(values)


@dataclass
class ItemFigures:
    label: str
    n: int
    mean: float | None
    agree: float | None  # % answering 4 or 5
    counts: list[int] = field(default_factory=list)  # answers 1..5


def item_figures(label: str, scores: Sequence[int]) -> ItemFigures:
    counts = Counter(scores)
    n = len(scores)
    return ItemFigures(
        label=label, n=n, mean=mean(scores) if scores else None,
        agree=100 * (counts[4] + counts[5]) / n if n else None, counts=[counts[value] for value in range(1, 6)],
    )


@dataclass
class SurveyFigures:
    survey: str
    invited: int
    responses: int
    items: list[ItemFigures]
    recommend_n: int = 0
    net_score: float | None = None
    comments: list[str] = field(default_factory=list)

    @property
    def response_rate(self) -> float | None:
        """Responses out of the trainees asked, in percent."""
        return 100 * self.responses / self.invited if self.invited else None


def survey_figures(
    survey: str, *, invited: int, items: Sequence[str], answers: Sequence[tuple[str, int]],
    recommend: Sequence[int], comments: Sequence[str], responses: int,
) -> SurveyFigures:
    """Figures of one survey: ``items`` the statements in order, ``answers`` (statement, score).

    Statements are matched by their words, so workshops asking the same one add up."""
    by_item: dict[str, list[int]] = {}
    for label, score in answers:
        by_item.setdefault(label, []).append(score)
    return SurveyFigures(
        survey=survey,
        invited=invited,
        responses=responses,
        items=[item_figures(label, by_item.get(label, [])) for label in items],
        recommend_n=len(recommend),
        net_score=net_score(recommend),
        comments=[comment for comment in comments if comment.strip()],
    )
