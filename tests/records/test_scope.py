"""Who sees which records: one rule, used by every page, file and API call."""

import pytest
from django.urls import reverse

from courses.models import Enrolment
from lms import roles
from records.forms import RecordFilterForm
from records.selectors import enrolments_in_scope
from tests.factories import UserFactory

from .conftest import administrator, officer

pytestmark = pytest.mark.django_db
DASHBOARD = "/en/records/"


def ids(queryset):
    return set(queryset.values_list("pk", flat=True))


def pks(enrolments):
    return {e.pk for e in enrolments}


def test_administrator_sees_every_round(world):
    assert ids(enrolments_in_scope(administrator())) == pks(world.senegal_enrolments + world.mali_enrolments)


def test_country_officer_sees_only_rounds_taken_in_that_country(world):
    assert ids(enrolments_in_scope(world.officer_senegal)) == pks(world.senegal_enrolments)
    assert ids(enrolments_in_scope(world.officer_mali)) == pks(world.mali_enrolments)


def test_organisation_officer_sees_only_that_organisation(world):
    user = officer(organisations=[world.thies_court])
    assert ids(enrolments_in_scope(user)) == {world.senegal_enrolments[2].pk}


def test_countries_and_organisations_add_up(world):
    user = officer(countries=[world.mali], organisations=[world.thies_court])
    assert ids(enrolments_in_scope(user)) == pks(world.mali_enrolments) | {world.senegal_enrolments[2].pk}


@pytest.mark.parametrize("scope", [False, True])
def test_officer_without_a_scope_or_with_an_empty_one_sees_nothing(world, scope):
    assert not enrolments_in_scope(officer(scope=scope)).exists()


def test_trainer_sees_only_the_cohorts_they_facilitate(world):
    assert ids(enrolments_in_scope(world.cohort.facilitator)) == {world.senegal_enrolments[0].pk}
    assert not enrolments_in_scope(UserFactory(role=roles.TRAINER)).exists()


def test_trainee_sees_nothing_and_the_pages_do_not_exist(world, client):
    trainee = world.senegal_enrolments[0].trainee
    assert not enrolments_in_scope(trainee).exists()
    client.force_login(trainee)
    for name in ("dashboard", "export_csv", "export_xlsx", "summary_pdf", "tokens", "audit"):
        assert client.get(reverse(f"records:{name}")).status_code == 404


def test_anonymous_visitors_are_sent_to_sign_in(client):
    response = client.get(DASHBOARD)
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_records_follow_the_snapshot_not_the_current_workplace(world):
    """A trainee who moves to Mali after training in Senegal stays in Senegal's records."""
    awa = world.senegal_enrolments[0].trainee
    awa.organisation, awa.country = world.bamako_post, world.mali
    awa.save()
    assert world.senegal_enrolments[0].pk in ids(enrolments_in_scope(world.officer_senegal))
    assert not ids(enrolments_in_scope(world.officer_mali)) & pks(world.senegal_enrolments)
    moved = Enrolment.objects.get(pk=world.senegal_enrolments[0].pk)
    assert moved.organisation == world.dakar_post


def test_filter_choices_are_limited_to_the_scope(world):
    form = RecordFilterForm({}, scoped=enrolments_in_scope(world.officer_senegal))
    assert set(form.fields["organisation"].queryset) == {world.dakar_post, world.thies_court}
    assert set(form.fields["country"].queryset) == {world.senegal}
    assert {str(value) for value, _label in form.fields["course"].choices if value} == {
        str(world.course.translation_key),
        str(world.other_course.translation_key),
    }
    mali_form = RecordFilterForm({}, scoped=enrolments_in_scope(world.officer_mali))
    assert {str(value) for value, _label in mali_form.fields["course"].choices if value} == {
        str(world.course.translation_key)
    }


def test_dashboard_counts_only_the_officers_country(world, client, exact_counts):
    client.force_login(world.officer_senegal)
    response = client.get(DASHBOARD)
    assert response.status_code == 200
    figures = {f.label: f.display for f in response.context["figures"]}
    assert figures["Trainees enrolled"] == "2"
    assert figures["Enrolments"] == "3"
    assert figures["Completed"] == "2"
    html = response.content.decode()
    assert "Bamako" not in html
    assert "Dakar border post" in html


def test_filtering_by_another_countrys_organisation_is_a_form_error(world, client):
    client.force_login(world.officer_senegal)
    response = client.get(DASHBOARD, {"organisation": world.bamako_post.pk})
    assert response.status_code == 200
    assert "organisation" in response.context["form"].errors
    assert "figures" not in response.context
    for name in ("export_csv", "export_xlsx", "summary_pdf"):
        download = client.get(reverse(f"records:{name}"), {"organisation": world.bamako_post.pk})
        assert download.status_code == 400
        assert "Bamako" not in download.content.decode()


@pytest.mark.parametrize(
    "params",
    [
        {"cohort": "999999"},
        {"cohort": "abc"},
        {"course": "not-a-uuid"},
        {"enrolled_from": "2026-13-45"},
        {"status": "deleted"},
        {"enrolled_from": "2026-05-01", "enrolled_to": "2026-01-01"},
    ],
)
def test_bad_filters_give_form_errors_never_a_500(world, client, params):
    client.force_login(world.officer_senegal)
    response = client.get(DASHBOARD, params)
    assert response.status_code == 200
    assert response.context["form"].errors
    assert client.get(reverse("records:export_csv"), params).status_code == 400


def test_filters_narrow_the_figures(world, client, exact_counts):
    client.force_login(world.officer_senegal)
    response = client.get(DASHBOARD, {"organisation": world.thies_court.pk})
    figures = {f.label: f.display for f in response.context["figures"]}
    assert figures["Enrolments"] == "1"
    response = client.get(DASHBOARD, {"course": str(world.other_course.translation_key), "status": "completed"})
    figures = {f.label: f.display for f in response.context["figures"]}
    assert figures["Enrolments"] == "1"


def test_small_counts_are_hidden_on_the_dashboard(world, client, settings):
    settings.RECORDS_MIN_CELL = 5
    client.force_login(world.officer_senegal)
    response = client.get(DASHBOARD)
    figures = {f.label: f for f in response.context["figures"]}
    assert figures["Enrolments"].hidden and figures["Enrolments"].display == "< 5"
    assert figures["Completion rate"].hidden
    assert "&lt; 5" in response.content.decode()


def test_the_audit_page_is_for_administrators_only(world, client):
    client.force_login(world.officer_senegal)
    assert client.get(reverse("records:audit")).status_code == 404
    client.force_login(administrator())
    assert client.get(reverse("records:audit")).status_code == 200


def test_the_navigation_links_to_records_for_officers_only(world, client):
    client.force_login(world.officer_senegal)
    assert 'href="/en/records/"' in client.get("/en/dashboard/").content.decode()
    client.force_login(world.senegal_enrolments[0].trainee)
    assert 'href="/en/records/"' not in client.get("/en/dashboard/").content.decode()
