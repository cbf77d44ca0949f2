"""django-tasks-db's ``db_worker``, which first puts back the tasks that a dead worker left running.

This command takes the place of django-tasks-db's own (``lms`` comes first in INSTALLED_APPS);
it takes the same options. Its default worker id says where it runs (``host:pid:start``), so
that a later worker or the periodic job can tell that it died (lms/task_recovery.py).
"""

from django_tasks_db.management.commands import db_worker

from lms.task_recovery import requeue_abandoned_tasks, this_worker_id


class Command(db_worker.Command):
    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.set_defaults(worker_id=this_worker_id())

    def handle(self, *args, **options):
        requeue_abandoned_tasks()
        return super().handle(*args, **options)
