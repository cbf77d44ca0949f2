"""The synthetic data generator makes consistent rounds in bulk."""

import pytest
from django.core.management import CommandError, call_command

from certificates.models import Certificate
from courses.models import Enrolment
from tests.factories import build_course

pytestmark = pytest.mark.django_db


def test_generates_rounds_with_snapshots_and_certificates():
    build_course("Identifying victims", modules=1, lessons_per_module=1)
    build_course("Reception centres", modules=1, lessons_per_module=1)
    call_command("generate_records_data", trainees=30, enrolments_per_trainee=3, batch_size=7, organisations_per_country=2)
    assert Enrolment.objects.count() == 90
    assert not Enrolment.objects.filter(organisation__isnull=True).exists()
    assert not Enrolment.objects.filter(status="completed", completed_at__isnull=True).exists()
    assert Certificate.objects.filter(enrolment__status="completed").exists()


def test_needs_a_course():
    with pytest.raises(CommandError):
        call_command("generate_records_data", trainees=1)


def test_a_translated_course_counts_once(settings):
    # The demo has French translations: same course, same identity, so no duplicate round.
    from wagtail.models import Locale

    course = build_course("Identifying victims", modules=1, lessons_per_module=1)
    french = course.copy_for_translation(Locale.objects.get_or_create(language_code="fr")[0], copy_parents=True)
    french.save_revision().publish()
    call_command("generate_records_data", trainees=5, enrolments_per_trainee=2)
    assert Enrolment.objects.count() == 10
    assert sorted(set(Enrolment.objects.values_list("round", flat=True))) == [1, 2]
    assert set(Enrolment.objects.values_list("course_id", flat=True)) == {course.pk}
