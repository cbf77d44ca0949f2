"""Read queries for workshops: which a user runs, who takes part, sessions, marks and hours."""

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, Q, QuerySet, Sum

from courses.models import CohortInvitation, Enrolment
from lms import roles
from workshops.models import AttendanceMark, Workshop, WorkshopSession


def workshops_run_by(user) -> QuerySet:
    """Workshops a user runs: the cohort's trainer or a listed facilitator; all of them for an administrator."""
    workshops = Workshop.objects.select_related("cohort", "cohort__course", "cohort__facilitator")
    if roles.is_administrator(user):
        return workshops
    if not roles.has_role(user, roles.TRAINER):
        return workshops.none()
    # A subquery, not a join: a facilitator listed twice never duplicates a row.
    mine = Workshop.objects.filter(Q(cohort__facilitator=user) | Q(facilitators=user)).values("pk")
    return workshops.filter(pk__in=mine)


@dataclass
class Participant:
    """A person on the workshop's list: a cohort member, or someone invited who has not answered.

    For an invitee the trainer sees only what they typed (the cohort invitation's rule).
    """

    trainee_id: int
    name: str
    email: str
    organisation: str
    invited: bool


def participants(workshop: Workshop) -> list[Participant]:
    """Everyone who may be marked at the workshop's sessions, in alphabetical order (2 queries)."""
    cohort_id = workshop.cohort_id
    enrolments = (
        Enrolment.objects.filter(cohort_id=cohort_id)
        .exclude(status=Enrolment.Status.WITHDRAWN)
        .select_related("trainee", "organisation")
        .order_by("trainee_id", "-round")
    )
    people: dict[int, Participant] = {}
    for enrolment in enrolments:
        trainee = enrolment.trainee
        people.setdefault(
            trainee.pk,
            Participant(
                trainee_id=trainee.pk,
                name=trainee.get_full_name() or trainee.email,
                email=trainee.email,
                organisation=str(enrolment.organisation or ""),
                invited=False,
            ),
        )
    invitations = CohortInvitation.objects.filter(cohort_id=cohort_id, status=CohortInvitation.Status.PENDING).only(
        "invitee_id", "name", "email"
    )
    for invitation in invitations:
        people.setdefault(
            invitation.invitee_id,
            Participant(trainee_id=invitation.invitee_id, name=invitation.name, email=invitation.email, organisation="", invited=True),
        )
    return sorted(people.values(), key=lambda p: (p.name.casefold(), p.email))


def is_participant(workshop: Workshop, trainee_id) -> bool:
    """True for a cohort member (not withdrawn) or a pending invitee of the workshop's cohort."""
    return (
        Enrolment.objects.filter(cohort_id=workshop.cohort_id, trainee_id=trainee_id)
        .exclude(status=Enrolment.Status.WITHDRAWN)
        .exists()
        or CohortInvitation.objects.filter(
            cohort_id=workshop.cohort_id, invitee_id=trainee_id, status=CohortInvitation.Status.PENDING
        ).exists()
    )


def is_cohort_member(workshop: Workshop, user) -> bool:
    """A trainee of the cohort who accepted (the QR check-in asks this, not a pending invitation)."""
    return (
        user.is_authenticated
        and Enrolment.objects.filter(cohort_id=workshop.cohort_id, trainee_id=user.pk)
        .exclude(status=Enrolment.Status.WITHDRAWN)
        .exists()
    )


def sessions_of(workshop: Workshop) -> QuerySet:
    """The workshop's sessions in order, each with ``present_count`` and ``mark_count`` (absent marks too)."""
    return workshop.sessions.annotate(present_count=Count("marks", filter=Q(marks__present=True)), mark_count=Count("marks"))


def marks_of(session: WorkshopSession) -> dict[int, AttendanceMark]:
    """The session's marks by trainee id."""
    return {mark.trainee_id: mark for mark in AttendanceMark.objects.filter(session=session)}


@dataclass(frozen=True)
class Hours:
    face_to_face: Decimal
    online: Decimal

    @property
    def total(self) -> Decimal:
        return self.face_to_face + self.online


def hours_of(workshop: Workshop) -> Hours:
    """Face-to-face hours (the sessions' durations) and online hours (the linked courses' estimated hours)."""
    minutes = workshop.sessions.aggregate(total=Sum("duration_minutes"))["total"] or 0
    online = workshop.courses.aggregate(total=Sum("estimated_hours"))["total"] or Decimal(0)
    face_to_face = (Decimal(minutes) / 60).quantize(Decimal("0.1"))
    return Hours(face_to_face=face_to_face, online=Decimal(online))


@dataclass
class GridRow:
    participant: Participant
    marks: list  # one AttendanceMark or None per session, in the sessions' order


@dataclass
class AttendanceGrid:
    sessions: list
    rows: list[GridRow]


def attendance_grid(workshop: Workshop) -> AttendanceGrid:
    """Everyone on the workshop's list against its sessions, with each mark (4 queries)."""
    sessions = list(workshop.sessions.all())
    people = participants(workshop)
    marks = {
        (mark.session_id, mark.trainee_id): mark
        for mark in AttendanceMark.objects.filter(session__workshop=workshop).only("session_id", "trainee_id", "present", "source")
    }
    rows = [GridRow(participant=person, marks=[marks.get((s.pk, person.trainee_id)) for s in sessions]) for person in people]
    return AttendanceGrid(sessions=sessions, rows=rows)
