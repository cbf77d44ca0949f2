"""While the database is unreachable (a restart, a failover), people get a clear "try again",
in their language, rather than the 500 page; the quiz's autosave gets JSON it can retry on."""

import pytest
from django.db import OperationalError
from django.test import Client
from django.urls import path

from lms import urls as root_urls

pytestmark = pytest.mark.django_db


def _database_down(request):
    raise OperationalError("connection to server at 127.0.0.1 failed: Connection refused")


def _bug(request):
    raise ValueError("a real bug")


urlpatterns = [
    path("fr/down/", _database_down),
    path("en/down/", _database_down),
    path("en/bug/", _bug),
]
handler500 = root_urls.handler500


@pytest.fixture
def client(settings):
    settings.ROOT_URLCONF = __name__
    settings.DEBUG = False
    return Client(raise_request_exception=False)


def test_a_page_says_try_again_in_the_visitors_language_with_503(client):
    response = client.get("/fr/down/")
    assert response.status_code == 503
    assert response["Retry-After"] == "5"
    body = response.content.decode()
    assert 'lang="fr"' in body
    assert "Something went wrong" not in body


def _context_needs_database(request):
    raise OperationalError("the connection is closed")


def test_the_503_page_reads_nothing_from_the_database(client, settings):
    # The site's context processors (settings, menu) read the database, which is what is down.
    settings.TEMPLATES = [{**settings.TEMPLATES[0], "OPTIONS": {**settings.TEMPLATES[0]["OPTIONS"],
        "context_processors": [*settings.TEMPLATES[0]["OPTIONS"].get("context_processors", []), f"{__name__}._context_needs_database"]}}]
    response = client.get("/fr/down/")
    assert response.status_code == 503


def test_the_quiz_autosave_gets_json_it_can_retry_on(client):
    response = client.post("/en/down/", HTTP_X_REQUESTED_WITH="fetch")
    assert response.status_code == 503
    assert response.json()["ok"] is False
    assert response.json()["retry"] is True
    assert "try again" in response.json()["error"]


def test_any_other_error_is_still_the_500_page(client):
    response = client.get("/en/bug/")
    assert response.status_code == 500
    assert "Something went wrong" in response.content.decode()
