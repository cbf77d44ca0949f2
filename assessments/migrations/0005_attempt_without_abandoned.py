"""Attempt.Status loses "abandoned": no rule ever set or read it.

Passage closes an attempt that was not submitted in time with its saved answers and grades it
(services.close_overdue), so "closed without submission" has no state of its own. Should a
database hold such a row (set by hand: no code path wrote it), it goes back in progress with a
deadline in the past: the next close_overdue run, or the trainee's next visit, closes and
grades it with its saved answers, the same path as any attempt whose time ran out. Only one
attempt per quiz and trainee may be in progress (a constraint): if the trainee has another one
open, the migration stops and names the attempt, rather than choose what to do with it.
"""

from django.db import migrations, models


def reopen_abandoned_to_be_closed(apps, schema_editor):
    Attempt = apps.get_model("assessments", "Attempt")
    for attempt in Attempt.objects.filter(status="abandoned").order_by("pk"):
        if Attempt.objects.filter(quiz_key=attempt.quiz_key, trainee_id=attempt.trainee_id, status="in_progress").exists():
            raise RuntimeError(
                f"Attempt {attempt.pk} is 'abandoned' and its trainee has another attempt in progress at the same "
                "quiz: submit or close that one first (assessments.services.close_overdue), then migrate again."
            )
        deadline = min(attempt.deadline, attempt.started_at) if attempt.deadline else attempt.started_at
        Attempt.objects.filter(pk=attempt.pk).update(status="in_progress", deadline=deadline)


class Migration(migrations.Migration):

    dependencies = [
        ("assessments", "0004_plain_decimal_credits"),
    ]

    operations = [
        migrations.RunPython(reopen_abandoned_to_be_closed, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="attempt",
            name="status",
            field=models.CharField(
                choices=[("in_progress", "In progress"), ("finished", "Finished")],
                default="in_progress",
                max_length=20,
                verbose_name="status",
            ),
        ),
    ]
