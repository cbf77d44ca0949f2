"""Leaving a course: a trainee withdraws their round after a confirmation, and may take it up again."""

import pytest
from django.test import Client
from django.urls import reverse

from courses import services
from courses.models import Enrolment, LessonCompletion
from lms import roles
from lms.models import AuditLogEntry
from tests.factories import CohortFactory, UserFactory, build_course, lessons_of
from tests.queries import assert_get_writes_nothing

pytestmark = pytest.mark.django_db


@pytest.fixture
def course():
    return build_course("Identifying victims")


@pytest.fixture
def cohort(course):
    return CohortFactory(course=course, name="Dakar workshop")


@pytest.fixture
def trainee():
    return UserFactory(first_name="Awa", last_name="Sarr")


@pytest.fixture
def enrolment(course, trainee):
    enrolment = services.enrol(trainee=trainee, course=course)
    services.complete_lesson(enrolment=enrolment, lesson=lessons_of(course)[0])
    return enrolment


@pytest.fixture
def trainee_client(client, trainee):
    client.force_login(trainee)
    return client


def leave_url(enrolment):
    return reverse("leave_course", args=[enrolment.pk])


def status_of(enrolment):
    return Enrolment.objects.get(pk=enrolment.pk).status


def test_the_trainee_leaves_from_the_course_page_after_confirming(trainee_client, course, enrolment):
    page = assert_get_writes_nothing(trainee_client, course.url).content.decode()
    assert "Leave this course" in page and leave_url(enrolment) in page

    confirmation = assert_get_writes_nothing(trainee_client, leave_url(enrolment)).content.decode()
    assert "Leave “Identifying victims”?" in confirmation and "Nothing you did is deleted" in confirmation
    assert status_of(enrolment) == Enrolment.Status.ACTIVE  # asking changed nothing

    response = trainee_client.post(leave_url(enrolment), follow=True)
    assert response.redirect_chain[-1][0] == course.url
    page = response.content.decode()
    assert "You left “Identifying victims”." in page
    assert "You left this course." in page and "Enrol again" in page and "Leave this course" not in page
    assert status_of(enrolment) == Enrolment.Status.WITHDRAWN
    entry = AuditLogEntry.objects.get(action="enrolment.withdrawn")
    assert entry.actor == enrolment.trainee and entry.object_id == str(enrolment.pk)
    assert entry.data["round"] == 1 and entry.data["progress_percent"] == Enrolment.objects.get(pk=enrolment.pk).progress_percent > 0


def test_after_leaving_the_course_is_no_longer_in_progress_and_its_lessons_close(trainee_client, course, enrolment):
    trainee_client.post(leave_url(enrolment))
    dashboard = assert_get_writes_nothing(trainee_client, reverse("dashboard")).content.decode()
    assert "Identifying victims" not in dashboard
    response = trainee_client.get(lessons_of(course)[1].url)
    assert response.status_code == 302 and response["Location"] == course.url


def test_enrolling_again_takes_up_the_same_round_with_the_lessons_done(trainee_client, course, enrolment):
    lessons = lessons_of(course)
    trainee_client.post(leave_url(enrolment))
    response = trainee_client.post(reverse("enrol", args=[course.pk]), follow=True)
    assert "Welcome back: you are enrolled again. The lessons you completed are kept" in response.content.decode()
    assert response.redirect_chain[0][0] == lessons[0].url  # the last lesson opened: where they stopped
    assert list(Enrolment.objects.filter(trainee=enrolment.trainee)) == [enrolment]
    assert status_of(enrolment) == Enrolment.Status.ACTIVE
    assert LessonCompletion.objects.filter(enrolment=enrolment).count() == 1
    assert AuditLogEntry.objects.filter(action="enrolment.resumed", object_id=str(enrolment.pk)).count() == 1
    assert "Leave this course" in trainee_client.get(course.url).content.decode()


def test_a_second_post_changes_nothing_and_says_so(trainee_client, enrolment):
    trainee_client.post(leave_url(enrolment))
    response = trainee_client.post(leave_url(enrolment), follow=True)
    assert "You have already left this course." in response.content.decode()
    assert status_of(enrolment) == Enrolment.Status.WITHDRAWN
    assert AuditLogEntry.objects.filter(action="enrolment.withdrawn").count() == 1
    # The confirmation page of a round left already sends back to the course with the same message.
    response = trainee_client.get(leave_url(enrolment), follow=True)
    assert "You have already left this course." in response.content.decode()


def test_a_completed_round_cannot_be_left(trainee_client, course, enrolment):
    for lesson in lessons_of(course)[1:]:
        services.complete_lesson(enrolment=enrolment, lesson=lesson)
    assert status_of(enrolment) == Enrolment.Status.COMPLETED
    assert "Leave this course" not in trainee_client.get(course.url).content.decode()
    for response in (trainee_client.get(leave_url(enrolment), follow=True), trainee_client.post(leave_url(enrolment), follow=True)):
        assert "a completed course stays in your records and cannot be left" in response.content.decode()
    assert status_of(enrolment) == Enrolment.Status.COMPLETED
    assert not AuditLogEntry.objects.filter(action="enrolment.withdrawn").exists()


def test_nobody_else_can_leave_a_trainees_round(course, cohort, trainee):
    enrolment = services.add_to_cohort(cohort=cohort, trainee=trainee)
    classmate = UserFactory()
    services.add_to_cohort(cohort=cohort, trainee=classmate)
    for user in (classmate, cohort.facilitator, UserFactory(role=roles.ADMINISTRATOR)):
        client = Client()
        client.force_login(user)
        assert client.get(leave_url(enrolment)).status_code == 404
        assert client.post(leave_url(enrolment)).status_code == 404
    anonymous = Client().post(leave_url(enrolment))
    assert anonymous.status_code == 302 and reverse("account_login") in anonymous["Location"]
    assert status_of(enrolment) == Enrolment.Status.ACTIVE
    assert not AuditLogEntry.objects.filter(action="enrolment.withdrawn").exists()
    with pytest.raises(services.NotEnrolled):
        services.withdraw(enrolment, by=classmate)


def test_an_unknown_round_is_not_found(trainee_client):
    assert trainee_client.get(reverse("leave_course", args=[987654])).status_code == 404


def test_leaving_needs_the_csrf_token(trainee, enrolment):
    client = Client(enforce_csrf_checks=True)
    client.force_login(trainee)
    assert client.post(leave_url(enrolment)).status_code == 403
    assert status_of(enrolment) == Enrolment.Status.ACTIVE


def test_leaving_changes_nothing_for_anyone_else(course, cohort, trainee):
    other_course = build_course("Reception centres", slug="reception-centres")
    enrolment = services.add_to_cohort(cohort=cohort, trainee=trainee)
    same_trainee_elsewhere = services.enrol(trainee=trainee, course=other_course)
    classmate = services.add_to_cohort(cohort=cohort, trainee=UserFactory())
    before = {e.pk: (e.status, e.cohort_id, e.progress_percent) for e in Enrolment.objects.exclude(pk=enrolment.pk)}

    services.withdraw(enrolment, by=trainee)

    after = {e.pk: (e.status, e.cohort_id, e.progress_percent) for e in Enrolment.objects.exclude(pk=enrolment.pk)}
    assert after == before and {same_trainee_elsewhere.pk, classmate.pk} <= set(after)
    left = Enrolment.objects.get(pk=enrolment.pk)
    assert left.cohort == cohort  # the trainer still sees the round, as withdrawn


def test_the_trainer_sees_the_round_as_withdrawn_in_the_cohort_grid(client, cohort, trainee):
    enrolment = services.add_to_cohort(cohort=cohort, trainee=trainee)
    services.withdraw(enrolment, by=trainee)
    client.force_login(cohort.facilitator)
    page = client.get(reverse("cohort_progress", args=[cohort.pk])).content.decode()
    assert "Awa Sarr" in page and "Withdrawn" in page


def test_taking_up_a_left_round_joins_the_cohort_it_was_in_or_none(course, cohort, trainee):
    enrolment = services.add_to_cohort(cohort=cohort, trainee=trainee)
    services.withdraw(enrolment, by=trainee)
    assert services.add_to_cohort(cohort=cohort, trainee=trainee) == enrolment
    assert status_of(enrolment) == Enrolment.Status.ACTIVE

    other = UserFactory()
    alone = services.enrol(trainee=other, course=course)
    services.withdraw(alone, by=other)
    joined = services.add_to_cohort(cohort=cohort, trainee=other)
    assert joined == alone and joined.cohort == cohort


def test_a_cohort_other_than_the_left_rounds_starts_a_new_round(course, cohort, trainee):
    enrolment = services.add_to_cohort(cohort=cohort, trainee=trainee)
    services.withdraw(enrolment, by=trainee)
    other_cohort = CohortFactory(course=course, name="Thiès workshop")
    second = services.add_to_cohort(cohort=other_cohort, trainee=trainee)
    assert second.round == 2 and second.cohort == other_cohort and second.is_active
    assert status_of(enrolment) == Enrolment.Status.WITHDRAWN  # the first cohort keeps its record


def test_a_left_round_catches_up_with_the_course_when_taken_up(course, trainee, enrolment):
    services.withdraw(enrolment, by=trainee)
    for lesson in lessons_of(course)[1:]:
        lesson.unpublish()  # while the round was left: only the lesson done is still required
    assert status_of(enrolment) == Enrolment.Status.WITHDRAWN
    taken_up = services.enrol(trainee=trainee, course=course)
    assert taken_up == enrolment and taken_up.is_completed
