"""Setting up a workshop and its sessions: who may, what the forms refuse, the hours it adds up to."""

from decimal import Decimal

import pytest
from django.urls import reverse

from lms import roles
from lms.models import AuditLogEntry
from tests.factories import CountryFactory, RegionFactory, UserFactory
from tests.workshops.builders import co_facilitator, member, new_cohort, session_at, workshop
from workshops import selectors
from workshops.models import Workshop

pytestmark = pytest.mark.django_db


def workshop_form(cohort, **changes):
    senegal = CountryFactory()
    data = {
        "title": "Atelier national", "starts_on": "2026-11-16", "ends_on": "2026-11-18", "venue": "Dakar",
        "country": senegal.pk, "region": RegionFactory(country=senegal).pk, "language": "fr", "time_zone": "Africa/Dakar",
        "attendance_required_percent": "80", "courses": [cohort.course.pk],
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def test_the_cohorts_trainer_sets_up_its_workshop(client):
    cohort = new_cohort()
    client.force_login(cohort.facilitator)
    response = client.post(reverse("workshop_create", args=[cohort.pk]), workshop_form(cohort))
    created = Workshop.objects.get(cohort=cohort)
    assert response.status_code == 302 and response["Location"] == reverse("workshop_detail", args=[created.pk])
    assert created.title == "Atelier national" and created.time_zone == "Africa/Dakar"
    assert list(created.courses.all()) == [cohort.course]
    assert AuditLogEntry.objects.filter(action="workshop.created", object_id=str(created.pk)).exists()
    page = client.get(reverse("workshop_detail", args=[created.pk])).content.decode()
    assert "Atelier national" in page and "No session yet." in page


def test_a_second_workshop_for_the_same_cohort_opens_the_first(client):
    existing = workshop()
    client.force_login(existing.cohort.facilitator)
    response = client.get(reverse("workshop_create", args=[existing.cohort_id]))
    assert response["Location"] == reverse("workshop_detail", args=[existing.pk])


def test_the_form_says_what_is_wrong_and_saves_nothing(client):
    cohort = new_cohort()
    client.force_login(cohort.facilitator)
    other_region = RegionFactory(country=CountryFactory(code="NE", name="Niger"), name="Niamey")
    response = client.post(
        reverse("workshop_create", args=[cohort.pk]),
        workshop_form(cohort, ends_on="2026-11-10", region=other_region.pk, time_zone="Mars/Olympus", attendance_required_percent="120"),
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "The workshop cannot end before it starts." in page
    assert "This region is not in the chosen country." in page
    assert "Enter a time zone such as Africa/Dakar" in page
    assert "less than or equal to 100" in page
    assert not Workshop.objects.exists()


@pytest.mark.parametrize("who", ["other trainer", "trainee", "co-facilitator"])
def test_only_the_cohorts_trainer_or_an_administrator_sets_it_up(client, who):
    existing = workshop()
    person = {
        "other trainer": lambda: UserFactory(role=roles.TRAINER),
        "trainee": lambda: member(existing),
        "co-facilitator": lambda: co_facilitator(existing),
    }[who]()
    client.force_login(person)
    assert client.get(reverse("workshop_edit", args=[existing.pk])).status_code == 404
    assert client.get(reverse("workshop_create", args=[new_cohort().pk])).status_code == 404
    # A co-facilitator runs the sessions, nobody else sees the workshop at all.
    expected = 200 if who == "co-facilitator" else 404
    assert client.get(reverse("workshop_detail", args=[existing.pk])).status_code == expected


def test_an_administrator_edits_any_workshop(client):
    existing = workshop()
    admin = UserFactory(role=roles.ADMINISTRATOR)
    client.force_login(admin)
    response = client.post(reverse("workshop_edit", args=[existing.pk]), workshop_form(existing.cohort, title="Renamed"))
    assert response.status_code == 302
    existing.refresh_from_db()
    assert existing.title == "Renamed"


def test_sessions_are_added_within_the_workshops_dates(client):
    existing = workshop()
    client.force_login(existing.cohort.facilitator)
    url = reverse("workshop_session_create", args=[existing.pk])
    response = client.post(url, {"date": "2026-12-25", "start_time": "09:00", "duration_minutes": "0", "topic": ""})
    assert response.status_code == 400
    page = response.content.decode()
    assert "The session must fall within the workshop&#x27;s dates" in page
    assert "greater than or equal to 1" in page and "This field is required." in page
    response = client.post(url, {"date": "2026-11-17", "start_time": "14:30", "duration_minutes": "120", "topic": "NRM"})
    assert response.status_code == 302
    session = existing.sessions.get()
    assert session.topic == "NRM" and session.where == existing.venue and len(session.checkin_token) >= 32


def test_a_session_of_another_workshop_is_not_found(client):
    mine, theirs = workshop(), workshop()
    session = session_at(theirs)
    client.force_login(mine.cohort.facilitator)
    for name in ("workshop_session", "workshop_session_edit", "workshop_sign_in_sheet", "workshop_walk_in"):
        assert client.get(reverse(name, args=[mine.pk, session.pk])).status_code == 404


def test_hours_add_sessions_and_linked_courses():
    existing = workshop()
    session_at(existing, minutes=90)
    session_at(existing, minutes=135)
    course = existing.cohort.course
    course.estimated_hours = Decimal("6.5")
    course.save()
    hours = selectors.hours_of(existing)
    assert (hours.face_to_face, hours.online, hours.total) == (Decimal("3.8"), Decimal("6.5"), Decimal("10.3"))


def test_workshop_list_shows_only_what_the_trainer_runs(client):
    mine = workshop()
    workshop(title="Someone else's")
    client.force_login(mine.cohort.facilitator)
    page = client.get(reverse("workshop_list")).content.decode()
    assert "National workshop on victim identification" in page and "Someone else" not in page
    client.force_login(member(mine))
    assert client.get(reverse("workshop_list")).status_code == 404
