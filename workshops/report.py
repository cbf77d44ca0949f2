"""The workshop report: who took part, who attended, what they learned, what they thought.

One function, ``build_report``, reads one workshop or many (the aggregate) in a fixed number of
queries, whatever the number of workshops and participants. Participants are the rounds of the
workshops' cohorts that the reader may see in the completion records
(``records.selectors.enrolments_in_scope``), counted the same way: so an officer's report covers
the trainees in their scope only. Organisers see exact counts; everyone else sees small cells
suppressed as in the records, and no free text.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, datetime

from django.conf import settings
from django.db import connection
from django.db.models import (
    CharField,
    Count,
    Exists,
    FloatField,
    Func,
    Min,
    OuterRef,
    QuerySet,
    Sum,
    Value,
)
from django.db.models.expressions import RawSQL
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from assessments import analysis
from assessments.models import Answer, Attempt
from assessments.results import quiz_items
from courses.models import Enrolment
from lms.models import Country, Organisation, Sector, User
from records.figures import Figure, min_cell
from records.suppression import COMPLEMENTARY, is_small, reason_for, suppression_reasons
from workshops import learning, surveys
from workshops.models import (
    AttendanceMark,
    SurveyAnswer,
    SurveyItem,
    SurveyResponse,
    Workshop,
    WorkshopSession,
)


@dataclass
class CountRow:
    label: str
    count: Figure
    key: str | None = None


@dataclass
class CountTable:
    key: str
    title: str
    rows: list[CountRow]


@dataclass
class Facility:
    label: str
    before: Figure
    after: Figure


@dataclass
class Report:
    workshops: list
    exact: bool
    minimum: int
    figures: list[Figure]  # participants, completed, sessions, attendance rate, met the rule
    tables: list[CountTable]
    learning: learning.CohortLearning
    learning_figures: list[Figure]
    bands: list[tuple[str, Figure, Figure]]  # band label, before, after
    facility: list[Facility]
    satisfaction: surveys.SurveyFigures
    follow_up: surveys.SurveyFigures
    survey_figures: list[Figure]
    trainees: list[dict] = field(default_factory=list)  # per-trainee rows, organisers of one workshop only

    def figure(self, key: str) -> Figure:
        return next(f for f in [*self.figures, *self.learning_figures, *self.survey_figures] if f.key == key)


# --- Pieces ---------------------------------------------------------------------------------------


def _ids(ids: list[int]):
    """For an ``__in`` lookup: the list, or on PostgreSQL one array parameter when it is long
    (thousands of placeholders cost the parsers more than the query itself: 2× for 9,000)."""
    if connection.vendor == "postgresql" and len(ids) > 100:
        return RawSQL("SELECT unnest(%s::bigint[])", [ids])
    return ids


class _Epoch(Func):
    """A datetime column as seconds since 1970 (a float). Django reads PostgreSQL timestamps with
    a pure-Python parser (about 0.1 ms each): for thousands of attempts, numbers are far quicker."""

    output_field = FloatField()

    def as_postgresql(self, compiler, connection, **extra):
        return self.as_sql(compiler, connection, template="EXTRACT(EPOCH FROM %(expressions)s)::float8", **extra)

    def as_sqlite(self, compiler, connection, **extra):
        return self.as_sql(compiler, connection, template="((julianday(%(expressions)s) - 2440587.5) * 86400.0)", **extra)


def _percent(value: float | None, places: int = 1) -> str | None:
    return None if value is None else f"{number_format(round(value, places), places)} %"


class _Hider:
    """Exact for organisers; for others, counts from 1 to the minimum − 1 hidden, and what is
    derived from a small group hidden with it."""

    def __init__(self, exact: bool):
        self.exact = exact
        self.minimum = 1 if exact else min_cell()

    def count(self, key: str, label: str, value: int) -> Figure:
        hidden = not self.exact and is_small(value, self.minimum)
        return Figure(label, value, reason_for(value, hidden=hidden, minimum=self.minimum), key=key)

    def derived(self, key: str, label: str, value, *, base: int, text: str | None = None) -> Figure:
        hidden = not self.exact and is_small(base, self.minimum)
        return Figure(label, None if hidden else value, COMPLEMENTARY if hidden else None, key=key, text=text)

    def breakdown(self, key: str, title: str, groups: list[tuple[str | None, str, int]]) -> CountTable:
        reasons = {} if self.exact else suppression_reasons([count for _k, _l, count in groups], self.minimum)
        return CountTable(
            key=key, title=title,
            rows=[
                CountRow(label=label, count=Figure(label, count, reasons.get(index), key=key), key=group_key)
                for index, (group_key, label, count) in enumerate(groups)
            ],
        )


def _named(counts: dict, names: dict, not_stated: str) -> list[tuple[str | None, str, int]]:
    groups = [(None if pk is None else str(pk), names.get(pk) or not_stated, count) for pk, count in counts.items()]
    groups.sort(key=lambda group: (group[0] is None, group[1].casefold()))
    return groups


def _gender_table(hider: _Hider, genders: dict) -> CountTable:
    """By sex, with "prefer not to say" and "not recorded" kept apart (only where gender is collected)."""
    labels = dict(User.Gender.choices)
    groups = [(value, str(labels[value]), genders.get(value, 0)) for value in labels]
    groups.append((None, _("Not recorded"), sum(count for value, count in genders.items() if value not in labels)))
    return hider.breakdown("sex", _("By sex"), groups)


# --- The report ---------------------------------------------------------------------------------


def build_report(workshops: list[Workshop], *, enrolments: QuerySet, exact: bool, with_trainees: bool = False) -> Report:
    """The report of ``workshops`` over ``enrolments`` (the reader's scoped rounds)."""
    hider = _Hider(exact)
    by_pk = {w.pk: w for w in workshops}
    workshop_of_cohort = {w.cohort_id: w.pk for w in workshops}
    rounds = enrolments.filter(cohort_id__in=list(workshop_of_cohort)).order_by()
    people: dict[tuple[int, int], dict] = {}  # (workshop, trainee) -> their latest round
    names_too = ("trainee__first_name", "trainee__last_name", "trainee__email") if with_trainees and exact else ()
    for row in rounds.values(
        "pk", "trainee_id", "cohort_id", "status", "organisation_id", "sector_id", "country_id", "trainee__gender", *names_too,
    ).order_by("pk"):
        people[workshop_of_cohort[row["cohort_id"]], row["trainee_id"]] = row
    trainee_ids = rounds.values("trainee_id")

    # Who: participants and where they work.
    organisations, sectors, countries, genders = defaultdict(int), defaultdict(int), defaultdict(int), defaultdict(int)
    for row in people.values():
        organisations[row["organisation_id"]] += 1
        sectors[row["sector_id"]] += 1
        countries[row["country_id"]] += 1
        genders[row["trainee__gender"]] += 1

    def names(model, ids) -> dict:
        ids = [pk for pk in ids if pk is not None]
        return dict(model.objects.filter(pk__in=ids).values_list("pk", "name")) if ids else {}

    not_stated = _("Not stated")
    tables = []
    if getattr(settings, "PASSAGE_COLLECT_GENDER", False):
        tables.append(_gender_table(hider, genders))
    tables += [
        hider.breakdown("sector", _("By sector"), _named(sectors, names(Sector, sectors), not_stated)),
        hider.breakdown("organisation", _("By organisation"), _named(organisations, names(Organisation, organisations), not_stated)),
        hider.breakdown("country", _("By country"), _named(countries, names(Country, countries), not_stated)),
    ]

    # Attendance: present marks of these trainees out of sessions × participants.
    sessions = defaultdict(list)
    for session in WorkshopSession.objects.filter(workshop_id__in=list(by_pk)).order_by("date", "start_time"):
        session.workshop = by_pk[session.workshop_id]
        sessions[session.workshop_id].append(session)
    present = defaultdict(int)
    for row in (
        AttendanceMark.objects.filter(session__workshop_id__in=list(by_pk), present=True, trainee_id__in=trainee_ids)
        .values("session__workshop_id", "trainee_id").annotate(n=Count("pk")).order_by()
    ):
        present[row["session__workshop_id"], row["trainee_id"]] = row["n"]
    participants = len(people)
    expected = sum(len(sessions[w]) for w, _t in people)
    attended = sum(present.get(key, 0) for key in people)
    met_rule = sum(
        1 for (w, t) in people
        if not sessions[w] or present.get((w, t), 0) * 100 >= by_pk[w].attendance_required_percent * len(sessions[w])
    )
    completed = sum(1 for row in people.values() if row["status"] == Enrolment.Status.COMPLETED)
    rate = 100 * attended / expected if expected else None
    figures = [
        hider.count("participants", _("Participants"), participants),
        hider.count("completed", _("Completed the course"), completed),
        Figure(_("Sessions"), sum(len(s) for s in sessions.values()), key="sessions"),
        hider.derived("attendance_rate_percent", _("Attendance rate"), rate, base=participants, text=_percent(rate)),
        hider.count("met_attendance_rule", _("Met the attendance rule"), met_rule),
    ]

    # Learning: pre/post attempts of these trainees.
    keys = {}
    for w in workshops:
        first = sessions[w.pk][0].starts_at if sessions[w.pk] else None
        last = sessions[w.pk][-1].ends_at if sessions[w.pk] else None
        pre_key = str(w.pre_test.translation_key) if w.pre_test_id and w.pre_test else None
        post_key = str(w.post_test.translation_key) if w.post_test_id and w.post_test else None
        keys[w.pk] = (pre_key, post_key, first, last)
    quiz_keys = {k for pre, post, _f, _l in keys.values() for k in (pre, post) if k}
    attempts_by_trainee = defaultdict(list)
    if quiz_keys:
        for row in Attempt.objects.filter(
            quiz_key__in=quiz_keys, trainee_id__in=trainee_ids, status=Attempt.Status.FINISHED, submitted_at__isnull=False
        ).values("pk", "trainee_id", "quiz_key", "grade", "needs_grading", submitted=_Epoch("submitted_at")).order_by():
            grade = None if row["needs_grading"] or row["grade"] is None else float(row["grade"])
            submitted_at = datetime.fromtimestamp(row["submitted"], UTC)
            attempts_by_trainee[row["trainee_id"]].append(
                learning.ScoredAttempt(row["pk"], row["trainee_id"], str(row["quiz_key"]), submitted_at, grade)
            )
    results: dict[tuple[int, int], learning.TraineeLearning] = {}
    for (w, t) in people:
        pre_key, post_key, first, last = keys[w]
        picked = learning.pick_pre_post(attempts_by_trainee.get(t, []), pre_key=pre_key, post_key=post_key, first_start=first, last_end=last)
        results[w, t] = picked.get(t) or learning.TraineeLearning(trainee_id=t, pre=None, post=None)
    cohort = learning.cohort_learning(list(results.values()))
    n = cohort.n
    learning_figures = [
        hider.count("pairs", _("Matched pairs (n)"), n),
        hider.count("unmatched", _("Without a pair (left out)"), cohort.unmatched),
        hider.derived("pre_mean", _("Mean pre-test score"), cohort.pre_mean, base=n, text=_percent(cohort.pre_mean)),
        hider.derived("pre_median", _("Median pre-test score"), cohort.pre_median, base=n, text=_percent(cohort.pre_median)),
        hider.derived("post_mean", _("Mean post-test score"), cohort.post_mean, base=n, text=_percent(cohort.post_mean)),
        hider.derived("post_median", _("Median post-test score"), cohort.post_median, base=n, text=_percent(cohort.post_median)),
        hider.derived("mean_gain", _("Mean gain (points)"), cohort.mean_gain, base=n,
                      text=None if cohort.mean_gain is None else number_format(round(cohort.mean_gain, 1), 1)),
        hider.derived("gain_of_means", _("Normalised gain: the gain of the means"), cohort.gain_of_means, base=n,
                      text=None if cohort.gain_of_means is None else number_format(round(cohort.gain_of_means, 2), 2)),
        hider.derived("mean_of_gains", _("Normalised gain: the mean of individual gains"), cohort.mean_of_gains, base=n,
                      text=None if cohort.mean_of_gains is None else number_format(round(cohort.mean_of_gains, 2), 2)),
        hider.count("excluded_at_100", _("Left out of the mean of individual gains (pre-test 100 %)"), cohort.excluded_at_100),
        hider.derived("improved_percent", _("Improved (post > pre)"), cohort.improved_share, base=n, text=_percent(cohort.improved_share)),
    ]
    pairs = [r for r in results.values() if r.matched]
    before = analysis.score_bands(r.pre for r in pairs)
    after = analysis.score_bands(r.post for r in pairs)
    hide_before = {} if exact else suppression_reasons([b.count for b in before], hider.minimum)
    hide_after = {} if exact else suppression_reasons([b.count for b in after], hider.minimum)
    bands = [
        (
            f"{b.low}–{b.high}",
            Figure("", b.count, hide_before.get(i), key="before"),
            Figure("", a.count, hide_after.get(i), key="after"),
        )
        for i, (b, a) in enumerate(zip(before, after, strict=True))
    ]
    facility = _facility(workshops, keys, pairs, hider) if len({(k[0], k[1]) for k in keys.values()}) == 1 else []

    # Surveys.
    survey_list = _surveys(by_pk, people, rounds, with_comments=exact)
    satisfaction, follow_up = survey_list[surveys.SATISFACTION], survey_list[surveys.FOLLOW_UP]
    survey_figures = []
    for figures_of, prefix in ((satisfaction, "satisfaction"), (follow_up, "follow_up")):
        survey_figures += [
            hider.count(f"{prefix}_responses", _("Responses"), figures_of.responses),
            hider.derived(f"{prefix}_response_rate_percent", _("Response rate"), figures_of.response_rate,
                          base=participants, text=_percent(figures_of.response_rate)),
        ]
    survey_figures.append(
        hider.derived("net_score", _("Would recommend: net score (% 9–10 minus % 0–6)"), satisfaction.net_score,
                      base=satisfaction.recommend_n,
                      text=None if satisfaction.net_score is None else number_format(round(satisfaction.net_score), 0))
    )
    if not exact:
        for figures_of in (satisfaction, follow_up):
            if is_small(figures_of.responses, hider.minimum):
                figures_of.items = []
    trainees = []
    if with_trainees and exact:
        for key, row in sorted(people.items(), key=lambda item: (item[1]["trainee__last_name"].casefold(), item[1]["trainee__email"])):
            result = results[key]
            count = len(sessions[key[0]])
            trainees.append({
                "name": f"{row['trainee__first_name']} {row['trainee__last_name']}".strip() or row["trainee__email"],
                "attended": present.get(key, 0), "sessions": count, "pre": result.pre, "post": result.post,
                "gain": result.gain, "normalised_gain": result.normalised_gain,
            })
    return Report(
        workshops=workshops, exact=exact, minimum=hider.minimum, figures=figures, tables=tables, learning=cohort,
        learning_figures=learning_figures, bands=bands, facility=facility, satisfaction=satisfaction, follow_up=follow_up,
        survey_figures=survey_figures, trainees=trainees,
    )


def _facility(workshops, keys, pairs, hider: _Hider) -> list[Facility]:
    """Facility index per question before and after (matched pairs' attempts); a question in
    any language counts as one (its family). One query, summed in the database (a hundred
    workshops' answers are about 100,000 rows), two with the quiz's questions."""
    pre_ids = [r.pre_attempt for r in pairs if r.pre_attempt]
    post_ids = [r.post_attempt for r in pairs if r.post_attempt]
    if not pre_ids and not post_ids:
        return []
    def summed(ids: list[int], side: str) -> QuerySet:
        return (
            Answer.objects.filter(attempt_id__in=_ids(ids), fraction__isnull=False).values("question__family")
            .annotate(n=Count("pk"), total=Sum("fraction"), first=Min("position"), side=Value(side, output_field=CharField()))
            .order_by()
        )

    # One round trip: the two sides' sums as a UNION ALL (a CASE over the attempt ids costs seconds).
    sums = {"before": {}, "after": {}}
    first = {}
    for row in summed(pre_ids, "before").union(summed(post_ids, "after"), all=True):
        family = str(row["question__family"])
        sums[row["side"]][family] = (row["n"], float(row["total"]))
        first[family] = min(first.get(family, row["first"]), row["first"])
    seen = sorted(first, key=lambda family: (first[family], family))
    quiz = workshops[0].post_test or workshops[0].pre_test
    labels = {item.family: f"{item.number}. {item.question.title}" for item in quiz_items(quiz, answer_families=seen)} if quiz else {}
    rows = []
    for family in [f for f in labels if f in seen] + [f for f in seen if f not in labels]:
        (n_before, total_before), (n_after, total_after) = (sums[when].get(family, (0, 0.0)) for when in ("before", "after"))
        value_before = total_before / n_before if n_before else None
        value_after = total_after / n_after if n_after else None
        rows.append(Facility(
            label=labels.get(family, family),
            before=hider.derived("facility_before", "", value_before, base=n_before, text=_percent(None if value_before is None else 100 * value_before, 0)),
            after=hider.derived("facility_after", "", value_after, base=n_after, text=_percent(None if value_after is None else 100 * value_after, 0)),
        ))
    return rows


def _surveys(by_pk: dict, people: dict, rounds: QuerySet, *, with_comments: bool) -> dict[str, surveys.SurveyFigures]:
    """Both surveys' figures over the responses of each workshop's own participants (three queries)."""
    items = defaultdict(list)
    labels = {}
    for item in SurveyItem.objects.filter(workshop_id__in=list(by_pk)).order_by("workshop_id", "survey", "position"):
        labels[item.pk] = item.display_text
        if labels[item.pk] not in items[item.survey]:
            items[item.survey].append(labels[item.pk])
    # A response counts when its author is a participant of that workshop (a round of its cohort
    # in the reader's scope): the same people as ``people``, asked of the database.
    own = SurveyResponse.objects.filter(workshop_id__in=list(by_pk)).filter(
        Exists(rounds.filter(cohort_id=OuterRef("workshop__cohort_id"), trainee_id=OuterRef("trainee_id")))
    )
    responses = {
        row["pk"]: row
        for row in own.values("pk", "workshop_id", "trainee_id", "survey", "recommend", "comment").order_by("submitted_at", "pk")
    }
    answers = defaultdict(list)
    # Counted in the database: (statement, score) pairs, not one row per answer.
    for row in SurveyAnswer.objects.filter(response__in=own.values("pk")).values(
        "response__survey", "item_id", "score"
    ).annotate(n=Count("pk")).order_by():
        answers[row["response__survey"]] += [(labels.get(row["item_id"], ""), row["score"])] * row["n"]
    result = {}
    for survey in (surveys.SATISFACTION, surveys.FOLLOW_UP):
        mine = [r for r in responses.values() if r["survey"] == survey]
        result[survey] = surveys.survey_figures(
            survey, invited=len(people), items=items[survey], answers=answers[survey],
            recommend=[r["recommend"] for r in mine if r["recommend"] is not None],
            comments=[r["comment"] for r in mine] if with_comments else [], responses=len(mine),
        )
    return result


# --- Which workshops ------------------------------------------------------------------------------


def workshops_in_scope(user, enrolments: QuerySet | None) -> QuerySet:
    """Workshops with at least one round the user may see in the records, newest first (every
    workshop when ``enrolments`` is None)."""
    workshops = Workshop.objects.select_related("cohort", "country", "pre_test", "post_test").order_by("-starts_on", "title")
    if enrolments is None:
        return workshops
    return workshops.filter(Exists(enrolments.filter(cohort_id=OuterRef("cohort_id"))))
