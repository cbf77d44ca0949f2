"""The attendance grid as CSV or XLSX: one row per person, one column per session with the mark's
source; formula-safe, safely named, audited, and only for the cohort's trainer and administrators."""

import csv
import hashlib
import io
import re
from datetime import date, time

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from lms import roles
from lms.models import AuditLogEntry
from tests.factories import UserFactory
from tests.workshops.builders import co_facilitator, member, session_at, workshop
from workshops import services
from workshops.models import AttendanceMark

pytestmark = pytest.mark.django_db

SAFE_FILE_NAME = re.compile(r'^attachment; filename="[A-Za-z0-9._-]+"$')


@pytest.fixture
def grid_workshop():
    existing = workshop(title='Atelier "national" =1+1 à Dakar\r\nX-Injected: yes')
    first = session_at(existing, day=date(2026, 11, 16), start=time(9), topic="Indicators")
    second = session_at(existing, day=date(2026, 11, 17), start=time(9), topic="=cmd|'/c calc'!A1")
    trainer = existing.cohort.facilitator
    ama = member(existing, first_name="Ama", last_name="Diallo", email="ama@example.org")
    binta = member(existing, first_name="Binta", last_name="Sow", email="binta@example.org")
    member(existing, first_name="Coumba", last_name="Ndiaye", email="coumba@example.org")  # never marked
    for session, trainee, present, source in (
        (first, ama, True, AttendanceMark.Source.QR),
        (second, ama, True, AttendanceMark.Source.FACILITATOR),
        (first, binta, False, AttendanceMark.Source.CSV),
    ):
        services.mark_attendance(session=session, trainee_id=trainee.pk, present=present, source=source, by=trainer)
    # Someone who walked in, typed by the facilitator as a formula: invited, marked present.
    services.add_walk_in(session=second, name='=HYPERLINK("http://evil.example","x")', email="walkin@example.org", by=trainer)
    return existing


def download(client, existing, file_format="csv"):
    return client.get(reverse("workshop_attendance_export", args=[existing.pk, file_format]))


def test_the_csv_has_a_row_per_person_and_a_column_per_session_with_the_source(client, grid_workshop):
    client.force_login(grid_workshop.cohort.facilitator)
    response = download(client, grid_workshop)
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    assert response["Cache-Control"] == "no-store"
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    header, body = rows[0], rows[1:]
    assert header == [
        "Name", "Email", "Organisation", "On the list as", "2026-11-16 09:00 Indicators",
        "2026-11-17 09:00 =cmd|'/c calc'!A1", "Sessions attended",
    ]
    by_email = {row[1]: row for row in body}
    assert len(body) == 4
    assert by_email["ama@example.org"][4:] == ["present (QR check-in)", "present (Facilitator)", "2"]
    assert by_email["binta@example.org"][4:] == ["absent (CSV import)", "", "0"]
    assert by_email["coumba@example.org"][3:] == ["cohort member", "", "", "0"]
    walk_in = by_email["walkin@example.org"]
    assert walk_in[0] == "'=HYPERLINK(\"http://evil.example\",\"x\")"  # text, never a formula
    assert walk_in[3] == "invited, not yet answered" and walk_in[5] == "present (Walk-in)"


def test_every_text_cell_is_neutralised(client, grid_workshop):
    client.force_login(grid_workshop.cohort.facilitator)
    rows = list(csv.reader(io.StringIO(download(client, grid_workshop).content.decode("utf-8-sig"))))
    for row in rows:
        for cell in row:
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell


def test_the_file_name_is_safe_whatever_the_title(client, grid_workshop):
    client.force_login(grid_workshop.cohort.facilitator)
    for file_format in ("csv", "xlsx"):
        disposition = download(client, grid_workshop, file_format)["Content-Disposition"]
        assert SAFE_FILE_NAME.match(disposition), disposition
        assert f"attendance-{grid_workshop.pk}-atelier-national-11-a-dakar" in disposition
        assert disposition.endswith(f'.{file_format}"')


def test_the_download_is_audited_with_the_bytes_sent(client, grid_workshop):
    trainer = grid_workshop.cohort.facilitator
    client.force_login(trainer)
    response = download(client, grid_workshop)
    entry = AuditLogEntry.objects.get(action="workshop.attendance.exported")
    assert entry.actor == trainer and entry.object_id == str(grid_workshop.pk)
    assert entry.data == {"format": "csv", "rows": 4, "sessions": 2, "sha256": hashlib.sha256(response.content).hexdigest()}


def test_the_xlsx_holds_the_same_grid_as_text_never_formulas(client, grid_workshop):
    admin = UserFactory(role=roles.ADMINISTRATOR)
    client.force_login(admin)
    response = download(client, grid_workshop, "xlsx")
    assert response.status_code == 200
    rows = list(load_workbook(io.BytesIO(response.content), read_only=True).active.iter_rows(values_only=True))
    assert rows[0][5] == "2026-11-17 09:00 =cmd|'/c calc'!A1"
    names = [row[0] for row in rows[1:]]
    assert "'=HYPERLINK(\"http://evil.example\",\"x\")" in names
    ama = next(row for row in rows if row[1] == "ama@example.org")
    assert ama[4:] == ("present (QR check-in)", "present (Facilitator)", 2)  # the count as a number
    entry = AuditLogEntry.objects.get(action="workshop.attendance.exported")
    assert entry.actor == admin and entry.data["format"] == "xlsx"


def test_a_workshop_without_sessions_or_people_gives_the_header_alone(client):
    existing = workshop()
    client.force_login(existing.cohort.facilitator)
    rows = list(csv.reader(io.StringIO(download(client, existing).content.decode("utf-8-sig"))))
    assert rows == [["Name", "Email", "Organisation", "On the list as", "Sessions attended"]]


@pytest.mark.parametrize("who", ["co-facilitator", "facilitator elsewhere", "other trainer", "trainee", "officer"])
def test_anyone_else_gets_404_and_nothing_is_audited(client, grid_workshop, who):
    person = {
        # A co-facilitator takes attendance, but the file of names and emails is the cohort's trainer's.
        "co-facilitator": lambda: co_facilitator(grid_workshop),
        "facilitator elsewhere": lambda: co_facilitator(workshop()),
        "other trainer": lambda: UserFactory(role=roles.TRAINER),
        "trainee": lambda: member(grid_workshop),
        "officer": lambda: UserFactory(role=roles.MINISTRY_OFFICER),
    }[who]()
    client.force_login(person)
    for file_format in ("csv", "xlsx"):
        assert download(client, grid_workshop, file_format).status_code == 404
    assert not AuditLogEntry.objects.filter(action="workshop.attendance.exported").exists()


def test_an_unknown_format_or_a_missing_workshop_is_404(client, grid_workshop):
    client.force_login(grid_workshop.cohort.facilitator)
    for file_format in ("pdf", "CSV", "csv.exe", ""):
        url = reverse("workshop_attendance_export", args=[grid_workshop.pk, "csv"]).replace(".csv", f".{file_format}")
        assert client.get(url).status_code == 404, url
    assert client.get(reverse("workshop_attendance_export", args=[2**40, "csv"])).status_code == 404
    assert not AuditLogEntry.objects.filter(action="workshop.attendance.exported").exists()


def test_signed_out_is_sent_to_sign_in(client, grid_workshop):
    response = download(client, grid_workshop)
    assert response.status_code == 302 and "login" in response["Location"]
