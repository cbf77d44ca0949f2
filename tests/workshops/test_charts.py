"""The before/after chart says which shade is which, and mirrors its legend in Arabic."""

import re

from django.utils import translation

from records.figures import Figure
from workshops.charts import AFTER_COLOUR, BEFORE_COLOUR, before_after_chart

BANDS = [("0–10", Figure("before", 2), Figure("after", 0)), ("10–20", Figure("before", 1), Figure("after", 3))]


def legend(svg: str) -> list[tuple[float, str]]:
    """(x, label) of the legend's two texts: the last two text elements of the drawing."""
    return [(float(x), label) for x, label in re.findall(r'<text x="([\d.]+)"[^>]*>([^<]+)</text>', svg)[-2:]]


def test_the_legend_names_both_shades():
    with translation.override("en"):
        svg = str(before_after_chart(BANDS))
    assert [label for _x, label in legend(svg)] == ["Before", "After"]
    assert svg.count(f'fill="{BEFORE_COLOUR}"') == 3 and svg.count(f'fill="{AFTER_COLOUR}"') == 2  # bars + swatch


def test_the_legend_reads_from_the_right_in_arabic():
    with translation.override("en"):
        ltr = legend(str(before_after_chart(BANDS)))
    with translation.override("ar"):
        rtl = legend(str(before_after_chart(BANDS)))
    assert ltr[0][0] < ltr[1][0]  # "Before" first from the left
    assert rtl[0][0] > rtl[1][0]  # and first from the right
