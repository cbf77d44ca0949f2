"""A round its trainee left counts as withdrawn in the records: enrolled, not completed, status "Withdrawn".

Through the pages and files only (no import of the records modules), as an officer reads them.
"""

import csv
import io

import pytest
from django.urls import reverse

from courses import services as learning
from courses.models import Enrolment

pytestmark = pytest.mark.django_db


@pytest.fixture
def left(world):
    """Moussa leaves his round of the course (in progress until now)."""
    enrolment = next(e for e in world.senegal_enrolments if e.status == Enrolment.Status.ACTIVE)
    return learning.withdraw(enrolment, by=enrolment.trainee)


def csv_rows(client, params=None) -> list[dict]:
    response = client.get(reverse("records:export_csv"), {"identity": "name", **(params or {})})
    assert response.status_code == 200
    data = b"".join(response.streaming_content) if response.streaming else response.content
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))


def test_a_left_round_shows_as_withdrawn_in_the_export(world, client, left, exact_counts):
    client.force_login(world.officer_senegal)
    rows = csv_rows(client)
    assert len(rows) == len(world.senegal_enrolments)  # still a round of the records
    statuses = sorted(row["Status"] for row in rows)
    assert statuses == ["Completed", "Completed", "Withdrawn"]


def test_the_withdrawn_filter_finds_it_and_it_is_not_counted_completed(world, client, left, exact_counts):
    client.force_login(world.officer_senegal)
    rows = csv_rows(client, {"status": Enrolment.Status.WITHDRAWN})
    assert [row["Status"] for row in rows] == ["Withdrawn"]
    response = client.get(reverse("records:dashboard"), {"status": Enrolment.Status.WITHDRAWN})
    figures = {figure.key: figure.value for figure in response.context["figures"]}
    assert figures["enrolments"] == 1 and figures["completed"] == 0
