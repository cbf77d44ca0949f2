"""The records charts mirror in right-to-left languages, like the tables above them."""

import re
from types import SimpleNamespace as Row

from records.charts import BAR_WIDTH, LABEL_WIDTH, VALUE_WIDTH, bar_chart

WIDTH = LABEL_WIDTH + BAR_WIDTH + VALUE_WIDTH


def cell(value, hidden=False):
    return Row(value=value, display="suppressed" if hidden else str(value), hidden=hidden)


BREAKDOWN = Row(
    title="By country",
    largest=10,
    rows=[
        Row(label="Sénégal", enrolled=cell(10), completed=cell(5)),
        Row(label="Mali", enrolled=cell(0, hidden=True), completed=cell(0, hidden=True)),
    ],
)


def rects(svg):
    return [
        (float(x), float(w))
        for x, w in re.findall(r'<rect x="([\d.]+)" y="[\d.]+" width="([\d.]+)"', svg)
    ]


def test_left_to_right_bars_start_after_the_labels():
    svg = bar_chart(BREAKDOWN, rtl=False)
    assert rects(svg) == [(LABEL_WIDTH, BAR_WIDTH), (LABEL_WIDTH, BAR_WIDTH / 2)]
    assert f'<text x="{LABEL_WIDTH - 6}" y="17" text-anchor="end">Sénégal</text>' in svg


def test_right_to_left_bars_grow_leftwards_from_labels_on_the_right():
    svg = bar_chart(BREAKDOWN, rtl=True)
    # Each bar ends where the labels begin, on the right.
    assert [round(x + w, 1) for x, w in rects(svg)] == [WIDTH - LABEL_WIDTH] * 2
    assert f'<text x="{WIDTH - LABEL_WIDTH + 6}" y="17" text-anchor="start">Sénégal</text>' in svg
    # The value sits beyond the end of its bar, to the left, read from its right edge.
    assert 'text-anchor="end">5 / 10</text>' in svg
    assert 'text-anchor="end" fill="#555">suppressed</text>' in svg


def test_the_direction_follows_the_active_language(settings):
    from django.utils import translation

    with translation.override("ar"):
        assert bar_chart(BREAKDOWN) == bar_chart(BREAKDOWN, rtl=True)
    with translation.override("fr"):
        assert bar_chart(BREAKDOWN) == bar_chart(BREAKDOWN, rtl=False)
