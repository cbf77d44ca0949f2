"""Deleting a session: only one nobody was marked at, by those who run the workshop, confirmed and audited."""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from courses.models import Enrolment
from lms import roles
from lms.models import AuditLogEntry
from tests.factories import UserFactory, lessons_of
from tests.workshops.builders import co_facilitator, member, session_at, workshop
from workshops import services
from workshops.models import AttendanceMark, WorkshopSession

pytestmark = pytest.mark.django_db


def delete_url(session):
    return reverse("workshop_session_delete", args=[session.workshop_id, session.pk])


def mark(session, trainee, present=True):
    services.mark_attendance(
        session=session, trainee_id=trainee.pk, present=present, source=AttendanceMark.Source.FACILITATOR,
        by=session.workshop.cohort.facilitator,
    )


def texts(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


@pytest.mark.parametrize("who", ["trainer", "co-facilitator", "administrator"])
def test_those_who_run_the_workshop_confirm_then_delete_an_unmarked_session(client, who):
    existing = workshop(trainees=1)
    session = session_at(existing, topic="Referral pathways")
    person = {
        "trainer": lambda: existing.cohort.facilitator,
        "co-facilitator": lambda: co_facilitator(existing),
        "administrator": lambda: UserFactory(role=roles.ADMINISTRATOR),
    }[who]()
    client.force_login(person)
    page = client.get(delete_url(session))
    assert page.status_code == 200 and "Referral pathways" in page.content.decode()
    assert ">Delete the session</button>" in page.content.decode()
    assert WorkshopSession.objects.filter(pk=session.pk).exists()  # asking deletes nothing
    response = client.post(delete_url(session))
    assert response.status_code == 302 and response["Location"] == reverse("workshop_detail", args=[existing.pk])
    assert "Session deleted." in texts(response)
    assert not WorkshopSession.objects.filter(pk=session.pk).exists()
    entry = AuditLogEntry.objects.get(action="workshop.session.deleted")
    assert entry.actor == person and entry.object_id == str(existing.pk)
    assert entry.data["session"] == session.pk and entry.data["topic"] == "Referral pathways"


@pytest.mark.parametrize("present", [True, False])
def test_a_session_with_marks_stays_with_the_reason(client, present):
    """An absent mark is a record too: the session keeps it."""
    existing = workshop()
    session = session_at(existing)
    mark(session, member(existing), present=present)
    client.force_login(existing.cohort.facilitator)
    page = client.get(delete_url(session)).content.decode()
    assert "cannot be deleted" in page and ">Delete the session</button>" not in page
    response = client.post(delete_url(session))
    assert response.status_code == 302
    assert any("cannot be deleted" in text and "Nothing was changed." in text for text in texts(response))
    assert WorkshopSession.objects.filter(pk=session.pk).exists()
    assert AttendanceMark.objects.filter(session=session).count() == 1
    assert not AuditLogEntry.objects.filter(action="workshop.session.deleted").exists()


def test_the_service_refuses_a_marked_session():
    existing = workshop()
    session = session_at(existing)
    mark(session, member(existing))
    with pytest.raises(services.SessionHasMarks):
        services.delete_session(session=session, by=existing.cohort.facilitator)
    assert WorkshopSession.objects.filter(pk=session.pk).exists()


@pytest.mark.parametrize("who", ["other trainer", "facilitator elsewhere", "trainee", "officer"])
def test_anyone_else_gets_404_and_the_session_stays(client, who):
    existing = workshop(trainees=1)
    session = session_at(existing)
    person = {
        "other trainer": lambda: UserFactory(role=roles.TRAINER),
        "facilitator elsewhere": lambda: co_facilitator(workshop()),
        "trainee": lambda: member(existing),
        "officer": lambda: UserFactory(role=roles.MINISTRY_OFFICER),
    }[who]()
    client.force_login(person)
    assert client.get(delete_url(session)).status_code == 404
    assert client.post(delete_url(session)).status_code == 404
    assert WorkshopSession.objects.filter(pk=session.pk).exists()
    assert not AuditLogEntry.objects.filter(action="workshop.session.deleted").exists()


def test_signed_out_is_sent_to_sign_in_and_a_session_of_another_workshop_is_404(client):
    existing = workshop()
    session = session_at(existing)
    response = client.post(delete_url(session))
    assert response.status_code == 302 and "login" in response["Location"]
    foreign = session_at(workshop())
    client.force_login(existing.cohort.facilitator)
    # The trainer's own workshop in the URL, another workshop's session: not found.
    assert client.post(reverse("workshop_session_delete", args=[existing.pk, foreign.pk])).status_code == 404
    assert client.get(reverse("workshop_session_delete", args=[existing.pk, 2**40])).status_code == 404
    assert WorkshopSession.objects.filter(pk__in=[session.pk, foreign.pk]).count() == 2


def test_deleting_twice_answers_404_the_second_time(client):
    existing = workshop()
    session = session_at(existing)
    client.force_login(existing.cohort.facilitator)
    assert client.post(delete_url(session)).status_code == 302
    assert client.post(delete_url(session)).status_code == 404
    assert AuditLogEntry.objects.filter(action="workshop.session.deleted").count() == 1


def test_a_round_waiting_on_attendance_completes_when_an_unmarked_session_goes(client, django_capture_on_commit_callbacks):
    existing = workshop(required=100)
    attended, cancelled = session_at(existing, topic="Held"), session_at(existing, topic="Cancelled")
    trainee = member(existing)
    enrolment = Enrolment.objects.get(trainee=trainee)
    from courses import services as course_services

    for lesson in lessons_of(enrolment.course):
        course_services.complete_lesson(enrolment=enrolment, lesson=lesson)
    mark(attended, trainee)
    enrolment.refresh_from_db()
    assert enrolment.is_active and enrolment.progress_percent == 100  # 1 of 2 sessions: not yet
    client.force_login(existing.cohort.facilitator)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(delete_url(cancelled))
    enrolment.refresh_from_db()
    assert enrolment.is_completed  # 1 of 1


def test_the_workshop_page_offers_deletion_only_for_unmarked_sessions(client):
    existing = workshop()
    marked, empty = session_at(existing, topic="Marked"), session_at(existing, topic="Empty")
    mark(marked, member(existing), present=False)
    client.force_login(existing.cohort.facilitator)
    page = client.get(reverse("workshop_detail", args=[existing.pk])).content.decode()
    assert delete_url(empty) in page and delete_url(marked) not in page
