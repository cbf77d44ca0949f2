"""Helpers shared by the formats: size limit, category paths, weights, numbers and default titles."""

import html
import math
import re
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext

_ = gettext

DEFAULT_MAX_BYTES = 10 * 1024 * 1024

# Moodle writes a category as "$course$/top/Parent/Child", with "//" standing for a "/" in a name.
_CONTEXT = re.compile(r"\$[a-z]+\$")
_PATH_SEPARATOR = re.compile(r"(?<!/)/(?!/)")
_NUMBER = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")
_TAG = re.compile(r"<[^>]*>")
_SPACES = re.compile(r"\s+")
_LINE_BREAKS = re.compile(r"[\r\n]+")
TITLE_LENGTH = 80


class Problem(Exception):
    """A question cannot be read; the message is for the trainer who wrote the file."""


def size_error(data: str | bytes, max_bytes: int) -> str | None:
    """The message refusing input larger than max_bytes, or None; counts UTF-8 bytes for text."""
    if isinstance(data, str):
        # Cheap bounds first: a character takes one to four bytes.
        if len(data) <= max_bytes // 4:
            return None
        size = len(data) if len(data) > max_bytes else len(data.encode("utf-8", "surrogatepass"))
    else:
        size = len(data)
    if size <= max_bytes:
        return None
    return _("The file is too large (%(size)s bytes; the limit is %(limit)s bytes).") % {
        "size": size,
        "limit": max_bytes,
    }


def split_category_path(path: str) -> tuple[str, ...]:
    """Split "$course$/top/Demo/Data" into ("Demo", "Data"); "//" is a slash inside a name."""
    parts = [part.replace("//", "/").strip() for part in _PATH_SEPARATOR.split(path.strip())]
    if parts and _CONTEXT.fullmatch(parts[0]):
        parts.pop(0)
    if parts and parts[0] == "top":
        parts.pop(0)
    return tuple(part for part in parts if part)


def join_category_path(category: tuple[str, ...], *, context: str = "") -> str:
    """The inverse of split_category_path; context ("$course$") adds Moodle's full prefix."""
    parts = [_LINE_BREAKS.sub(" ", part).replace("/", "//") for part in category]
    if context:
        return "/".join([context, "top", *parts])
    if parts and (parts[0] == "top" or _CONTEXT.fullmatch(parts[0])):
        parts.insert(0, "top")  # so that reading strips this prefix, not the real name
    return "/".join(parts)


def parse_percent(text: str) -> float:
    """Read "33.33333" (percent) as 0.3333333, without float rounding; raises ValueError."""
    try:
        value = Decimal(text.strip())
    except InvalidOperation:
        raise ValueError(text) from None
    if not value.is_finite():
        raise ValueError(text)
    return float(value.scaleb(-2))


def format_percent(fraction: float) -> str:
    """0.3333333 -> "33.33333": exact, so that reading it back gives the same float."""
    return _plain_decimal(Decimal(repr(float(fraction))).scaleb(2))


def parse_number(text: str) -> float:
    """A finite decimal number as written in GIFT or Moodle XML; raises ValueError otherwise."""
    text = text.strip()
    if not _NUMBER.fullmatch(text):
        raise ValueError(text)
    value = float(text)
    if not math.isfinite(value):
        raise ValueError(text)
    return value


def format_number(value: float) -> str:
    """3.0 -> "3", 0.1 -> "0.1": the shortest text that reads back as the same float."""
    value = float(value)
    if value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return repr(value)


def _plain_decimal(value: Decimal) -> str:
    text = format(value.normalize(), "f")
    return "0" if text in ("-0", "") else text


def default_title(stem: str, stem_format: str) -> str:
    """A title made from the start of the question text, as Moodle does when none is given."""
    text = stem
    if stem_format == "html":
        text = html.unescape(_TAG.sub(" ", text))
    text = _SPACES.sub(" ", text).strip()
    if len(text) > TITLE_LENGTH:
        cut = text[: TITLE_LENGTH - 1]
        if " " in cut:
            cut = cut.rsplit(" ", 1)[0]
        text = cut + "…"
    return text


def strip_nul(text: str) -> str:
    return text.replace("\x00", "")
