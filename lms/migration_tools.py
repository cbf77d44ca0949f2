"""Operations for migrations that only PostgreSQL can carry out (covering indexes, statistics)."""

from django.db import migrations


def on_postgresql_only(forward_sql: str, backward_sql: str) -> migrations.RunPython:
    """Run ``forward_sql`` when migrating a PostgreSQL database and ``backward_sql`` when
    unapplying; on any other database, do nothing either way.

    For what makes PostgreSQL faster and that other databases have no equivalent of, such as
    ``INCLUDE`` columns or extended statistics; the code must not rely on it being there.
    """

    def forward(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(forward_sql)

    def backward(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(backward_sql)

    return migrations.RunPython(forward, backward)
