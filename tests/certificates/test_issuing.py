"""Issuing certificates: on completion, by hand, idempotently, with sequential serials."""

import hashlib
from datetime import UTC, date, datetime

import pytest
from django.core import mail
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from certificates import selectors, services
from certificates.models import Certificate
from certificates.serials import is_verification_code
from certificates.tasks import issue_certificate_task
from courses import services as learning
from lms import roles
from lms.models import AuditLogEntry
from lms.pdf import pool
from tests.certificates.conftest import complete_course, course_valid_for
from tests.factories import CohortFactory, UserFactory, lessons_of

pytestmark = pytest.mark.django_db


def test_completing_a_course_issues_its_certificate_with_a_pdf(trainee, course, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        enrolment = complete_course(trainee, course)

    certificate = Certificate.objects.get()
    assert certificate.enrolment == enrolment
    assert certificate.serial == f"PSG-{timezone.now().year}-000001"
    assert is_verification_code(certificate.verification_code)
    assert certificate.trainee_name == "Awa Sarr"
    assert certificate.family_name == "Sarr"
    assert certificate.course_title == course.title
    assert certificate.language == "en"
    assert certificate.hours == course.estimated_hours
    assert certificate.completed_on == timezone.localtime(enrolment.completed_at).date()
    assert certificate.issued_by is None
    assert certificate.template == selectors.default_template()
    assert certificate.template_version == certificate.template.version
    assert certificate.expires_on is None
    assert certificate.score is None
    assert certificate.current_status() == Certificate.Status.VALID
    pdf = certificate.pdf.read()
    assert pdf.startswith(b"%PDF-")
    assert certificate.pdf_sha256 == hashlib.sha256(pdf).hexdigest()
    assert [m.to for m in mail.outbox] == [["awa@example.org"]]
    assert certificate.serial in mail.outbox[0].body


def test_a_pending_round_issues_nothing(trainee, course, django_capture_on_commit_callbacks):
    enrolment = learning.enrol(trainee=trainee, course=course)
    with django_capture_on_commit_callbacks(execute=True):
        learning.complete_lesson(enrolment=enrolment, lesson=lessons_of(course)[0])
    assert not Certificate.objects.exists()
    with pytest.raises(services.NotCompleted):
        services.issue_certificate(enrolment=enrolment)


def test_issuing_twice_gives_one_certificate(completed, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        first = services.issue_certificate(enrolment=completed)
        second = services.issue_certificate(enrolment=completed)
        issue_certificate_task.enqueue(enrolment_id=completed.pk)
    assert first == second
    assert Certificate.objects.count() == 1
    assert len(mail.outbox) == 1


def _copy(certificate, **changes):
    fields = {f.attname: getattr(certificate, f.attname) for f in Certificate._meta.concrete_fields if f.attname != "id"}
    return Certificate(**{**fields, "serial": "PSG-2026-999999", "verification_code": "x" * 43, **changes})


def test_the_database_allows_one_current_certificate_per_round(issued):
    with pytest.raises(IntegrityError), transaction.atomic():
        _copy(issued).save()
    with pytest.raises(IntegrityError), transaction.atomic():
        _copy(issued, status=Certificate.Status.REVOKED, revoked_at=timezone.now()).save()
    _copy(issued, status=Certificate.Status.REPLACED, replaced_at=timezone.now()).save()  # history is fine


def test_expired_is_never_stored(issued):
    with pytest.raises(IntegrityError), transaction.atomic():
        Certificate.objects.filter(pk=issued.pk).update(status=Certificate.Status.EXPIRED)


def test_a_duplicated_task_returns_the_certificate_another_task_made(completed, monkeypatch):
    existing = services.issue_certificate(enrolment=completed)
    real = selectors.current_certificate
    calls = []

    def misses_once(enrolment):
        calls.append(enrolment.pk)
        return None if len(calls) == 1 else real(enrolment)

    monkeypatch.setattr(services.selectors, "current_certificate", misses_once)
    again = services.issue_certificate(enrolment=completed)
    assert again == existing
    assert Certificate.objects.count() == 1
    assert Certificate.objects.get().serial.endswith("000001")  # the failed insert took no number


def test_serials_are_sequential_within_a_year_and_restart_the_next(course, monkeypatch):
    serials = []
    for year in (2026, 2026, 2026, 2027):
        monkeypatch.setattr(timezone, "now", lambda year=year: datetime(year, 6, 1, 12, tzinfo=UTC))
        enrolment = complete_course(UserFactory(), course)
        serials.append(services.issue_certificate(enrolment=enrolment).serial)
    assert serials == ["PSG-2026-000001", "PSG-2026-000002", "PSG-2026-000003", "PSG-2027-000001"]


def test_the_trainees_language_is_chosen(course):
    trainee = UserFactory(preferred_language="fr", certificate_name="Aminata Diallo")
    certificate = services.issue_certificate(enrolment=complete_course(trainee, course))
    assert certificate.language == "fr"


def test_a_course_with_a_validity_sets_the_expiry(course, trainee, monkeypatch):
    course_valid_for(monkeypatch, course, 24)
    enrolment = complete_course(trainee, course)
    certificate = services.issue_certificate(enrolment=enrolment)
    completed_on = certificate.completed_on
    assert certificate.expires_on == completed_on.replace(year=completed_on.year + 2)


def test_expiry_is_computed_when_read():
    certificate = Certificate(status=Certificate.Status.VALID, expires_on=date(2027, 1, 31))
    assert certificate.current_status(today=date(2027, 1, 31)) == Certificate.Status.VALID
    assert certificate.current_status(today=date(2027, 2, 1)) == Certificate.Status.EXPIRED
    revoked = Certificate(status=Certificate.Status.REVOKED, expires_on=date(2027, 1, 31))
    assert revoked.current_status(today=date(2030, 1, 1)) == Certificate.Status.REVOKED


def test_month_arithmetic_keeps_the_end_of_month():
    assert services._add_months(date(2026, 1, 31), 1) == date(2026, 2, 28)
    assert services._add_months(date(2026, 11, 30), 3) == date(2027, 2, 28)
    assert services._add_months(date(2024, 2, 29), 12) == date(2025, 2, 28)


def test_revoking_records_reason_date_and_audit(issued):
    trainer = UserFactory(role=roles.TRAINER)
    services.revoke_certificate(certificate=issued, by=trainer, reason="Completed by someone else")
    issued.refresh_from_db()
    assert issued.status == Certificate.Status.REVOKED
    assert issued.revoked_at is not None and issued.revoked_by == trainer
    entry = AuditLogEntry.objects.get(action="certificate.revoked")
    assert entry.actor == trainer and entry.data["reason"] == "Completed by someone else"
    with pytest.raises(services.AlreadyRevoked):
        services.revoke_certificate(certificate=issued, by=trainer, reason="again")


def test_revoking_needs_a_reason(issued):
    with pytest.raises(services.ReasonRequired):
        services.revoke_certificate(certificate=issued, by=None, reason="  ")


def test_reissuing_replaces_the_old_certificate_and_points_to_the_new(issued, django_capture_on_commit_callbacks):
    trainer = UserFactory(role=roles.TRAINER)
    with django_capture_on_commit_callbacks(execute=True):
        new = services.reissue_certificate(
            certificate=issued, by=trainer, reason="Name corrected", trainee_name="Awa Ndèye Sarr", family_name="Sarr"
        )
    issued.refresh_from_db()
    new.refresh_from_db()
    assert issued.status == Certificate.Status.REPLACED
    assert issued.replaced_by == new and issued.replaced_at is not None
    assert new.serial != issued.serial and new.verification_code != issued.verification_code
    assert new.trainee_name == "Awa Ndèye Sarr"
    assert new.completed_on == issued.completed_on and new.enrolment == issued.enrolment
    assert new.pdf and new.issued_by == trainer
    entry = AuditLogEntry.objects.get(action="certificate.reissued")
    assert entry.data["replaces"] == issued.serial and entry.data["serial"] == new.serial
    with pytest.raises(services.AlreadyReplaced):
        services.reissue_certificate(certificate=issued, by=trainer, reason="again")
    with pytest.raises(services.AlreadyReplaced):
        services.revoke_certificate(certificate=issued, by=trainer, reason="again")


def test_a_revoked_certificate_cannot_be_reissued(issued):
    services.revoke_certificate(certificate=issued, by=None, reason="Fraud")
    with pytest.raises(services.RevokedCannotBeReissued):
        services.reissue_certificate(certificate=issued, by=None, reason="Try")


def test_a_failed_rendering_is_recorded_and_the_next_certificate_goes_on(course, monkeypatch):
    first = services.issue_certificate(enrolment=complete_course(UserFactory(), course))
    second = services.issue_certificate(enrolment=complete_course(UserFactory(), course))
    real_render = pool.render

    def fails_for_the_first(html, assets=None, **kwargs):
        if first.serial in html:
            raise pool.RenderTimeLimit("The PDF took longer than 15 seconds to make and was stopped.")
        return real_render(html, assets, **kwargs)

    monkeypatch.setattr(pool, "render", fails_for_the_first)
    with pytest.raises(pool.RenderError):
        services.render_certificate_pdf(certificate=first)
    services.render_certificate_pdf(certificate=second)
    first.refresh_from_db()
    second.refresh_from_db()
    assert not first.pdf and "15 seconds" in first.render_error
    assert second.pdf and not second.render_error


class TestTrainerIssuesByHand:
    @pytest.fixture
    def cohort(self):
        return CohortFactory(name="Dakar workshop")

    def test_trainer_issues_for_a_workshop_participant(self, client, cohort, django_capture_on_commit_callbacks):
        enrolment = learning.add_to_cohort(cohort=cohort, trainee=UserFactory(certificate_name="Moussa Diop", last_name="Diop"))
        client.force_login(cohort.facilitator)
        url = reverse("certificates:issue", args=[cohort.pk, enrolment.pk])
        assert client.get(url).status_code == 200
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(url, {"completed_on": "2026-11-20", "language": "fr"})
        assert response.status_code == 302
        certificate = Certificate.objects.get()
        assert certificate.issued_by == cohort.facilitator
        assert certificate.completed_on == date(2026, 11, 20) and certificate.language == "fr"
        assert certificate.pdf
        assert AuditLogEntry.objects.filter(action="certificate.issued", actor=cohort.facilitator).exists()

    def test_another_trainer_cannot(self, client, cohort):
        enrolment = learning.add_to_cohort(cohort=cohort, trainee=UserFactory())
        client.force_login(UserFactory(role=roles.TRAINER))
        response = client.post(reverse("certificates:issue", args=[cohort.pk, enrolment.pk]), {"completed_on": "2026-11-20", "language": "en"})
        assert response.status_code == 404
        assert not Certificate.objects.exists()

    def test_trainer_revokes_and_reissues_from_the_cohort_page(self, client, cohort, django_capture_on_commit_callbacks):
        trainee = UserFactory()
        with django_capture_on_commit_callbacks(execute=True):
            enrolment = complete_course(trainee, cohort.course, cohort=cohort)
        certificate = Certificate.objects.get(enrolment=enrolment)
        client.force_login(cohort.facilitator)
        page = client.get(reverse("certificates:cohort", args=[cohort.pk])).content.decode()
        assert certificate.serial in page and "Revoke" in page and "Reissue" in page

        response = client.post(
            reverse("certificates:reissue", args=[certificate.pk]),
            {"trainee_name": "Awa N. Sarr", "family_name": "Sarr", "language": "en", "reason": "Middle initial"},
        )
        assert response.status_code == 302
        new = Certificate.objects.get(status=Certificate.Status.VALID)
        assert new.trainee_name == "Awa N. Sarr"

        response = client.post(reverse("certificates:revoke", args=[new.pk]), {"reason": "Did not attend"}, follow=True)
        assert "is revoked" in response.content.decode()
        new.refresh_from_db()
        assert new.status == Certificate.Status.REVOKED

    def test_revoking_twice_shows_a_clear_message(self, client, cohort):
        enrolment = complete_course(UserFactory(), cohort.course, cohort=cohort)
        certificate = services.issue_certificate(enrolment=enrolment)
        services.revoke_certificate(certificate=certificate, by=None, reason="x")
        client.force_login(cohort.facilitator)
        response = client.post(reverse("certificates:revoke", args=[certificate.pk]), {"reason": "again"}, follow=True)
        assert "already revoked" in response.content.decode()

    def test_issuing_by_hand_a_round_that_has_a_certificate_says_so_and_makes_none(self, client, cohort):
        trainee = UserFactory(first_name="Moussa", last_name="Diop")
        enrolment = learning.add_to_cohort(cohort=cohort, trainee=trainee)
        services.issue_certificate(enrolment=enrolment, issued_by=cohort.facilitator)
        client.force_login(cohort.facilitator)
        url = reverse("certificates:issue", args=[cohort.pk, enrolment.pk])
        for response in (client.get(url, follow=True), client.post(url, {"completed_on": "2026-11-20", "language": "en"}, follow=True)):
            assert response.redirect_chain[-1][0] == reverse("certificates:cohort", args=[cohort.pk])
            assert f"{trainee} already has a certificate for this round." in response.content.decode()
        assert Certificate.objects.count() == 1

    def test_a_round_of_another_cohort_is_not_found_even_for_its_own_trainer(self, client, cohort):
        other = CohortFactory(facilitator=cohort.facilitator, course=cohort.course)
        enrolment = learning.add_to_cohort(cohort=other, trainee=UserFactory())
        client.force_login(cohort.facilitator)
        assert client.get(reverse("certificates:issue", args=[cohort.pk, enrolment.pk])).status_code == 404

    def test_the_form_proposes_the_workshops_last_day_and_the_trainees_language(self, client, cohort):
        enrolment = learning.add_to_cohort(cohort=cohort, trainee=UserFactory(preferred_language="fr"))
        client.force_login(cohort.facilitator)
        form = client.get(reverse("certificates:issue", args=[cohort.pk, enrolment.pk])).context["form"]
        assert form.initial == {"completed_on": min(cohort.ends_on, timezone.localdate()), "language": "fr"}
