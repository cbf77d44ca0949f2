"""Joining a cohort is the trainee's choice: a trainer's CSV invites, it never takes a round over."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from assessments import selectors
from courses import services as learning
from courses.models import CohortInvitation, Enrolment
from lms import audit, roles
from lms.invitations import InviteeRow
from lms.models import AuditLogEntry, Invitation, User
from tests.assessments.test_marking import RIGHT, take_quiz
from tests.factories import (
    CohortFactory,
    UserFactory,
    add_quiz,
    build_course,
    lessons_of,
    single_choice,
)

pytestmark = pytest.mark.django_db

HEADER = "name,email,organisation,sector,country,language\n"


@pytest.fixture(autouse=True)
def _run_on_commit(django_capture_on_commit_callbacks):
    global _on_commit
    _on_commit = django_capture_on_commit_callbacks


@pytest.fixture
def course():
    course = build_course("Identifying victims of trafficking", modules=2, lessons_per_module=2)
    add_quiz(course, [single_choice()], title="Indicators check")
    return course


@pytest.fixture
def cohort(course):
    """The cohort of the trainer who uploads the file."""
    return CohortFactory(course=course, name="Dakar workshop")


@pytest.fixture
def trainer_client(cohort):
    """A client of its own, so that the trainee's ``client`` may sign in beside it."""
    trainer = Client()
    trainer.force_login(cohort.facilitator)
    return trainer


def quiz_of(course):
    from assessments.models import QuizPage

    return QuizPage.objects.descendant_of(course).get()


def preview(client, cohort, text):
    return client.post(
        reverse("cohort_invite", args=[cohort.pk]), {"file": SimpleUploadedFile("trainees.csv", text.encode(), "text/csv")}
    )


def invite(client, cohort, text):
    """Upload, then confirm the preview as the trainer would; returns the page after the redirect."""
    payload = preview(client, cohort, text).context["payload"]
    with _on_commit(execute=True):
        return client.post(reverse("cohort_invite", args=[cohort.pk]), {"confirm": "1", "payload": payload}, follow=True)


def main_of(response) -> str:
    """The page's <main>, without what changes on every request (CSRF token, signed payload)."""
    page = response.content.decode()
    main = page[page.index("<main") : page.index("</main>")]
    main = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', 'name="csrfmiddlewaretoken" value=""', main)
    return re.sub(r'name="payload" value="[^"]+"', 'name="payload" value=""', main)


def section(response, element_id) -> str:
    page = response.content.decode()
    start = page.index(f'<section id="{element_id}">')
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", page[start : page.index("</section>", start)])


def trainee_in(cohort, **fields):
    trainee = UserFactory(**fields)
    enrolment = learning.add_to_cohort(cohort=cohort, trainee=trainee)
    return trainee, enrolment


def invitation_for(user) -> CohortInvitation:
    return CohortInvitation.objects.get(invitee=user)


def accept(client, invitation):
    with _on_commit(execute=True):
        return client.post(reverse("accept_cohort_invitation", args=[invitation.pk]), follow=True)


# The hostile case first.


def test_a_csv_naming_someone_in_another_cohort_moves_nothing_and_shows_nothing(client, trainer_client, cohort, course):
    other_cohort = CohortFactory(course=course, name="Abidjan workshop")
    awa, enrolment = trainee_in(other_cohort, first_name="Awa", last_name="Ndiaye", certificate_name="Awa Ndiaye")
    learning.complete_lesson(enrolment=enrolment, lesson=lessons_of(course)[0])
    attempt = take_quiz(quiz_of(course), awa, choice=RIGHT)
    assert attempt.enrolment == enrolment

    response = invite(trainer_client, cohort, HEADER + f"Typed Name,{awa.email},,,,\n")

    enrolment.refresh_from_db()
    assert enrolment.cohort == other_cohort  # the other trainer's cohort keeps the round
    assert not Enrolment.objects.filter(cohort=cohort).exists()
    page = response.content.decode()
    assert "1 person invited. They join the cohort when they accept." in page
    assert "Ndiaye" not in page and "already" not in page and "25%" not in page
    detail = trainer_client.get(reverse("cohort_detail", args=[cohort.pk])).content.decode()
    assert "Typed Name" in detail and awa.email in detail and "Waiting for an answer" in detail
    assert "Ndiaye" not in detail and "25%" not in detail and str(awa.organisation) not in detail
    assert not selectors.quiz_attempts(cohort.facilitator, quiz_of(course), cohort=cohort).exists()
    assert not selectors.quiz_attempts(cohort.facilitator, quiz_of(course)).filter(trainee=awa).exists()

    # Awa answers yes: she is told why nothing happens, and nothing does.
    client.force_login(awa)
    answer = accept(client, invitation_for(awa)).content.decode()
    assert "You are already in another cohort for this course. Nothing was changed" in answer
    enrolment.refresh_from_db()
    assert enrolment.cohort == other_cohort
    assert invitation_for(awa).status == CohortInvitation.Status.PENDING
    assert not AuditLogEntry.objects.filter(action="cohort.invitation.accept").exists()


def test_once_the_other_cohorts_round_is_finished_accepting_starts_a_new_round(client, trainer_client, cohort, course):
    other_cohort = CohortFactory(course=course)
    awa, enrolment = trainee_in(other_cohort)
    invite(trainer_client, cohort, HEADER + f"Awa Sarr,{awa.email},,,,\n")
    Enrolment.objects.filter(pk=enrolment.pk).update(status=Enrolment.Status.COMPLETED, completed_at=timezone.now())

    client.force_login(awa)
    accept(client, invitation_for(awa))
    rounds = {e.round: e.cohort for e in Enrolment.objects.filter(trainee=awa)}
    assert rounds == {1: other_cohort, 2: cohort}


# An existing account outside any cohort.


def test_a_known_account_gets_a_pending_invitation_and_an_email_in_its_language(trainer_client, cohort):
    awa = UserFactory(preferred_language="fr")
    invite(trainer_client, cohort, HEADER + f"Awa Sarr,{awa.email},,,,\n")
    invitation = invitation_for(awa)
    assert invitation.status == CohortInvitation.Status.PENDING
    assert (invitation.name, invitation.email, invitation.invited_by) == ("Awa Sarr", awa.email, cohort.facilitator)
    assert not Enrolment.objects.filter(trainee=awa).exists()
    assert not Invitation.objects.filter(user=awa).exists()  # her password is hers: no one-time link
    (message,) = mail.outbox
    assert message.to == [awa.email]
    assert "https://passage.test/fr/dashboard/" in message.body
    assert cohort.name in message.body


def test_accepting_attaches_the_open_round_and_is_audited(client, trainer_client, cohort, course):
    awa = UserFactory(certificate_name="Awa Ndiaye")
    enrolment = learning.enrol(trainee=awa, course=course)
    attempt = take_quiz(quiz_of(course), awa, choice=RIGHT)
    invite(trainer_client, cohort, HEADER + f"Awa N.,{awa.email},,,,\n")
    assert not selectors.quiz_attempts(cohort.facilitator, quiz_of(course), cohort=cohort).exists()

    client.force_login(awa)
    dashboard = client.get(reverse("dashboard")).content.decode()
    assert "your trainer will see your progress and results in this course" in dashboard
    assert cohort.name in dashboard
    answer = accept(client, invitation_for(awa)).content.decode()
    assert "You joined the cohort “Dakar workshop”." in answer

    enrolment.refresh_from_db()
    assert enrolment.cohort == cohort
    assert invitation_for(awa).status == CohortInvitation.Status.ACCEPTED
    # Her earlier attempt shows to the trainer now, because she accepted (and was told so).
    assert list(selectors.quiz_attempts(cohort.facilitator, quiz_of(course), cohort=cohort)) == [attempt]
    entry = AuditLogEntry.objects.get(action="cohort.invitation.accept")
    assert entry.actor == awa and entry.data == {"cohort": cohort.pk, "enrolment": enrolment.pk, "round": 1}
    assert audit.verify_chain().ok
    roster = trainer_client.get(reverse("cohort_detail", args=[cohort.pk])).content.decode()
    assert "Awa Ndiaye" in roster and "Accepted" in roster


def test_accepting_after_a_completed_round_starts_a_new_round_in_the_cohort(client, trainer_client, cohort, course):
    """A finished round and its results stay outside the cohort: a new round joins instead."""
    awa = UserFactory()
    first = learning.enrol(trainee=awa, course=course)
    take_quiz(quiz_of(course), awa, choice=RIGHT)
    Enrolment.objects.filter(pk=first.pk).update(status=Enrolment.Status.COMPLETED, completed_at=timezone.now())
    invite(trainer_client, cohort, HEADER + f"Awa Sarr,{awa.email},,,,\n")

    client.force_login(awa)
    accept(client, invitation_for(awa))
    first.refresh_from_db()
    assert first.cohort is None
    second = Enrolment.objects.get(trainee=awa, round=2)
    assert second.cohort == cohort and second.status == Enrolment.Status.ACTIVE
    assert not selectors.quiz_attempts(cohort.facilitator, quiz_of(course), cohort=cohort).exists()


def test_declining_changes_nothing_and_the_trainer_sees_only_declined(client, trainer_client, cohort, course):
    awa = UserFactory(certificate_name="Awa Ndiaye")
    enrolment = learning.enrol(trainee=awa, course=course)
    invite(trainer_client, cohort, HEADER + f"Typed Name,{awa.email},,,,\n")

    client.force_login(awa)
    answer = client.post(reverse("decline_cohort_invitation", args=[invitation_for(awa).pk]), follow=True)
    assert "You declined the invitation. Nothing was changed." in answer.content.decode()
    client.post(reverse("decline_cohort_invitation", args=[invitation_for(awa).pk]))  # twice: harmless

    enrolment.refresh_from_db()
    assert enrolment.cohort is None
    assert invitation_for(awa).status == CohortInvitation.Status.DECLINED
    assert AuditLogEntry.objects.filter(action="cohort.invitation.decline", actor=awa).count() == 1
    detail = trainer_client.get(reverse("cohort_detail", args=[cohort.pk])).content.decode()
    assert "Declined" in detail and "Typed Name" in detail and "Ndiaye" not in detail
    # A declined invitation cannot be accepted afterwards.
    accept(client, invitation_for(awa))
    enrolment.refresh_from_db()
    assert enrolment.cohort is None


# Administrators and ministry officers: invited like anyone, as the trainer sees it; never enrolled.


@pytest.mark.parametrize("role", [roles.ADMINISTRATOR, roles.MINISTRY_OFFICER, "superuser"])
def test_administrators_and_officers_are_never_enrolled_from_a_csv(client, trainer_client, cohort, role):
    if role == "superuser":
        staff = UserFactory(is_superuser=True)
    else:
        staff = UserFactory(role=role)
    plain = UserFactory()
    invite(trainer_client, cohort, HEADER + f"Staff Person,{staff.email},,,,\n")
    other_cohort = CohortFactory(course=cohort.course, facilitator=cohort.facilitator)
    invite(trainer_client, other_cohort, HEADER + f"Staff Person,{plain.email},,,,\n")

    # The trainer's view of the invitation reads as for anyone else.
    staff_row = section(trainer_client.get(reverse("cohort_detail", args=[cohort.pk])), "invitations")
    plain_row = section(trainer_client.get(reverse("cohort_detail", args=[other_cohort.pk])), "invitations")
    staff_invitation, plain_invitation = invitation_for(staff), invitation_for(plain)
    assert staff_row.replace(staff.email, "EMAIL").replace(f"/{staff_invitation.pk}/", "/ID/") == plain_row.replace(
        plain.email, "EMAIL"
    ).replace(f"/{plain_invitation.pk}/", "/ID/")

    assert [m.to for m in mail.outbox] == [[plain.email]]  # no email they could not act on
    client.force_login(staff)
    assert "cannot join a cohort as trainees" in client.get(reverse("dashboard")).content.decode()
    answer = accept(client, staff_invitation).content.decode()
    assert "Administrators and ministry officers cannot join a cohort as trainees." in answer
    assert not Enrolment.objects.filter(trainee=staff).exists()
    assert invitation_for(staff).status == CohortInvitation.Status.PENDING


# The preview and what follows read the same for a known and an unknown address.


def test_the_preview_reads_the_same_whether_or_not_the_address_has_an_account(trainer_client, cohort):
    text = HEADER + "Awa Sarr,awa.sarr@example.org,,,,fr\nIbrahima Fall,ibra@example.org,,,,\n"
    unknown = main_of(preview(trainer_client, cohort, text))
    UserFactory(email="awa.sarr@example.org", certificate_name="Awa Ndiaye")
    known = main_of(preview(trainer_client, cohort, text))
    assert known.encode() == unknown.encode()
    assert "Confirm and invite 2 trainees" in known


def test_the_confirmation_and_the_cohort_page_read_the_same_for_a_known_and_an_unknown_address(trainer_client, cohort, course):
    UserFactory(email="known1@example.org")
    second = CohortFactory(course=course, facilitator=cohort.facilitator, name="Dakar workshop")
    known = invite(trainer_client, cohort, HEADER + "Awa Sarr,known1@example.org,,,,\n")
    unknown = invite(trainer_client, second, HEADER + "Awa Sarr,fresh1@example.org,,,,\n")

    def masked(text, invitation, email, pk):
        return text.replace(email, "EMAIL").replace(f"/{invitation.pk}/", "/ID/").replace(f"/{pk}/", "/COHORT/")

    known_invitation = CohortInvitation.objects.get(email="known1@example.org")
    unknown_invitation = CohortInvitation.objects.get(email="fresh1@example.org")
    assert masked(main_of(known), known_invitation, "known1@example.org", cohort.pk).encode() == masked(
        main_of(unknown), unknown_invitation, "fresh1@example.org", second.pk
    ).encode()


# Answering is only for the person invited.


def test_someone_elses_invitation_is_not_found(client, trainer_client, cohort):
    awa = UserFactory()
    invite(trainer_client, cohort, HEADER + f"Awa Sarr,{awa.email},,,,\n")
    invitation = invitation_for(awa)
    client.force_login(UserFactory())
    assert client.post(reverse("accept_cohort_invitation", args=[invitation.pk])).status_code == 404
    assert client.post(reverse("decline_cohort_invitation", args=[invitation.pk])).status_code == 404
    # Not even the trainer who sent it may answer for her.
    assert trainer_client.post(reverse("accept_cohort_invitation", args=[invitation.pk])).status_code == 404
    assert client.post(reverse("accept_cohort_invitation", args=[invitation.pk + 1000])).status_code == 404
    assert invitation_for(awa).status == CohortInvitation.Status.PENDING
    assert not Enrolment.objects.filter(trainee=awa).exists()


def test_accepting_twice_is_harmless(client, trainer_client, cohort):
    awa = UserFactory()
    invite(trainer_client, cohort, HEADER + f"Awa Sarr,{awa.email},,,,\n")
    client.force_login(awa)
    accept(client, invitation_for(awa))
    second = accept(client, invitation_for(awa))
    assert second.status_code == 200 and "You joined the cohort" in second.content.decode()
    assert Enrolment.objects.filter(trainee=awa, cohort=cohort).count() == 1
    assert AuditLogEntry.objects.filter(action="cohort.invitation.accept").count() == 1


def test_accepting_after_the_trainer_lost_access_still_joins_the_cohort(client, trainer_client, cohort):
    awa = UserFactory()
    invite(trainer_client, cohort, HEADER + f"Awa Sarr,{awa.email},,,,\n")
    cohort.facilitator.groups.clear()  # no longer a trainer: administrators still oversee the cohort
    client.force_login(awa)
    accept(client, invitation_for(awa))
    assert Enrolment.objects.get(trainee=awa).cohort == cohort


def test_accepting_when_the_course_is_unpublished_fails_cleanly(client, trainer_client, cohort):
    awa = UserFactory()
    invite(trainer_client, cohort, HEADER + f"Awa Sarr,{awa.email},,,,\n")
    cohort.course.unpublish()
    client.force_login(awa)
    answer = accept(client, invitation_for(awa))
    assert answer.status_code == 200
    assert "The course of this cohort is no longer available." in answer.content.decode()
    assert not Enrolment.objects.filter(trainee=awa).exists()
    assert invitation_for(awa).status == CohortInvitation.Status.PENDING


def test_resending_a_known_accounts_invitation_sends_the_dashboard_email_again(trainer_client, cohort):
    awa = UserFactory()
    invite(trainer_client, cohort, HEADER + f"Awa Sarr,{awa.email},,,,\n")
    invitation = invitation_for(awa)
    CohortInvitation.objects.filter(pk=invitation.pk).update(sent_at=timezone.now() - timedelta(days=3))
    with _on_commit(execute=True):
        response = trainer_client.post(reverse("resend_cohort_invitation", args=[invitation.pk]), follow=True)
    assert f"A new invitation was sent to {awa.email}." in response.content.decode()
    assert [m.to for m in mail.outbox] == [[awa.email], [awa.email]]
    assert invitation_for(awa).send_count == 2
    assert AuditLogEntry.objects.filter(action="cohort.invitation.resend").count() == 1


def test_sending_again_is_limited_per_trainer_and_hour(trainer_client, cohort, settings):
    settings.PASSAGE_INVITE_RESENDS_PER_HOUR = 2
    awa = UserFactory()
    invite(trainer_client, cohort, HEADER + f"Awa Sarr,{awa.email},,,,\n")
    invitation = invitation_for(awa)
    with _on_commit(execute=True):
        for _ in range(3):
            response = trainer_client.post(reverse("resend_cohort_invitation", args=[invitation.pk]), follow=True)
    assert "You have sent 2 invitations again in the last hour." in response.content.decode()
    assert invitation_for(awa).send_count == 3  # the first email and two more, not a third
    assert len(mail.outbox) == 3


def test_a_new_account_joins_only_the_cohort_whose_link_it_followed(client, trainer_client, cohort, course):
    invite(trainer_client, cohort, HEADER + "Awa Sarr,awa@example.org,,,,en\n")
    awa = User.objects.get(email="awa@example.org")
    # Another trainer invites her before she opens her account: that one waits for her answer.
    other = CohortFactory(course=build_course("Reception centres"))
    learning.invite_to_cohort(cohort=other, rows=_rows("awa@example.org"), invited_by=other.facilitator)
    assert Invitation.objects.get(user=awa).cohort == cohort  # her one-time link is unchanged

    link = re.search(r"https://passage\.test(/\S+)", mail.outbox[0].body).group(1)
    client.post(
        link,
        {
            "first_name": "Awa",
            "last_name": "Sarr",
            "certificate_name": "Awa Sarr",
            "preferred_language": "en",
            "password1": "a long pass phrase",
            "password2": "a long pass phrase",
        },
    )
    assert {e.cohort for e in Enrolment.objects.filter(trainee=awa)} == {cohort}
    assert CohortInvitation.objects.get(cohort=other).status == CohortInvitation.Status.PENDING


def _rows(email):
    return [InviteeRow(line=2, name="Awa Sarr", email=email)]
