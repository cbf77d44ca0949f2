"""Walk-ins: marked present, and invited by the cohort's consent rule (new person: account link; known: invitation)."""

import pytest
from django.core import mail
from django.urls import reverse

from courses.models import CohortInvitation, Enrolment
from lms.models import User
from tests.factories import UserFactory
from tests.workshops.builders import member, session_at, workshop
from workshops.models import AttendanceMark

pytestmark = pytest.mark.django_db


@pytest.fixture
def setting(client):
    existing = workshop()
    session = session_at(existing)
    client.force_login(existing.cohort.facilitator)
    return existing, session, reverse("workshop_walk_in", args=[existing.pk, session.pk])


def test_a_new_person_gets_an_account_link_and_is_marked_present(client, setting, django_capture_on_commit_callbacks):
    existing, session, url = setting
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"name": "Fatou Ndiaye", "email": "fatou@example.org"}, follow=True)
    assert "Fatou Ndiaye is marked present" in response.content.decode()
    person = User.objects.get(email="fatou@example.org")
    mark = AttendanceMark.objects.get(trainee=person)
    assert (mark.present, mark.source) == (True, "walk_in")
    assert CohortInvitation.objects.get(invitee=person).is_pending
    assert not Enrolment.objects.filter(trainee=person).exists()  # joins only by accepting
    assert [m.to for m in mail.outbox] == [["fatou@example.org"]]


def test_a_known_account_is_invited_not_moved_and_the_trainer_reads_the_same(client, setting, django_capture_on_commit_callbacks):
    existing, session, url = setting
    known = UserFactory(email="known@example.org", certificate_name="Private Name")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"name": "As Typed", "email": "KNOWN@example.org"}, follow=True)
    page = response.content.decode()
    assert "As Typed is marked present" in page and "Private Name" not in page
    assert CohortInvitation.objects.get(invitee=known).is_pending
    assert not Enrolment.objects.filter(trainee=known).exists()
    assert AttendanceMark.objects.get(trainee=known).source == "walk_in"


def test_a_cohort_member_is_just_marked_present(client, setting):
    existing, session, url = setting
    trainee = member(existing, email="in@example.org")
    client.post(url, {"name": "In", "email": "in@example.org"})
    assert not CohortInvitation.objects.exists()
    assert AttendanceMark.objects.get(trainee=trainee).present


def test_the_form_refuses_a_bad_address_and_records_nothing(client, setting):
    existing, session, url = setting
    response = client.post(url, {"name": "", "email": "not-an-address"})
    assert response.status_code == 400 and "Enter a valid email address." in response.content.decode()
    assert not AttendanceMark.objects.exists() and not CohortInvitation.objects.exists()
