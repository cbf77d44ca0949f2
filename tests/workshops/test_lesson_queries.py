"""The lesson page of a trainee in a workshop cohort: a fixed number of queries, at most two more
than for a trainee without a workshop, whatever the number of sessions and marks.

The workshop's rule is asked only once the round's lessons are all done (before that, the lesson
page never reaches it). Then: one query reads the workshop, its sessions' count, the trainee's
present marks and its last session; a required post-test adds one (an attempt after the last session).
"""

from datetime import timedelta

import pytest

from courses import services as course_services
from courses.models import Enrolment
from tests.courses.test_performance import LESSON_PAGE_QUERIES
from tests.factories import add_quiz, build_course, lessons_of, single_choice
from tests.workshops.builders import graded_attempt, member, session_at, workshop
from workshops import services
from workshops.models import AttendanceMark

pytestmark = pytest.mark.django_db


def in_workshop(*, sessions, attended, required=80, post_test=False):
    existing = workshop(required=required)
    first_day = existing.starts_on
    made = [session_at(existing, day=first_day + timedelta(days=n % 5), topic=f"Session {n}") for n in range(sessions)]
    if post_test:
        # In a course of its own: a quiz in the lessons' course would change their outline's queries.
        existing.post_test = add_quiz(build_course("Post-tests"), [single_choice()], title="Post-test")
        existing.post_test_required = True
        existing.save(update_fields=["post_test", "post_test_required"])
    trainee = member(existing)
    for session in made[:attended]:
        services.mark_attendance(
            session=session, trainee_id=trainee.pk, present=True, source=AttendanceMark.Source.FACILITATOR,
            by=existing.cohort.facilitator,
        )
    return existing, trainee, Enrolment.objects.get(trainee=trainee)


def lesson_queries(client, django_assert_num_queries, trainee, lesson, expected):
    client.force_login(trainee)
    client.get(lesson.url)  # warm: records the visit
    with django_assert_num_queries(expected):
        response = client.get(lesson.url)
    assert response.status_code == 200


@pytest.mark.parametrize("sessions", [1, 12])
def test_mid_course_the_workshop_costs_no_query(client, django_assert_num_queries, sessions):
    _existing, trainee, enrolment = in_workshop(sessions=sessions, attended=0)
    lessons = lessons_of(enrolment.course)
    course_services.complete_lesson(enrolment=enrolment, lesson=lessons[0])
    lesson_queries(client, django_assert_num_queries, trainee, lessons[1], LESSON_PAGE_QUERIES)


@pytest.mark.parametrize("sessions, attended", [(3, 1), (12, 5)])
def test_waiting_on_attendance_costs_one_query(client, django_assert_num_queries, sessions, attended):
    _existing, trainee, enrolment = in_workshop(sessions=sessions, attended=attended)
    lessons = lessons_of(enrolment.course)
    for lesson in lessons:
        course_services.complete_lesson(enrolment=enrolment, lesson=lesson)
    enrolment.refresh_from_db()
    assert enrolment.is_active and enrolment.progress_percent == 100
    lesson_queries(client, django_assert_num_queries, trainee, lessons[1], LESSON_PAGE_QUERIES + 1)


def test_waiting_on_the_post_test_costs_two_queries(client, django_assert_num_queries):
    _existing, trainee, enrolment = in_workshop(sessions=2, attended=2, post_test=True)
    lessons = lessons_of(enrolment.course)
    for lesson in lessons:
        course_services.complete_lesson(enrolment=enrolment, lesson=lesson)
    enrolment.refresh_from_db()
    assert enrolment.is_active and enrolment.progress_percent == 100  # attended, but no post-test yet
    lesson_queries(client, django_assert_num_queries, trainee, lessons[1], LESSON_PAGE_QUERIES + 2)


def test_the_rule_reads_the_workshop_in_one_query(django_assert_num_queries):
    from workshops.completion import workshop_rules_met

    _existing, _trainee, enrolment = in_workshop(sessions=6, attended=2)
    with django_assert_num_queries(1):
        assert not workshop_rules_met(enrolment=enrolment)


def test_the_post_test_counts_only_after_the_last_session_ends():
    """The one-query reading of the last session gives the same end as the session itself."""
    from workshops.completion import _last_session_end, post_test_taken, workshop_for_round

    existing, trainee, enrolment = in_workshop(sessions=2, attended=2, post_test=True)
    last = existing.sessions.order_by("-date", "-start_time").first()
    assert _last_session_end(workshop_for_round(enrolment)) == last.ends_at
    graded_attempt(trainee, existing.post_test, at=last.ends_at - timedelta(minutes=1), grade=50)
    assert not post_test_taken(workshop=workshop_for_round(enrolment), enrolment=enrolment)
    graded_attempt(trainee, existing.post_test, at=last.ends_at, grade=50)
    assert post_test_taken(workshop=workshop_for_round(enrolment), enrolment=enrolment)
