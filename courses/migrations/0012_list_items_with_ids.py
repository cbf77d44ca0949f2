from django.db import migrations
from wagtail.blocks.migrations.migrate_operation import MigrateStreamData

from content.stream_migrations import ListItemsWithIdsOperation


class Migration(migrations.Migration):
    """Key points stored as plain lists get Wagtail's item format, so that wagtail-localize translates them."""

    dependencies = [
        ("courses", "0011_video_player_and_block_help"),
        ("content", "0003_list_items_with_ids"),
    ]

    operations = [
        MigrateStreamData(
            app_name="courses",
            model_name="lessonpage",
            field_name="body",
            operations_and_block_paths=[(ListItemsWithIdsOperation(), "key_points.points")],
        ),
    ]
