"""The attendance CSV parser, without a database: every line checked, errors in the page's language."""

from datetime import date

from django.utils import translation

from workshops.attendance_csv import parse

PEOPLE = {"awa@example.org": 1, "moussa@example.org": 2}
SESSIONS = {10: date(2026, 11, 16), 11: date(2026, 11, 17), 12: date(2026, 11, 17)}


def test_dates_ids_and_yes_no_in_any_language():
    text = "email,session,present\nAwa@Example.org,2026-11-16,yes\nmoussa@example.org,11,non\nawa@example.org,12,1\n"
    result = parse(text, people=PEOPLE, sessions=SESSIONS, max_rows=100)
    assert result.ok
    assert [(r.trainee_id, r.session_id, r.present) for r in result.rows] == [(1, 10, True), (2, 11, False), (1, 12, True)]


def test_every_bad_line_is_reported_with_its_number():
    text = (
        "email;date;present\n"
        "stranger@example.org;2026-11-16;yes\n"
        "=HYPERLINK(\"x\");2026-11-16;yes\n"
        "awa@example.org;2026-11-17;yes\n"
        "awa@example.org;2026-12-01;maybe\n"
        "moussa@example.org;16/11/2026;oui\n"
        "moussa@example.org;10;no\n"
    )
    result = parse(text, people=PEOPLE, sessions=SESSIONS, max_rows=100)
    assert not result.ok
    assert result.errors == [
        "Line 2: no one in this cohort has the address stranger@example.org.",
        "Line 3: “=hyperlink(\"x\")” is not an email address.",
        "Line 4: several sessions on 2026-11-17: give the session number instead.",
        "Line 5: this workshop has no session on 2026-12-01; write yes or no in “present”, not “maybe”.",
        "Line 7: this person and session are already on line 6.",
    ]


def test_a_neutralising_quote_from_a_spreadsheet_is_dropped():
    result = parse("email,session_id,present\n'-awa@example.org,10,yes\n", people={"-awa@example.org": 1}, sessions=SESSIONS, max_rows=10)
    assert result.ok and result.rows[0].email == "-awa@example.org"


def test_missing_columns_empty_files_and_too_many_lines():
    assert parse("", people=PEOPLE, sessions=SESSIONS, max_rows=10).errors == ["The file is empty."]
    assert parse("email,present\n", people=PEOPLE, sessions=SESSIONS, max_rows=10).errors == ["Line 1: missing column(s): session."]
    assert parse("email,session,present\n", people=PEOPLE, sessions=SESSIONS, max_rows=10).errors == ["The file has no attendance lines."]
    many = "email,session,present\n" + "awa@example.org,10,yes\n" * 3
    assert "more than 2 lines" in parse(many, people=PEOPLE, sessions=SESSIONS, max_rows=2).errors[-1]


def test_errors_are_written_in_the_users_language():
    with translation.override("fr"):
        result = parse("", people=PEOPLE, sessions=SESSIONS, max_rows=10)
    assert result.errors == ["Le fichier est vide."]
