"""Builders for records tests: two countries, their organisations, trainees, rounds, certificates."""

import itertools
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest

from certificates.models import Certificate
from courses import services as learning
from courses.models import Enrolment
from lms import roles
from lms.models import Country, Organisation, Region, ReportingScope
from tests.factories import CohortFactory, SectorFactory, UserFactory, build_course

_serials = itertools.count(1)


def enrolment_for(trainee, course, *, cohort=None, enrolled_at=None, completed_at=None, score=None) -> Enrolment:
    """A round taken the way the site opens it (snapshot at enrolment), then dated and completed."""
    enrolment = learning.enrol(trainee=trainee, course=course, cohort=cohort)
    fields = {"enrolled_at": enrolled_at or datetime(2026, 3, 2, 9, tzinfo=UTC)}
    if completed_at is not None:
        fields.update(status=Enrolment.Status.COMPLETED, completed_at=completed_at, score=score, progress_percent=100)
    Enrolment.objects.filter(pk=enrolment.pk).update(**fields)
    enrolment.refresh_from_db()
    return enrolment


def certificate_for(enrolment, *, status=Certificate.Status.VALID, expires_on=None, **extra) -> Certificate:
    number = next(_serials)
    now = datetime(2026, 4, 1, tzinfo=UTC)
    return Certificate.objects.create(
        serial=f"PSG-2026-{number:06d}",
        verification_code=f"code{number:060d}",
        trainee=enrolment.trainee,
        enrolment=enrolment,
        course_key=enrolment.course_key,
        trainee_name=str(enrolment.trainee),
        family_name=enrolment.trainee.last_name,
        course_title=enrolment.course_title,
        language="en",
        completed_on=date(2026, 3, 20),
        hours=Decimal("2.0"),
        issuer="Passage",
        status=status,
        expires_on=expires_on,
        revoked_at=now if status == Certificate.Status.REVOKED else None,
        replaced_at=now if status == Certificate.Status.REPLACED else None,
        **extra,
    )


def officer(*, countries=(), organisations=(), scope=True, **extra):
    user = UserFactory(role=roles.MINISTRY_OFFICER, organisation=None, country=None, **extra)
    if scope:
        reporting = ReportingScope.objects.create(officer=user)
        reporting.countries.set(countries)
        reporting.organisations.set(organisations)
    return user


def administrator(**fields):
    return UserFactory(role=roles.ADMINISTRATOR, organisation=None, **fields)


@dataclass
class World:
    senegal: Country
    mali: Country
    dakar_post: Organisation
    thies_court: Organisation
    bamako_post: Organisation
    course: object
    other_course: object
    cohort: object
    senegal_enrolments: list
    mali_enrolments: list
    officer_senegal: object
    officer_mali: object


@pytest.fixture
def world(db):
    """Senegal: 3 rounds (2 completed, one in a cohort); Mali: 2 rounds (1 completed)."""
    senegal = Country.objects.create(code="SN", name="Senegal")
    mali = Country.objects.create(code="ML", name="Mali")
    dakar = Region.objects.create(country=senegal, name="Dakar")
    bamako = Region.objects.create(country=mali, name="Bamako")
    dakar_post = Organisation.objects.create(name="Dakar border post", country=senegal, region=dakar)
    thies_court = Organisation.objects.create(name="Thiès court", country=senegal, region=dakar)
    bamako_post = Organisation.objects.create(name="Bamako border post", country=mali, region=bamako)
    police = SectorFactory()
    course = build_course("Identifying victims", modules=1, lessons_per_module=1)
    other_course = build_course("Reception centres", modules=1, lessons_per_module=1)
    cohort = CohortFactory(course=course)

    def trainee(organisation, **extra):
        return UserFactory(organisation=organisation, sector=police, country=organisation.country, **extra)

    done = datetime(2026, 3, 12, 9, tzinfo=UTC)
    awa, moussa = trainee(dakar_post, first_name="Awa"), trainee(thies_court, first_name="Moussa")
    senegal_enrolments = [
        enrolment_for(awa, course, cohort=cohort, completed_at=done, score=Decimal("80")),
        enrolment_for(awa, other_course, completed_at=done + timedelta(days=4), score=Decimal("90")),
        enrolment_for(moussa, course),
    ]
    fatou, ibrahim = trainee(bamako_post, first_name="Fatou"), trainee(bamako_post, first_name="Ibrahim")
    mali_enrolments = [
        enrolment_for(fatou, course, completed_at=done, score=Decimal("70")),
        enrolment_for(ibrahim, course),
    ]
    return World(
        senegal=senegal,
        mali=mali,
        dakar_post=dakar_post,
        thies_court=thies_court,
        bamako_post=bamako_post,
        course=course,
        other_course=other_course,
        cohort=cohort,
        senegal_enrolments=senegal_enrolments,
        mali_enrolments=mali_enrolments,
        officer_senegal=officer(countries=[senegal]),
        officer_mali=officer(countries=[mali]),
    )


@pytest.fixture
def exact_counts(settings):
    """Show every count: suppression has its own tests."""
    settings.RECORDS_MIN_CELL = 1
