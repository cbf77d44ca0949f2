"""The records API: tokens, scope, cursor pages, suppression, rate limit, schema."""

import pytest
from django.core.cache import caches
from django.urls import reverse

from lms.models import AuditLogEntry
from records import services
from records.models import ApiToken
from tests.factories import mark_reauthenticated

from .conftest import administrator, officer

pytestmark = pytest.mark.django_db


def bearer(key):
    return {"HTTP_AUTHORIZATION": f"Bearer {key}"}


@pytest.fixture
def senegal_key(world):
    _token, key = services.create_api_token(user=world.officer_senegal, name="National registry")
    return key


def test_no_bad_or_revoked_token_is_refused(world, client, senegal_key):
    assert client.get("/api/records/").status_code == 401
    assert client.get("/api/records/", **bearer("psg_not-a-real-key")).status_code == 401
    assert client.get("/api/records/", **bearer(senegal_key + "x")).status_code == 401
    assert client.get("/api/records/", **bearer(senegal_key)).status_code == 200
    services.revoke_api_token(token=ApiToken.objects.get(), by=world.officer_senegal)
    assert client.get("/api/records/", **bearer(senegal_key)).status_code == 401


def test_a_token_stops_working_when_its_owner_loses_the_role(world, client, senegal_key):
    world.officer_senegal.groups.clear()
    assert client.get("/api/records/", **bearer(senegal_key)).status_code == 401


def test_only_the_hash_of_the_key_is_stored(world, senegal_key):
    token = ApiToken.objects.get()
    stored = " ".join(str(value) for value in ApiToken.objects.values().get().values())
    assert senegal_key not in stored
    assert token.key_hash == services.hash_key(senegal_key)
    assert senegal_key.startswith(token.prefix)


def test_records_are_scoped_like_the_pages(world, client, senegal_key):
    data = client.get("/api/records/", **bearer(senegal_key)).json()
    assert {row["id"] for row in data["results"]} == {e.pk for e in world.senegal_enrolments}
    assert {row["organisation"] for row in data["results"]} == {"Dakar border post", "Thiès court"}
    assert all(row["trainee"].startswith("P-") for row in data["results"])
    guessed = client.get("/api/records/", {"organisation": world.bamako_post.pk}, **bearer(senegal_key))
    assert guessed.status_code == 422
    assert "organisation" in guessed.json()["detail"]


def test_pages_follow_a_cursor(world, client, senegal_key):
    seen, cursor, pages = [], None, 0
    while True:
        params = {"limit": 2, **({"cursor": cursor} if cursor is not None else {})}
        page = client.get("/api/records/", params, **bearer(senegal_key)).json()
        seen += [row["id"] for row in page["results"]]
        pages += 1
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert pages == 2
    assert seen == sorted(e.pk for e in world.senegal_enrolments)


@pytest.mark.parametrize("params", [{"limit": 1001}, {"limit": 0}, {"cursor": "abc"}, {"identity": "passport"}, {"enrolled_from": "yesterday"}])
def test_bad_parameters_are_422(world, client, senegal_key, params):
    assert client.get("/api/records/", params, **bearer(senegal_key)).status_code == 422


def test_names_on_request_and_each_page_is_audited(world, client, senegal_key):
    data = client.get("/api/records/", {"identity": "name"}, **bearer(senegal_key)).json()
    assert world.senegal_enrolments[0].trainee.get_full_name() in {row["trainee"] for row in data["results"]}
    entry = AuditLogEntry.objects.order_by("-id").first()
    assert entry.action == "records.api_read"
    assert entry.data["rows"] == 3 and entry.data["identity"] == "name"


def test_summary_suppresses_small_counts(world, client, senegal_key, settings):
    settings.RECORDS_MIN_CELL = 5
    data = client.get("/api/summary/", **bearer(senegal_key)).json()
    figures = {figure["key"]: figure for figure in data["figures"]}
    assert figures["enrolments"] == {
        "key": "enrolments", "label": "Enrolments", "value": None, "display": "< 5", "suppressed": True,
        "suppression": "small",
    }
    organisations = next(b for b in data["breakdowns"] if b["key"] == "organisation")
    assert all(row["enrolled"] is None and row["enrolled_suppressed"] for row in organisations["rows"])
    settings.RECORDS_MIN_CELL = 1
    data = client.get("/api/summary/", **bearer(senegal_key)).json()
    figures = {figure["key"]: figure for figure in data["figures"]}
    assert figures["enrolments"]["value"] == 3


def test_rate_limit_per_token(world, client, senegal_key, settings):
    settings.RECORDS_API_RATE = 3
    statuses = [client.get("/api/summary/", **bearer(senegal_key)).status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    _token, other_key = services.create_api_token(user=world.officer_mali, name="Other")
    assert client.get("/api/summary/", **bearer(other_key)).status_code == 200


def test_the_121st_request_of_a_minute_is_refused(world, client, senegal_key):
    for _ in range(120):
        assert client.get("/api/records/", {"limit": 1}, **bearer(senegal_key)).status_code == 200
    refused = client.get("/api/records/", {"limit": 1}, **bearer(senegal_key))
    assert refused.status_code == 429
    assert 0 < int(refused["Retry-After"]) <= 60
    assert refused["Cache-Control"] == "private, no-store"


def test_the_limit_is_counted_in_the_shared_ratelimit_store(world, client, senegal_key, settings):
    # Another process (a second web worker) that counted two requests for this token already.
    settings.RECORDS_API_RATE = 3
    ratelimit_cache = caches["ratelimit"]
    assert client.get("/api/summary/", **bearer(senegal_key)).status_code == 200
    (stored_key,) = list(ratelimit_cache._cache)
    ratelimit_cache._cache.incr(stored_key, 2)
    assert client.get("/api/summary/", **bearer(senegal_key)).status_code == 429


def test_openapi_schema_and_docs(client):
    schema = client.get("/api/schema/")
    assert schema.status_code == 200
    document = schema.json()
    assert document["openapi"].startswith("3.")
    assert "/api/records/" in document["paths"] and "/api/summary/" in document["paths"]
    assert client.get("/api/docs/").status_code == 200


# Token with its owner (1; its last use is noted at most once a minute, so not here), roles (1),
# the page of rows with their certificates (1), the chained audit entry (11).
API_PAGE_QUERIES = 14


def test_api_page_query_count_does_not_grow_with_rows(world, client, django_assert_num_queries):
    _token, key = services.create_api_token(user=administrator(), name="All")
    client.get("/api/records/", **bearer(key))  # warm: notes the token's last use
    with django_assert_num_queries(API_PAGE_QUERIES):
        small = client.get("/api/records/", {"limit": 2}, **bearer(key))
    with django_assert_num_queries(API_PAGE_QUERIES):
        large = client.get("/api/records/", {"limit": 1000}, **bearer(key))
    assert len(small.json()["results"]) == 2
    assert len(large.json()["results"]) == 5


def test_making_a_token_asks_for_the_password_again(world, client):
    client.force_login(world.officer_senegal)
    assert client.get(reverse("records:tokens")).status_code == 200
    response = client.post(reverse("records:tokens"), {"name": "Registry"})
    assert response.status_code == 302 and response["Location"].startswith(reverse("account_reauthenticate"))
    assert not ApiToken.objects.exists()
    # Confirmed with the password: the request that was held is carried out.
    response = client.post(response["Location"], {"password": "correct horse battery"}, follow=True)
    assert ApiToken.objects.filter(user=world.officer_senegal, name="Registry").exists()


def test_tokens_page_shows_a_new_key_once(world, client):
    client.force_login(world.officer_senegal)
    mark_reauthenticated(client, world.officer_senegal)
    response = client.post(reverse("records:tokens"), {"name": "Registry"})
    key = response.context["new_key"]
    assert key and key in response.content.decode()
    token = ApiToken.objects.get(user=world.officer_senegal)
    assert key not in client.get(reverse("records:tokens")).content.decode()
    assert client.get("/api/summary/", **bearer(key)).status_code == 200
    client.post(reverse("records:revoke_token", args=[token.pk]))
    assert client.get("/api/summary/", **bearer(key)).status_code == 401


def test_nobody_revokes_someone_elses_token(world, client):
    token, _key = services.create_api_token(user=world.officer_mali, name="Mali")
    client.force_login(world.officer_senegal)
    assert client.post(reverse("records:revoke_token", args=[token.pk])).status_code == 404
    token.refresh_from_db()
    assert token.is_active


def test_officer_without_scope_gets_empty_pages(world, client):
    _token, key = services.create_api_token(user=officer(scope=False), name="Empty")
    assert client.get("/api/records/", **bearer(key)).json() == {"results": [], "next_cursor": None}
