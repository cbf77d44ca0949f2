"""A past workshop with pre/post results, attendance and survey answers, computed by hand in the tests."""

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

import pytest

from lms import roles
from lms.models import Country, ReportingScope
from tests.factories import UserFactory, add_quiz, single_choice, true_false
from tests.workshops.builders import graded_attempt, member, new_cohort, session_at, workshop
from workshops import services, surveys
from workshops.models import AttendanceMark

# (pre, post, sessions attended of 2); None: no attempt in that window.
SCORES = {"A": (40, 70, 2), "B": (60, 80, 2), "C": (100, 90, 1), "D": (50, 50, 0), "E": (30, None, 0), "F": (None, 90, 0)}
DURING = datetime(2026, 11, 17, 12, tzinfo=UTC)  # the satisfaction survey is open


@dataclass
class Past:
    workshop: object
    quiz: object
    questions: list
    trainees: dict
    sessions: list
    trainer: object


def build_past(prefix="", *, comments=True) -> Past:
    cohort = new_cohort(starts_on=date(2026, 11, 16), ends_on=date(2026, 11, 20))
    questions = [single_choice(title=f"{prefix}Indicator"), true_false(title=f"{prefix}Consent")]
    quiz = add_quiz(cohort.course, questions, title=f"{prefix}Pre and post test")
    created = workshop(cohort=cohort, time_zone="UTC")
    created.pre_test = created.post_test = quiz
    created.save(update_fields=["pre_test", "post_test"])
    sessions = [session_at(created, day=date(2026, 11, 16), start=time(9)), session_at(created, day=date(2026, 11, 17), start=time(9))]
    first, last = sessions[0].starts_at, sessions[-1].ends_at
    trainees = {}
    for name, (pre, post, attended) in SCORES.items():
        trainee = trainees[name] = member(created, first_name=name, last_name=f"{prefix}Trainee")
        if pre is not None:
            graded_attempt(trainee, quiz, at=first - timedelta(days=1), grade=pre,
                           fractions=[(questions[0], 1 if pre >= 50 else 0), (questions[1], 0)])
        if post is not None:
            graded_attempt(trainee, quiz, at=last + timedelta(hours=1), grade=post,
                           fractions=[(questions[0], 1), (questions[1], 1 if post >= 80 else 0)])
        for session in sessions[:attended]:
            services.mark_attendance(session=session, trainee_id=trainee.pk, present=True,
                                     source=AttendanceMark.Source.FACILITATOR, by=cohort.facilitator)
    items = services.ensure_survey_items(workshop=created, survey=surveys.SATISFACTION)
    answers = {"A": (5, 10, '<script>alert("x")</script> Very useful'), "B": (4, 9, '=HYPERLINK("http://evil.example","x")'),
               "C": (2, 3, "")}
    for name, (score, recommend, comment) in answers.items():
        services.save_survey_response(
            workshop=created, survey=surveys.SATISFACTION, trainee=trainees[name], scores={item.pk: score for item in items},
            recommend=recommend, comment=comment if comments else "", now=DURING,
        )
    return Past(workshop=created, quiz=quiz, questions=questions, trainees=trainees, sessions=sessions, trainer=cohort.facilitator)


@pytest.fixture
def past(db):
    return build_past()


@pytest.fixture
def officer_sn(db):
    user = UserFactory(role=roles.MINISTRY_OFFICER, organisation=None, country=None)
    scope = ReportingScope.objects.create(officer=user)
    scope.countries.set([Country.objects.get(code="SN")])
    return user
