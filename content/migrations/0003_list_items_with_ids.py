from django.db import migrations
from wagtail.blocks.migrations.migrate_operation import MigrateStreamData

from content.stream_migrations import ListItemsWithIdsOperation


class Migration(migrations.Migration):
    """Key points stored as plain lists get Wagtail's item format, so that wagtail-localize translates them."""

    dependencies = [
        ("content", "0002_video_player_and_block_help"),
    ]

    operations = [
        MigrateStreamData(
            app_name="content",
            model_name=model_name,
            field_name="body",
            operations_and_block_paths=[(ListItemsWithIdsOperation(), "key_points.points")],
        )
        for model_name in ("homepage", "standardpage")
    ]
