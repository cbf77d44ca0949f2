"""Migration 0006: a quiz's own random draw becomes a random slot; fixed slots stay fixed."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from assessments.models import QuizRandomSlot, QuizSlot
from tests.factories import add_quiz, build_course, question_category, single_choice

BEFORE = [("assessments", "0005_attempt_without_abandoned")]
AFTER = [("assessments", "0006_picker_random_slots_previews")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_quiz_draw_moves_into_a_random_slot_and_fixed_slots_stay():
    course = build_course("Identifying victims", modules=1, lessons_per_module=1)
    fixed = single_choice()
    category = question_category("Indicators")
    quiz = add_quiz(course, [fixed])
    try:
        migrate(BEFORE)
        with connection.cursor() as cursor:
            cursor.execute(
                "UPDATE assessments_quizpage SET random_category_id = %s, random_count = 3 WHERE page_ptr_id = %s",
                [category.pk, quiz.pk],
            )
        migrate(AFTER)
    finally:
        migrate(executor_leaf())
    [slot] = QuizRandomSlot.objects.filter(quiz_id=quiz.pk)
    assert (slot.category_id, slot.count, slot.include_subcategories) == (category.pk, 3, True)
    assert list(QuizSlot.objects.filter(quiz_id=quiz.pk).values_list("question_id", flat=True)) == [fixed.pk]


def executor_leaf():
    executor = MigrationExecutor(connection)
    return executor.loader.graph.leaf_nodes()
