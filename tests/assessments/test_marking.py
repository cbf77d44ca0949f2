"""Manual grading of essays and regrading after a corrected key, from the trainer's side."""

import json
from datetime import timedelta
from decimal import Decimal

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from assessments import bank, selectors, services
from assessments.models import (
    Answer,
    Attempt,
    Question,
    QuizPage,
    SingleChoiceQuestion,
    TrueFalseQuestion,
)
from courses import services as learning
from courses.models import Enrolment
from lms import roles
from lms.models import AuditLogEntry
from tests.factories import (
    CohortFactory,
    UserFactory,
    add_quiz,
    build_course,
    essay,
    lessons_of,
    single_choice,
    true_false,
)
from tests.queries import assert_get_writes_nothing

pytestmark = pytest.mark.django_db

RIGHT, WRONG = "Employer keeps the passport", "Has a work contract"


# --- builders ---------------------------------------------------------------------------------


def token_for(answer, label):
    question = answer.question.get_real_instance()
    return next(t for t, option_id in answer.layout["tokens"].items() if question.option_label(option_id) == label)


def take_quiz(quiz, trainee, *, choice=None, text=None, value=None) -> Attempt:
    """Start, answer and submit an attempt as the trainee would."""
    enrolment = Enrolment.objects.filter(trainee=trainee).order_by("-round").first()
    attempt = services.start_attempt(quiz=quiz, trainee=trainee, enrolment=enrolment)
    responses = {}
    for answer in attempt.answers.select_related("question"):
        kind = answer.question.get_real_instance().kind
        if kind in ("single_choice", "multiple_response") and choice:
            responses[answer.position] = {"choice": token_for(answer, choice), "choices": [token_for(answer, choice)]}
        elif kind == "essay" and text is not None:
            responses[answer.position] = {"text": text}
        elif kind == "true_false" and value is not None:
            responses[answer.position] = {"value": value}
    services.save_answers(attempt=attempt, responses=responses)
    return services.submit_attempt(attempt=attempt)


def edit_key(question, fractions: dict[str, int], *, drop=(), by=None):
    """Correct a choice question's key: a new version, copied from the current one, so its
    options keep their block ids (what ``bank.save_edit`` does once a question was shown; see
    test_versions.py). Built directly here to control exactly which block changes.
    """
    current = SingleChoiceQuestion.objects.get(family=question.family, is_current=True)
    blocks = []
    for block in current.choices.raw_data:
        if block["value"]["text"] in drop:
            continue
        value = dict(block["value"])
        if value["text"] in fractions:
            value["fraction"] = str(fractions[value["text"]])
        blocks.append({"type": block["type"], "value": value, "id": block["id"]})
    Question.objects.filter(pk=current.pk).update(is_current=False)
    return SingleChoiceQuestion.objects.create(
        family=current.family, version=current.version + 1, category=current.category, title=current.title,
        stem=current.stem, default_mark=current.default_mark, choices=json.dumps(blocks), created_by=by,
    )


def essay_answer(attempt) -> Answer:
    return next(a for a in attempt.answers.select_related("question") if a.question.get_real_instance().kind == "essay")


def grading_form(client, attempt) -> dict:
    """The grading page's hidden state, as the browser would send it back."""
    response = client.get(reverse("grade_attempt", args=[attempt.pk]))
    assert response.status_code == 200
    return {"state": response.context["state"]}


def post_grade(client, attempt, mark, comment="", state=None, answer=None):
    answer = answer or essay_answer(attempt)
    data = state or grading_form(client, attempt)
    data = {**data, f"answer-{answer.pk}-mark": mark, f"answer-{answer.pk}-comment": comment}
    return client.post(reverse("grade_attempt", args=[attempt.pk]), data)


def messages_of(response) -> str:
    return " ".join(str(m) for m in response.context["messages"]) if response.context else ""


# --- fixtures ---------------------------------------------------------------------------------


@pytest.fixture
def course():
    return build_course("Referral in practice", modules=1, lessons_per_module=1)


@pytest.fixture
def quiz(course):
    return add_quiz(
        course,
        [single_choice(), essay("Describe a referral", rubric="<p>Names the NRM focal point.</p>", default_mark=Decimal("4"))],
        title="Written check",
        pass_mark=60,
    )


@pytest.fixture
def cohort(course):
    return CohortFactory(course=course, name="Dakar workshop")


@pytest.fixture
def facilitator(cohort):
    return cohort.facilitator


@pytest.fixture
def trainee(cohort):
    user = UserFactory(first_name="Mariama", last_name="Diallo", certificate_name="", preferred_language="fr")
    learning.add_to_cohort(cohort=cohort, trainee=user)
    return user


@pytest.fixture
def attempt(quiz, trainee):
    return take_quiz(quiz, trainee, choice=RIGHT, text="I would call the NRM focal point & keep the file confidential.")


@pytest.fixture
def facilitator_client(client, facilitator):
    client.force_login(facilitator)
    return client


@pytest.fixture
def author(course):
    user = UserFactory(role=roles.TRAINER)
    roles.grant_course_authoring(course=course, user=user)
    return user


@pytest.fixture
def administrator():
    return UserFactory(role=roles.ADMINISTRATOR)


# --- who grades what --------------------------------------------------------------------------


def test_facilitator_sees_their_cohorts_attempts_waiting_for_a_grade(facilitator_client, attempt):
    assert attempt.needs_grading
    page = facilitator_client.get(reverse("grading_queue")).content.decode()
    assert "Mariama Diallo" in page and "Dakar workshop" in page and "Written check" in page
    assert reverse("grade_attempt", args=[attempt.pk]) in page


def test_trainer_of_another_cohort_cannot_grade(client, attempt, course):
    other = CohortFactory(course=course).facilitator
    client.force_login(other)
    assert reverse("grade_attempt", args=[attempt.pk]) not in client.get(reverse("grading_queue")).content.decode()
    assert client.get(reverse("grade_attempt", args=[attempt.pk])).status_code == 404
    answer = essay_answer(attempt)
    response = client.post(reverse("grade_attempt", args=[attempt.pk]), {f"answer-{answer.pk}-mark": "4", "state": "x"})
    assert response.status_code == 404
    assert Answer.objects.get(pk=answer.pk).mark is None


def test_trainees_cannot_open_trainer_pages(client, attempt, trainee, quiz):
    client.force_login(trainee)
    for url in (
        reverse("trainer_quizzes"),
        reverse("grading_queue"),
        reverse("grade_attempt", args=[attempt.pk]),
        reverse("quiz_results", args=[quiz.pk]),
        reverse("quiz_questions", args=[quiz.pk]),
    ):
        assert client.get(url).status_code == 404, url


def test_anonymous_visitors_are_sent_to_sign_in(client, attempt):
    response = client.get(reverse("grade_attempt", args=[attempt.pk]))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_attempts_outside_any_cohort_go_to_the_course_authors(client, quiz, course, author, attempt, facilitator):
    loner = UserFactory()
    learning.enrol(trainee=loner, course=course)
    alone = take_quiz(quiz, loner, choice=RIGHT, text="Refer to the NRM.")
    assert set(selectors.attempts_for_trainer(author)) == {alone}  # the cohort's attempt is its facilitator's
    assert set(selectors.attempts_for_trainer(facilitator)) == {attempt}
    client.force_login(author)
    assert client.get(reverse("grade_attempt", args=[alone.pk])).status_code == 200
    assert client.get(reverse("grade_attempt", args=[attempt.pk])).status_code == 404


def test_authors_of_another_course_see_nothing(quiz, course, attempt):
    outsider = UserFactory(role=roles.TRAINER)
    roles.grant_course_authoring(course=build_course("Another course"), user=outsider)
    loner = UserFactory()
    learning.enrol(trainee=loner, course=course)
    take_quiz(quiz, loner, text="...")
    assert not selectors.attempts_for_trainer(outsider).exists()


def test_administrators_see_every_attempt(client, administrator, attempt, quiz, course):
    loner = UserFactory()
    learning.enrol(trainee=loner, course=course)
    alone = take_quiz(quiz, loner, text="...")
    assert set(selectors.grading_queue(administrator)) == {attempt, alone}
    client.force_login(administrator)
    assert client.get(reverse("grade_attempt", args=[attempt.pk])).status_code == 200


def test_attempts_in_progress_cannot_be_graded(facilitator_client, quiz, trainee):
    enrolment = Enrolment.objects.get(trainee=trainee)
    open_attempt = services.start_attempt(quiz=quiz, trainee=trainee, enrolment=enrolment)
    assert facilitator_client.get(reverse("grade_attempt", args=[open_attempt.pk])).status_code == 404


# --- grading ----------------------------------------------------------------------------------


def test_grading_page_shows_the_question_rubric_and_the_trainees_text(facilitator_client, attempt):
    page = facilitator_client.get(reverse("grade_attempt", args=[attempt.pk])).content.decode()
    assert "Describe a referral" in page
    assert "Names the NRM focal point." in page
    assert "I would call the NRM focal point &amp; keep the file confidential." in page  # escaped
    assert 'name="answer-' in page and "From 0 to 4." in page


def test_grading_records_mark_comment_and_grader_and_the_attempts_grade(facilitator_client, facilitator, attempt):
    response = post_grade(facilitator_client, attempt, "3", "Good: you name the focal point.")
    assert response.status_code == 302 and response["Location"] == reverse("grading_queue")
    answer = essay_answer(attempt)
    assert answer.mark == Decimal("3") and answer.fraction == Decimal("0.75")
    assert answer.grader_comment == "Good: you name the focal point." and answer.graded_by == facilitator
    attempt.refresh_from_db()
    assert not attempt.needs_grading
    assert (attempt.marks, attempt.max_marks, attempt.grade) == (Decimal("4"), Decimal("5"), Decimal("80"))
    assert attempt not in selectors.grading_queue(facilitator)


def test_decimal_marks_are_accepted(facilitator_client, attempt):
    post_grade(facilitator_client, attempt, "2.5")
    assert essay_answer(attempt).mark == Decimal("2.5")


def test_every_manual_grade_is_written_to_the_audit_log(facilitator_client, facilitator, attempt):
    post_grade(facilitator_client, attempt, "3")
    entry = AuditLogEntry.objects.get(action="assessments.answer_graded")
    answer = essay_answer(attempt)
    assert entry.actor == facilitator and entry.object_id == str(answer.pk)
    assert entry.data["attempt"] == attempt.pk and Decimal(entry.data["mark"]) == 3 and entry.data["previous_mark"] is None


def test_trainee_is_emailed_in_their_language_when_the_grade_is_ready(facilitator_client, attempt, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        post_grade(facilitator_client, attempt, "4")
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [attempt.trainee.email]
    assert "Written check" in message.subject
    assert f"https://passage.test/fr/learn/attempts/{attempt.pk}/review/" in message.body  # the trainee's language
    assert "Mariama Diallo" in message.body


def test_grading_completes_the_course_once_committed(facilitator_client, attempt, trainee, course, django_capture_on_commit_callbacks):
    enrolment = Enrolment.objects.get(trainee=trainee)
    learning.complete_lesson(enrolment=enrolment, lesson=lessons_of(course)[0])
    with django_capture_on_commit_callbacks(execute=True):
        post_grade(facilitator_client, attempt, "3")  # 4 / 5 = 80% ≥ 60%
    enrolment.refresh_from_db()
    assert enrolment.status == Enrolment.Status.COMPLETED and enrolment.score == 80


def test_a_failing_grade_keeps_the_course_open(facilitator_client, attempt, trainee, course, django_capture_on_commit_callbacks):
    enrolment = Enrolment.objects.get(trainee=trainee)
    learning.complete_lesson(enrolment=enrolment, lesson=lessons_of(course)[0])
    with django_capture_on_commit_callbacks(execute=True):
        post_grade(facilitator_client, attempt, "1")  # 2 / 5 = 40%
    enrolment.refresh_from_db()
    assert enrolment.status == Enrolment.Status.ACTIVE


def test_second_submit_of_the_grading_form_changes_nothing(facilitator_client, attempt, django_capture_on_commit_callbacks):
    state = grading_form(facilitator_client, attempt)
    with django_capture_on_commit_callbacks(execute=True):
        post_grade(facilitator_client, attempt, "3", state=state)
        response = post_grade(facilitator_client, attempt, "1", state=state)  # the same form, sent again
    assert response.status_code == 302 and response["Location"] == reverse("grade_attempt", args=[attempt.pk])
    followed = facilitator_client.get(response["Location"])
    assert "Nothing was changed" in messages_of(followed)
    assert essay_answer(attempt).mark == Decimal("3")
    assert AuditLogEntry.objects.filter(action="assessments.answer_graded").count() == 1
    assert len(mail.outbox) == 1


@pytest.mark.parametrize("mark", ["-1", "4.01", "5", "abc", "NaN", "Infinity", "1e400", "0.001", ""])
def test_tampered_marks_are_refused_and_nothing_changes(facilitator_client, attempt, mark):
    response = post_grade(facilitator_client, attempt, mark)
    assert response.status_code == 400
    assert "Nothing was saved" in messages_of(response)
    answer = essay_answer(attempt)
    assert answer.mark is None and answer.graded_by is None
    attempt.refresh_from_db()
    assert attempt.needs_grading
    assert not AuditLogEntry.objects.filter(action="assessments.answer_graded").exists()


def test_the_service_refuses_a_mark_above_the_maximum(attempt, facilitator):
    answer = essay_answer(attempt)
    state = selectors.grading_state([answer])
    with pytest.raises(services.InvalidMark):
        services.grade_essays(attempt=attempt, grades=[services.EssayGrade(answer.pk, Decimal("4.5"))], by=facilitator, expected_state=state)
    with pytest.raises(services.InvalidMark):
        services.grade_essays(attempt=attempt, grades=[services.EssayGrade(answer.pk, Decimal("NaN"))], by=facilitator, expected_state=state)
    assert essay_answer(attempt).mark is None


def test_marks_for_answers_of_another_attempt_are_refused(attempt, facilitator, quiz, course):
    other = UserFactory()
    learning.enrol(trainee=other, course=course)
    foreign = essay_answer(take_quiz(quiz, other, text="..."))
    state = selectors.grading_state([essay_answer(attempt)])
    with pytest.raises(services.InvalidMark):
        services.grade_essays(attempt=attempt, grades=[services.EssayGrade(foreign.pk, Decimal("1"))], by=facilitator, expected_state=state)
    assert Answer.objects.get(pk=foreign.pk).mark is None


def test_two_essays_graded_one_at_a_time_keep_the_attempt_waiting(facilitator_client, course, cohort, trainee):
    first, second = essay("First essay"), essay("Second essay")
    quiz = add_quiz(course, [first, second], title="Two essays")
    attempt = take_quiz(quiz, trainee, text="My answer.")
    answers = list(attempt.answers.order_by("position"))
    state = grading_form(facilitator_client, attempt)
    facilitator_client.post(
        reverse("grade_attempt", args=[attempt.pk]), {**state, f"answer-{answers[0].pk}-mark": "1", f"answer-{answers[1].pk}-mark": ""}
    )
    attempt.refresh_from_db()
    assert attempt.needs_grading and Answer.objects.get(pk=answers[1].pk).mark is None
    state = grading_form(facilitator_client, attempt)
    facilitator_client.post(
        reverse("grade_attempt", args=[attempt.pk]), {**state, f"answer-{answers[0].pk}-mark": "1", f"answer-{answers[1].pk}-mark": "0"}
    )
    attempt.refresh_from_db()
    assert not attempt.needs_grading and attempt.grade == 50


def test_a_grade_can_be_changed_later_and_the_change_is_audited(facilitator_client, attempt):
    post_grade(facilitator_client, attempt, "2")
    response = post_grade(facilitator_client, attempt, "3.5", "Re-read: you also mention confidentiality.")
    assert response.status_code == 302
    assert essay_answer(attempt).mark == Decimal("3.5")
    latest = AuditLogEntry.objects.filter(action="assessments.answer_graded").order_by("-pk").first()
    assert Decimal(latest.data["previous_mark"]) == 2 and Decimal(latest.data["mark"]) == Decimal("3.5")


def test_a_given_grade_cannot_be_emptied(facilitator_client, attempt):
    post_grade(facilitator_client, attempt, "2")
    response = post_grade(facilitator_client, attempt, "")
    assert response.status_code == 400
    assert essay_answer(attempt).mark == Decimal("2")


# --- regrading --------------------------------------------------------------------------------


@pytest.fixture
def choice_quiz(course):
    return add_quiz(course, [single_choice()], title="Indicators", pass_mark=60)


@pytest.fixture
def author_client(client, author):
    client.force_login(author)
    return client


def regrade_url(quiz, question):
    return reverse("regrade_question", args=[quiz.pk, question.family])


def test_regrade_uses_the_corrected_key(author_client, author, choice_quiz, trainee):
    question = choice_quiz.slots.get().question
    attempt = take_quiz(choice_quiz, trainee, choice=WRONG)
    assert attempt.grade == 0
    corrected = edit_key(question, {RIGHT: 100, WRONG: 100}, by=author)
    assert corrected.version == 2 and corrected.pk != question.pk

    response = author_client.post(regrade_url(choice_quiz, corrected), {"version": "2"})
    assert response.status_code == 302
    attempt.refresh_from_db()
    assert attempt.grade == 100 and attempt.marks == 1
    answer = attempt.answers.get()
    assert answer.fraction == 1 and answer.question_id == question.pk  # the version shown is kept
    entry = AuditLogEntry.objects.get(action="assessments.question_regraded")
    assert entry.actor == author
    assert entry.data["attempts_regraded"] == 1 and entry.data["grades_changed"] == 1
    assert entry.data["question_version"] == 2


def test_regrade_after_a_true_false_key_is_corrected_in_the_bank(author, course, trainee):
    question = true_false("A child's consent removes the means element", correct=True)
    quiz = add_quiz(course, [question], title="True or false")
    attempt = take_quiz(quiz, trainee, value="false")
    assert attempt.grade == 0
    edited = TrueFalseQuestion.objects.get(pk=question.pk)
    edited.correct_answer = False
    corrected = bank.save_edit(edited, by=author)
    assert corrected.version == 2 and corrected.pk != question.pk
    plan = services.regrade_family(question=corrected, by=author, expected_version=2)
    assert (plan.attempts, plan.grades_changed) == (1, 1)
    assert Attempt.objects.get(pk=attempt.pk).grade == 100
    assert attempt.answers.get().question_id == question.pk


def test_regrade_gives_nothing_for_an_option_removed_from_the_key(author, choice_quiz, trainee):
    question = choice_quiz.slots.get().question
    attempt = take_quiz(choice_quiz, trainee, choice=WRONG)
    edit_key(question, {WRONG: 100}, by=author)  # first the wrong option was made right...
    current = Question.objects.get(family=question.family, is_current=True)
    services.regrade_family(question=current, by=author, expected_version=current.version)
    assert Attempt.objects.get(pk=attempt.pk).grade == 100
    edit_key(current, {}, drop=[WRONG], by=author)  # ...then removed altogether
    current = Question.objects.get(family=question.family, is_current=True)
    plan = services.regrade_family(question=current, by=author, expected_version=current.version)
    assert plan.grades_changed == 1
    assert Attempt.objects.get(pk=attempt.pk).grade == 0


def test_regrade_preview_counts_without_changing_anything(author_client, author, choice_quiz, course, trainee):
    question = choice_quiz.slots.get().question
    take_quiz(choice_quiz, trainee, choice=WRONG)
    second = UserFactory()
    learning.enrol(trainee=second, course=course)
    take_quiz(choice_quiz, second, choice=RIGHT)
    corrected = edit_key(question, {WRONG: 100}, by=author)
    page = author_client.get(regrade_url(choice_quiz, corrected))
    assert page.status_code == 200
    plan = page.context["plan"]
    # The WRONG choice now earns full marks; the RIGHT one keeps its 100.
    assert (plan.attempts, plan.answers_changed, plan.grades_changed) == (2, 1, 1)
    assert "Regrade 2 attempts" in page.content.decode()
    assert sorted(Attempt.objects.values_list("grade", flat=True)) == [0, 100]  # unchanged
    assert not AuditLogEntry.objects.filter(action="assessments.question_regraded").exists()


def test_only_authors_of_the_course_or_administrators_can_regrade(client, choice_quiz, trainee, facilitator, administrator, author):
    question = choice_quiz.slots.get().question
    take_quiz(choice_quiz, trainee, choice=WRONG)
    corrected = edit_key(question, {WRONG: 100}, by=author)
    url = regrade_url(choice_quiz, corrected)
    stranger = UserFactory(role=roles.TRAINER)
    for user in (trainee, facilitator, stranger):
        client.force_login(user)
        assert client.get(url).status_code == 404
        assert client.post(url, {"version": "2"}).status_code == 404
        assert client.get(reverse("quiz_questions", args=[choice_quiz.pk])).status_code == 404
    assert Attempt.objects.get().grade == 0
    client.force_login(administrator)
    assert client.get(url).status_code == 200
    client.post(url, {"version": "2"})
    assert Attempt.objects.get().grade == 100


def test_a_question_not_used_by_the_quiz_is_not_found(author_client, choice_quiz):
    unrelated = single_choice("Something else")
    assert author_client.get(regrade_url(choice_quiz, unrelated)).status_code == 404


def test_regrade_refuses_a_stale_preview(author_client, author, choice_quiz, trainee):
    question = choice_quiz.slots.get().question
    take_quiz(choice_quiz, trainee, choice=WRONG)
    corrected = edit_key(question, {WRONG: 100}, by=author)
    response = author_client.post(regrade_url(choice_quiz, corrected), {"version": "1"})
    assert response.status_code == 302 and response["Location"] == regrade_url(choice_quiz, corrected)
    assert Attempt.objects.get().grade == 0
    tampered = author_client.post(regrade_url(choice_quiz, corrected), {"version": "two"})
    assert tampered.status_code == 302 and Attempt.objects.get().grade == 0


def test_regrading_twice_changes_nothing_the_second_time(author, choice_quiz, trainee):
    question = choice_quiz.slots.get().question
    take_quiz(choice_quiz, trainee, choice=WRONG)
    current = edit_key(question, {WRONG: 100}, by=author)
    first = services.regrade_family(question=current, by=author, expected_version=2)
    second = services.regrade_family(question=current, by=author, expected_version=2)
    assert (first.grades_changed, second.grades_changed, second.attempts) == (1, 0, 1)


def test_regrade_may_complete_the_course_and_a_recorded_completion_stays(
    author, choice_quiz, trainee, course, django_capture_on_commit_callbacks
):
    question = choice_quiz.slots.get().question
    enrolment = Enrolment.objects.get(trainee=trainee)
    learning.complete_lesson(enrolment=enrolment, lesson=lessons_of(course)[0])
    take_quiz(choice_quiz, trainee, choice=WRONG)
    current = edit_key(question, {WRONG: 100}, by=author)
    with django_capture_on_commit_callbacks(execute=True):
        services.regrade_family(question=current, by=author, expected_version=2)
    enrolment.refresh_from_db()
    assert enrolment.status == Enrolment.Status.COMPLETED

    current = edit_key(current, {WRONG: 0}, by=author)  # corrected back: the grade falls...
    with django_capture_on_commit_callbacks(execute=True):
        services.regrade_family(question=current, by=author, expected_version=3)
    assert Attempt.objects.get().grade == 0
    enrolment.refresh_from_db()
    assert enrolment.status == Enrolment.Status.COMPLETED  # ...the recorded completion stays


def test_attempts_in_progress_are_left_for_a_later_regrade(author, choice_quiz, trainee):
    question = choice_quiz.slots.get().question
    enrolment = Enrolment.objects.get(trainee=trainee)
    services.start_attempt(quiz=choice_quiz, trainee=trainee, enrolment=enrolment)
    current = edit_key(question, {WRONG: 100}, by=author)
    plan = services.plan_regrade(question=current, by=author)
    assert (plan.attempts, plan.in_progress) == (0, 1)


def test_regrade_leaves_attempts_in_courses_the_author_does_not_write(author, choice_quiz, trainee):
    question = choice_quiz.slots.get().question
    other_course = build_course("Another course")
    add_quiz(other_course, [question], title="Shared question")
    elsewhere = UserFactory()
    learning.enrol(trainee=elsewhere, course=other_course)
    other_attempt = take_quiz(QuizPage.objects.get(title="Shared question"), elsewhere, choice=WRONG)
    take_quiz(choice_quiz, trainee, choice=WRONG)
    current = edit_key(question, {WRONG: 100}, by=author)
    plan = services.regrade_family(question=current, by=author, expected_version=2)
    assert (plan.attempts, plan.outside_scope) == (1, 1)
    assert Attempt.objects.get(pk=other_attempt.pk).grade == 0


def test_an_essay_cannot_be_regraded(author_client, quiz, attempt):
    question = essay_answer(attempt).question
    response = author_client.get(regrade_url(quiz, question))
    assert response.status_code == 302
    with pytest.raises(services.NothingToRegrade):
        services.plan_regrade(question=question, by=UserFactory(role=roles.ADMINISTRATOR))


def test_questions_page_lists_each_question_with_its_version_and_regrade_link(author_client, author, choice_quiz, trainee):
    question = choice_quiz.slots.get().question
    take_quiz(choice_quiz, trainee, choice=WRONG)
    corrected = edit_key(question, {WRONG: 100}, by=author)
    page = author_client.get(reverse("quiz_questions", args=[choice_quiz.pk])).content.decode()
    assert "Which is an indicator?" in page
    assert regrade_url(choice_quiz, corrected) in page


def test_the_trainee_dashboard_announces_a_graded_essay_until_the_trainee_marks_it_read(
    facilitator_client, attempt, trainee, django_capture_on_commit_callbacks
):
    client = Client()  # the fixture's client is the facilitator's
    client.force_login(trainee)
    waiting = client.get(reverse("dashboard")).content.decode()
    assert "waiting for a trainer to grade them" in waiting

    with django_capture_on_commit_callbacks(execute=True):
        post_grade(facilitator_client, attempt, "3", comment="Clear referral steps.")
    dashboard = client.get(reverse("dashboard")).content.decode()
    assert "were graded on" in dashboard and reverse("attempt_review", args=[attempt.pk]) in dashboard
    assert reverse("attempt_grade_read", args=[attempt.pk]) in dashboard
    assert "waiting for a trainer" not in dashboard

    # Reading the review is not "marking as read": only the trainee's own button is.
    review = assert_get_writes_nothing(client, reverse("attempt_review", args=[attempt.pk])).content.decode()
    assert "Mark as read" in review
    assert "were graded on" in assert_get_writes_nothing(client, reverse("dashboard")).content.decode()

    response = client.post(reverse("attempt_grade_read", args=[attempt.pk]))
    assert response.status_code == 302 and response["Location"] == reverse("dashboard")
    dashboard = client.get(reverse("dashboard")).content.decode()
    assert "were graded on" not in dashboard and "Marked as read." in dashboard
    assert "Mark as read" not in client.get(reverse("attempt_review", args=[attempt.pk])).content.decode()


def test_marking_a_grade_read_from_the_review_returns_to_the_review(facilitator_client, attempt, trainee):
    post_grade(facilitator_client, attempt, "3")
    client = Client()
    client.force_login(trainee)
    review = reverse("attempt_review", args=[attempt.pk])
    response = client.post(reverse("attempt_grade_read", args=[attempt.pk]), {"next": review})
    assert response["Location"] == review
    # Somewhere else than this site: back to the dashboard instead.
    post_grade(facilitator_client, attempt, "4")
    response = client.post(reverse("attempt_grade_read", args=[attempt.pk]), {"next": "https://evil.example/"})
    assert response["Location"] == reverse("dashboard")


def test_a_second_mark_as_read_changes_nothing(facilitator_client, attempt, trainee):
    post_grade(facilitator_client, attempt, "3")
    client = Client()
    client.force_login(trainee)
    client.post(reverse("attempt_grade_read", args=[attempt.pk]))
    seen = Attempt.objects.get(pk=attempt.pk).grade_seen_at
    assert seen is not None
    client.get(reverse("dashboard"))  # the first click's message is read
    response = client.post(reverse("attempt_grade_read", args=[attempt.pk]), follow=True)
    assert response.status_code == 200
    assert Attempt.objects.get(pk=attempt.pk).grade_seen_at == seen
    assert "Marked as read." not in response.content.decode()


def test_a_new_grade_is_announced_again_after_it_was_marked_read(facilitator_client, attempt, trainee):
    post_grade(facilitator_client, attempt, "3")
    client = Client()
    client.force_login(trainee)
    client.post(reverse("attempt_grade_read", args=[attempt.pk]))
    Attempt.objects.filter(pk=attempt.pk).update(graded_at=timezone.now() + timedelta(seconds=1))  # regraded later
    assert "were graded on" in client.get(reverse("dashboard")).content.decode()


def test_only_the_attempts_trainee_can_mark_its_grade_read(facilitator_client, attempt, trainee, course):
    post_grade(facilitator_client, attempt, "3")
    url = reverse("attempt_grade_read", args=[attempt.pk])
    classmate = UserFactory()
    learning.enrol(trainee=classmate, course=course)
    for user in (classmate, attempt.enrolment.cohort.facilitator, UserFactory(role=roles.ADMINISTRATOR)):
        other = Client()
        other.force_login(user)
        assert other.post(url).status_code == 404
    assert Client().post(url).status_code == 302  # anonymous: to the sign-in page
    assert Attempt.objects.get(pk=attempt.pk).grade_seen_at is None
    client = Client()
    client.force_login(trainee)
    assert client.get(url).status_code == 405  # a GET never marks anything


def test_mark_as_read_needs_the_csrf_token(facilitator_client, attempt, trainee):
    post_grade(facilitator_client, attempt, "3")
    client = Client(enforce_csrf_checks=True)
    client.force_login(trainee)
    assert client.post(reverse("attempt_grade_read", args=[attempt.pk])).status_code == 403
    assert Attempt.objects.get(pk=attempt.pk).grade_seen_at is None


# --- the grader's comment reaches the trainee ------------------------------------------------

HOSTILE_COMMENT = "Good start <script>alert(1)</script>\nNext time name the focal point."


def test_the_graders_comment_shows_escaped_with_its_line_breaks_on_the_trainees_review(client, facilitator_client, attempt, trainee):
    post_grade(facilitator_client, attempt, "3", HOSTILE_COMMENT)
    client.force_login(trainee)
    page = client.get(reverse("attempt_review", args=[attempt.pk])).content.decode()
    assert "Comment from your trainer" in page
    assert "Good start &lt;script&gt;alert(1)&lt;/script&gt;<br>Next time name the focal point." in page
    assert "<script>alert(1)</script>" not in page


def test_the_graders_comment_is_in_the_email_telling_the_trainee_the_grade_is_ready(
    facilitator_client, attempt, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        post_grade(facilitator_client, attempt, "3", HOSTILE_COMMENT)
    assert len(mail.outbox) == 1
    assert HOSTILE_COMMENT in mail.outbox[0].body  # a plain-text email: nothing to escape


def test_another_trainee_cannot_read_the_graders_comment(client, facilitator_client, attempt, cohort):
    post_grade(facilitator_client, attempt, "3", HOSTILE_COMMENT)
    other = UserFactory()
    learning.add_to_cohort(cohort=cohort, trainee=other)
    client.force_login(other)
    assert client.get(reverse("attempt_review", args=[attempt.pk])).status_code == 404


# --- the grading page -------------------------------------------------------------------------


def test_an_essay_only_attempt_waiting_for_a_grade_never_says_marked_0_out_of_0(client, course, cohort, facilitator, trainee):
    only_essay = add_quiz(course, [essay("Explain the non-punishment principle", rubric="<p>Mentions compelled offences.</p>")], title="Essay only")
    attempt = take_quiz(only_essay, trainee, text="Victims are not punished for what they were forced to do.")
    client.force_login(facilitator)
    page = client.get(reverse("grade_attempt", args=[attempt.pk])).content.decode()
    assert "Mentions compelled offences." in page
    assert "0 out of 0" not in page and "Marked automatically" not in page


def test_the_grading_page_still_shows_the_automatic_marks_beside_an_essay(facilitator_client, attempt):
    page = facilitator_client.get(reverse("grade_attempt", args=[attempt.pk])).content.decode()
    assert "Marked automatically" in page and "1 out of 1" in page


def test_grading_notes_imported_from_moodle_xml_show_on_the_grading_page(client, course, cohort, facilitator, trainee):
    from assessments import importing
    from assessments.formats import parse_moodle_xml

    xml = (
        b'<quiz><question type="essay"><name><text>Imported essay</text></name>'
        b'<questiontext format="html"><text>Describe the first interview.</text></questiontext>'
        b'<graderinfo format="html"><text>&lt;p&gt;Checks consent before questions.&lt;/p&gt;</text></graderinfo>'
        b"</question></quiz>"
    )
    (question,) = importing.import_questions(parse_moodle_xml(xml).questions)
    imported = add_quiz(course, [question], title="Imported")
    attempt = take_quiz(imported, trainee, text="I ask for consent.")
    client.force_login(facilitator)
    page = client.get(reverse("grade_attempt", args=[attempt.pk])).content.decode()
    assert "Grading notes" in page and "Checks consent before questions." in page


# --- the regrade preview lists the attempts it changes ------------------------------------------


@pytest.fixture
def two_cohorts(course, choice_quiz, author):
    """Cohort A of the author's course, run by the author; cohort B of another course, whose quiz
    shares the question. One trainee in each answered WRONG."""
    question = choice_quiz.slots.get().question
    cohort_a = CohortFactory(course=course, facilitator=author, name="Abidjan workshop")
    in_a = UserFactory(first_name="Awa", last_name="Koné")
    learning.add_to_cohort(cohort=cohort_a, trainee=in_a)
    take_quiz(choice_quiz, in_a, choice=WRONG)
    other_course = build_course("Another course")
    other_quiz = add_quiz(other_course, [question], title="Shared question", pass_mark=60)
    cohort_b = CohortFactory(course=other_course, name="Ouagadougou workshop")
    in_b = UserFactory(first_name="Oksana", last_name="Petrenko")
    learning.add_to_cohort(cohort=cohort_b, trainee=in_b)
    take_quiz(other_quiz, in_b, choice=WRONG)
    return edit_key(question, {WRONG: 100}, by=author)


def test_regrade_preview_lists_only_the_trainers_own_attempts_with_before_and_after(author_client, choice_quiz, two_cohorts):
    page = author_client.get(regrade_url(choice_quiz, two_cohorts))
    plan = page.context["plan"]
    assert [(c.trainee, c.before, c.after) for c in plan.changes] == [("Awa Koné", Decimal("0"), Decimal("100"))]
    assert (plan.attempts, plan.outside_scope, plan.passes_gained, plan.passes_lost) == (1, 1, 1, 0)
    html = page.content.decode()
    assert "Awa Koné" in html and "now passes" in html and 'aria-hidden="true">→</span> 100%' in html
    assert "Oksana" not in html and "Petrenko" not in html
    assert "covers only the submitted attempts in the courses you author" in html
    assert "every course and cohort" not in html


def test_administrators_regrade_preview_lists_every_attempt_and_says_so(client, administrator, choice_quiz, two_cohorts):
    client.force_login(administrator)
    page = client.get(regrade_url(choice_quiz, two_cohorts))
    plan = page.context["plan"]
    assert plan.covers_all and plan.outside_scope == 0
    assert sorted(c.trainee for c in plan.changes) == ["Awa Koné", "Oksana Petrenko"]
    assert (plan.attempts, plan.passes_gained, plan.passes_lost) == (2, 2, 0)
    html = page.content.decode()
    assert "you regrade every submitted attempt at this question, in every course and cohort" in html
    assert "Awa Koné" in html and "Oksana Petrenko" in html


def test_regrade_preview_does_not_name_trainees_of_a_cohort_another_trainer_runs(author_client, choice_quiz, trainee):
    question = choice_quiz.slots.get().question
    take_quiz(choice_quiz, trainee, choice=RIGHT)  # in the fixture cohort, run by the facilitator
    corrected = edit_key(question, {RIGHT: 0, WRONG: 100})
    page = author_client.get(regrade_url(choice_quiz, corrected))
    plan = page.context["plan"]
    assert [(c.trainee, c.passed_before, c.passed_after) for c in plan.changes] == [("", True, False)]
    assert plan.passes_lost == 1
    html = page.content.decode()
    assert "Mariama" not in html and "Diallo" not in html and "no longer passes" in html
