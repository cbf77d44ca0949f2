"""Every request has an id; JSON log lines carry it, and never a query string, address or secret."""

import io
import json
import logging

import pytest
from django.urls import reverse

from lms.logs import JsonFormatter
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def json_log():
    """What LOG_FORMAT=json writes for the request line and the site's own loggers."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter())
    loggers = [logging.getLogger(name) for name in ("passage", "django.request", "passage.request")]
    levels = [logger.level for logger in loggers]
    for logger in loggers[:2]:  # passage.request propagates to passage
        logger.addHandler(handler)
    logging.getLogger("passage.request").setLevel(logging.INFO)
    yield lambda: [json.loads(line) for line in stream.getvalue().splitlines()]
    for logger, level in zip(loggers, levels, strict=True):
        logger.removeHandler(handler)
        logger.setLevel(level)


def test_a_request_gets_an_id_in_its_response_and_one_json_line(client, json_log):
    response = client.get("/healthz")

    request_id = response["X-Request-ID"]
    assert len(request_id) == 32
    [line] = json_log()
    assert line["request_id"] == request_id
    assert (line["method"], line["path"], line["status"], line["logger"], line["level"]) == (
        "GET", "/healthz", 200, "passage.request", "INFO"
    )
    assert line["duration_ms"] >= 0 and line["time"].endswith("+00:00")


def test_the_proxys_request_id_is_kept_when_it_is_a_safe_token(client, json_log):
    response = client.get("/healthz", headers={"X-Request-ID": "edge-7f3a9c01"})

    assert response["X-Request-ID"] == "edge-7f3a9c01"
    assert json_log()[0]["request_id"] == "edge-7f3a9c01"


@pytest.mark.parametrize("hostile", ["x", "a" * 65, "id with spaces", "abc\r\nSet-Cookie: a=b", "<script>alert(1)</script>"])
def test_an_unsafe_request_id_is_replaced(client, json_log, hostile):
    response = client.get("/healthz", headers={"X-Request-ID": hostile})

    assert response["X-Request-ID"] != hostile and len(response["X-Request-ID"]) == 32
    assert hostile not in json.dumps(json_log())


def test_an_email_in_the_query_string_is_not_logged(client, json_log):
    client.force_login(UserFactory(email="amina.diallo@ministry.example", first_name="Amina"))

    response = client.get(reverse("dashboard") + "?email=amina.diallo%40ministry.example&q=amina.diallo@ministry.example",
                          REMOTE_ADDR="203.0.113.77")

    assert response.status_code == 200
    written = json.dumps(json_log())
    assert json_log()[-1]["path"] == reverse("dashboard")
    for personal in ("amina", "Amina", "ministry.example", "203.0.113.77", "email="):
        assert personal not in written


def test_a_secret_in_the_path_is_not_logged(client, json_log):
    client.get("/en/accounts/invitation/s3cr3t-invitation-token-9f8e7d/")

    [line] = json_log()
    assert line["path"] == "/en/accounts/invitation/:token/"
    assert "s3cr3t" not in json.dumps(json_log())


def test_an_error_line_carries_the_request_id_and_masks_addresses():
    record = logging.LogRecord("passage", logging.ERROR, __file__, 1, "mail to %s failed", ("amina@ministry.example",), None)
    try:
        raise ConnectionError("could not reach 10.0.4.12 for amina@ministry.example")
    except ConnectionError:
        import sys

        record.exc_info = sys.exc_info()

    line = json.loads(JsonFormatter().format(record))

    assert line["message"] == "mail to [email] failed"
    assert "10.0.4.12" not in line["exception"] and "amina" not in line["exception"]
    assert "request_id" not in line  # logged outside a request
