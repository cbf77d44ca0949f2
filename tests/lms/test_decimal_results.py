"""Quiz results carry the decimal separator of the reader's language, wherever a score is shown."""

import re
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import translation
from wagtail.users.models import UserProfile

from assessments.models import Answer, Attempt
from courses import services as learning
from lms import roles
from lms.formatting import format_number
from lms.i18n import with_language_prefix
from tests.assessments.test_marking import RIGHT, take_quiz
from tests.factories import CohortFactory, UserFactory, add_quiz, build_course, essay, single_choice

pytestmark = pytest.mark.django_db

# English keeps the point; French, Spanish and Russian write a comma; Arabic as lms.formatting writes it.
SEPARATED = {"en": "87.5", "fr": "87,5", "es": "87,5", "ru": "87,5", "ar": format_number(Decimal("87.5"), language="ar")}


@pytest.fixture
def world():
    course = build_course("Referral in practice", modules=1, lessons_per_module=1)
    quiz = add_quiz(
        course,
        [single_choice(default_mark=Decimal("1")), essay("Describe a referral", default_mark=Decimal("3"))],
        pass_mark=Decimal("87.5"),
    )
    cohort = CohortFactory(course=course)
    trainee = UserFactory()
    learning.add_to_cohort(cohort=cohort, trainee=trainee)
    attempt = take_quiz(quiz, trainee, choice=RIGHT, text="I would call the focal point.")
    # As a grader would leave it: 2.5 of 3 on the essay, 3.5 of 4 in all, 87.5 %.
    Answer.objects.filter(attempt=attempt, position=2).update(mark=Decimal("2.5"), graded_by=cohort.facilitator)
    Attempt.objects.filter(pk=attempt.pk).update(marks=Decimal("3.5"), max_marks=Decimal("4"), grade=Decimal("87.5"), needs_grading=False)
    return {"quiz": quiz, "attempt": attempt, "trainee": trainee, "facilitator": cohort.facilitator}


def percent_shown(number, html) -> bool:
    """The number followed by a percent sign, with or without the language's space."""
    return re.search(re.escape(number) + "[ \u00a0\u202f]?%", html) is not None


def url_in(language, name, *args):
    with translation.override(language):
        return reverse(name, args=args)


@pytest.mark.parametrize("language", list(SEPARATED))
def test_the_trainee_reads_the_score_with_their_decimal_separator(client, world, language):
    number = SEPARATED[language]
    client.force_login(world["trainee"])
    review = client.get(url_in(language, "attempt_review", world["attempt"].pk)).content.decode()
    assert percent_shown(number, review) and f"({format_number(Decimal('3.5'), language=language)} " in review
    intro = client.get(with_language_prefix(world["quiz"].url, language)).content.decode()
    assert percent_shown(number, intro)  # the pass mark, the attempt's grade and the final grade
    # Never Python's own way of writing it, nor trailing zeros.
    assert "87.50" not in review + intro and "87,50" not in review + intro
    if language != "en":
        assert "87.5" not in review + intro


@pytest.mark.parametrize("language", list(SEPARATED))
def test_the_grader_reads_the_scores_with_their_decimal_separator(client, world, language):
    client.force_login(world["facilitator"])
    page = client.get(url_in(language, "grade_attempt", world["attempt"].pk)).content.decode()
    assert f'lang="{language}"' in page
    assert percent_shown(SEPARATED[language], page)  # "Graded: 87,5%"
    assert format_number(Decimal("2.5"), language=language) in page  # the essay's mark
    if language != "en":
        shown = re.sub(r"<input[^>]*>", "", page)  # a number field's value is the browser's, with a point
        assert "87.5" not in shown and "2.5" not in shown


@pytest.mark.parametrize("language", list(SEPARATED))
def test_the_question_preview_writes_the_mark_in_the_admin_language(client, language):
    question = single_choice(default_mark=Decimal("2.5"))
    administrator = UserFactory(role=roles.ADMINISTRATOR)
    profile = UserProfile.get_for_user(administrator)
    profile.preferred_language = language
    profile.save()
    client.force_login(administrator)
    with translation.override(language):
        page = client.get(reverse("question_preview", args=[question.pk]), HTTP_ACCEPT_LANGUAGE=language).content.decode()
    assert f"({format_number(Decimal('2.5'), language=language)} " in page  # "(2,5 points)"
    if language != "en":
        assert "(2.5 " not in page
