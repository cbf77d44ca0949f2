"""Workshop actions: set up a workshop and its sessions, mark attendance (facilitator, QR, CSV, walk-in).

Every mark goes through ``mark_attendance``: it checks the person belongs to the workshop, makes a
replayed device mark a no-op, writes the audit log, and lets the round complete if attendance was
all it was waiting for.
"""

import uuid
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from functools import partial

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from courses import services as course_services
from courses.models import Cohort, Enrolment
from lms import audit
from lms.formatting import format_date
from lms.invitations import InviteeRow
from lms.notify import notify
from lms.spreadsheets import decode_upload
from workshops import attendance_csv, conf, selectors, surveys
from workshops.models import (
    AttendanceMark,
    AttendanceReceipt,
    FollowUpEmail,
    SurveyAnswer,
    SurveyItem,
    SurveyResponse,
    Workshop,
    WorkshopSession,
)

IMPORT_SIGNING_SALT = "passage.attendance-import"
IMPORT_PREVIEW_MAX_AGE = 3600  # seconds between the preview and the confirmation


class WorkshopError(Exception):
    """A workshop action that cannot be done; the message is shown to the user."""


class NotAParticipant(WorkshopError):
    def __init__(self):
        super().__init__(_("This person is not in the workshop's cohort."))


class NotACohortMember(WorkshopError):
    def __init__(self):
        super().__init__(
            _("You are not a member of this workshop's cohort, so you cannot check in here. If you were invited, accept the invitation on your dashboard first.")
        )


class CheckInClosed(WorkshopError):
    def __init__(self, opens: datetime, closes: datetime):
        self.opens, self.closes = opens, closes
        # Local times at the workshop, as on the programme the trainee holds.
        local = {"opens": format_date(opens.replace(tzinfo=None), style="short_datetime"), "closes": format_date(closes.replace(tzinfo=None), style="short_datetime")}
        super().__init__(
            gettext("Check-in for this session is closed: it is open from %(opens)s to %(closes)s (local time). Nothing was recorded.")
            % local
        )


class SessionHasMarks(WorkshopError):
    def __init__(self):
        super().__init__(
            _("This session has attendance marks, so it cannot be deleted: the marks are part of the trainees' records. Nothing was changed.")
        )


class ImportFileProblem(WorkshopError):
    """The upload is too large or not a readable text file (the message says which)."""


class ImportPreviewExpired(WorkshopError):
    def __init__(self):
        super().__init__(_("The preview has expired or was changed. Upload the file again."))


# --- Setting up -------------------------------------------------------------------------------------

WORKSHOP_FIELDS = (
    "title", "starts_on", "ends_on", "venue", "country", "region", "language", "time_zone", "attendance_required_percent",
    "pre_test", "post_test", "post_test_required", "follow_up_months",
)
SESSION_FIELDS = ("date", "start_time", "duration_minutes", "place", "topic")


@transaction.atomic
def create_workshop(*, cohort: Cohort, by, data: dict) -> Workshop:
    """Give a cohort its workshop; ``data`` holds the fields and the facilitators and courses lists.

    Without linked courses, the cohort's own course is linked.
    """
    workshop = Workshop.objects.create(cohort=cohort, **{name: data[name] for name in WORKSHOP_FIELDS if name in data})
    workshop.facilitators.set(data.get("facilitators") or [])
    courses = data.get("courses") or ([cohort.course] if cohort.course else [])
    workshop.courses.set(courses)
    audit.record(actor=by, action="workshop.created", obj=workshop, data={"cohort": cohort.pk, "title": workshop.title})
    return workshop


@transaction.atomic
def update_workshop(*, workshop: Workshop, by, data: dict) -> Workshop:
    """Change a workshop's details, facilitators and linked courses."""
    fields = [name for name in WORKSHOP_FIELDS if name in data]
    for name in fields:
        setattr(workshop, name, data[name])
    workshop.save(update_fields=fields)
    if "facilitators" in data:
        workshop.facilitators.set(data["facilitators"])
    if "courses" in data:
        workshop.courses.set(data["courses"])
    audit.record(actor=by, action="workshop.updated", obj=workshop, data={"fields": fields})
    return workshop


@transaction.atomic
def save_session(*, workshop: Workshop, by, data: dict, session: WorkshopSession | None = None) -> WorkshopSession:
    """Add a session to a workshop, or change one of its sessions."""
    if session is None:
        session = WorkshopSession(workshop=workshop)
    for name in SESSION_FIELDS:
        if name in data:
            setattr(session, name, data[name])
    created = session.pk is None
    session.save()
    audit.record(
        actor=by, action="workshop.session.created" if created else "workshop.session.updated", obj=session,
        data={"workshop": workshop.pk, "date": session.date, "start_time": session.start_time, "topic": session.topic},
    )
    return session


@transaction.atomic
def delete_session(*, session: WorkshopSession, by) -> None:
    """Delete a session that nobody has been marked at (SessionHasMarks otherwise, and nothing changes).

    Fewer sessions can be enough attendance for a round that was waiting on it: it completes.
    """
    # The row lock makes a mark made meanwhile either land first (and refuse this) or wait and fail.
    locked = WorkshopSession.objects.select_for_update().filter(pk=session.pk).first()
    if locked is None:
        return
    if AttendanceMark.objects.filter(session=locked).exists():
        raise SessionHasMarks()
    workshop = session.workshop
    details = {"workshop": workshop.pk, "session": locked.pk, "date": locked.date, "start_time": locked.start_time, "topic": locked.topic}
    locked.delete()
    audit.record(actor=by, action="workshop.session.deleted", obj=workshop, data=details)
    waiting = Enrolment.objects.filter(cohort_id=workshop.cohort_id, status=Enrolment.Status.ACTIVE, progress_percent=100)
    for enrolment in waiting:
        course_services.update_progress(enrolment=enrolment)


def record_attendance_export(*, workshop: Workshop, by, file_format: str, sha256: str, rows: int, sessions: int) -> None:
    """The attendance grid left the platform (names and emails): who, which bytes, as records downloads."""
    audit.record(
        actor=by, action="workshop.attendance.exported", obj=workshop,
        data={"format": file_format, "rows": rows, "sessions": sessions, "sha256": sha256},
    )


# --- Marking ------------------------------------------------------------------------------------------

APPLIED, UNCHANGED, REPLAYED = "applied", "unchanged", "replayed"


@dataclass(frozen=True)
class MarkResult:
    status: str  # APPLIED (the mark changed), UNCHANGED (it said so already), REPLAYED (this device mark was received before)
    mark: AttendanceMark


def mark_attendance(
    *, session: WorkshopSession, trainee_id: int, present: bool, source: str, by, client_mark_id: uuid.UUID | None = None
) -> MarkResult:
    """Record whether a person attended a session; idempotent by the device's ``client_mark_id``.

    Precondition: the person is a member (or pending invitee) of the workshop's cohort, else
    NotAParticipant and nothing changes. A replayed device mark changes nothing, even after a
    newer mark. A change is audited; a mark that makes attendance enough lets the round complete.
    """
    if not selectors.is_participant(session.workshop, trainee_id):
        raise NotAParticipant()
    try:
        with transaction.atomic():
            return _mark(session, trainee_id, present, source, by, client_mark_id)
    except IntegrityError:
        # A parallel request with the same device id, or the first mark of this person made
        # twice at once: the row or the receipt now exists; do it again against it.
        with transaction.atomic():
            return _mark(session, trainee_id, present, source, by, client_mark_id)


def _mark(session, trainee_id, present, source, by, client_mark_id) -> MarkResult:
    if client_mark_id is not None:
        receipt = AttendanceReceipt.objects.select_related("mark").filter(client_mark_id=client_mark_id).first()
        if receipt is not None:
            return MarkResult(REPLAYED, receipt.mark)
    mark = AttendanceMark.objects.select_for_update().filter(session=session, trainee_id=trainee_id).first()
    now = timezone.now()
    if mark is not None and mark.present == present:
        status = UNCHANGED
    else:
        status = APPLIED
        if mark is None:
            mark = AttendanceMark(session=session, trainee_id=trainee_id)
        mark.present, mark.source, mark.made_by, mark.made_at, mark.client_mark_id = present, source, by, now, client_mark_id
        mark.save()
    if client_mark_id is not None:
        AttendanceReceipt.objects.create(client_mark_id=client_mark_id, mark=mark, present=present, received_at=now)
    audit.record(
        actor=by,
        action="workshop.attendance.mark",
        obj=mark,
        data={
            "session": session.pk, "trainee": trainee_id, "present": present, "source": source,
            "client_mark_id": str(client_mark_id) if client_mark_id else None, "changed": status == APPLIED,
        },
    )
    if status == APPLIED and present:
        _let_round_complete(session.workshop, trainee_id)
    return MarkResult(status, mark)


def _let_round_complete(workshop: Workshop, trainee_id: int) -> None:
    # Only a round with everything else done (100 %, still open) waits on attendance.
    waiting = Enrolment.objects.filter(
        cohort_id=workshop.cohort_id, trainee_id=trainee_id, status=Enrolment.Status.ACTIVE, progress_percent=100
    ).first()
    if waiting is not None:
        course_services.update_progress(enrolment=waiting)


# --- QR check-in ----------------------------------------------------------------------------------------


def checkin_window(session: WorkshopSession) -> tuple[datetime, datetime]:
    """When the session's QR check-in opens and closes (aware datetimes)."""
    return (
        session.starts_at - timedelta(minutes=conf.checkin_opens_before_minutes()),
        session.ends_at + timedelta(minutes=conf.checkin_closes_after_minutes()),
    )


def check_can_check_in(*, session: WorkshopSession, user, now: datetime | None = None) -> None:
    """The check step of ``check_in``: a cohort member, while the window is open."""
    if not selectors.is_cohort_member(session.workshop, user):
        raise NotACohortMember()
    opens, closes = checkin_window(session)
    if not opens <= (now or timezone.now()) <= closes:
        raise CheckInClosed(opens, closes)


def check_in(*, session: WorkshopSession, user, now: datetime | None = None) -> MarkResult:
    """A cohort member scanned the session's QR code: marked present (source QR).

    Preconditions: see ``check_can_check_in`` (NotACohortMember, CheckInClosed; nothing changes).
    """
    check_can_check_in(session=session, user=user, now=now)
    return mark_attendance(session=session, trainee_id=user.pk, present=True, source=AttendanceMark.Source.QR, by=user)


# --- Walk-ins ---------------------------------------------------------------------------------------------


def add_walk_in(*, session: WorkshopSession, name: str, email: str, by) -> MarkResult:
    """Someone not on the list came: invite them to the cohort and mark them present (walk-in).

    The cohort's consent rule holds: a new address gets an account and its one-time link, a known
    one a pending invitation to accept; nothing of a known account changes. Someone already in
    the cohort is simply marked present.
    """
    workshop = session.workshop
    with transaction.atomic():
        course_services.invite_to_cohort(
            cohort=workshop.cohort, rows=[InviteeRow(line=1, name=name.strip(), email=email.strip())], invited_by=by
        )
        trainee = get_user_model().objects.get(email__iexact=email.strip())
        return mark_attendance(
            session=session, trainee_id=trainee.pk, present=True, source=AttendanceMark.Source.WALK_IN, by=by
        )


# --- CSV import -------------------------------------------------------------------------------------------


@dataclass
class ImportPreview:
    """A checked attendance file, line by line, and (when clean) the signed text the confirmation sends back."""

    result: attendance_csv.ImportResult
    payload: str = ""
    applied: dict = field(default_factory=dict)


def check_import_upload(*, declared_bytes: int) -> None:
    """Refuse a file announced larger than the limit, before its body is read."""
    limit = conf.attendance_csv_max_bytes()
    if declared_bytes > limit + 64 * 1024:
        raise ImportFileProblem(
            gettext("The file is too large (%(size)s KB). The limit is %(limit)s KB.")
            % {"size": round(declared_bytes / 1024), "limit": round(limit / 1024)}
        )


def _check_file(workshop: Workshop, text: str) -> attendance_csv.ImportResult:
    people = {p.email.lower(): p.trainee_id for p in selectors.participants(workshop)}
    sessions = dict(workshop.sessions.values_list("pk", "date"))
    return attendance_csv.parse(text, people=people, sessions=sessions, max_rows=conf.attendance_csv_max_rows())


def preview_attendance_import(*, workshop: Workshop, data: bytes) -> ImportPreview:
    """Step one: read and check every line; nothing is saved. ImportFileProblem for a file too large or not text."""
    if len(data) > conf.attendance_csv_max_bytes():
        check_import_upload(declared_bytes=len(data) + 64 * 1024 + 1)
    try:
        text = decode_upload(data)
    except ValueError as error:
        raise ImportFileProblem(str(error)) from None
    result = _check_file(workshop, text)
    payload = signing.dumps({"workshop": workshop.pk, "text": text}, salt=IMPORT_SIGNING_SALT, compress=True) if result.ok else ""
    return ImportPreview(result=result, payload=payload)


def confirm_attendance_import(*, workshop: Workshop, payload: str, by) -> ImportPreview:
    """Step two: apply the previewed file, checked again; all lines or none.

    Precondition: ``payload`` is this workshop's preview, under an hour old (else ImportPreviewExpired).
    """
    try:
        signed = signing.loads(payload, salt=IMPORT_SIGNING_SALT, max_age=IMPORT_PREVIEW_MAX_AGE)
    except signing.BadSignature:
        raise ImportPreviewExpired() from None
    if signed.get("workshop") != workshop.pk:
        raise ImportPreviewExpired()
    result = _check_file(workshop, signed["text"])
    preview = ImportPreview(result=result)
    if not result.ok:
        return preview
    sessions = {session.pk: session for session in workshop.sessions.all()}
    counts = {APPLIED: 0, UNCHANGED: 0, REPLAYED: 0}
    with transaction.atomic():
        for row in result.rows:
            session = sessions[row.session_id]
            session.workshop = workshop
            outcome = mark_attendance(
                session=session, trainee_id=row.trainee_id, present=row.present, source=AttendanceMark.Source.CSV, by=by
            )
            counts[outcome.status] += 1
        audit.record(actor=by, action="workshop.attendance.import", obj=workshop, data={"rows": len(result.rows), **counts})
    preview.applied = counts
    return preview


def record_sheet_download(*, session: WorkshopSession, by, sha256: str, people: int) -> None:
    """A sign-in sheet holds names: its download is in the audit log."""
    audit.record(
        actor=by, action="workshop.sign_in_sheet", obj=session, data={"workshop": session.workshop_id, "people": people, "sha256": sha256}
    )


# --- Surveys --------------------------------------------------------------------------------------------


class SurveyClosed(WorkshopError):
    def __init__(self):
        super().__init__(_("This survey is not open: your answers were not saved."))


def ensure_survey_items(*, workshop: Workshop, survey: str) -> list[SurveyItem]:
    """The survey's statements, made from the default set the first time they are needed."""
    items = list(SurveyItem.objects.filter(workshop=workshop, survey=survey).order_by("position"))
    if items:
        return items
    for position, key in enumerate(surveys.DEFAULT_SETS[survey], start=1):
        SurveyItem.objects.get_or_create(workshop=workshop, survey=survey, position=position, defaults={"default_key": key})
    return list(SurveyItem.objects.filter(workshop=workshop, survey=survey).order_by("position"))


@transaction.atomic
def set_survey_items(*, workshop: Workshop, survey: str, texts: list[str], by) -> list[SurveyItem]:
    """Change the statements' words (blank: the default). Statements already answered keep their answers."""
    items = ensure_survey_items(workshop=workshop, survey=survey)
    for item, text in zip(items, texts, strict=False):
        if item.text != text.strip():
            item.text = text.strip()
            item.save(update_fields=["text"])
    audit.record(actor=by, action="workshop.survey.items_changed", obj=workshop, data={"survey": survey})
    return items


def survey_window(workshop: Workshop, survey: str) -> surveys.Window:
    last = workshop.sessions.order_by("-date", "-start_time").first()
    return surveys.window(
        survey=survey, ends_on=workshop.ends_on, last_start=last.starts_at if last else None, zone=workshop.zone,
        follow_up_months=workshop.follow_up_months,
    )


def check_can_answer(*, workshop: Workshop, survey: str, user, now: datetime | None = None) -> None:
    """A cohort member, while the survey is open; raises NotACohortMember or SurveyClosed."""
    if not selectors.is_cohort_member(workshop, user):
        raise NotACohortMember()
    if not survey_window(workshop, survey).is_open(now or timezone.now()):
        raise SurveyClosed()


@transaction.atomic
def save_survey_response(
    *, workshop: Workshop, survey: str, trainee, scores: dict[int, int], recommend: int | None, comment: str,
    now: datetime | None = None,
) -> SurveyResponse:
    """Record or change a trainee's answers: one response per trainee and survey, until it closes."""
    now = now or timezone.now()
    check_can_answer(workshop=workshop, survey=survey, user=trainee, now=now)
    items = {item.pk: item for item in ensure_survey_items(workshop=workshop, survey=survey)}
    response, created = SurveyResponse.objects.select_for_update().get_or_create(
        workshop=workshop, survey=survey, trainee=trainee,
        defaults={"recommend": recommend, "comment": comment, "submitted_at": now, "updated_at": now},
    )
    if not created:
        response.recommend, response.comment, response.updated_at = recommend, comment, now
        response.save(update_fields=["recommend", "comment", "updated_at"])
    for item_id, score in scores.items():
        if item_id in items and score is not None:
            SurveyAnswer.objects.update_or_create(response=response, item_id=item_id, defaults={"score": score})
    SurveyAnswer.objects.filter(response=response).exclude(item_id__in=[i for i, s in scores.items() if s is not None]).delete()
    return response


@dataclass
class FollowUpRun:
    sent: int = 0
    skipped: int = 0


def send_follow_up_surveys(*, now: datetime | None = None) -> FollowUpRun:
    """Email each cohort member the follow-up survey once it opens, in their language.

    Idempotent: a row per (workshop, trainee) is a database constraint, created with the email
    in one transaction, so a second run (or two runs at once) sends nothing twice.
    """
    now = now or timezone.now()
    run = FollowUpRun()
    # Workshops whose follow-up may be open: ended at least a month ago, not over a few years.
    candidates = Workshop.objects.filter(ends_on__lte=now.date() - timedelta(days=28), ends_on__gte=now.date() - timedelta(days=800))
    for workshop in candidates.select_related("cohort"):
        if not survey_window(workshop, surveys.FOLLOW_UP).is_open(now):
            continue
        already = set(FollowUpEmail.objects.filter(workshop=workshop).values_list("trainee_id", flat=True))
        members = (
            Enrolment.objects.filter(cohort_id=workshop.cohort_id).exclude(status=Enrolment.Status.WITHDRAWN)
            .exclude(trainee_id__in=already).select_related("trainee")
        )
        for trainee in {enrolment.trainee_id: enrolment.trainee for enrolment in members}.values():
            try:
                with transaction.atomic():
                    FollowUpEmail.objects.create(workshop=workshop, trainee=trainee, sent_at=now)
                    notify(trainee, partial(_follow_up_email, workshop, trainee))
            except IntegrityError:
                run.skipped += 1
                continue
            run.sent += 1
    return run


def _follow_up_email(workshop: Workshop, trainee) -> tuple[str, str]:
    url = settings.PUBLIC_BASE_URL + reverse("workshop_survey", args=[workshop.pk, surveys.FOLLOW_UP])
    window = survey_window(workshop, surveys.FOLLOW_UP)
    context = {
        "trainee": trainee, "workshop": workshop, "url": url,
        "closes": format_date(window.closes.date() - timedelta(days=1)),
    }
    subject = gettext("%(title)s: how have you used what you learned?") % {"title": workshop.title}
    return subject, render_to_string("workshops/email/follow_up.txt", context)


def record_report_download(*, workshops: list, by, file_format: str, sha256: str, exact: bool, participants: int) -> None:
    """A workshop report left the platform: who, which workshops, which bytes (as records downloads)."""
    audit.record(
        actor=by, action="workshop.report.exported", obj=workshops[0] if len(workshops) == 1 else None,
        data={
            "format": file_format, "workshops": [w.pk for w in workshops], "sha256": sha256, "exact_counts": exact,
            "participants": participants,
        },
    )
