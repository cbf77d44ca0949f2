"""Attendance is a rule of the cohort: a workshop trainee completes only with enough sessions; online-only trainees are never held."""

import pytest

from courses import services as course_services
from courses.models import Enrolment
from tests.factories import UserFactory, lessons_of
from tests.workshops.builders import member, new_cohort, session_at, workshop
from workshops import completion, services
from workshops.models import AttendanceMark

pytestmark = pytest.mark.django_db


def finish_lessons(enrolment):
    for lesson in lessons_of(enrolment.course):
        course_services.complete_lesson(enrolment=enrolment, lesson=lesson)
    enrolment.refresh_from_db()
    return enrolment


def mark(session, trainee, present=True):
    return services.mark_attendance(
        session=session, trainee_id=trainee.pk, present=present, source=AttendanceMark.Source.FACILITATOR, by=session.workshop.cohort.facilitator
    )


def test_lessons_alone_do_not_complete_a_workshop_round_attendance_then_does(django_capture_on_commit_callbacks):
    existing = workshop(sessions=5)
    trainee = member(existing)
    enrolment = finish_lessons(Enrolment.objects.get(trainee=trainee))
    assert enrolment.status == Enrolment.Status.ACTIVE and enrolment.progress_percent == 100
    sessions = list(existing.sessions.all())
    for session in sessions[:3]:
        mark(session, trainee)
    enrolment.refresh_from_db()
    assert enrolment.is_active  # 3 of 5 = 60 % < 80 %
    with django_capture_on_commit_callbacks(execute=True):
        mark(sessions[3], trainee)
    enrolment.refresh_from_db()
    assert enrolment.is_completed  # 4 of 5 = 80 %


def test_a_trainee_taking_the_course_online_is_not_held_by_the_workshop():
    existing = workshop(sessions=3)
    online = UserFactory()
    enrolment = course_services.enrol(trainee=online, course=existing.cohort.course)
    assert finish_lessons(enrolment).is_completed


def test_a_cohort_without_a_workshop_completes_as_before():
    cohort = new_cohort()
    trainee = UserFactory()
    enrolment = course_services.add_to_cohort(cohort=cohort, trainee=trainee)
    assert finish_lessons(enrolment).is_completed


def test_an_absent_mark_does_not_count_and_the_share_is_the_cohorts():
    existing = workshop(sessions=2, required=50)
    trainee = member(existing)
    first, second = existing.sessions.all()
    mark(first, trainee, present=False)
    assert not completion.attendance_met(workshop=existing, trainee_id=trainee.pk)
    mark(second, trainee)
    assert completion.attendance_met(workshop=existing, trainee_id=trainee.pk)


def test_a_registered_requirement_is_asked_after_attendance(monkeypatch):
    # The registries as they were come back after the test (the real post-test rule included).
    monkeypatch.setattr(completion, "_requirements", dict(completion._requirements))
    monkeypatch.setattr(completion, "_explanations", dict(completion._explanations))
    existing = workshop(sessions=1)
    trainee = member(existing)
    mark(existing.sessions.get(), trainee)
    asked = []
    completion.register_requirement("post-test", lambda *, workshop, enrolment: asked.append(enrolment.pk) or False)
    enrolment = finish_lessons(Enrolment.objects.get(trainee=trainee))
    assert enrolment.is_active and asked


def test_a_workshop_without_sessions_asks_nothing():
    existing = workshop()
    trainee = member(existing)
    assert finish_lessons(Enrolment.objects.get(trainee=trainee)).is_completed
    session_at(existing)  # added later: a recorded completion stays
    assert Enrolment.objects.get(trainee=trainee).is_completed
