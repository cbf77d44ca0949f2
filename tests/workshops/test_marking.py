"""The facilitator's marks: one JSON mark per tap, replays change nothing, outsiders get 404."""

import json
import uuid

import pytest
from django.urls import reverse

from lms import roles
from lms.models import AuditLogEntry
from tests.factories import UserFactory
from tests.workshops.builders import co_facilitator, member, session_at, workshop
from workshops.models import AttendanceMark

pytestmark = pytest.mark.django_db


@pytest.fixture
def setting():
    existing = workshop(trainees=2)
    return existing, session_at(existing)


def send(client, session, trainee_id, present=True, mark_id=None):
    body = {"client_mark_id": str(mark_id or uuid.uuid4()), "trainee": trainee_id, "present": present}
    url = reverse("workshop_session_mark", args=[session.workshop_id, session.pk])
    return client.post(url, json.dumps(body), content_type="application/json")


def trainees(existing):
    return list(existing.cohort.enrolments.order_by("pk").values_list("trainee_id", flat=True))


def test_a_tap_marks_present_with_its_source_author_and_audit(client, setting):
    existing, session = setting
    trainer = existing.cohort.facilitator
    client.force_login(trainer)
    first = trainees(existing)[0]
    mark_id = uuid.uuid4()
    response = send(client, session, first, mark_id=mark_id)
    assert response.status_code == 200 and response.json() == {"status": "applied", "trainee": first, "present": True}
    mark = AttendanceMark.objects.get(session=session, trainee_id=first)
    assert (mark.present, mark.source, mark.made_by, mark.client_mark_id) == (True, "facilitator", trainer, mark_id)
    entry = AuditLogEntry.objects.get(action="workshop.attendance.mark")
    assert entry.actor == trainer and entry.data["trainee"] == first and entry.data["client_mark_id"] == str(mark_id)


def test_a_replayed_mark_changes_nothing_even_after_a_newer_one(client, setting):
    existing, session = setting
    client.force_login(existing.cohort.facilitator)
    first = trainees(existing)[0]
    tap_present, tap_absent = uuid.uuid4(), uuid.uuid4()
    send(client, session, first, True, tap_present)
    send(client, session, first, False, tap_absent)
    # The connection came back and the device sent its first tap again.
    response = send(client, session, first, True, tap_present)
    assert response.json() == {"status": "replayed", "trainee": first, "present": False}
    assert AttendanceMark.objects.get(session=session, trainee_id=first).present is False
    assert AuditLogEntry.objects.filter(action="workshop.attendance.mark").count() == 2


def test_a_co_facilitator_marks_too(client, setting):
    existing, session = setting
    client.force_login(co_facilitator(existing))
    assert send(client, session, trainees(existing)[1]).status_code == 200


@pytest.mark.parametrize("who", ["trainee", "other trainer", "officer"])
def test_someone_who_does_not_run_the_workshop_gets_404_and_nothing_changes(client, setting, who):
    existing, session = setting
    person = {
        "trainee": lambda: member(existing),
        "other trainer": lambda: UserFactory(role=roles.TRAINER),
        "officer": lambda: UserFactory(role=roles.MINISTRY_OFFICER),
    }[who]()
    client.force_login(person)
    assert send(client, session, trainees(existing)[0]).status_code == 404
    assert not AttendanceMark.objects.exists()


def test_a_person_outside_the_cohort_or_a_session_of_another_workshop_is_404(client, setting):
    existing, session = setting
    client.force_login(existing.cohort.facilitator)
    stranger = UserFactory()
    assert send(client, session, stranger.pk).status_code == 404
    other = workshop()
    other_member = member(other)
    assert send(client, session, other_member.pk).status_code == 404
    foreign = session_at(other)
    url = reverse("workshop_session_mark", args=[existing.pk, foreign.pk])
    body = json.dumps({"client_mark_id": str(uuid.uuid4()), "trainee": trainees(existing)[0], "present": True})
    assert client.post(url, body, content_type="application/json").status_code == 404
    assert not AttendanceMark.objects.exists()


@pytest.mark.parametrize(
    "body", ["not json", '{"trainee": 1, "present": true}', '{"client_mark_id": "x", "trainee": 1, "present": true}',
             json.dumps({"client_mark_id": str(uuid.uuid4()), "trainee": "abc", "present": True}),
             json.dumps({"client_mark_id": str(uuid.uuid4()), "trainee": 1, "present": "yes"})],
)
def test_a_mark_that_cannot_be_read_is_400(client, setting, body):
    existing, session = setting
    client.force_login(existing.cohort.facilitator)
    url = reverse("workshop_session_mark", args=[existing.pk, session.pk])
    response = client.post(url, body, content_type="application/json")
    assert response.status_code == 400 and "could not be read" in response.json()["error"]


def test_signed_out_device_keeps_its_marks(client, setting):
    existing, session = setting
    response = send(client, session, trainees(existing)[0])
    assert response.status_code == 401 and "sign in again" in response.json()["error"]


def test_without_javascript_the_button_posts_the_same_mark(client, setting):
    existing, session = setting
    client.force_login(existing.cohort.facilitator)
    first = trainees(existing)[0]
    url = reverse("workshop_session", args=[existing.pk, session.pk])
    page = client.get(url).content.decode()
    assert 'aria-pressed="false"' in page and "attendance.js" in page
    assert client.post(url, {"trainee": first, "present": "1"}).status_code == 302
    assert AttendanceMark.objects.get(trainee_id=first).present is True
    assert 'aria-pressed="true"' in client.get(url).content.decode()
    assert client.post(url, {"trainee": UserFactory().pk, "present": "1"}).status_code == 404


def test_the_marking_page_reads_a_fixed_number_of_queries(client, django_assert_max_num_queries):
    existing = workshop(trainees=3)
    session = session_at(existing)
    client.force_login(existing.cohort.facilitator)
    url = reverse("workshop_session", args=[existing.pk, session.pk])
    client.get(url)
    with django_assert_max_num_queries(12) as few:
        client.get(url)
    for _ in range(10):
        member(existing)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(url)
