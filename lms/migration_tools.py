"""Operations for migrations that only PostgreSQL can carry out (covering indexes, statistics,
names that follow a renamed table)."""

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


def names_follow_renamed_tables(*renames: tuple[str, str]) -> migrations.RunPython:
    """After ``AlterModelTable`` renamed each table ``(old, new)``: on PostgreSQL, give the
    indexes, constraints and id sequences that were named after the old table the names a new
    table gets (``courses_apitoken_prefix_e3c8c92f_like`` becomes ``records_apitoken_prefix_…_like``).

    PostgreSQL keeps the old names when a table is renamed. They work, but Django finds some of
    them again by the name it would compute from the table (the ``_like`` index of a text column
    whose index is later dropped), so a stale name would be left behind. Names given by hand
    (``Meta.indexes``) are left alone. Going back, the names follow the table back (run before
    the table is renamed back, as unapplying reverses the operations). SQLite needs nothing: it
    rebuilds a table with fresh index names whenever one of its columns changes.
    """

    def forward(apps, schema_editor):
        for old, new in renames:
            _rename_generated_names(schema_editor, table=new, named_after=old, rename_after=new)

    def backward(apps, schema_editor):
        for old, new in renames:
            _rename_generated_names(schema_editor, table=new, named_after=new, rename_after=old)

    return migrations.RunPython(forward, backward)


def _generated_names(schema_editor, table: str, columns: list[str], foreign_key) -> list[str]:
    """Every name PostgreSQL or Django gives a constraint or index of ``columns`` on ``table``."""
    joined = "_".join(columns)
    suffixes = ["", "_like", "_uniq", "_check"]
    if foreign_key:
        to_table, to_column = foreign_key
        suffixes.append(f"_fk_{to_table}_{to_column}")
    return [
        f"{table}_pkey",
        f"{table}_{joined}_key",  # a column's own UNIQUE, named by PostgreSQL
        f"{table}_{joined}_check",  # a column's own CHECK (positive integers), likewise
        *(schema_editor._create_index_name(table, columns, suffix=suffix) for suffix in suffixes),
    ]


def _rename_generated_names(schema_editor, *, table: str, named_after: str, rename_after: str) -> None:
    connection = schema_editor.connection
    if connection.vendor != "postgresql" or named_after == rename_after:
        return
    quote = schema_editor.quote_name
    with connection.cursor() as cursor:
        found = connection.introspection.get_constraints(cursor, table)
        cursor.execute(
            "SELECT attname, pg_get_serial_sequence(%s, attname) FROM pg_attribute "
            "WHERE attrelid = %s::regclass AND attnum > 0 AND NOT attisdropped",
            [quote(table), quote(table)],
        )
        sequences = [(column, sequence) for column, sequence in cursor.fetchall() if sequence]
    for name, info in found.items():
        if not info["columns"]:
            continue  # an expression index: always named by hand
        was = _generated_names(schema_editor, named_after, info["columns"], info["foreign_key"])
        if name not in was:
            continue
        new_name = _generated_names(schema_editor, rename_after, info["columns"], info["foreign_key"])[was.index(name)]
        if info["index"]:
            schema_editor.execute(f"ALTER INDEX {quote(name)} RENAME TO {quote(new_name)}")
        else:
            schema_editor.execute(f"ALTER TABLE {quote(table)} RENAME CONSTRAINT {quote(name)} TO {quote(new_name)}")
    for column, sequence in sequences:
        if sequence.rsplit(".", 1)[-1].strip('"') == f"{named_after}_{column}_seq":
            schema_editor.execute(f"ALTER SEQUENCE {sequence} RENAME TO {quote(f'{rename_after}_{column}_seq')}")
