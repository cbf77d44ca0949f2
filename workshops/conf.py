"""The workshops' settings, each with its default (set them in the environment's settings module)."""

from django.conf import settings


def checkin_opens_before_minutes() -> int:
    """How long before a session starts its QR check-in opens."""
    return int(getattr(settings, "PASSAGE_CHECKIN_OPENS_BEFORE_MINUTES", 30))


def checkin_closes_after_minutes() -> int:
    """How long after a session ends its QR check-in stays open."""
    return int(getattr(settings, "PASSAGE_CHECKIN_CLOSES_AFTER_MINUTES", 30))


def attendance_csv_max_bytes() -> int:
    return int(getattr(settings, "PASSAGE_ATTENDANCE_CSV_MAX_BYTES", 512 * 1024))


def attendance_csv_max_rows() -> int:
    return int(getattr(settings, "PASSAGE_ATTENDANCE_CSV_MAX_ROWS", 5000))
