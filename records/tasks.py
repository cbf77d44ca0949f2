"""Background work of completion records: large person-level files."""

from django_tasks import task

from records import services
from records.models import RecordsExport


@task()
def build_records_export_task(*, export_id: int) -> str | None:
    """Make a queued export's file; does nothing if it is gone or already made."""
    export = RecordsExport.objects.select_related("user").filter(pk=export_id).first()
    if export is None or export.state == RecordsExport.State.DONE:
        return None
    return services.build_records_export(export=export)
