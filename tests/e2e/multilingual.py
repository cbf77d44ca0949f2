"""Builders for the accessibility and language journeys: an English course with a quiz of every
common question type, its Arabic translation, and the people who use them (trainee, trainer,
officer), with an attempt in progress, a finished one, an essay to grade and a certificate."""

import json
import uuid
from dataclasses import dataclass
from decimal import Decimal

from assessments import services as marking
from assessments.models import MatchingQuestion, MultipleResponseQuestion
from assessments.types import registry
from certificates.models import Certificate
from courses import services as learning
from courses.models import LessonPage, ModulePage
from lms import roles
from lms.models import Country
from tests.factories import (
    CohortFactory,
    UserFactory,
    add_quiz,
    build_course,
    essay,
    lessons_of,
    ordering,
    question_category,
    short_answer,
    single_choice,
    site_tree,
    translate_page,
)
from tests.records.conftest import officer

PASSWORD = "correct horse battery"
LANGUAGES = ("en", "fr", "ar", "ru", "es")


def _stream(block_type, values):
    return json.dumps([{"type": block_type, "value": value, "id": str(uuid.uuid4())} for value in values])


def multiple_response(title="Which are indicators of forced labour?"):
    choices = [
        {"text": "Debts that never shrink", "fraction": "50", "feedback": ""},
        {"text": "Identity papers withheld", "fraction": "50", "feedback": ""},
        {"text": "A signed contract", "fraction": "-50", "feedback": ""},
    ]
    return MultipleResponseQuestion.objects.create(
        category=question_category(), title=title, stem=f"<p>{title}</p>", choices=_stream("choice", choices)
    )


def matching(title="Match each body with its role"):
    pairs = [
        {"left": "Labour inspectorate", "right": "Inspects workplaces"},
        {"left": "Shelter", "right": "Houses survivors"},
        {"left": "Prosecutor", "right": "Brings charges"},
    ]
    return MatchingQuestion.objects.create(category=question_category(), title=title, stem=f"<p>{title}</p>", pairs=_stream("pair", pairs))


translate = translate_page


def arabic_site():
    """An Arabic home page and catalogue (the site's tree in Arabic, with no course yet)."""
    home, index = site_tree()
    if not index.get_translations().filter(locale__language_code="ar").exists():
        translate(index, "ar", title="الدورات")
    return home


def translate_course_to_arabic(course):
    """The whole course in Arabic: course, modules, lessons and quiz, with Arabic titles."""
    arabic_site()
    ar_course = translate(course, "ar", title="التعرف على الضحايا")
    ar_course.summary = "التعرف على ضحايا الاتجار بالبشر في الممارسة العملية."
    ar_course.save_revision().publish()
    for number, module in enumerate(ModulePage.objects.child_of(course).order_by("path"), start=1):
        translate(module, "ar", title=f"الوحدة {number}")
    for number, lesson in enumerate(lessons_of(course), start=1):
        ar_lesson = translate(lesson, "ar", title=f"الدرس {number}")
        ar_lesson.body = json.dumps([{"type": "text", "value": "<p>درس عن مؤشرات الاتجار بالبشر.</p>"}])
        ar_lesson.save_revision().publish()
    from assessments.models import QuizPage

    for quiz in QuizPage.objects.live().descendant_of(course):
        translate(quiz, "ar", title="اختبر معلوماتك")
    return ar_course


def respond(attempt, *, right=True):
    """Answer every question of the attempt (rightly by default), as the form would post it."""
    responses = {}
    for answer in attempt.answers.select_related("question"):
        question = answer.question.get_real_instance()
        responses[answer.position] = registry.for_question(question).demo_form_data(question, answer.layout or {}, right=right)
    marking.save_answers(attempt=attempt, responses=responses)


@dataclass
class World:
    course: object
    quiz: object
    lesson: object
    module: object
    trainee: object
    trainer: object
    officer: object
    cohort: object
    attempt_in_progress: object
    finished_attempt: object
    essay_attempt: object
    certificate: object
    other_course: object
    ar_course: object = None


def build_world(*, arabic_course=False) -> World:
    """Everything the pages under scan need, made with the services and builders."""
    senegal = Country.objects.get_or_create(code="SN", defaults={"name": "Senegal"})[0]
    course = build_course("Identifying victims", modules=1, lessons_per_module=2)
    quiz = add_quiz(
        course,
        [single_choice(), multiple_response(), short_answer(), ordering(), matching()],
        title="Check your knowledge",
        time_limit_minutes=30,
        pass_mark=60,
        show_correct_answers="immediately",
    )
    graded = build_course("Referral in practice", modules=1, lessons_per_module=1)
    essay_quiz = add_quiz(graded, [essay("Describe a referral", default_mark=Decimal("4"))], title="Reflect on a case")
    trainer = UserFactory(email="trainer@example.org", first_name="Ibrahima", last_name="Ndiaye", role=roles.TRAINER)
    cohort = CohortFactory(course=course, name="Dakar workshop", facilitator=trainer)
    graded_cohort = CohortFactory(course=graded, name="Thiès workshop", facilitator=trainer)

    trainee = UserFactory(email="awa@example.org", first_name="Awa", last_name="Diallo", certificate_name="Awa Diallo")
    enrolment = learning.enrol(trainee=trainee, course=course, cohort=cohort)
    for lesson in lessons_of(course):
        learning.complete_lesson(enrolment=enrolment, lesson=lesson)
    finished = marking.start_attempt(quiz=quiz, trainee=trainee, enrolment=enrolment)
    respond(finished, right=True)
    finished = marking.submit_attempt(attempt=finished)
    in_progress = marking.start_attempt(quiz=quiz, trainee=trainee, enrolment=enrolment)

    # Another trainee's essay waits for the trainer's grade.
    writer = UserFactory(first_name="Bakary", last_name="Sow")
    writer_enrolment = learning.enrol(trainee=writer, course=graded, cohort=graded_cohort)
    essay_attempt = marking.start_attempt(quiz=essay_quiz, trainee=writer, enrolment=writer_enrolment)
    (answer,) = essay_attempt.answers.all()
    marking.save_answers(attempt=essay_attempt, responses={answer.position: {"text": "I would call the national referral hotline."}})
    essay_attempt = marking.submit_attempt(attempt=essay_attempt)

    # Passing the quiz completed the course: its certificate, for the list and the verify page.
    certificate = Certificate.objects.get(trainee=trainee)

    records_officer = officer(countries=[senegal], email="officer@example.org", first_name="Fatou", last_name="Sow")
    world = World(
        course=course,
        quiz=quiz,
        lesson=lessons_of(course)[0],
        module=ModulePage.objects.child_of(course).first(),
        trainee=trainee,
        trainer=trainer,
        officer=records_officer,
        cohort=cohort,
        attempt_in_progress=in_progress,
        finished_attempt=finished,
        essay_attempt=essay_attempt,
        certificate=certificate,
        other_course=graded,
    )
    if arabic_course:
        world.ar_course = translate_course_to_arabic(course)
    else:
        arabic_site()
    return world


def arabic_lesson(world):
    return LessonPage.objects.live().descendant_of(world.ar_course).order_by("path").first()
