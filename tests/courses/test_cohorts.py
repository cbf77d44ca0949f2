"""Cohorts: the trainer's roster and inviting trainees from a CSV file."""

import re

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from courses import services
from courses.models import CohortInvitation, Enrolment
from lms import roles
from lms.models import AuditLogEntry, Invitation, User
from tests.factories import CohortFactory, OrganisationFactory, UserFactory, lessons_of

pytestmark = pytest.mark.django_db

HEADER = "name,email,organisation,sector,country,language\n"


@pytest.fixture
def cohort():
    return CohortFactory()


@pytest.fixture
def trainer_client(client, cohort):
    client.force_login(cohort.facilitator)
    return client


def upload(client, cohort, text, name="trainees.csv"):
    data = text.encode() if isinstance(text, str) else text
    return client.post(reverse("cohort_invite", args=[cohort.pk]), {"file": SimpleUploadedFile(name, data, "text/csv")})


@pytest.fixture(autouse=True)
def _emails_sent_on_commit(django_capture_on_commit_callbacks):
    # Emails are queued when the transaction commits; run those callbacks in tests.
    global _on_commit
    _on_commit = django_capture_on_commit_callbacks


def confirm(client, cohort, response):
    payload = response.context["payload"]
    with _on_commit(execute=True):
        return client.post(reverse("cohort_invite", args=[cohort.pk]), {"confirm": "1", "payload": payload})


def test_trainer_sees_each_trainees_progress(trainer_client, cohort):
    trainee = UserFactory(certificate_name="Awa Sarr")
    enrolment = services.add_to_cohort(cohort=cohort, trainee=trainee)
    services.complete_lesson(enrolment=enrolment, lesson=lessons_of(cohort.course)[0])
    page = trainer_client.get(reverse("cohort_detail", args=[cohort.pk])).content.decode()
    assert "Awa Sarr" in page and "25%" in page


def test_someone_elses_cohort_is_not_found(client, cohort):
    other_trainer = UserFactory(role=roles.TRAINER)
    client.force_login(other_trainer)
    assert client.get(reverse("cohort_detail", args=[cohort.pk])).status_code == 404
    assert client.get(reverse("cohort_invite", args=[cohort.pk])).status_code == 404


def test_an_administrator_by_role_opens_every_cohort(client, cohort):
    administrator = UserFactory(role=roles.ADMINISTRATOR)
    assert not administrator.is_superuser
    client.force_login(administrator)
    assert client.get(reverse("cohort_detail", args=[cohort.pk])).status_code == 200
    assert cohort.name in client.get(reverse("cohort_list")).content.decode()


def test_trainees_cannot_open_cohort_pages(client, cohort):
    client.force_login(UserFactory())
    assert client.get(reverse("cohort_detail", args=[cohort.pk])).status_code == 404
    assert client.get(reverse("cohort_list")).status_code == 404


def test_csv_preview_then_confirm_invites_without_enrolling(trainer_client, cohort):
    organisation = OrganisationFactory(name="Border post Rosso")
    text = HEADER + f"Awa Sarr,awa@example.org,{organisation.name},,SN,fr\nIbrahima Fall,ibra@example.org,,,,\n"
    preview = upload(trainer_client, cohort, text)
    assert preview.status_code == 200
    assert "Confirm and invite 2 trainees" in preview.content.decode()
    assert not User.objects.filter(email="awa@example.org").exists()

    response = confirm(trainer_client, cohort, preview)
    assert response.status_code == 302
    awa = User.objects.get(email="awa@example.org")
    assert awa.organisation == organisation and awa.preferred_language == "fr"
    assert not awa.has_usable_password()
    # They join when they follow their link, not before.
    assert not Enrolment.objects.filter(cohort=cohort).exists()
    assert CohortInvitation.objects.filter(cohort=cohort, status=CohortInvitation.Status.PENDING).count() == 2
    assert len(mail.outbox) == 2
    assert "https://passage.test/fr/accounts/invitation/" in next(m.body for m in mail.outbox if m.to == ["awa@example.org"])
    assert AuditLogEntry.objects.filter(action="cohort.invite").count() == 1


def test_bad_rows_import_nothing(trainer_client, cohort):
    text = HEADER + "Awa Sarr,awa@example.org,,,,\nBad Row,not-an-email,,,,\n"
    response = upload(trainer_client, cohort, text)
    page = response.content.decode()
    assert "Line 3: “not-an-email” is not a valid email address." in page
    assert "Nothing was imported" in page
    assert "payload" not in response.context
    assert not User.objects.filter(email="awa@example.org").exists()


def test_formula_in_a_name_is_refused_and_nothing_is_stored(trainer_client, cohort):
    response = upload(trainer_client, cohort, HEADER + '"=HYPERLINK(""http://evil"",""x"")",a@example.org,,,,\n')
    assert "formula" in response.content.decode()
    assert User.objects.count() == 1  # the trainer only


def test_names_with_markup_are_stored_as_plain_text(trainer_client, cohort):
    preview = upload(trainer_client, cohort, HEADER + '"<b>Awa</b> Sarr",awa@example.org,,,,\n')
    assert "&lt;b&gt;Awa&lt;/b&gt; Sarr" in preview.content.decode()
    confirm(trainer_client, cohort, preview)
    assert User.objects.get(email="awa@example.org").certificate_name == "<b>Awa</b> Sarr"


def test_non_utf8_file_gets_a_clear_message(trainer_client, cohort):
    response = upload(trainer_client, cohort, (HEADER + "José,jose@example.org,,,,\n").encode("latin-1"))
    assert "not UTF-8" in response.content.decode()
    assert not User.objects.filter(email="jose@example.org").exists()


def test_a_50_mb_file_is_refused_unread(trainer_client, cohort):
    big = HEADER.encode() + b"x" * (50 * 1024 * 1024)
    response = upload(trainer_client, cohort, big)
    assert response.status_code == 413
    assert "too large" in response.content.decode()
    assert User.objects.count() == 1


def test_tampered_preview_changes_nothing(trainer_client, cohort):
    preview = upload(trainer_client, cohort, HEADER + "Awa Sarr,awa@example.org,,,,\n")
    payload = preview.context["payload"]
    tampered = payload[:-3] + ("AAA" if not payload.endswith("AAA") else "BBB")
    response = trainer_client.post(
        reverse("cohort_invite", args=[cohort.pk]), {"confirm": "1", "payload": tampered}, follow=True
    )
    assert "expired or was changed" in response.content.decode()
    assert not User.objects.filter(email="awa@example.org").exists()


def test_a_file_that_stops_passing_the_checks_before_confirming_invites_nobody(trainer_client, cohort):
    organisation = OrganisationFactory(name="Border post Rosso")
    preview = upload(trainer_client, cohort, HEADER + f"Awa Sarr,awa@example.org,{organisation.name},,,\n")
    organisation.delete()  # meanwhile, in the admin
    response = confirm(trainer_client, cohort, preview)
    assert response.status_code == 200
    assert "Line 2" in response.content.decode()
    assert not User.objects.filter(email="awa@example.org").exists()
    assert not CohortInvitation.objects.exists() and not mail.outbox


def test_confirming_twice_invites_once(trainer_client, cohort):
    preview = upload(trainer_client, cohort, HEADER + "Awa Sarr,awa@example.org,,,,\n")
    confirm(trainer_client, cohort, preview)
    confirm(trainer_client, cohort, preview)
    assert User.objects.filter(email="awa@example.org").count() == 1
    assert CohortInvitation.objects.filter(invitee__email="awa@example.org").count() == 1
    assert Invitation.objects.filter(user__email="awa@example.org").count() == 1
    assert len(mail.outbox) == 1


def _link(message):
    return re.search(r"https://passage\.test(/\S+)", message.body).group(1)


def test_invitation_link_sets_the_password_once(client, trainer_client, cohort):
    confirm(trainer_client, cohort, upload(trainer_client, cohort, HEADER + "Awa Sarr,awa@example.org,,,,en\n"))
    link = _link(mail.outbox[-1])
    client.logout()
    form = client.get(link)
    assert "Awa Sarr" in form.content.decode()
    data = {
        "first_name": "Awa",
        "last_name": "Sarr",
        "certificate_name": "Awa Sarr",
        "preferred_language": "en",
        "password1": "a long pass phrase",
        "password2": "a long pass phrase",
    }
    response = client.post(link, data)
    assert response.status_code == 302
    awa = User.objects.get(email="awa@example.org")
    assert client.session["_auth_user_id"] == str(awa.pk)
    # Following the cohort's link was her answer: she is in the cohort now, and it is audited.
    assert Enrolment.objects.get(trainee=awa).cohort == cohort
    assert CohortInvitation.objects.get(invitee=awa).status == CohortInvitation.Status.ACCEPTED
    assert AuditLogEntry.objects.filter(action="cohort.invitation.accept", actor=awa).count() == 1
    client.logout()
    again = client.post(link, data)
    assert again.status_code == 404
    assert "no longer valid" in again.content.decode()
    # The link proved the address: she signs in with her password, no verification email.
    outbox = len(mail.outbox)
    signed = client.post(reverse("account_login"), {"login": "awa@example.org", "password": "a long pass phrase"})
    assert signed.status_code == 302 and signed["Location"] != reverse("account_email_verification_sent")
    assert len(mail.outbox) == outbox


def test_expired_invitation_can_be_resent(client, trainer_client, cohort):
    from datetime import timedelta

    from django.utils import timezone

    confirm(trainer_client, cohort, upload(trainer_client, cohort, HEADER + "Awa Sarr,awa@example.org,,,,\n"))
    old_link = _link(mail.outbox[-1])
    invitation = Invitation.objects.get(user__email="awa@example.org")
    Invitation.objects.filter(pk=invitation.pk).update(expires_at=timezone.now() - timedelta(days=1))
    assert "Waiting for an answer" in trainer_client.get(reverse("cohort_detail", args=[cohort.pk])).content.decode()
    assert client.get(old_link).status_code == 404

    cohort_invitation = CohortInvitation.objects.get(email="awa@example.org")
    with _on_commit(execute=True):
        trainer_client.post(reverse("resend_cohort_invitation", args=[cohort_invitation.pk]))
    new_link = _link(mail.outbox[-1])
    assert new_link != old_link
    assert client.get(new_link).status_code == 200
    assert client.get(old_link).status_code == 404
    invitation.refresh_from_db()
    assert invitation.send_count == 2


def test_another_trainer_cannot_resend_my_invitations(client, trainer_client, cohort):
    confirm(trainer_client, cohort, upload(trainer_client, cohort, HEADER + "Awa Sarr,awa@example.org,,,,\n"))
    invitation = Invitation.objects.get(user__email="awa@example.org")
    client.force_login(UserFactory(role=roles.TRAINER))
    assert client.post(reverse("resend_invitation", args=[invitation.pk])).status_code == 404
    cohort_invitation = CohortInvitation.objects.get(email="awa@example.org")
    assert client.post(reverse("resend_cohort_invitation", args=[cohort_invitation.pk])).status_code == 404
