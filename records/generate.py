"""Synthetic completion records at national scale, for benchmarks and load tests.

Bulk inserts in batches (users, role memberships, rounds, certificates), so 500,000 rounds take
minutes, not hours, and memory stays flat. Every row is marked as generated: e-mail addresses
under ``records.invalid`` and serials starting with ``GEN``.
"""

import random
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from decimal import Decimal

from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.db import connection, transaction

from certificates.models import Certificate
from courses.models import CoursePage, Enrolment
from lms import roles
from lms.models import Country, Organisation, Region, Sector, User

COUNTRIES = [("SN", "Senegal"), ("ML", "Mali"), ("BF", "Burkina Faso"), ("CI", "Côte d'Ivoire"), ("NE", "Niger")]
GENDERS = ["female", "male", "other", "undisclosed", ""]


@dataclass
class Generated:
    trainees: int
    enrolments: int
    certificates: int


def _places(rng: random.Random, organisations_per_country: int):
    countries, organisations = [], []
    sectors = [Sector.objects.get_or_create(slug=slug, defaults={"name": name})[0] for slug, name in (
        ("border-police", "Border and immigration police"), ("judiciary", "Judiciary"), ("social-work", "Social work"),
    )]
    for code, name in COUNTRIES:
        country = Country.objects.get_or_create(code=code, defaults={"name": name})[0]
        regions = [Region.objects.get_or_create(country=country, name=f"Region {n}")[0] for n in range(1, 5)]
        for n in range(1, organisations_per_country + 1):
            organisations.append(
                Organisation.objects.get_or_create(
                    country=country, name=f"{name} unit {n}", defaults={"region": rng.choice(regions)}
                )[0]
            )
        countries.append(country)
    return countries, organisations, sectors


def generate(
    *, trainees: int, enrolments_per_trainee: int = 5, organisations_per_country: int = 40,
    batch_size: int = 5000, seed: int = 1, log=lambda message: None,
) -> Generated:
    """Create trainees, their rounds (snapshots filled) and certificates for completed rounds.

    Uses the live courses already on the site (``seed_demo`` makes some); rounds cycle through
    them, a trainee's later rounds of the same course being earlier ones completed or withdrawn.
    """
    rng = random.Random(seed)
    live = CoursePage.objects.live().order_by("pk").only("id", "title", "translation_key", "completion_rule")
    # One page per course: a translation is the same course (same key), so rounds must not repeat it.
    courses = list({course.translation_key: course for course in reversed(live)}.values())
    if not courses:
        raise ValueError("No live course: create courses first (manage.py seed_demo).")
    _countries, organisations, sectors = _places(rng, organisations_per_country)
    trainee_group = Group.objects.get_or_create(name=roles.TRAINEE)[0]
    run = secrets.token_hex(3)
    start = datetime(2024, 1, 1, tzinfo=UTC)
    counts = Generated(0, 0, 0)
    serial = 0
    for first in range(0, trainees, batch_size):
        size = min(batch_size, trainees - first)
        with transaction.atomic():
            users = User.objects.bulk_create(
                [_trainee(rng, run, first + n, rng.choice(organisations), rng.choice(sectors)) for n in range(size)],
                batch_size=batch_size,
            )
            User.groups.through.objects.bulk_create(
                [User.groups.through(user_id=user.pk, group_id=trainee_group.pk) for user in users], batch_size=batch_size
            )
            rounds = [
                _round(rng, user, courses, number, enrolments_per_trainee, start)
                for user in users
                for number in range(enrolments_per_trainee)
            ]
            Enrolment.objects.bulk_create(rounds, batch_size=batch_size)
            certificates = []
            for enrolment in rounds:
                if enrolment.status == Enrolment.Status.COMPLETED and rng.random() < 0.8:
                    serial += 1
                    certificates.append(_certificate(rng, run, serial, enrolment))
            Certificate.objects.bulk_create(certificates, batch_size=batch_size)
        counts.trainees += size
        counts.enrolments += len(rounds)
        counts.certificates += len(certificates)
        log(f"{counts.trainees} trainees, {counts.enrolments} enrolments, {counts.certificates} certificates")
    _refresh_statistics()
    return counts


def _refresh_statistics() -> None:
    """After a bulk load, PostgreSQL's planner still believes the tables are small until
    autovacuum gets to them, and picks nested loops that take seconds; tell it now. Outside a
    transaction, VACUUM also marks the pages all-visible, which the dashboard's index-only
    scans need (autovacuum does the same on a live site)."""
    if connection.vendor != "postgresql":
        return
    command = "ANALYZE" if connection.in_atomic_block else "VACUUM ANALYZE"
    with connection.cursor() as cursor:
        for model in (User, Enrolment, Certificate):
            cursor.execute(f'{command} "{model._meta.db_table}"')


def _trainee(rng, run, number, organisation, sector) -> User:
    return User(
        email=f"gen-{run}-{number}@records.invalid",
        password=make_password(None),  # unusable: nobody signs in as a generated trainee
        first_name=rng.choice(["Awa", "Moussa", "Fatou", "Ibrahim", "Aminata", "Oumar"]),
        last_name=f"Generated{number}",
        organisation=organisation,
        sector=sector,
        country=organisation.country,
        gender=rng.choice(GENDERS),
        year_of_birth=rng.choice([None, *range(1960, 2004)]),
    )


def _round(rng, user, courses, number, per_trainee, start) -> Enrolment:
    course = courses[number % len(courses)]
    later_round_exists = number + len(courses) < per_trainee
    enrolled_at = start + timedelta(days=rng.randrange(0, 900), hours=rng.randrange(0, 24))
    outcome = rng.random()
    if later_round_exists or outcome < 0.6:
        status = Enrolment.Status.COMPLETED
    elif outcome < 0.7:
        status = Enrolment.Status.WITHDRAWN
    else:
        status = Enrolment.Status.ACTIVE
    completed = status == Enrolment.Status.COMPLETED
    return Enrolment(
        trainee=user,
        course=course,
        course_key=course.translation_key,
        course_title=course.title,
        round=number // len(courses) + 1,
        status=status,
        completion_rule=course.completion_rule,
        enrolled_at=enrolled_at,
        completed_at=enrolled_at + timedelta(days=rng.randrange(1, 60)) if completed else None,
        progress_percent=100 if completed else rng.randrange(0, 100),
        score=Decimal(rng.randrange(50, 101)) if completed else None,
        organisation=user.organisation,
        sector=user.sector,
        country=user.country,
        region=user.organisation.region,
    )


def _certificate(rng, run, serial, enrolment) -> Certificate:
    completed_on = enrolment.completed_at.date()
    return Certificate(
        serial=f"GEN-{run}-{serial:07d}",
        verification_code=secrets.token_hex(32),
        trainee_id=enrolment.trainee_id,
        enrolment=enrolment,
        course_id=enrolment.course_id,
        course_key=enrolment.course_key,
        trainee_name=f"{enrolment.trainee.first_name} {enrolment.trainee.last_name}",
        family_name=enrolment.trainee.last_name,
        course_title=enrolment.course_title,
        language="en",
        completed_on=completed_on,
        hours=Decimal("2.0"),
        score=enrolment.score,
        issuer="Passage",
        issued_at=enrolment.completed_at,
        expires_on=completed_on + timedelta(days=730) if rng.random() < 0.5 else None,
    )
