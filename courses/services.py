"""Learning actions: enrol, complete a lesson, leave a course, record progress and completion, run cohorts."""

from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from courses import items as item_kinds
from courses import selectors
from courses.models import (
    Cohort,
    CohortInvitation,
    CoursePage,
    Enrolment,
    LessonCompletion,
    LessonPage,
)
from courses.permissions import can_join_cohorts
from lms import audit, invitations
from lms import services as account_services
from lms.invitations import InviteeRow
from lms.models import Invitation
from lms.notify import notify
from lms.selectors import invitation_lookups

INVITE_SIGNING_SALT = "passage.invite-preview"
INVITE_PREVIEW_MAX_AGE = 3600  # seconds between the preview and the confirmation


class LearningError(Exception):
    """A learning action that cannot be done; the message is shown to the user."""


class NotEnrolled(LearningError):
    def __init__(self):
        super().__init__(_("You are not enrolled in this course."))


class AlreadyEnrolledInCohort(LearningError):
    def __init__(self):
        super().__init__(_("This trainee already has an open round of the course in another cohort."))


class RoundCompleted(LearningError):
    def __init__(self):
        super().__init__(_("You have completed this course: a completed course stays in your records and cannot be left."))


class AlreadyWithdrawn(LearningError):
    def __init__(self):
        super().__init__(_("You have already left this course."))


def _snapshot_workplace(trainee) -> dict:
    organisation = trainee.organisation
    return {
        "organisation": organisation,
        "sector": trainee.sector,
        "country": trainee.country or (organisation.country if organisation else None),
        "region": organisation.region if organisation else None,
    }


def enrol(*, trainee, course: CoursePage, cohort: Cohort | None = None, new_round: bool = False) -> Enrolment:
    """Open a round of a course for a trainee; returns the open round if there is one already.

    Precondition: the course is live. ``new_round`` starts a new round after a completed one.
    A round the trainee left (their latest) is taken up again rather than a new one opened: the
    same round, in progress, with its lessons done and attempts kept; unless it belonged to
    another cohort than ``cohort``, which then starts a new round.
    """
    course_key = course.translation_key
    open_round = selectors.open_enrolment(trainee=trainee, course_key=course_key)
    if open_round is not None:
        if cohort is not None and open_round.cohort_id is None:
            open_round.cohort = cohort
            open_round.save(update_fields=["cohort"])
        elif cohort is not None and open_round.cohort_id != cohort.pk:
            raise AlreadyEnrolledInCohort()
        return open_round
    previous = Enrolment.objects.filter(trainee=trainee, course_key=course_key).order_by("-round").first()
    if previous is not None and previous.is_withdrawn:
        if cohort is None or previous.cohort_id in (None, cohort.pk):
            return _take_up_again(previous, cohort=cohort)
    elif previous is not None and not new_round:
        return previous
    try:
        with transaction.atomic():
            return Enrolment.objects.create(
                trainee=trainee,
                course=course,
                course_key=course_key,
                course_title=course.title,
                cohort=cohort,
                round=(previous.round + 1) if previous else 1,
                completion_rule=course.completion_rule,
                **_snapshot_workplace(trainee),
            )
    except IntegrityError:
        # A second click or a parallel request opened the round first: use that one.
        existing = selectors.open_enrolment(trainee=trainee, course_key=course_key)
        if existing is None:
            raise
        return existing


def _take_up_again(enrolment: Enrolment, *, cohort: Cohort | None) -> Enrolment:
    """Put a round the trainee left back in progress (joining ``cohort`` if it had none)."""
    try:
        with transaction.atomic():
            enrolment = Enrolment.objects.select_for_update().get(pk=enrolment.pk)
            if not enrolment.is_withdrawn:
                return enrolment  # a second click took it up already
            enrolment.status = Enrolment.Status.ACTIVE
            fields = ["status"]
            if cohort is not None and enrolment.cohort_id is None:
                enrolment.cohort = cohort
                fields.append("cohort")
            enrolment.save(update_fields=fields)
            audit.record(
                actor=enrolment.trainee,
                action="enrolment.resumed",
                obj=enrolment,
                data={"course_key": enrolment.course_key, "round": enrolment.round, "cohort": enrolment.cohort_id},
            )
            # The course may have changed while the round was left: its progress catches up.
            _record_progress(enrolment)
            return enrolment
    except IntegrityError:
        # Another round of the course was opened meanwhile (one open round per course): use it.
        existing = selectors.open_enrolment(trainee=enrolment.trainee, course_key=enrolment.course_key)
        if existing is None:
            raise
        return existing


def check_can_withdraw(enrolment: Enrolment) -> None:
    """The check step of ``withdraw``: only a round in progress can be left."""
    if enrolment.is_completed:
        raise RoundCompleted()
    if enrolment.is_withdrawn:
        raise AlreadyWithdrawn()


@transaction.atomic
def withdraw(enrolment: Enrolment, *, by) -> Enrolment:
    """The trainee leaves their round of a course: it is no longer in progress (the dashboard,
    the cohort and the records show it withdrawn); nothing of it is deleted, and enrolling again
    takes the same round up where it stopped.

    Preconditions: ``by`` is the round's trainee (else NotEnrolled); the round is in progress
    (else RoundCompleted or AlreadyWithdrawn, nothing changed).
    """
    enrolment = Enrolment.objects.select_for_update().get(pk=enrolment.pk)
    if enrolment.trainee_id != by.pk:
        raise NotEnrolled()
    check_can_withdraw(enrolment)
    enrolment.status = Enrolment.Status.WITHDRAWN
    enrolment.save(update_fields=["status"])
    audit.record(
        actor=by,
        action="enrolment.withdrawn",
        obj=enrolment,
        data={
            "course_key": enrolment.course_key,
            "round": enrolment.round,
            "cohort": enrolment.cohort_id,
            "progress_percent": enrolment.progress_percent,
        },
    )
    return enrolment


def record_visit(*, enrolment: Enrolment, lesson: LessonPage) -> None:
    """Remember the lesson a trainee opened last, for "continue where I left off"."""
    now = timezone.now()
    recent = enrolment.last_activity_at and (now - enrolment.last_activity_at).total_seconds() < 300
    if enrolment.last_lesson_id == lesson.pk and recent:
        return
    enrolment.last_lesson = lesson
    enrolment.last_activity_at = now
    Enrolment.objects.filter(pk=enrolment.pk).update(last_lesson=lesson, last_activity_at=now)


@transaction.atomic
def complete_lesson(*, enrolment: Enrolment, lesson: LessonPage) -> bool:
    """Mark a lesson complete; idempotent. Returns True when this completed the course.

    Precondition: the lesson belongs to the enrolment's course (any translation).
    """
    enrolment = Enrolment.objects.select_for_update().get(pk=enrolment.pk)
    LessonCompletion.objects.get_or_create(
        enrolment=enrolment, lesson_key=lesson.translation_key, defaults={"lesson": lesson}
    )
    enrolment.last_lesson = lesson
    enrolment.last_activity_at = timezone.now()
    return _record_progress(enrolment, extra_fields=["last_lesson", "last_activity_at"])


@transaction.atomic
def update_progress(*, enrolment: Enrolment) -> bool:
    """Recompute the progress of a round and record its completion when the rules are met.

    A completion, once recorded, stays. Returns True when this call completed the course.
    """
    return _record_progress(Enrolment.objects.select_for_update().get(pk=enrolment.pk))


def _record_progress(enrolment: Enrolment, extra_fields=(), lessons=None) -> bool:
    # The caller holds the enrolment's row lock. ``lessons``: the course's items, when known.
    course = enrolment.course
    fields = list(extra_fields)
    just_completed = False
    if course is not None:
        status = selectors.progress_of(enrolment=enrolment, course=course, lessons=lessons)
        if enrolment.progress_percent != status.percent and not enrolment.is_completed:
            enrolment.progress_percent = status.percent
            fields.append("progress_percent")
        if status.rules_met and enrolment.status == Enrolment.Status.ACTIVE:
            enrolment.status = Enrolment.Status.COMPLETED
            enrolment.completed_at = timezone.now()
            enrolment.progress_percent = 100
            enrolment.score = item_kinds.score(enrolment=enrolment, course=course)
            fields += ["status", "completed_at", "progress_percent", "score"]
            just_completed = True
    if fields:
        enrolment.save(update_fields=sorted(set(fields)))
    if just_completed:
        from courses.signals import course_completed

        transaction.on_commit(lambda: course_completed.send(sender=Enrolment, enrolment=enrolment))
    return just_completed


@transaction.atomic
def create_cohort(*, name: str, course: CoursePage, facilitator, starts_on, ends_on, place: str = "") -> Cohort:
    """Create a cohort for a workshop or an online group."""
    return Cohort.objects.create(
        name=name, course=course, facilitator=facilitator, starts_on=starts_on, ends_on=ends_on, place=place
    )


def add_to_cohort(*, cohort: Cohort, trainee) -> Enrolment:
    """Enrol a trainee in the cohort's course as part of the cohort."""
    return enrol(trainee=trainee, course=cohort.course, cohort=cohort)


class InvitationAnswered(LearningError):
    def __init__(self):
        super().__init__(_("This invitation was already answered."))


class AlreadyInAnotherCohort(LearningError):
    def __init__(self):
        super().__init__(
            _(
                "You are already in another cohort for this course. Nothing was changed: you can accept "
                "this invitation once your round in that cohort is finished."
            )
        )


class CannotJoinCohorts(LearningError):
    def __init__(self):
        super().__init__(_("Administrators and ministry officers cannot join a cohort as trainees."))


class CohortCourseUnavailable(LearningError):
    def __init__(self):
        super().__init__(_("The course of this cohort is no longer available."))


class InvitationFileTooLarge(LearningError):
    def __init__(self, declared_bytes: int):
        super().__init__(
            gettext("The file is too large (%(size)s MB). The limit is %(limit)s MB.")
            % {
                "size": round(declared_bytes / 1024 / 1024, 1),
                "limit": round(settings.PASSAGE_INVITE_MAX_BYTES / 1024 / 1024, 1),
            }
        )


class InvitationFileUnreadable(LearningError):
    """The upload is not a text file the parser can read (the message says why)."""


class InvitationPreviewExpired(LearningError):
    def __init__(self):
        super().__init__(gettext("The preview has expired or was changed. Upload the file again."))


@dataclass
class InvitationPreview:
    """A checked file of invitees: the result, line by line, and (when it has no errors) the signed
    text the confirmation sends back, so nothing is saved between the two steps."""

    result: invitations.ParseResult
    payload: str = ""


def check_invitation_upload(*, declared_bytes: int) -> None:
    """Refuse a file announced larger than the limit (InvitationFileTooLarge), before its body is read."""
    if declared_bytes > settings.PASSAGE_INVITE_MAX_BYTES + 64 * 1024:
        raise InvitationFileTooLarge(declared_bytes)


def _parse_invitees(text: str) -> invitations.ParseResult:
    return invitations.parse(text, invitation_lookups(), max_rows=settings.PASSAGE_INVITE_MAX_ROWS)


def preview_cohort_invitations(*, data: bytes) -> InvitationPreview:
    """The first step of inviting from a CSV: read and check every line; nothing is saved.

    Raises InvitationFileUnreadable when the bytes are not a readable text file.
    """
    try:
        text = invitations.decode(data)
    except ValueError as error:
        raise InvitationFileUnreadable(str(error)) from None
    result = _parse_invitees(text)
    payload = signing.dumps(text, salt=INVITE_SIGNING_SALT, compress=True) if result.ok else ""
    return InvitationPreview(result=result, payload=payload)


def confirm_cohort_invitations(*, cohort: Cohort, payload: str, invited_by) -> InvitationPreview:
    """The second step: invite the people of the previewed file, checked again (all or nothing).

    Precondition: ``payload`` is the preview's, signed and under an hour old (else
    InvitationPreviewExpired). A file that no longer passes the checks (an organisation deleted
    meanwhile) invites nobody: the result carries its errors. Returns the checked file.
    """
    try:
        text = signing.loads(payload, salt=INVITE_SIGNING_SALT, max_age=INVITE_PREVIEW_MAX_AGE)
    except signing.BadSignature:
        raise InvitationPreviewExpired() from None
    result = _parse_invitees(text)
    if result.ok:
        invite_to_cohort(cohort=cohort, rows=result.rows, invited_by=invited_by)
    return InvitationPreview(result=result)


@transaction.atomic
def invite_to_cohort(*, cohort: Cohort, rows: list[InviteeRow], invited_by) -> list[CohortInvitation]:
    """Invite the people of a checked CSV to a cohort; each of them joins only by accepting.

    Precondition: the rows passed ``lms.invitations.parse`` without errors. All or nothing.
    A new address gets an account and its one-time link (following it accepts); a known one gets
    a pending invitation on its dashboard and an email. Nothing of a known account moves, and what
    the trainer sees afterwards does not depend on whether an address was known.
    """
    User = get_user_model()
    created, accounts = [], 0
    for row in rows:
        user = User.objects.filter(email__iexact=row.email).first()
        known = user is not None
        if not known:
            user = account_services.create_invited_account(row=row, cohort=cohort, invited_by=invited_by).user
            accounts += 1
        if _already_invited_or_in(cohort, user):
            continue
        try:
            with transaction.atomic():
                invitation = CohortInvitation.objects.create(
                    cohort=cohort, invitee=user, name=row.name, email=row.email, invited_by=invited_by
                )
        except IntegrityError:
            continue  # a parallel confirmation of the same file invited them first
        if known:
            # A new account's one-time link already names the cohort: one email is enough.
            _send_cohort_invitation(invitation)
        created.append(invitation)
    audit.record(
        actor=invited_by,
        action="cohort.invite",
        obj=cohort,
        data={"rows": len(rows), "accounts_created": accounts, "invitations": len(created)},
    )
    return created


def _already_invited_or_in(cohort: Cohort, user) -> bool:
    return (
        CohortInvitation.objects.filter(cohort=cohort, invitee=user, status=CohortInvitation.Status.PENDING).exists()
        or Enrolment.objects.filter(cohort=cohort, trainee=user).exclude(status=Enrolment.Status.WITHDRAWN).exists()
    )


def _send_cohort_invitation(invitation: CohortInvitation) -> None:
    """Queue the email, in the invitee's language, that sends them to their dashboard to answer."""
    user = invitation.invitee
    # Administrators and ministry officers cannot accept: no email; the trainer's view stays the same.
    if not user.email or not can_join_cohorts(user):
        return
    def compose():
        context = {"user": user, "cohort": invitation.cohort, "url": f"{settings.PUBLIC_BASE_URL}{reverse('dashboard')}"}
        return gettext("You are invited to join a cohort on Passage"), render_to_string("courses/email/cohort_invitation.txt", context)

    notify(user, compose)


@transaction.atomic
def resend_cohort_invitation(*, invitation: CohortInvitation, by) -> CohortInvitation:
    """Send a pending invitation again: the one-time link if the account was never opened, else the email."""
    invitation = CohortInvitation.objects.select_for_update(of=("self",)).select_related("cohort", "invitee").get(pk=invitation.pk)
    if invitation.status != CohortInvitation.Status.PENDING:
        raise InvitationAnswered()
    account_invitation = Invitation.objects.filter(user_id=invitation.invitee_id, accepted_at__isnull=True).first()
    if account_invitation is not None:
        account_services.resend_invitation(invitation=account_invitation, by=by)
    else:
        _send_cohort_invitation(invitation)
    invitation.sent_at = timezone.now()
    invitation.send_count += 1
    invitation.save(update_fields=["sent_at", "send_count"])
    audit.record(actor=by, action="cohort.invitation.resend", obj=invitation, data={"email": invitation.email})
    return invitation


@transaction.atomic
def accept_cohort_invitation(*, invitation: CohortInvitation, trainee) -> Enrolment | None:
    """Join the invitation's cohort; accepting twice is harmless.

    Precondition: the invitation is the trainee's. A round in another cohort is never moved
    (AlreadyInAnotherCohort, the invitation stays pending). An open round outside any cohort joins:
    its earlier results then show to the cohort's trainer, which the trainee was told before
    accepting. A completed round never joins: a new round starts in the cohort.
    """
    invitation = (
        CohortInvitation.objects.select_for_update(of=("self",)).select_related("cohort__course").get(pk=invitation.pk, invitee=trainee)
    )
    cohort = invitation.cohort
    if invitation.status == CohortInvitation.Status.ACCEPTED:
        return Enrolment.objects.filter(trainee=trainee, cohort=cohort).order_by("-round").first()
    if invitation.status == CohortInvitation.Status.DECLINED:
        raise InvitationAnswered()
    if not can_join_cohorts(trainee):
        raise CannotJoinCohorts()
    course = cohort.course
    if course is None or not course.live:
        raise CohortCourseUnavailable()
    enrolment = _join_cohort(trainee=trainee, cohort=cohort, course=course)
    invitation.status = CohortInvitation.Status.ACCEPTED
    invitation.answered_at = timezone.now()
    invitation.save(update_fields=["status", "answered_at"])
    audit.record(
        actor=trainee,
        action="cohort.invitation.accept",
        obj=invitation,
        data={"cohort": cohort.pk, "enrolment": enrolment.pk, "round": enrolment.round},
    )
    return enrolment


def _join_cohort(*, trainee, cohort: Cohort, course: CoursePage) -> Enrolment:
    # The caller holds the invitation's row lock and runs in a transaction.
    course_key = course.translation_key
    open_round = (
        Enrolment.objects.select_for_update()
        .filter(trainee=trainee, course_key=course_key, status=Enrolment.Status.ACTIVE)
        .first()
    )
    if open_round is None:
        try:
            open_round = enrol(trainee=trainee, course=course, cohort=cohort, new_round=True)
        except AlreadyEnrolledInCohort:
            raise AlreadyInAnotherCohort() from None
    if open_round.cohort_id == cohort.pk:
        return open_round
    if open_round.cohort_id is not None:
        raise AlreadyInAnotherCohort()
    # Conditional: a parallel acceptance of another cohort's invitation is never overwritten.
    if not Enrolment.objects.filter(pk=open_round.pk, cohort__isnull=True).update(cohort=cohort):
        raise AlreadyInAnotherCohort()
    open_round.cohort = cohort
    return open_round


@transaction.atomic
def decline_cohort_invitation(*, invitation: CohortInvitation, trainee) -> CohortInvitation:
    """Say no: nothing of the trainee changes; the trainer sees only "declined". Declining twice is harmless.

    Precondition: the invitation is the trainee's.
    """
    invitation = CohortInvitation.objects.select_for_update().get(pk=invitation.pk, invitee=trainee)
    if invitation.status == CohortInvitation.Status.DECLINED:
        return invitation
    if invitation.status == CohortInvitation.Status.ACCEPTED:
        raise InvitationAnswered()
    invitation.status = CohortInvitation.Status.DECLINED
    invitation.answered_at = timezone.now()
    invitation.save(update_fields=["status", "answered_at"])
    audit.record(actor=trainee, action="cohort.invitation.decline", obj=invitation, data={"cohort": invitation.cohort_id})
    return invitation


def accept_on_activation(sender, *, user, invitation, **kwargs) -> None:
    """A new account was opened through a cohort's one-time link: that link was the invitation, so it joins."""
    if invitation.cohort_id is None:
        return
    pending = CohortInvitation.objects.filter(
        cohort_id=invitation.cohort_id, invitee=user, status=CohortInvitation.Status.PENDING
    ).first()
    if pending is None:
        return  # invited before cohort invitations existed (already enrolled), or answered already
    try:
        with transaction.atomic():
            accept_cohort_invitation(invitation=pending, trainee=user)
    except LearningError:
        # E.g. the course was unpublished meanwhile: the account opens anyway and the invitation
        # waits on the dashboard, where accepting gives the reason.
        pass


def record_cohort_progress_export(*, user, cohort: Cohort, rows: int, sha256: str, options: dict) -> None:
    """Write a download of a cohort's progress grid (names and grades) to the audit log."""
    audit.record(
        actor=user,
        action="cohort.progress_exported",
        obj=cohort,
        data={"format": "csv", "rows": rows, "sha256": sha256, "options": options},
    )


# --- Progress follows the content --------------------------------------------------------------------


def progress_sync_limit() -> int:
    """Open rounds refreshed in the request that publishes; a larger course goes to a task."""
    return int(getattr(settings, "PASSAGE_PROGRESS_SYNC_LIMIT", 200))


def refresh_course_progress(*, course_key) -> int:
    """Bring every open round of a course up to its published lessons and quizzes; returns how
    many rounds changed. Each round is locked and saved in its own transaction; a recorded
    completion never goes back (``_record_progress`` leaves completed rounds as they are)."""
    changed = 0
    items: dict = {}  # each translation's outline, read once
    open_rounds = Enrolment.objects.filter(course_key=course_key, status=Enrolment.Status.ACTIVE)
    for pk in open_rounds.order_by("pk").values_list("pk", flat=True).iterator():
        with transaction.atomic():
            enrolment = Enrolment.objects.select_for_update(of=("self",)).select_related("course").filter(pk=pk).first()
            if enrolment is None or enrolment.status != Enrolment.Status.ACTIVE:
                continue  # completed or withdrawn meanwhile
            before = (enrolment.progress_percent, enrolment.status)
            if enrolment.course is not None and enrolment.course_id not in items:
                items[enrolment.course_id] = selectors.course_items(enrolment.course)
            _record_progress(enrolment, lessons=items.get(enrolment.course_id))
            changed += (enrolment.progress_percent, enrolment.status) != before
    return changed


def course_of_content(page) -> CoursePage | None:
    """The course a module, lesson or quiz page sits in (by path: no import of the quiz app)."""
    steplen = page.steplen
    paths = [page.path[: -steplen * levels] for levels in (1, 2) if len(page.path) > steplen * levels]
    return CoursePage.objects.filter(path__in=paths).first() if paths else None


def progress_follows_content(sender, instance, **kwargs) -> None:
    """Receiver of Wagtail's page_published and page_unpublished: when a course's modules,
    lessons or quizzes change, its open rounds are brought up to date, so the dashboard, the
    course page, the cohort page and the records show the same percentage. A small course is
    refreshed at once; a large one in a background task, queued when the publication commits."""
    course = course_of_content(instance)
    if course is None:
        return
    course_key = course.translation_key
    open_rounds = Enrolment.objects.filter(course_key=course_key, status=Enrolment.Status.ACTIVE)
    if open_rounds.count() <= progress_sync_limit():
        refresh_course_progress(course_key=course_key)
        return
    from courses.tasks import refresh_course_progress_task

    transaction.on_commit(lambda: refresh_course_progress_task.enqueue(course_key=str(course_key)))
