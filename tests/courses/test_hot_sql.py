"""The hot pages' hand-written queries answer exactly what the ORM's would."""

from decimal import Decimal

import pytest
from django.utils import timezone

from courses import selectors, services
from courses.models import Enrolment, LessonCompletion
from tests.factories import UserFactory, build_course, lessons_of, translate_page

pytestmark = pytest.mark.django_db


def orm_latest(trainee, course, *, withdrawn_too):
    rounds = Enrolment.objects.filter(trainee=trainee, course_key=course.translation_key)
    if not withdrawn_too:
        rounds = rounds.exclude(status=Enrolment.Status.WITHDRAWN)
    return rounds.order_by("-round").first()


def field_values(enrolment):
    if enrolment is None:
        return None
    return {field.attname: getattr(enrolment, field.attname) for field in Enrolment._meta.concrete_fields}


def assert_same_answers(trainee, course):
    for withdrawn_too, selector in ((False, selectors.current_enrolment), (True, selectors.latest_round)):
        expected = orm_latest(trainee, course, withdrawn_too=withdrawn_too)
        found = selector(trainee=trainee, course=course)
        assert field_values(found) == field_values(expected)
        if found is not None:
            assert found._state.adding is False and found._state.db == "default"


@pytest.fixture
def course():
    return build_course("Identifying victims", modules=1, lessons_per_module=3)


def test_no_round_none_either_way(course):
    trainee = UserFactory()
    assert_same_answers(trainee, course)
    assert selectors.current_enrolment(trainee=trainee, course=course) is None


def test_the_rounds_of_a_trainee_as_the_orm_reads_them(course):
    trainee, other = UserFactory(), UserFactory()
    services.enrol(trainee=other, course=course)
    first = services.enrol(trainee=trainee, course=course)
    assert_same_answers(trainee, course)

    # A completed round with a score and a date, then a second round, then that one left.
    Enrolment.objects.filter(pk=first.pk).update(
        status=Enrolment.Status.COMPLETED, completed_at=timezone.now(), score=Decimal("87.50"), progress_percent=100
    )
    assert_same_answers(trainee, course)
    second = services.enrol(trainee=trainee, course=course, new_round=True)
    assert selectors.current_enrolment(trainee=trainee, course=course).pk == second.pk
    assert_same_answers(trainee, course)
    services.withdraw(second, by=trainee)
    assert selectors.current_enrolment(trainee=trainee, course=course).pk == first.pk
    assert selectors.latest_round(trainee=trainee, course=course).pk == second.pk
    assert_same_answers(trainee, course)
    assert selectors.current_enrolment(trainee=trainee, course=course).score == Decimal("87.50")


def test_a_translation_finds_the_same_round_and_another_course_none(course):
    trainee = UserFactory()
    services.enrol(trainee=trainee, course=course)
    french = translate_page(course, "fr", title="Identifier les victimes")
    other_course = build_course("Referral", modules=1, lessons_per_module=1)
    assert selectors.current_enrolment(trainee=trainee, course=french).course_key == course.translation_key
    for page in (french, other_course):
        assert_same_answers(trainee, page)
    assert selectors.current_enrolment(trainee=trainee, course=other_course) is None


def test_a_visitor_has_no_round(course):
    from django.contrib.auth.models import AnonymousUser

    assert selectors.current_enrolment(trainee=AnonymousUser(), course=course) is None
    assert selectors.latest_round(trainee=AnonymousUser(), course=course) is None


def test_completed_lesson_keys_as_the_orm_reads_them(course):
    trainee, other = UserFactory(), UserFactory()
    enrolment = services.enrol(trainee=trainee, course=course)
    others = services.enrol(trainee=other, course=course)
    first, second, third = lessons_of(course)
    assert selectors._completed_lesson_keys(enrolment) == set()
    services.complete_lesson(enrolment=enrolment, lesson=first)
    services.complete_lesson(enrolment=enrolment, lesson=third)
    services.complete_lesson(enrolment=others, lesson=second)

    for round_ in (enrolment, others):
        expected = set(LessonCompletion.objects.filter(enrolment=round_).values_list("lesson_key", flat=True))
        assert selectors._completed_lesson_keys(round_) == expected
    assert selectors._completed_lesson_keys(enrolment) == {first.translation_key, third.translation_key}
