"""The dashboard: figures, breakdowns (with optional gender and age), charts, query count."""

from datetime import UTC, date, datetime, timedelta

import pytest
from django.db import connection

from certificates.models import Certificate
from records.selectors import enrolments_in_scope, summarise

from .conftest import certificate_for, enrolment_for, officer

pytestmark = pytest.mark.django_db
DASHBOARD = "/en/records/"


def test_figures_count_rounds_completion_score_and_median(world, exact_counts):
    figures = {f.label: f.display for f in summarise(enrolments_in_scope(world.officer_senegal)).figures}
    assert figures["Completion rate"] == "67 %"
    assert figures["Average score"] == "85.0 %"
    # Enrolled 2 March; completed after 10 and 14 days: median 12.
    assert figures["Median time to complete"] == "12.0 days"


def test_a_reissued_certificate_counts_once_with_its_latest_status(world, exact_counts):
    first, second, _open = world.senegal_enrolments
    replaced = certificate_for(first, status=Certificate.Status.REPLACED)
    newer = certificate_for(first)
    replaced.replaced_by = newer
    replaced.save()
    certificate_for(second, status=Certificate.Status.REVOKED)
    certificate_for(world.mali_enrolments[0])  # out of scope
    expired_round = enrolment_for(world.senegal_enrolments[2].trainee, world.other_course, completed_at=datetime(2026, 3, 9, tzinfo=UTC))
    certificate_for(expired_round, expires_on=date.today() - timedelta(days=1))
    figures = {f.label: f.value for f in summarise(enrolments_in_scope(world.officer_senegal)).figures}
    assert figures["Certificates valid"] == 1
    assert figures["Certificates expired"] == 1
    assert figures["Certificates revoked"] == 1
    assert figures["Certificates replaced"] == 1  # the earlier copy, superseded by the reissue


def test_breakdowns_have_tables_and_charts(world, client, exact_counts):
    client.force_login(world.officer_senegal)
    response = client.get(DASHBOARD)
    keys = [table.key for table, _chart in response.context["breakdowns"]]
    assert keys == ["course", "organisation", "sector", "country", "region", "month"]
    html = response.content.decode()
    assert html.count("<table") == 6 and html.count("<svg") == 6
    assert "<script" not in html.split('<main id="main"')[1]
    table = next(t for t, _chart in response.context["breakdowns"] if t.key == "organisation")
    assert [(row.label, row.enrolled.value, row.completed.value) for row in table.rows] == [
        ("Dakar border post", 2, 2),
        ("Thiès court", 1, 0),
    ]


def test_gender_and_age_only_where_collected_with_not_stated(world, client, settings, exact_counts):
    settings.PASSAGE_COLLECT_GENDER = True
    settings.PASSAGE_COLLECT_YEAR_OF_BIRTH = True
    awa = world.senegal_enrolments[0].trainee
    awa.gender, awa.year_of_birth = "female", 1990
    awa.save()
    client.force_login(world.officer_senegal)
    tables = {table.key: table for table, _chart in client.get(DASHBOARD).context["breakdowns"]}
    assert [(r.label, r.enrolled.value) for r in tables["gender"].rows] == [("Female", 2), ("Not stated", 1)]
    assert [(r.label, r.enrolled.value) for r in tables["age"].rows] == [("35–44", 2), ("Not stated", 1)]


def test_breakdown_suppression_is_complementary(world, client, settings):
    """With a minimum of 2, Thiès court's single round is hidden, and so is the next smallest."""
    settings.RECORDS_MIN_CELL = 2
    client.force_login(world.officer_senegal)
    tables = {table.key: table for table, _chart in client.get(DASHBOARD).context["breakdowns"]}
    rows = tables["organisation"].rows
    assert [row.enrolled.hidden for row in rows] == [True, True]
    # Only Thiès court's single round is a small count; Dakar's 2 are hidden to protect it.
    assert [row.enrolled.display for row in rows] == ["suppressed", "< 2"]


# Session, user, roles, scope; the tally of the rounds (1); trainees and median (1, or 2 where
# the database has no median aggregate); certificates (1); months (1); names of organisations,
# sectors, countries, regions (4); the current site (1, for page links in the layout); the
# filter lists (cohort, organisation, sector, country, region: 5). With a filter, the choices
# need a tally of their own (1).
def dashboard_queries(*, filtered: bool) -> int:
    return 18 + (connection.vendor != "postgresql") + filtered


@pytest.mark.parametrize("extra_trainees", [0, 8])
@pytest.mark.parametrize("query", [{}, {"status": "completed"}])
def test_dashboard_query_count_is_fixed(world, client, django_assert_num_queries, extra_trainees, query):
    from tests.factories import UserFactory

    for _ in range(extra_trainees):
        enrolment_for(
            UserFactory(organisation=world.dakar_post, country=world.senegal), world.course,
            completed_at=datetime(2026, 3, 20, tzinfo=UTC),
        )
    client.force_login(officer(countries=[world.senegal]))
    client.get(DASHBOARD)  # warm: navigation cache
    with django_assert_num_queries(dashboard_queries(filtered=bool(query))):
        response = client.get(DASHBOARD, query)
    assert response.status_code == 200


def test_the_records_indexes_are_made_where_the_database_has_covering_indexes():
    """PostgreSQL gets the covering indexes the national dashboard reads from; SQLite, which
    has no INCLUDE columns, gets nothing (the migration does nothing there)."""
    on_postgresql = connection.vendor == "postgresql"
    with connection.cursor() as cursor:
        enrolment_indexes = connection.introspection.get_constraints(cursor, "courses_enrolment")
        certificate_indexes = connection.introspection.get_constraints(cursor, "certificates_certificate")
    assert ("enrolment_country_records" in enrolment_indexes) is on_postgresql
    assert ("certificate_enrolment_status" in certificate_indexes) is on_postgresql
