"""The aggregate report's filters (workshops starting between two dates, one country), and its comments."""

from datetime import date

import pytest
from django.urls import reverse

from lms.models import Country
from tests.workshops.conftest import build_past
from workshops.models import Workshop

pytestmark = pytest.mark.django_db


@pytest.fixture
def two(past):
    """The fixture's workshop in Senegal (November 2026) and another in Niger (March 2026)."""
    other = build_past("W2 ")
    Workshop.objects.filter(pk=past.workshop.pk).update(country=Country.objects.get(code="SN"))
    niger = Country.objects.get_or_create(code="NE", defaults={"name": "Niger"})[0]
    Workshop.objects.filter(pk=other.workshop.pk).update(country=niger, starts_on=date(2026, 3, 2), ends_on=date(2026, 3, 4))
    return past.workshop, other.workshop, niger


def shown(response) -> set:
    return {w.pk for w in response.context["report"].workshops}


def test_a_date_range_keeps_the_workshops_starting_in_it(two, officer_sn, client):
    november, march, _niger = two
    client.force_login(officer_sn)
    response = client.get(reverse("workshop_reports"), {"starts_from": "2026-10-01"})
    assert response.status_code == 200 and shown(response) == {november.pk}
    response = client.get(reverse("workshop_reports"), {"starts_from": "2026-03-02", "starts_until": "2026-03-02"})
    assert shown(response) == {march.pk}
    assert response.context["report"].figure("participants").value == 6


def test_a_country_keeps_its_workshops_and_the_downloads_follow_the_filter(two, officer_sn, client):
    _november, march, niger = two
    client.force_login(officer_sn)
    response = client.get(reverse("workshop_reports"), {"country": niger.pk})
    assert shown(response) == {march.pk}
    assert f"country={niger.pk}" in response.content.decode()  # the download links carry it
    download = client.get(reverse("workshop_reports_download", args=["xlsx"]), {"country": niger.pk})
    assert download.status_code == 200


def test_a_from_date_after_the_to_date_is_explained_and_changes_nothing(two, officer_sn, client):
    client.force_login(officer_sn)
    everything = shown(client.get(reverse("workshop_reports")))
    response = client.get(reverse("workshop_reports"), {"starts_from": "2026-12-01", "starts_until": "2026-01-01"})
    assert response.status_code == 400
    assert "is after the second" in response.content.decode()
    assert shown(response) == everything and len(everything) == 2


def test_a_country_without_workshops_in_scope_is_refused_not_widened(two, officer_sn, client):
    client.force_login(officer_sn)
    elsewhere = Country.objects.get_or_create(code="ML", defaults={"name": "Mali"})[0]
    response = client.get(reverse("workshop_reports"), {"country": elsewhere.pk})
    assert response.status_code == 400 and len(shown(response)) == 2
    assert f'value="{elsewhere.pk}"' not in response.content.decode()  # not offered either


def test_errors_are_in_the_readers_language(two, officer_sn, client):
    client.force_login(officer_sn)
    response = client.get("/fr/workshops/reports/", {"starts_from": "le 3 mars"})
    assert response.status_code == 400
    assert "Saisissez une date valide" in response.content.decode()


def test_the_aggregate_counts_comments_and_leaves_them_to_each_workshops_report(past, client):
    client.force_login(past.trainer)
    page = client.get(reverse("workshop_reports")).content.decode()
    assert "2 comments: read them in each workshop" in page and "Very useful" not in page
    single = client.get(reverse("workshop_report", args=[past.workshop.pk])).content.decode()
    assert "Very useful" in single
