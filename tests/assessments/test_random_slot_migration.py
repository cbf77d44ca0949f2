"""Migration 0006: a quiz's own random draw becomes a random slot; fixed slots stay fixed.

The data step is run against stand-ins for the historical models: migrating the shared test
database back and forth would need a transactional test, whose flush disturbs the tests after it.
"""

import importlib
from types import SimpleNamespace

migration = importlib.import_module("assessments.migrations.0007_picker_random_slots_previews")


class Rows:
    def __init__(self, rows):
        self.rows = rows
        self.created = []

    def filter(self, **lookups):
        assert lookups == {"random_category__isnull": False, "random_count__gt": 0}
        return [row for row in self.rows if row.random_category_id is not None and row.random_count > 0]

    def create(self, **fields):
        self.created.append(fields)


def test_the_quiz_draw_moves_into_a_random_slot_after_the_fixed_questions():
    drawing = SimpleNamespace(pk=1, random_category_id=7, random_count=3)
    fixed_only = SimpleNamespace(pk=2, random_category_id=None, random_count=0)
    zero = SimpleNamespace(pk=3, random_category_id=7, random_count=0)
    quizzes, slots = Rows([drawing, fixed_only, zero]), Rows([])
    models = {"QuizPage": SimpleNamespace(objects=quizzes), "QuizRandomSlot": SimpleNamespace(objects=slots)}
    apps = SimpleNamespace(get_model=lambda app, name: models[name])

    migration.quiz_draws_to_random_slots(apps, None)

    assert slots.created == [{"quiz": drawing, "category_id": 7, "include_subcategories": True, "count": 3, "sort_order": 0}]


def test_the_migration_leaves_fixed_slots_alone():
    names = {type(op).__name__ + ":" + getattr(op, "model_name", getattr(op, "name", "")) for op in migration.Migration.operations}
    assert not any(name.endswith(":quizslot") for name in names)
