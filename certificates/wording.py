"""The words printed on a certificate: defaults per language, placeholders, text fitting.

Plain functions, no database: a template's wording (``CertificateWording``) overrides these
defaults language by language.
"""

import re
import unicodedata
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _

PLACEHOLDERS = {
    "name": _("the trainee's name as printed"),
    "course": _("the course title"),
    "date": _("the completion date"),
    "hours": _("the study hours"),
    "score": _("the final score, when the course has graded quizzes"),
    "serial": _("the certificate's serial"),
    "issuer": _("the issuing organisation"),
    "expiry": _("the expiry date, when the course sets a validity"),
}
PLACEHOLDER_RE = re.compile(r"\{([a-z_]+)\}")


@dataclass(frozen=True)
class Wording:
    title: str
    intro: str
    body: str
    score_line: str


def default_wording() -> Wording:
    """The standard wording in the active language."""
    return Wording(
        title=str(_("Certificate of completion")),
        intro=str(_("This is to certify that")),
        body=str(_("has successfully completed the course {course} on {date}, representing {hours} hours of study.")),
        score_line=str(_("Final score: {score}")),
    )


def unknown_placeholders(text: str) -> list[str]:
    """Placeholders in ``text`` that are not in PLACEHOLDERS (shown as errors in the admin)."""
    return sorted({name for name in PLACEHOLDER_RE.findall(text or "") if name not in PLACEHOLDERS})


def fill_placeholders(text: str, values: dict[str, str]) -> SafeString:
    """Escape ``text`` and replace known placeholders with their escaped values.

    Only ``{name}``-style names from PLACEHOLDERS are replaced: no attribute access, no format
    specification, so wording written in the admin cannot reach into objects. Unknown or empty
    placeholders are left out.
    """

    def replace(match):
        key = match.group(1)
        if key not in PLACEHOLDERS:
            return match.group(0)
        value = values.get(key)
        if value in (None, ""):
            return ""
        return f'<span class="ph ph-{key}">{escape(value)}</span>'

    return mark_safe(PLACEHOLDER_RE.sub(replace, str(escape(text or ""))))  # noqa: S308 - every part escaped above


# --- Fitting a line of text into a box -----------------------------------------------------------

POINT_MM = 25.4 / 72


def _advance(ch: str) -> float:
    """A conservative width estimate of one character, in em."""
    if unicodedata.combining(ch) or unicodedata.category(ch) in {"Mn", "Me", "Cf"}:
        return 0.0
    if ch.isspace():
        return 0.3
    if unicodedata.east_asian_width(ch) in {"W", "F"} or ord(ch) > 0xFFFF:
        return 1.05  # CJK and emoji
    if ch.isupper():
        return 0.72
    return 0.58


def text_width_em(text: str) -> float:
    return sum(_advance(ch) for ch in text)


def lines_needed(text: str, *, width_em: float) -> int:
    """Lines a text takes when wrapped at spaces, breaking words longer than a line."""
    lines, current = 1, 0.0
    for word in text.split():
        word_width = text_width_em(word)
        space = _advance(" ") if current else 0.0
        if current + space + word_width <= width_em:
            current += space + word_width
            continue
        if current:
            lines += 1
            current = 0.0
        while word_width > width_em:  # a very long word is broken anywhere (overflow-wrap)
            lines += 1
            word_width -= width_em
        current = word_width
    return lines


def fit_font_size(text: str, *, width_mm: float, max_lines: int, max_pt: float, min_pt: float) -> float:
    """The largest size (in points, by half points) at which ``text`` fits ``max_lines`` lines.

    Falls back to ``min_pt``: the text then wraps onto more lines, and the layout leaves room.
    """
    size = max_pt
    while size >= min_pt:
        width_em = width_mm / (size * POINT_MM)
        if lines_needed(text, width_em=width_em) <= max_lines:
            return size
        size -= 0.5
    return min_pt
