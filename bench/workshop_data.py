"""Synthetic workshops for the report benchmarks, inserted in bulk.

``add_workshops`` adds workshops on one shared course and quiz, each with its cohort, sessions,
participants (one round each), attendance marks, pre- and post-test attempts with their answers,
and both surveys' responses. Rows go in with ``bulk_create`` in a few statements per table, so
100 workshops with 5,000 participants take seconds on PostgreSQL. Generated people have
addresses under ``workshops.invalid``.
"""

import random
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal

from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.db import connection, transaction

from assessments.models import Answer, Attempt
from courses.models import Cohort, Enrolment
from lms import roles
from lms.models import Country, Organisation, Region, Sector, User
from tests.factories import add_quiz, build_course, single_choice, true_false
from workshops import surveys
from workshops.models import (
    AttendanceMark,
    SurveyAnswer,
    SurveyItem,
    SurveyResponse,
    Workshop,
    WorkshopSession,
)

QUESTIONS = 10
SESSIONS = 6  # three days, morning and afternoon
COUNTRIES = [("SN", "Senegal"), ("NE", "Niger"), ("CI", "Côte d'Ivoire"), ("ML", "Mali"), ("BF", "Burkina Faso")]
GENDERS = ["female", "male", "other", "undisclosed", ""]


@dataclass
class Site:
    """What every generated workshop shares: the course, its quiz, the trainer, places."""

    course: object
    quiz: object
    questions: list
    trainer: User
    countries: list
    organisations: list
    sectors: list
    rng: random.Random
    workshops: int = 0
    participants: int = 0
    rows: dict = field(default_factory=dict)


def prepare(*, seed: int = 17) -> Site:
    """The course with a ten-question quiz (pre- and post-test of every workshop), a trainer, places."""
    course = build_course("Bench workshop course", modules=1, lessons_per_module=1, slug="bench-workshop-course")
    questions = [
        single_choice(title=f"Indicator {n}") if n % 2 else true_false(title=f"Statement {n}") for n in range(1, QUESTIONS + 1)
    ]
    quiz = add_quiz(course, questions, title="Bench pre and post test")
    trainer = User.objects.create(email="bench-trainer@workshops.invalid", first_name="Bench", last_name="Trainer")
    trainer.groups.add(Group.objects.get_or_create(name=roles.TRAINER)[0])
    countries, organisations = [], []
    for code, name in COUNTRIES:
        country = Country.objects.get_or_create(code=code, defaults={"name": name})[0]
        region = Region.objects.get_or_create(country=country, name=f"{name} capital region")[0]
        countries.append(country)
        for n in range(1, 5):
            organisations.append(
                Organisation.objects.get_or_create(country=country, name=f"{name} service {n}", defaults={"region": region})[0]
            )
    sectors = [
        Sector.objects.get_or_create(slug=slug, defaults={"name": name})[0]
        for slug, name in (("border-police", "Border and immigration police"), ("judiciary", "Judiciary"), ("social-work", "Social work"))
    ]
    return Site(course=course, quiz=quiz, questions=questions, trainer=trainer, countries=countries,
                organisations=organisations, sectors=sectors, rng=random.Random(seed))


def add_workshops(site: Site, *, workshops: int, participants: int) -> None:
    """Add ``workshops`` past workshops with ``participants`` participants spread evenly among them."""
    rng = site.rng
    trainee_group = Group.objects.get_or_create(name=roles.TRAINEE)[0]
    password = make_password(None)
    now = datetime.now(UTC)
    with transaction.atomic():
        plans = []
        for n in range(site.workshops, site.workshops + workshops):
            starts_on = date(2025, 1, 6) + timedelta(days=7 * n)
            country = site.countries[n % len(site.countries)]
            plans.append((n, starts_on, country))
        cohorts = Cohort.objects.bulk_create([
            Cohort(name=f"Bench cohort {n + 1}", course=site.course, facilitator=site.trainer, starts_on=starts_on,
                   ends_on=starts_on + timedelta(days=2), place=country.name)
            for n, starts_on, country in plans
        ])
        created = Workshop.objects.bulk_create([
            Workshop(cohort=cohort, title=f"National workshop {n + 1}", starts_on=cohort.starts_on, ends_on=cohort.ends_on,
                     venue=f"Training centre, {country.name}", country=country, language="en", time_zone="UTC",
                     pre_test=site.quiz, post_test=site.quiz)
            for cohort, (n, _starts_on, country) in zip(cohorts, plans, strict=True)
        ])
        sessions = WorkshopSession.objects.bulk_create([
            WorkshopSession(workshop=w, date=w.starts_on + timedelta(days=s // 2), start_time=time(9) if s % 2 == 0 else time(14),
                            duration_minutes=180, topic=f"Session {s + 1}")
            for w in created for s in range(SESSIONS)
        ])
        items = SurveyItem.objects.bulk_create([
            SurveyItem(workshop=w, survey=survey, position=position, default_key=key)
            for w in created for survey, keys in surveys.DEFAULT_SETS.items() for position, key in enumerate(keys, start=1)
        ])
        sessions_of = {w.pk: [s for s in sessions if s.workshop_id == w.pk] for w in created}
        items_of = {(i.workshop_id, i.survey): [] for i in items}
        for item in items:
            items_of[item.workshop_id, item.survey].append(item)

        people = []  # (workshop, user)
        users = []
        for index in range(participants):
            w = created[index % len(created)]
            organisation = rng.choice([o for o in site.organisations if o.country_id == w.country_id])
            number = site.participants + index
            users.append(User(
                email=f"bench-{number}@workshops.invalid", password=password, first_name=rng.choice(["Awa", "Moussa", "Fatou", "Oumar"]),
                last_name=f"Participant{number}", organisation=organisation, sector=rng.choice(site.sectors),
                country=organisation.country, gender=rng.choice(GENDERS),
            ))
            people.append(w)
        users = User.objects.bulk_create(users, batch_size=2000)
        User.groups.through.objects.bulk_create([User.groups.through(user_id=u.pk, group_id=trainee_group.pk) for u in users], batch_size=5000)
        cohort_of = {w.pk: w.cohort for w in created}
        enrolments = Enrolment.objects.bulk_create([
            _round(rng, user, cohort_of[w.pk], site.course) for user, w in zip(users, people, strict=True)
        ], batch_size=2000)

        marks, attempts, answers_of, responses, scores_of = [], [], [], [], []
        for user, w, enrolment in zip(users, people, enrolments, strict=True):
            mine = sessions_of[w.pk]
            for session in mine:
                marks.append(AttendanceMark(session=session, trainee=user, present=rng.random() < 0.88,
                                            source=AttendanceMark.Source.FACILITATOR, made_by=site.trainer, made_at=now))
            ability = rng.uniform(0.25, 0.75)
            first = mine[0].starts_at
            last = mine[-1].ends_at
            for number, (when, skill, taken) in enumerate(
                ((first - timedelta(days=1), ability, 0.9), (last + timedelta(hours=2), min(0.98, ability + 0.25), 0.85)), start=1
            ):
                if rng.random() >= taken:
                    continue
                fractions = [1 if rng.random() < skill * (1.2 - 0.04 * q) else 0 for q in range(QUESTIONS)]
                grade = Decimal(100 * sum(fractions) / QUESTIONS).quantize(Decimal("0.01"))
                attempts.append(Attempt(
                    quiz=site.quiz, quiz_key=site.quiz.translation_key, trainee=user, enrolment=enrolment, number=number,
                    status=Attempt.Status.FINISHED, started_at=when - timedelta(minutes=20), submitted_at=when,
                    marks=Decimal(sum(fractions)), max_marks=Decimal(QUESTIONS), grade=grade,
                ))
                answers_of.append(fractions)
            for survey, share in ((surveys.SATISFACTION, 0.75), (surveys.FOLLOW_UP, 0.4)):
                if rng.random() < share:
                    responses.append(SurveyResponse(
                        workshop=w, survey=survey, trainee=user, recommend=rng.randint(5, 10) if survey == surveys.SATISFACTION else None,
                        comment=rng.choice(["", "", "Useful case studies.", "More time for practice, please."]),
                    ))
                    scores_of.append([rng.randint(2, 5) for _item in items_of[w.pk, survey]])
        AttendanceMark.objects.bulk_create(marks, batch_size=5000)
        attempts = Attempt.objects.bulk_create(attempts, batch_size=5000)
        Answer.objects.bulk_create([
            Answer(attempt=attempt, position=position, question=question, max_mark=Decimal(1), fraction=Decimal(fraction),
                   mark=Decimal(fraction), saved_at=attempt.submitted_at)
            for attempt, fractions in zip(attempts, answers_of, strict=True)
            for position, (question, fraction) in enumerate(zip(site.questions, fractions, strict=True), start=1)
        ], batch_size=5000)
        responses = SurveyResponse.objects.bulk_create(responses, batch_size=5000)
        SurveyAnswer.objects.bulk_create([
            SurveyAnswer(response=response, item=item, score=score)
            for response, scores in zip(responses, scores_of, strict=True)
            for item, score in zip(items_of[response.workshop_id, response.survey], scores, strict=True)
        ], batch_size=5000)
    site.workshops += workshops
    site.participants += participants
    _analyse()


def _round(rng, user, cohort, course) -> Enrolment:
    completed = rng.random() < 0.7
    enrolled_at = datetime.combine(cohort.starts_on - timedelta(days=14), time(8), tzinfo=UTC)
    return Enrolment(
        trainee=user, course=course, course_key=course.translation_key, course_title=course.title, cohort=cohort,
        status=Enrolment.Status.COMPLETED if completed else Enrolment.Status.ACTIVE, completion_rule=course.completion_rule,
        enrolled_at=enrolled_at, completed_at=enrolled_at + timedelta(days=20) if completed else None,
        progress_percent=100 if completed else rng.randrange(0, 100), organisation=user.organisation, sector=user.sector,
        country=user.country, region=user.organisation.region,
    )


def _analyse() -> None:
    """Tell PostgreSQL's planner the tables have grown (autovacuum would, later)."""
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        for model in (User, Enrolment, Workshop, WorkshopSession, AttendanceMark, Attempt, Answer, SurveyResponse, SurveyAnswer):
            cursor.execute(f'ANALYZE "{model._meta.db_table}"')
