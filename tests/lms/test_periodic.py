"""The periodic runner closes overdue attempts."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from assessments import services
from assessments.models import Attempt
from courses import services as learning
from tests.factories import UserFactory, add_quiz, build_course, true_false


@pytest.mark.django_db
def test_run_periodic_once_closes_overdue_attempts():
    course = build_course("Periodic", modules=1, lessons_per_module=1)
    quiz = add_quiz(course, [true_false()], time_limit_minutes=5)
    trainee = UserFactory()
    attempt = services.start_attempt(quiz=quiz, trainee=trainee, enrolment=learning.enrol(trainee=trainee, course=course))
    Attempt.objects.filter(pk=attempt.pk).update(deadline=timezone.now() - timedelta(minutes=10))
    call_command("run_periodic", once=True)
    assert Attempt.objects.get(pk=attempt.pk).status == Attempt.Status.FINISHED
