"""Expiry reminders: a daily command, once per certificate and reminder window."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from certificates import services
from certificates.models import Certificate, CertificateReminder
from courses import services as learning
from tests.certificates.conftest import complete_course
from tests.factories import UserFactory, lessons_of

pytestmark = pytest.mark.django_db


def expiring_in(certificate, days):
    Certificate.objects.filter(pk=certificate.pk).update(expires_on=timezone.localdate() + timedelta(days=days))


def run(capture, **kwargs):
    with capture(execute=True):
        call_command("send_expiry_reminders", verbosity=0)


def test_a_reminder_goes_out_once_per_window(issued, settings, django_capture_on_commit_callbacks):
    settings.PASSAGE_CERTIFICATE_REMINDER_DAYS = "60,14"
    mail.outbox.clear()
    expiring_in(issued, 50)
    run(django_capture_on_commit_callbacks)
    run(django_capture_on_commit_callbacks)  # the same day again: nothing new
    assert len(mail.outbox) == 1
    assert "expires" in mail.outbox[0].subject and issued.serial in mail.outbox[0].body
    assert "take the course again" in mail.outbox[0].body

    expiring_in(issued, 10)  # later: the 14-day window
    run(django_capture_on_commit_callbacks)
    run(django_capture_on_commit_callbacks)
    assert len(mail.outbox) == 2
    assert set(CertificateReminder.objects.values_list("days_before", flat=True)) == {60, 14}


def test_no_reminder_far_from_expiry_after_it_or_for_revoked_certificates(issued, django_capture_on_commit_callbacks):
    mail.outbox.clear()
    expiring_in(issued, 200)
    run(django_capture_on_commit_callbacks)
    expiring_in(issued, -1)
    run(django_capture_on_commit_callbacks)
    expiring_in(issued, 5)
    services.revoke_certificate(certificate=issued, by=None, reason="x")
    run(django_capture_on_commit_callbacks)
    assert mail.outbox == []


def test_a_trainee_who_recertified_is_not_reminded(issued, course, django_capture_on_commit_callbacks):
    expiring_in(issued, 10)
    newer_round = learning.enrol(trainee=issued.trainee, course=course, new_round=True)
    for lesson in lessons_of(course):
        learning.complete_lesson(enrolment=newer_round, lesson=lesson)
    newer_round.refresh_from_db()
    newer = services.issue_certificate(enrolment=newer_round)
    Certificate.objects.filter(pk=newer.pk).update(completed_on=issued.completed_on + timedelta(days=300))
    mail.outbox.clear()
    run(django_capture_on_commit_callbacks)
    assert mail.outbox == []


def test_reminders_are_written_in_the_trainees_language(course, django_capture_on_commit_callbacks):
    trainee = UserFactory(preferred_language="fr", first_name="Aminata")
    certificate = services.issue_certificate(enrolment=complete_course(trainee, course))
    expiring_in(certificate, 7)
    run(django_capture_on_commit_callbacks)
    assert "expire le" in mail.outbox[-1].subject
    assert "Bonjour Aminata" in mail.outbox[-1].body
