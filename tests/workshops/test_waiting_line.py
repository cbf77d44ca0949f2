"""A trainee whose lessons are all done but whose cohort still waits on the workshop is told so,
honestly, on the course page and on their dashboard card."""

from datetime import timedelta

import pytest
from django.urls import reverse

from courses import cohort_rules
from courses import services as course_services
from courses.models import Enrolment
from tests.factories import UserFactory, add_quiz, build_course, lessons_of, single_choice
from tests.workshops.builders import graded_attempt, member, session_at, workshop
from workshops import services
from workshops.models import AttendanceMark

pytestmark = pytest.mark.django_db

ATTENDANCE = "Your certificate will be issued when your workshop attendance is recorded: 2 of 3 sessions needed, 1 recorded so far."
POST_TEST = "Your certificate will be issued when you have taken the workshop&#x27;s post-test, after its last session."


def mark(session, trainee, present=True):
    services.mark_attendance(
        session=session, trainee_id=trainee.pk, present=present, source=AttendanceMark.Source.FACILITATOR,
        by=session.workshop.cohort.facilitator,
    )


def finish_lessons(enrolment):
    for lesson in lessons_of(enrolment.course):
        course_services.complete_lesson(enrolment=enrolment, lesson=lesson)
    enrolment.refresh_from_db()
    return enrolment


@pytest.fixture
def waiting():
    """Three sessions, half required (2 of 3), one attended and one marked absent; every lesson done."""
    existing = workshop(required=50)
    sessions = [session_at(existing, day=existing.starts_on + timedelta(days=n), topic=f"Day {n + 1}") for n in range(3)]
    trainee = member(existing)
    mark(sessions[0], trainee)
    mark(sessions[1], trainee, present=False)
    enrolment = finish_lessons(Enrolment.objects.get(trainee=trainee))
    assert enrolment.is_active and enrolment.progress_percent == 100
    return existing, sessions, trainee, enrolment


def pages(client, trainee, enrolment):
    client.force_login(trainee)
    return client.get(enrolment.course.url).content.decode(), client.get(reverse("dashboard")).content.decode()


def test_the_course_page_and_the_dashboard_say_what_attendance_is_still_needed(client, waiting):
    _existing, _sessions, trainee, enrolment = waiting
    course_page, dashboard = pages(client, trainee, enrolment)
    assert ATTENDANCE in course_page and ATTENDANCE in dashboard
    assert "Completed on" not in course_page


def test_once_attendance_is_enough_the_line_gives_way_to_the_completion(client, waiting, django_capture_on_commit_callbacks):
    _existing, sessions, trainee, enrolment = waiting
    with django_capture_on_commit_callbacks(execute=True):
        mark(sessions[2], trainee)
    course_page, dashboard = pages(client, trainee, enrolment)
    assert "workshop attendance" not in course_page and "workshop attendance" not in dashboard
    assert "Completed on" in course_page


def test_mid_course_or_outside_a_cohort_nothing_is_said(client):
    existing = workshop(required=100)
    session_at(existing)
    trainee = member(existing)
    enrolment = Enrolment.objects.get(trainee=trainee)
    course_services.complete_lesson(enrolment=enrolment, lesson=lessons_of(enrolment.course)[0])
    course_page, dashboard = pages(client, trainee, enrolment)
    assert "workshop attendance" not in course_page and "workshop attendance" not in dashboard
    online = UserFactory()
    online_round = finish_lessons(course_services.enrol(trainee=online, course=existing.cohort.course))
    assert online_round.is_completed
    assert cohort_rules.waiting_for(enrolment=online_round) == []


def test_a_singular_session_reads_in_the_singular():
    existing = workshop(required=100)
    session_at(existing)
    trainee = member(existing)
    enrolment = finish_lessons(Enrolment.objects.get(trainee=trainee))
    assert cohort_rules.waiting_for(enrolment=enrolment) == [
        "Your certificate will be issued when your workshop attendance is recorded: 1 of 1 session needed, 0 recorded so far."
    ]


def test_a_required_post_test_not_taken_is_said_too(client):
    existing = workshop(required=100)
    session = session_at(existing)
    existing.post_test = add_quiz(build_course("Post-tests"), [single_choice()], title="Post-test")
    existing.save(update_fields=["post_test"])
    trainee = member(existing)
    mark(session, trainee)
    enrolment = finish_lessons(Enrolment.objects.get(trainee=trainee))
    assert enrolment.is_active
    course_page, _dashboard = pages(client, trainee, enrolment)
    assert POST_TEST in course_page and "workshop attendance" not in course_page
    graded_attempt(trainee, existing.post_test, at=session.ends_at + timedelta(hours=1), grade=40)
    assert cohort_rules.waiting_for(enrolment=enrolment) == []
