"""Serials, codes, name matching and wording: plain functions, no database."""

import math
import unicodedata

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from certificates.serials import (
    fold_name,
    format_serial,
    is_serial,
    is_verification_code,
    names_match,
    new_verification_code,
    normalise_serial,
)
from certificates.wording import (
    fill_placeholders,
    fit_font_size,
    lines_needed,
    unknown_placeholders,
)


def test_serial_is_prefix_year_and_six_digits():
    assert format_serial("psg", 2026, 123) == "PSG-2026-000123"
    assert format_serial("PSG", 2026, 1_234_567) == "PSG-2026-1234567"
    assert is_serial("PSG-2026-000123")


def test_serial_numbers_start_at_one():
    with pytest.raises(ValueError):
        format_serial("PSG", 2026, 0)


@pytest.mark.parametrize("typed", [" psg-2026-000123 ", "PSG–2026–000123", "psg 2026-000123".replace(" ", "-"), "PSG_2026_000123"])
def test_serial_typed_loosely_is_normalised(typed):
    assert normalise_serial(typed) == "PSG-2026-000123"


def test_verification_code_has_at_least_128_random_bits_and_is_url_safe():
    codes = {new_verification_code() for _ in range(200)}
    assert len(codes) == 200
    for code in codes:
        assert is_verification_code(code)
        assert set(code) <= set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
        assert len(code) * math.log2(64) >= 128


@pytest.mark.parametrize("code", ["", "short", "x" * 42, "a/b" + "x" * 40, "../../etc/passwd", "x" * 44])
def test_malformed_codes_are_not_codes(code):
    assert not is_verification_code(code)


@pytest.mark.parametrize(
    "typed, recorded",
    [
        ("ndiaye", "N'Diaye"),
        ("NDÈYE-FATOU", "Ndèye Fatou"),
        ("nguyen", "Nguyễn"),
        ("Zoe", "Zoe\u0308"),  # combining diaeresis
        ("МЕДВЕДЕВА", "Медведева"),
        ("ИВАНОВ", "Иванов"),
        ("بن علي", "بنُ علي"),  # Arabic short vowel (a combining mark)
        ("strasse", "STRASSE"),
        ("Müller", "MULLER"),
    ],
)
def test_family_names_match_without_accents_case_or_punctuation(typed, recorded):
    assert names_match(typed, recorded)


@pytest.mark.parametrize("typed, recorded", [("Sarr", "Sall"), ("", "Sarr"), ("Sarr", ""), ("---", "---")])
def test_different_or_empty_names_do_not_match(typed, recorded):
    assert not names_match(typed, recorded)


@given(st.text(alphabet=st.characters(categories=("Lu", "Ll", "Lo", "Mn", "Zs", "Pd")), min_size=1, max_size=40))
@example(name="\u0345")  # a combining mark whose case folding is a letter (ι)
def test_folding_ignores_case_and_marks(name):
    decomposed = unicodedata.normalize("NFD", name)
    assert fold_name(name) == fold_name(name.casefold())
    if name.upper().casefold() == name.casefold():  # not for letters like Turkish ı, whose capital is I
        assert fold_name(name.upper()) == fold_name(name)
    assert fold_name(decomposed) == fold_name(unicodedata.normalize("NFC", name))


def test_placeholders_are_escaped_and_filled():
    filled = fill_placeholders("<b>{name}</b> completed {course} {unknown} {name.__class__}", {"name": "<script>x</script>", "course": "A & B"})
    assert "<script>" not in filled
    assert "&lt;b&gt;" in filled
    assert '<span class="ph ph-name">&lt;script&gt;x&lt;/script&gt;</span>' in filled
    assert "A &amp; B" in filled
    assert "{unknown}" in filled and "{name.__class__}" in filled


def test_empty_placeholder_values_disappear():
    assert str(fill_placeholders("Score: {score}", {"score": ""})) == "Score: "


def test_unknown_placeholders_are_reported():
    assert unknown_placeholders("{name} {course} {nom} {serial}") == ["nom"]


def test_short_names_keep_the_largest_size():
    assert fit_font_size("Awa Sarr", width_mm=220, max_lines=1, max_pt=40, min_pt=14) == 40


def test_long_names_shrink_but_never_below_the_minimum():
    long_name = "Maria " * 40
    size = fit_font_size(long_name, width_mm=220, max_lines=2, max_pt=40, min_pt=14)
    assert size == 14


@given(st.text(min_size=1, max_size=200), st.floats(min_value=50, max_value=300))
def test_the_chosen_size_fits_the_lines_unless_at_the_minimum(text, width):
    size = fit_font_size(text, width_mm=width, max_lines=2, max_pt=40, min_pt=14)
    assert 14 <= size <= 40
    if size > 14:
        assert lines_needed(text, width_em=width / (size * 25.4 / 72)) <= 2
