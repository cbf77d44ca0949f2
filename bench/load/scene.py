"""The workshop a load test plays: one course with lessons and a timed quiz, N enrolled trainees
with ready-made sessions (password hashing skipped), and a few accounts that sign in for real.

Built through the project's services, as the demo and the tests are. Called only from the
``prepare_load_test`` command, which checks that this is a load test.
"""

import json
import time
from importlib import import_module

from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model
from django.db import transaction

LOGIN_PASSWORD = "load-test correct horse battery"  # noqa: S105 -- throwaway accounts of a load test
SHORT_ANSWERS = 6
SINGLE_CHOICES = 4
EMAIL_DOMAIN = "load.passage.invalid"


def build_workshop(*, time_limit_minutes: int):
    """The course, its lessons, the timed quiz (one question per page, one attempt) and a practice
    quiz (all on one page, attempts unlimited) for the steady load."""
    from assessments.models import QuizPage
    from tests import factories

    course = factories.build_course("Workshop under load", modules=2, lessons_per_module=3, slug="workshop-under-load")
    category = factories.question_category("Load test")
    questions = [factories.short_answer(title=f"Indicator {n}", answers=(("passport", "100"),), category=category) for n in range(1, SHORT_ANSWERS + 1)]
    questions += [factories.single_choice(title=f"Which is an indicator ({n})?", category=category) for n in range(1, SINGLE_CHOICES + 1)]
    quiz = factories.add_quiz(
        course, questions, title="Workshop quiz", time_limit_minutes=time_limit_minutes, max_attempts=1,
        layout=QuizPage.Layout.ONE_PER_PAGE,
    )
    practice = factories.add_quiz(course, questions[:SHORT_ANSWERS], title="Practice quiz", max_attempts=0, layout=QuizPage.Layout.ALL_ON_ONE)
    return course, quiz, practice, factories.lessons_of(course)


def _session_for(user) -> str:
    """A signed-in session made directly in the session store (no password, no login view)."""
    store = import_module(settings.SESSION_ENGINE).SessionStore()
    store[SESSION_KEY] = str(user.pk)
    store[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
    store[HASH_SESSION_KEY] = user.get_session_auth_hash()
    store.create()
    return store.session_key


def make_trainees(*, course, count: int, prefix: str = "trainee", password: str | None = None):
    """``count`` verified trainees enrolled in ``course``."""
    from courses import services as course_services
    from lms import roles
    from lms.services import mark_email_verified

    User = get_user_model()
    people = []
    for n in range(count):
        with transaction.atomic():
            user = User(email=f"{prefix}{n}@{EMAIL_DOMAIN}", first_name="Load", last_name=f"Trainee {n}")
            if password:
                user.set_password(password)
            else:
                user.set_unusable_password()
            user.save()
            roles.assign_role(user, roles.TRAINEE)
            mark_email_verified(user)
            course_services.enrol(trainee=user, course=course)
        people.append(user)
    return people


def prepare(*, trainees: int, logins: int, time_limit_minutes: int, base_url: str) -> dict:
    """Build everything and return what the load driver needs (written to a JSON file)."""
    started = time.monotonic()
    course, quiz, practice, lessons = build_workshop(time_limit_minutes=time_limit_minutes)
    people = make_trainees(course=course, count=trainees)
    sessions = [{"user_id": u.pk, "email": u.email, "session": _session_for(u)} for u in people]
    login_people = make_trainees(course=course, count=logins, prefix="signin", password=LOGIN_PASSWORD)
    return {
        "base_url": base_url,
        "session_cookie": settings.SESSION_COOKIE_NAME,
        "csrf_cookie": settings.CSRF_COOKIE_NAME,
        "course_url": course.url,
        "quiz_id": quiz.pk,
        "quiz_url": quiz.url,
        "practice_id": practice.pk,
        "practice_url": practice.url,
        "lesson_urls": [lesson.url for lesson in lessons],
        "questions": SHORT_ANSWERS + SINGLE_CHOICES,
        "trainees": sessions,
        "logins": [{"email": u.email, "password": LOGIN_PASSWORD} for u in login_people],
        "prepared_in_s": round(time.monotonic() - started, 1),
    }


def write(data: dict, path) -> None:
    with open(path, "w", encoding="utf-8") as out:
        json.dump(data, out, indent=1)
