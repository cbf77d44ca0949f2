"""What a workshop's trainees learned, from their pre-test and post-test: pure functions, no database.

Pre = a trainee's first graded attempt submitted before the first session starts; post = the first
submitted after the last session ends (``pick_pre_post``). Per trainee: gain = post − pre and the
normalised gain (post − pre) / (100 − pre), undefined when pre = 100. Per cohort, on matched pairs
only (trainees with both): means, medians, mean gain, the normalised gain both ways and the share
who improved (``cohort_learning``).
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from statistics import mean, median


@dataclass(frozen=True)
class ScoredAttempt:
    """A finished attempt as the computations need it; ``grade`` None while waiting for a grader."""

    attempt_id: int
    trainee_id: int
    quiz_key: str
    submitted_at: datetime
    grade: float | None


@dataclass(frozen=True)
class TraineeLearning:
    trainee_id: int
    pre: float | None
    post: float | None
    pre_attempt: int | None = None
    post_attempt: int | None = None

    @property
    def matched(self) -> bool:
        return self.pre is not None and self.post is not None

    @property
    def gain(self) -> float | None:
        return self.post - self.pre if self.matched else None

    @property
    def normalised_gain(self) -> float | None:
        """(post − pre) / (100 − pre); None when unmatched or pre = 100 (nothing left to gain)."""
        return normalised_gain(self.pre, self.post) if self.matched else None


def normalised_gain(pre: float, post: float) -> float | None:
    """Hake's normalised gain, as a fraction (0.5 = half of what was left to learn); None at pre = 100."""
    if pre >= 100:
        return None
    return (post - pre) / (100 - pre)


def pick_pre_post(
    attempts: Iterable[ScoredAttempt], *, pre_key: str | None, post_key: str | None,
    first_start: datetime | None, last_end: datetime | None,
) -> dict[int, TraineeLearning]:
    """Each trainee's pre and post score from their finished attempts.

    The pre-test is the first attempt at the pre quiz submitted before ``first_start``, the
    post-test the first at the post quiz submitted after ``last_end`` (the same quiz may be
    both). The first attempt counts even when it still waits for a grader: its score is then
    missing, never replaced by a later attempt's.
    """
    pre: dict[int, ScoredAttempt] = {}
    post: dict[int, ScoredAttempt] = {}
    for attempt in sorted(attempts, key=lambda a: (a.submitted_at, a.attempt_id)):
        if pre_key and first_start and attempt.quiz_key == pre_key and attempt.submitted_at < first_start:
            pre.setdefault(attempt.trainee_id, attempt)
        if post_key and last_end and attempt.quiz_key == post_key and attempt.submitted_at >= last_end:
            post.setdefault(attempt.trainee_id, attempt)
    result = {}
    for trainee_id in pre.keys() | post.keys():
        before, after = pre.get(trainee_id), post.get(trainee_id)
        result[trainee_id] = TraineeLearning(
            trainee_id=trainee_id,
            pre=before.grade if before else None,
            post=after.grade if after else None,
            pre_attempt=before.attempt_id if before and before.grade is not None else None,
            post_attempt=after.attempt_id if after and after.grade is not None else None,
        )
    return result


@dataclass(frozen=True)
class CohortLearning:
    """Figures over matched pairs; ``n`` pairs, ``unmatched`` trainees with only one of the two."""

    n: int
    unmatched: int
    pre_only: int
    post_only: int
    pre_mean: float | None
    pre_median: float | None
    post_mean: float | None
    post_median: float | None
    mean_gain: float | None
    gain_of_means: float | None  # (mean post − mean pre) / (100 − mean pre)
    mean_of_gains: float | None  # mean of the individual normalised gains, pre = 100 left out
    excluded_at_100: int  # matched pairs with pre = 100: no normalised gain
    improved: int

    @property
    def improved_share(self) -> float | None:
        """Percent of matched pairs with post > pre."""
        return 100 * self.improved / self.n if self.n else None


def cohort_learning(trainees: Sequence[TraineeLearning]) -> CohortLearning:
    pairs = [t for t in trainees if t.matched]
    pre_only = sum(1 for t in trainees if t.pre is not None and t.post is None)
    post_only = sum(1 for t in trainees if t.post is not None and t.pre is None)
    if not pairs:
        return CohortLearning(
            n=0, unmatched=pre_only + post_only, pre_only=pre_only, post_only=post_only, pre_mean=None, pre_median=None,
            post_mean=None, post_median=None, mean_gain=None, gain_of_means=None, mean_of_gains=None, excluded_at_100=0,
            improved=0,
        )
    pres = [t.pre for t in pairs]
    posts = [t.post for t in pairs]
    individual = [t.normalised_gain for t in pairs if t.normalised_gain is not None]
    pre_mean, post_mean = mean(pres), mean(posts)
    return CohortLearning(
        n=len(pairs),
        unmatched=pre_only + post_only,
        pre_only=pre_only,
        post_only=post_only,
        pre_mean=pre_mean,
        pre_median=median(pres),
        post_mean=post_mean,
        post_median=median(posts),
        mean_gain=mean(t.gain for t in pairs),
        gain_of_means=normalised_gain(pre_mean, post_mean),
        mean_of_gains=mean(individual) if individual else None,
        excluded_at_100=len(pairs) - len(individual),
        improved=sum(1 for t in pairs if t.post > t.pre),
    )
