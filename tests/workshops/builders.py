"""Builders for workshop tests: a cohort with its workshop, sessions and trainees."""

from datetime import date, datetime, time, timedelta

from django.utils import timezone

from courses import services as course_services
from courses.models import CoursePage
from lms import roles
from tests.factories import CohortFactory, UserFactory, build_course
from workshops import services
from workshops.models import Workshop, WorkshopSession


def new_cohort(**fields):
    """A cohort of the one test course (built once): several cohorts share it, as in life."""
    course = CoursePage.objects.filter(slug="identifying-victims").first() or build_course()
    return CohortFactory(course=course, **fields)


def workshop(*, cohort=None, sessions=0, trainees=0, required=80, **fields):
    """A workshop on a new cohort, with ``sessions`` sessions and ``trainees`` enrolled members."""
    cohort = cohort or new_cohort()
    data = {
        "title": "National workshop on victim identification", "starts_on": cohort.starts_on, "ends_on": cohort.ends_on,
        "venue": "Hôtel de Ville, Dakar", "language": "en", "time_zone": "UTC", "attendance_required_percent": required,
        **fields,
    }
    created = services.create_workshop(cohort=cohort, by=cohort.facilitator, data=data)
    for number in range(sessions):
        session_at(created, day=cohort.starts_on + timedelta(days=number), topic=f"Session {number + 1}")
    for _ in range(trainees):
        member(created)
    return Workshop.objects.select_related("cohort").get(pk=created.pk)


def session_at(workshop, *, day: date | None = None, start: time = time(9, 0), minutes=90, topic="Indicators of trafficking"):
    return services.save_session(
        workshop=workshop, by=workshop.cohort.facilitator,
        data={"date": day or workshop.starts_on, "start_time": start, "duration_minutes": minutes, "topic": topic, "place": ""},
    )


def session_now(workshop, *, minutes_ago=10, minutes=90) -> WorkshopSession:
    """A session that started ``minutes_ago`` minutes ago (UTC), so its check-in is open."""
    start = timezone.now().astimezone(workshop.zone) - timedelta(minutes=minutes_ago)
    start = start.replace(second=0, microsecond=0)
    return services.save_session(
        workshop=workshop, by=workshop.cohort.facilitator,
        data={"date": start.date(), "start_time": start.time(), "duration_minutes": minutes, "topic": "Referral", "place": "Room 2"},
    )


def member(workshop, **fields):
    """A trainee enrolled in the workshop's cohort."""
    trainee = UserFactory(**fields)
    course_services.add_to_cohort(cohort=workshop.cohort, trainee=trainee)
    return trainee


def co_facilitator(workshop):
    trainer = UserFactory(role=roles.TRAINER)
    workshop.facilitators.add(trainer)
    return trainer


def starts(session) -> datetime:
    return session.starts_at
