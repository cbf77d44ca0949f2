"""Bar charts drawn on the server as SVG: no JavaScript, readable on slow connections and in PDFs.

The table next to each chart carries the numbers for screen readers; the chart is a picture of
it. Hidden (suppressed) counts get no bar.
"""

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language_bidi
from django.utils.translation import gettext as _

from records.breakdowns import Breakdown

ROW_HEIGHT = 22
LABEL_WIDTH = 220
BAR_WIDTH = 300
VALUE_WIDTH = 80


def _truncate(text: str, length: int = 32) -> str:
    return text if len(text) <= length else text[: length - 1] + "…"


def bar_chart(breakdown: Breakdown, *, rtl: bool | None = None) -> SafeString:
    """A horizontal bar per row: enrolled (light) with completed (dark) drawn over it.

    In a right-to-left language the chart is mirrored like the table above it: labels on the
    right, bars growing leftwards (``rtl`` defaults to the active language's direction).
    """
    rtl = get_language_bidi() if rtl is None else rtl
    rows = breakdown.rows
    largest = breakdown.largest or 1
    width = LABEL_WIDTH + BAR_WIDTH + VALUE_WIDTH

    def x(position: float, extent: float = 0) -> float:
        """``position`` measured from the reading edge; ``extent`` is a shape's width."""
        return round(width - position - extent, 1) if rtl else position

    def anchor(ltr: str) -> str:
        return {"start": "end", "end": "start"}[ltr] if rtl else ltr

    height = ROW_HEIGHT * max(len(rows), 1) + 4
    title = escape(_("%(title)s: enrolled and completed") % {"title": breakdown.title})
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="bar-chart" direction="ltr" role="img" viewBox="0 0 {width} {height}" '
        f'width="100%" preserveAspectRatio="xMinYMin meet" font-size="12" font-family="sans-serif">'
        f"<title>{title}</title>"
    ]
    for index, row in enumerate(rows):
        y = index * ROW_HEIGHT + 2
        parts.append(
            f'<text x="{x(LABEL_WIDTH - 6)}" y="{y + 15}" text-anchor="{anchor("end")}">{escape(_truncate(row.label))}</text>'
        )
        if row.enrolled.hidden:
            parts.append(
                f'<text x="{x(LABEL_WIDTH + 4)}" y="{y + 15}" text-anchor="{anchor("start")}" fill="#555">'
                f"{escape(row.enrolled.display)}</text>"
            )
            continue
        enrolled_width = round(BAR_WIDTH * row.enrolled.value / largest, 1)
        parts.append(
            f'<rect x="{x(LABEL_WIDTH, enrolled_width)}" y="{y + 3}" width="{enrolled_width}" height="16" fill="#9cc3dd"/>'
        )
        if not row.completed.hidden and row.completed.value:
            completed_width = round(BAR_WIDTH * row.completed.value / largest, 1)
            parts.append(
                f'<rect x="{x(LABEL_WIDTH, completed_width)}" y="{y + 3}" width="{completed_width}" height="16" fill="#0b5c8a"/>'
            )
        value = f"{row.completed.display} / {row.enrolled.display}"
        parts.append(
            f'<text x="{x(LABEL_WIDTH + enrolled_width + 6)}" y="{y + 15}" text-anchor="{anchor("start")}">{escape(value)}</text>'
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 -- every dynamic part above is escaped
