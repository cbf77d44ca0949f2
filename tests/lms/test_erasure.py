"""Erasure at a person's request: their data goes, the records' figures and the audit chain stay."""

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.core.files.base import ContentFile
from django.db import connection
from django.test import Client
from django.urls import reverse

from assessments import services as quizzes
from certificates.models import Certificate
from lms import audit, erasure, roles
from lms.models import AuditLogEntry, ErasureRequest, User
from records import selectors
from tests.factories import UserFactory, add_quiz, build_course, mark_reauthenticated, short_answer
from tests.records.conftest import certificate_for, enrolment_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(settings):
    settings.RECORDS_MIN_CELL = 1
    settings.PASSAGE_COLLECT_GENDER = True
    course = build_course("Identifying victims", modules=1, lessons_per_module=1)
    quiz = add_quiz(course, [short_answer()])
    people = {}
    for email, gender in [("awa@example.org", "female"), ("moussa@example.org", "male")]:
        person = UserFactory(email=email, gender=gender)
        enrolment = enrolment_for(person, course)
        attempt = quizzes.start_attempt(quiz=quiz, trainee=person, enrolment=enrolment)
        quizzes.save_answers(attempt=attempt, responses={1: {"text": f"answer of {email}"}})
        certificate = certificate_for(enrolment)
        certificate.pdf.save(f"{certificate.serial}.pdf", ContentFile(b"%PDF-1.7"), save=True)
        audit.record(actor=person, action="certificate.download", obj=certificate)
        people[email] = person
    administrator = UserFactory(role=roles.ADMINISTRATOR, is_staff=True)
    audit.record(actor=administrator, action="invitation.resend", data={"email": "awa@example.org"})
    return people, administrator


def figures(administrator):
    summary = selectors.summarise(selectors.enrolments_in_scope(administrator))
    return summary.figures, summary.breakdowns


def test_erasure_keeps_the_records_totals_and_the_audit_chain_valid(client, world, django_capture_on_commit_callbacks):
    people, administrator = world
    awa = people["awa@example.org"]
    before = figures(administrator)

    client.force_login(awa)
    mark_reauthenticated(client, awa)
    assert client.post(reverse("request_erasure"), {"confirm": "1"}).status_code == 302
    request = ErasureRequest.objects.get(user=awa, status=ErasureRequest.Status.PENDING)

    admin_client = Client()
    admin_client.force_login(administrator)
    page = admin_client.get(reverse("lms_admin_erasure_requests"))
    assert "awa@example.org" in page.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        assert admin_client.post(reverse("lms_admin_erasure_requests"), {"request": request.pk}).status_code == 302

    awa.refresh_from_db()
    assert awa.email.endswith("@erased.invalid") and not awa.first_name and not awa.certificate_name
    assert not awa.is_active and not awa.has_usable_password()
    assert not EmailAddress.objects.filter(user=awa).exists()
    certificate = Certificate.objects.get(trainee=awa)
    assert not certificate.pdf and certificate.status == Certificate.Status.VALID
    assert Client().get(reverse("certificates_verify:code", args=[certificate.verification_code])).status_code == 200

    # Nothing about her is left in the audit log, which still verifies.
    for entry in AuditLogEntry.objects.all():
        assert "awa@example.org" not in f"{entry.actor_label} {entry.data}"
    assert audit.verify_chain().ok
    assert AuditLogEntry.objects.filter(action="erasure.done").exists()

    assert figures(administrator) == before
    assert "awa@example.org" in [m.to[0] for m in mail.outbox]
    # Moussa is untouched.
    assert User.objects.get(email="moussa@example.org").certificate_name
    assert Certificate.objects.get(trainee__email="moussa@example.org").pdf


def test_erased_people_cannot_sign_in(client, world):
    people, administrator = world
    erasure.carry_out_erasure(erasure=erasure.request_erasure(user=people["awa@example.org"]), by=administrator)
    response = client.post(reverse("account_login"), {"login": "awa@example.org", "password": "correct horse battery"})
    assert response.status_code == 200 and "_auth_user_id" not in client.session


def test_certificates_can_be_revoked_on_erasure_by_setting(settings, world):
    settings.PASSAGE_ERASURE_CERTIFICATES = "revoke"
    people, administrator = world
    erasure.carry_out_erasure(erasure=erasure.request_erasure(user=people["awa@example.org"]), by=administrator)
    assert Certificate.objects.get(trainee=people["awa@example.org"]).status == Certificate.Status.REVOKED
    assert audit.verify_chain().ok


def test_a_request_is_carried_out_once(world):
    people, administrator = world
    request = erasure.request_erasure(user=people["awa@example.org"])
    assert erasure.request_erasure(user=people["awa@example.org"]) == request
    erasure.carry_out_erasure(erasure=request, by=administrator)
    with pytest.raises(erasure.ErasureNotPending):
        erasure.carry_out_erasure(erasure=request, by=administrator)


def test_only_administrators_carry_out_erasure(client, world):
    people, _administrator = world
    request = erasure.request_erasure(user=people["awa@example.org"])
    client.force_login(people["moussa@example.org"])
    client.post(reverse("lms_admin_erasure_requests"), {"request": request.pk})
    request.refresh_from_db()
    assert request.status == ErasureRequest.Status.PENDING


def test_asking_for_erasure_needs_the_password_again_and_a_confirmation(client):
    awa = UserFactory()
    client.force_login(awa)
    response = client.post(reverse("request_erasure"), {"confirm": "1"})
    assert response["Location"].startswith(reverse("account_reauthenticate"))
    mark_reauthenticated(client, awa)
    client.post(reverse("request_erasure"), {})
    assert not ErasureRequest.objects.exists()


def test_blanking_an_entrys_details_outside_an_erasure_is_detected():
    entry = audit.record(actor=None, action="export.csv", data={"rows": 12})
    with connection.cursor() as cursor:
        cursor.execute(f"UPDATE {AuditLogEntry._meta.db_table} SET data = %s WHERE id = %s", ['{"rows": 1}', entry.pk])
    assert audit.verify_chain().broken_at == entry.pk
