"""A second facilitator runs the workshop with the cohort's trainer; a facilitator of another
workshop, or the trainer of another cohort, finds nothing of it (404 on every route)."""

import json
import uuid

import pytest
from django.urls import reverse

from lms import roles
from lms.models import AuditLogEntry
from tests.factories import UserFactory
from tests.workshops.builders import co_facilitator, member, new_cohort, session_at, workshop
from workshops.models import AttendanceMark, WorkshopSession

pytestmark = pytest.mark.django_db


def workshop_routes(existing, session) -> dict:
    """Every route of one workshop (by URL name), with its arguments and a request to make."""
    w, s = existing.pk, session.pk
    return {
        "workshop_detail": ("GET", [w]),
        "workshop_edit": ("GET", [w]),
        "workshop_report": ("GET", [w]),
        "workshop_report_download": ("GET", [w, "xlsx"]),
        "workshop_survey": ("GET", [w, "satisfaction"]),
        "workshop_survey_items": ("GET", [w, "follow_up"]),
        "workshop_attendance_import": ("GET", [w]),
        "workshop_attendance_export": ("GET", [w, "csv"]),
        "workshop_session_create": ("GET", [w]),
        "workshop_session": ("POST", [w, s]),
        "workshop_session_edit": ("GET", [w, s]),
        "workshop_session_delete": ("POST", [w, s]),
        "workshop_session_mark": ("JSON", [w, s]),
        "workshop_walk_in": ("POST", [w, s]),
        "workshop_sign_in_sheet": ("GET", [w, s]),
    }


def request(client, method, url, trainee_id):
    if method == "JSON":
        body = {"client_mark_id": str(uuid.uuid4()), "trainee": trainee_id, "present": True}
        return client.post(url, json.dumps(body), content_type="application/json")
    if method == "POST":
        return client.post(url, {"trainee": trainee_id, "present": "1", "name": "Walk In", "email": "walk.in@example.org"})
    return client.get(url)


def test_every_route_that_takes_a_workshop_is_walked():
    """A workshop route added later must join the walk below."""
    from workshops import urls

    names = {pattern.name for pattern in urls.urlpatterns if "workshop_id" in str(pattern.pattern)}
    existing = workshop()
    assert names == set(workshop_routes(existing, session_at(existing)))


@pytest.mark.parametrize("who", ["facilitator of another workshop", "trainer of another cohort", "trainee elsewhere"])
def test_someone_running_another_workshop_finds_nothing_of_this_one(client, who):
    existing = workshop()
    session = session_at(existing)
    trainee = member(existing)
    elsewhere = workshop(cohort=new_cohort(name="Bamako cohort"), title="Bamako workshop")
    person = {
        "facilitator of another workshop": lambda: co_facilitator(elsewhere),
        "trainer of another cohort": lambda: elsewhere.cohort.facilitator,
        "trainee elsewhere": lambda: member(elsewhere),
    }[who]()
    client.force_login(person)
    audited = AuditLogEntry.objects.count()
    for name, (method, args) in workshop_routes(existing, session).items():
        response = request(client, method, reverse(name, args=args), trainee.pk)
        assert response.status_code == 404, f"{who} at {name}: {response.status_code}"
    assert WorkshopSession.objects.filter(pk=session.pk).exists()
    assert not AttendanceMark.objects.exists()
    assert AuditLogEntry.objects.count() == audited
    if who != "trainee elsewhere":
        # Their own list and the aggregate report name their workshop, not this one.
        for url in (reverse("workshop_list"), reverse("workshop_reports")):
            page = client.get(url).content.decode()
            assert existing.title not in page, url


def test_a_co_facilitator_takes_attendance_and_runs_the_sessions(client):
    existing = workshop()
    session = session_at(existing)
    trainee = member(existing)
    second = co_facilitator(existing)
    client.force_login(second)
    routes = workshop_routes(existing, session)
    for name in ("workshop_detail", "workshop_report", "workshop_attendance_import", "workshop_session_create",
                 "workshop_session_edit"):
        method, args = routes[name]
        assert request(client, method, reverse(name, args=args), trainee.pk).status_code == 200, name
    assert request(client, "JSON", reverse("workshop_session_mark", args=[existing.pk, session.pk]), trainee.pk).status_code == 200
    mark = AttendanceMark.objects.get(session=session, trainee=trainee)
    assert mark.present and mark.made_by == second
    # Settings, statements and the file of names stay the cohort's trainer's.
    for name in ("workshop_edit", "workshop_survey_items", "workshop_attendance_export"):
        method, args = routes[name]
        assert request(client, method, reverse(name, args=args), trainee.pk).status_code == 404, name
    page = client.get(reverse("workshop_detail", args=[existing.pk])).content.decode()
    assert reverse("workshop_edit", args=[existing.pk]) not in page
    assert reverse("workshop_attendance_export", args=[existing.pk, "csv"]) not in page


def test_a_co_facilitator_removed_from_the_workshop_loses_it(client):
    existing = workshop()
    session = session_at(existing)
    second = co_facilitator(existing)
    existing.facilitators.remove(second)
    client.force_login(second)
    assert client.get(reverse("workshop_detail", args=[existing.pk])).status_code == 404
    assert client.get(reverse("workshop_report", args=[existing.pk])).status_code == 404
    assert client.get(reverse("workshop_session", args=[existing.pk, session.pk])).status_code == 404


def test_a_listed_facilitator_without_the_trainer_role_runs_nothing(client):
    """Listing is not a role: someone listed who is not (or no longer) a trainer gets 404."""
    existing = workshop()
    listed = UserFactory(role=roles.TRAINEE)
    existing.facilitators.add(listed)
    client.force_login(listed)
    assert client.get(reverse("workshop_detail", args=[existing.pk])).status_code == 404
    assert client.get(reverse("workshop_report", args=[existing.pk])).status_code == 404
