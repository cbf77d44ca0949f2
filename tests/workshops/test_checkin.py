"""QR self check-in: a signed-in member while the session is open; everyone else is told why, nothing changes."""

import pytest
from django.urls import reverse

from tests.factories import UserFactory
from tests.workshops.builders import member, session_at, session_now, workshop
from workshops.models import AttendanceMark

pytestmark = pytest.mark.django_db


def checkin(session):
    return reverse("workshops_checkin:check_in", args=[session.checkin_token])


def test_a_member_checks_in_during_the_session(client):
    existing = workshop()
    session = session_now(existing)
    trainee = member(existing)
    client.force_login(trainee)
    page = client.get(checkin(session)).content.decode()
    assert "I am here: check me in" in page and not AttendanceMark.objects.exists()
    response = client.post(checkin(session))
    assert "You are checked in" in response.content.decode()
    mark = AttendanceMark.objects.get()
    assert (mark.trainee, mark.present, mark.source, mark.made_by) == (trainee, True, "qr", trainee)
    assert "already marked present" in client.post(checkin(session)).content.decode()
    assert AttendanceMark.objects.count() == 1


def test_the_link_asks_to_sign_in_first(client):
    session = session_now(workshop())
    response = client.get(checkin(session))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_someone_outside_the_cohort_is_told_and_nothing_is_recorded(client):
    existing = workshop()
    session = session_now(existing)
    client.force_login(UserFactory())
    for response in (client.get(checkin(session), follow=True), client.post(checkin(session), follow=True)):
        # Not theirs: 404, as everywhere (after the locale redirect to /en/check-in/...), with the
        # reason, and nothing of the workshop or the session.
        page = response.content.decode()
        assert response.status_code == 404 and "not a member of this workshop" in page
        assert response.redirect_chain == [(f"/en{checkin(session)}", 302)]
        assert existing.title not in page and session.topic not in page and session.where not in page
    assert not AttendanceMark.objects.exists()


def test_a_closed_session_says_when_it_opens_and_records_nothing(client):
    existing = workshop()
    past = session_now(existing, minutes_ago=6 * 60)
    client.force_login(member(existing))
    response = client.post(checkin(past))
    assert response.status_code == 403 and "Check-in for this session is closed" in response.content.decode()
    future = session_at(existing)  # 2026-11-16, long after or before today: closed either way
    assert client.post(checkin(future)).status_code == 403
    assert not AttendanceMark.objects.exists()


def test_the_window_is_configurable(client, settings):
    existing = workshop()
    session = session_now(existing, minutes_ago=3 * 60)  # ended 90 minutes ago
    client.force_login(member(existing))
    assert client.post(checkin(session)).status_code == 403
    settings.PASSAGE_CHECKIN_CLOSES_AFTER_MINUTES = 120
    assert client.post(checkin(session)).status_code == 200


def test_an_unknown_token_is_404(client):
    existing = workshop()
    session_now(existing)
    client.force_login(member(existing))
    assert client.get("/check-in/not-a-token/", follow=True).status_code == 404
