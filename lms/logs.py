"""Request ids and JSON log lines, with no personal data in them.

``RequestIdMiddleware`` gives every request an id (the proxy's ``X-Request-ID`` if it is a safe
short token, else a new one), returns it in the response's ``X-Request-ID`` header and writes
one line per request to the ``passage.request`` logger: method, path, status and duration.
``JsonFormatter`` (``LOG_FORMAT=json``) writes every record as one JSON object on one line, with
the id of the request it was logged in.

What is never written: query strings (they carry email addresses and search terms), secret
path segments (invitation tokens, email and password-reset keys, verification codes), client
addresses, user names or emails; email addresses and IP addresses found in a message or a
traceback are masked as a last safeguard.
"""

import contextvars
import json
import logging
import re
import time
import uuid
from datetime import UTC, datetime

_request: contextvars.ContextVar[dict | None] = contextvars.ContextVar("passage_request", default=None)

request_logger = logging.getLogger("passage.request")

SAFE_REQUEST_ID = re.compile(r"[A-Za-z0-9._-]{8,64}")
# URL parameters that are secrets or identify a person: logged as ":name", never their value.
SECRET_URL_PARAMETERS = {"token", "key", "uidb36", "code"}
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_IPV4 = re.compile(r"\b(?:\d{1,3}\.){3}\d{1,3}\b")


def current_request_id() -> str | None:
    """The id of the request being served in this thread, if any."""
    state = _request.get()
    return state["request_id"] if state else None


def loggable_path(request) -> str:
    """The request's path with no query string, its secret segments replaced by their names."""
    path = request.path
    match = getattr(request, "resolver_match", None)
    if match is not None:
        for name, value in match.kwargs.items():
            if name in SECRET_URL_PARAMETERS and value:
                path = path.replace(str(value), f":{name}")
    return path


class RequestIdMiddleware:
    """Give each request an id, return it in X-Request-ID, log one line when it is answered."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        incoming = request.headers.get("X-Request-ID", "")
        request_id = incoming if SAFE_REQUEST_ID.fullmatch(incoming) else uuid.uuid4().hex
        request.request_id = request_id
        started = time.perf_counter()
        token = _request.set({"request_id": request_id, "request": request})
        try:
            response = self.get_response(request)
            response["X-Request-ID"] = request_id
            if request_logger.isEnabledFor(logging.INFO):
                path = loggable_path(request)
                request_logger.info(
                    "%s %s %s",
                    request.method,
                    path,
                    response.status_code,
                    extra={
                        "path": path,
                        "status": response.status_code,
                        "duration_ms": round((time.perf_counter() - started) * 1000, 1),
                    },
                )
            return response
        finally:
            _request.reset(token)


def mask_personal_data(text: str) -> str:
    """Mask email and IPv4 addresses (a safeguard for messages and tracebacks)."""
    return _IPV4.sub("[ip]", _EMAIL.sub("[email]", text))


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time, level, logger, message, and the request's id, method,
    path, status and duration when the record was logged while serving one."""

    def format(self, record: logging.LogRecord) -> str:
        message = record.getMessage()
        entry = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
        }
        state = _request.get()
        if state is not None:
            request = state["request"]
            path = getattr(record, "path", None) or loggable_path(request)
            if path != request.path:
                # Django's own lines ("Internal Server Error: /path") repeat the raw path.
                message = message.replace(request.path, path)
            entry.update(request_id=state["request_id"], method=request.method, path=path)
        entry["message"] = mask_personal_data(message)
        for field in ("status", "duration_ms"):
            if hasattr(record, field):
                entry[field] = getattr(record, field)
        if record.exc_info:
            entry["exception"] = mask_personal_data(self.formatException(record.exc_info))
        return json.dumps(entry, ensure_ascii=False, default=str)
