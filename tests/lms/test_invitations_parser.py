"""The invitation CSV parser, without a database."""

from types import SimpleNamespace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lms import invitations

SENEGAL = SimpleNamespace(pk=1, name="Senegal", code="SN")
BORDER_POST = SimpleNamespace(pk=10, name="Border post Rosso", country_id=1, country=SENEGAL)
SECTOR = SimpleNamespace(pk=5, name="Police", slug="police")
HEADER = "name,email,organisation,sector,country,language\n"


def lookups(**extra):
    return invitations.Lookups(
        organisations={"border post rosso": [BORDER_POST]},
        sectors={"police": SECTOR},
        countries={"senegal": SENEGAL, "sn": SENEGAL},
        languages={"en": "en", "fr": "fr", "français": "fr"},
        **extra,
    )


def parse(text, **extra):
    return invitations.parse(text, lookups(**extra), max_rows=100)


def test_a_valid_file_gives_rows_with_their_line_numbers():
    result = parse(HEADER + "Awa Sarr,awa@example.org,Border post Rosso,police,SN,fr\nIbrahima Fall,IBRA@example.org,,,,\n")
    assert result.ok
    assert [(row.line, row.email) for row in result.rows] == [(2, "awa@example.org"), (3, "ibra@example.org")]
    assert result.rows[0].organisation is BORDER_POST and result.rows[0].country is SENEGAL
    assert result.rows[0].language == "fr"


def test_wrong_header_is_reported_on_line_one():
    result = parse("full name,mail\nAwa,awa@example.org\n")
    assert not result.ok
    assert result.errors[0].startswith("Line 1 (header)")
    assert "missing column(s): name, email" in result.errors[0]


def test_every_bad_row_is_reported_with_its_line():
    text = HEADER + (
        "Awa Sarr,not-an-email,,,,\n"
        "Ibrahima Fall,ibra@example.org,Unknown Office,,,\n"
        "Fatou Sow,ibra@example.org,,,,\n"
        '"=HYPERLINK(""http://x"",""click"")",evil@example.org,,,,\n'
        "Moussa Ndiaye,moussa@example.org,,,,klingon\n"
    )
    result = parse(text)
    assert not result.ok
    joined = "\n".join(result.errors)
    assert "Line 2: “not-an-email” is not a valid email address." in joined
    assert "Line 3: unknown organisation “Unknown Office”." in joined
    assert "Line 4: ibra@example.org appears twice (also on line 3)." in joined
    assert "Line 5: the name “=HYPERLINK" in joined and "formula" in joined
    assert "Line 6: unsupported language “klingon”." in joined


def test_semicolon_separated_files_from_french_excel_are_read():
    result = parse("name;email\nAwa Sarr;awa@example.org\n")
    assert result.ok


def test_non_utf8_bytes_are_refused_with_advice():
    with pytest.raises(ValueError, match="CSV UTF-8"):
        invitations.decode("name,email\nJosé,jose@example.org\n".encode("latin-1"))


def test_utf8_with_bom_is_read():
    assert invitations.decode("\ufeffname,email\n".encode()) == "name,email\n"


def test_a_header_without_rows_is_an_error():
    assert parse(HEADER).errors == ["The file has a header but no trainees."]


def test_too_many_rows_stop_with_a_message():
    text = HEADER + "".join(f"P{i},p{i}@example.org,,,,\n" for i in range(5))
    result = invitations.parse(text, lookups(), max_rows=3)
    assert any("more than 3 rows" in error for error in result.errors)


@given(st.text(max_size=300))
def test_any_text_gives_rows_or_messages_never_a_crash(text):
    result = parse(text)
    assert result.ok or result.errors
