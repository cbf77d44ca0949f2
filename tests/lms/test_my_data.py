"""A person downloads everything held about them, and nobody else's."""

import io
import json
import zipfile

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from assessments import services as quizzes
from lms.models import AuditLogEntry
from tests.factories import UserFactory, add_quiz, build_course, mark_reauthenticated, short_answer
from tests.records.conftest import certificate_for, enrolment_for

pytestmark = pytest.mark.django_db


def took_the_course(trainee, course, quiz, answer: str, pdf: bytes):
    enrolment = enrolment_for(trainee, course)
    attempt = quizzes.start_attempt(quiz=quiz, trainee=trainee, enrolment=enrolment)
    quizzes.save_answers(attempt=attempt, responses={1: {"text": answer}})
    certificate = certificate_for(enrolment)
    certificate.pdf.save(f"{certificate.serial}.pdf", ContentFile(pdf), save=True)
    return certificate


def download(client):
    response = client.get(reverse("download_my_data"))
    assert response.status_code == 200 and response["Content-Type"] == "application/zip"
    return zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))


def test_my_data_holds_my_answers_and_certificates_and_nobody_elses(client):
    course = build_course("Identifying victims", modules=1, lessons_per_module=1)
    quiz = add_quiz(course, [short_answer()])
    awa = UserFactory(email="awa@example.org", certificate_name="Awa Sarr")
    moussa = UserFactory(email="moussa@example.org", certificate_name="Moussa Ndiaye")
    mine = took_the_course(awa, course, quiz, "two thousand (Awa)", b"%PDF-1.7 Awa's certificate")
    theirs = took_the_course(moussa, course, quiz, "two thousand (Moussa)", b"%PDF-1.7 Moussa's certificate")

    client.force_login(awa)
    mark_reauthenticated(client, awa)
    archive = download(client)
    names = archive.namelist()
    assert f"certificates/{mine.serial}.pdf" in names and f"certificates/{theirs.serial}.pdf" not in names
    assert archive.read(f"certificates/{mine.serial}.pdf") == b"%PDF-1.7 Awa's certificate"
    data = json.loads(archive.read("passage-data.json"))
    assert data["profile"][0]["email"] == "awa@example.org"
    assert [r["course_title"] for r in data["rounds"]] == ["Identifying victims"]
    assert data["quiz_attempts"][0]["answers"][0]["response"] == {"text": "two thousand (Awa)"}
    assert [c["serial"] for c in data["certificates"]] == [mine.serial]
    text = json.dumps(data, ensure_ascii=False)
    assert "Moussa" not in text and "moussa@example.org" not in text

    entry = AuditLogEntry.objects.get(action="personal_data.download")
    assert entry.actor == awa and entry.data["files"] == 1
    # The next download lists that audit entry about her.
    data = json.loads(download(client).read("passage-data.json"))
    assert "personal_data.download" in [row["action"] for row in data["audit_log"]]


def test_my_data_asks_for_the_password_again(client):
    awa = UserFactory(email="awa@example.org")
    client.force_login(awa)
    response = client.get(reverse("download_my_data"))
    assert response.status_code == 302 and response["Location"].startswith(reverse("account_reauthenticate"))
    response = client.post(response["Location"], {"password": "correct horse battery"})
    assert response.status_code == 302
    assert download(client).namelist() == ["passage-data.json"]


def test_my_data_is_for_signed_in_people_only(client):
    response = client.get(reverse("download_my_data"))
    assert response.status_code == 302 and response["Location"].startswith(reverse("account_login"))
