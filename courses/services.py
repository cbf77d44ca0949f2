"""Learning actions: enrol, complete a lesson, record progress and completion, run cohorts."""

from decimal import Decimal

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from courses import selectors
from courses.models import Cohort, CoursePage, Enrolment, LessonCompletion, LessonPage


class LearningError(Exception):
    """A learning action that cannot be done; the message is shown to the user."""


class NotEnrolled(LearningError):
    def __init__(self):
        super().__init__(_("You are not enrolled in this course."))


class AlreadyEnrolledInCohort(LearningError):
    def __init__(self):
        super().__init__(_("This trainee already has an open round of the course in another cohort."))


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
    if previous is not None and not new_round:
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


def _record_progress(enrolment: Enrolment, extra_fields=()) -> bool:
    # The caller holds the enrolment's row lock.
    course = enrolment.course
    fields = list(extra_fields)
    just_completed = False
    if course is not None:
        status = selectors.progress_of(enrolment=enrolment, course=course)
        if enrolment.progress_percent != status.percent and not enrolment.is_completed:
            enrolment.progress_percent = status.percent
            fields.append("progress_percent")
        if status.rules_met and enrolment.status == Enrolment.Status.ACTIVE:
            enrolment.status = Enrolment.Status.COMPLETED
            enrolment.completed_at = timezone.now()
            enrolment.progress_percent = 100
            enrolment.score = _course_score(enrolment, course)
            fields += ["status", "completed_at", "progress_percent", "score"]
            just_completed = True
    if fields:
        enrolment.save(update_fields=sorted(set(fields)))
    if just_completed:
        from courses.signals import course_completed

        transaction.on_commit(lambda: course_completed.send(sender=Enrolment, enrolment=enrolment))
    return just_completed


def _course_score(enrolment: Enrolment, course) -> Decimal | None:
    """Weighted mean of the required quizzes' final grades (None for a course without quizzes)."""
    from assessments.selectors import course_score

    return course_score(enrolment=enrolment, course=course)


@transaction.atomic
def create_cohort(*, name: str, course: CoursePage, facilitator, starts_on, ends_on, place: str = "") -> Cohort:
    """Create a cohort for a workshop or an online group."""
    return Cohort.objects.create(
        name=name, course=course, facilitator=facilitator, starts_on=starts_on, ends_on=ends_on, place=place
    )


def add_to_cohort(*, cohort: Cohort, trainee) -> Enrolment:
    """Enrol a trainee in the cohort's course as part of the cohort."""
    return enrol(trainee=trainee, course=cohort.course, cohort=cohort)
