"""The pre-/post-test distributions as a server-drawn SVG, in the style of ``records.charts``.

Two bars per 10-point band (before light, after dark), labels at the reading edge, mirrored in a
right-to-left language like the records charts. Hidden (suppressed) counts get no bar. The table
beside it carries the numbers for screen readers.
"""

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language_bidi
from django.utils.translation import gettext as _

from records.charts import BAR_WIDTH, LABEL_WIDTH, VALUE_WIDTH

ROW_HEIGHT = 30
BAND_LABEL_WIDTH = LABEL_WIDTH // 2
LEGEND_HEIGHT = 24
BEFORE_COLOUR, AFTER_COLOUR = "#9cc3dd", "#0b5c8a"


def before_after_chart(bands, *, rtl: bool | None = None) -> SafeString:
    """``bands``: (label, before Figure, after Figure) rows, as ``report.Report.bands``."""
    rtl = get_language_bidi() if rtl is None else rtl
    largest = max((f.value for _label, *pair in bands for f in pair if not f.hidden), default=0) or 1
    width = BAND_LABEL_WIDTH + BAR_WIDTH + VALUE_WIDTH

    def x(position: float, extent: float = 0) -> float:
        return round(width - position - extent, 1) if rtl else position

    def anchor(ltr: str) -> str:
        return {"start": "end", "end": "start"}[ltr] if rtl else ltr

    legend_y = ROW_HEIGHT * max(len(bands), 1) + 4
    height = legend_y + LEGEND_HEIGHT
    title = escape(_("Scores before and after the workshop (matched pairs), by 10-point band"))
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="bar-chart" direction="ltr" role="img" viewBox="0 0 {width} {height}" '
        f'width="100%" preserveAspectRatio="xMinYMin meet" font-size="12" font-family="sans-serif">'
        f"<title>{title}</title>"
    ]
    for index, (label, *pair) in enumerate(bands):
        y = index * ROW_HEIGHT + 2
        parts.append(f'<text x="{x(BAND_LABEL_WIDTH - 6)}" y="{y + 17}" text-anchor="{anchor("end")}">{escape(label)}</text>')
        for offset, figure, colour in ((0, pair[0], BEFORE_COLOUR), (13, pair[1], AFTER_COLOUR)):
            if figure.hidden:
                parts.append(
                    f'<text x="{x(BAND_LABEL_WIDTH + 4)}" y="{y + offset + 10}" text-anchor="{anchor("start")}" font-size="10" fill="#555">'
                    f"{escape(figure.display)}</text>"
                )
                continue
            bar = round(BAR_WIDTH * (figure.value or 0) / largest, 1)
            if bar:
                parts.append(f'<rect x="{x(BAND_LABEL_WIDTH, bar)}" y="{y + offset + 1}" width="{bar}" height="11" fill="{colour}"/>')
            parts.append(
                f'<text x="{x(BAND_LABEL_WIDTH + bar + 4)}" y="{y + offset + 10}" text-anchor="{anchor("start")}" font-size="10">'
                f"{escape(figure.display)}</text>"
            )
    # The legend: which shade is which, at the reading edge under the bars.
    position = BAND_LABEL_WIDTH
    for label, colour in ((_("Before"), BEFORE_COLOUR), (_("After"), AFTER_COLOUR)):
        parts.append(f'<rect x="{x(position, 11)}" y="{legend_y + 4}" width="11" height="11" fill="{colour}"/>')
        parts.append(f'<text x="{x(position + 16)}" y="{legend_y + 14}" text-anchor="{anchor("start")}">{escape(label)}</text>')
        position += 16 + 9 * len(str(label)) + 24
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 -- every dynamic part above is escaped
