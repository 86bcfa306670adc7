"""A new history store is made at this version's schema in one step (history.SCHEMA), and
an old store is still migrated step by step: both end with the same schema text in
`sqlite_master` and the same user_version, so the two ways can never drift apart
(docs/decisions.md, session 30: the new store at the final schema directly)."""

import sqlite3

from pipeline import history
from pipeline.history import MIGRATIONS, SCHEMA_VERSION


def _schema(path):
    """The store's schema as SQLite keeps it: every table and index, with its SQL text."""
    conn = sqlite3.connect(path)
    try:
        rows = sorted(conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master"))
        version = conn.execute("PRAGMA user_version").fetchone()[0]
    finally:
        conn.close()
    return rows, version


def _migrated_from(path, version):
    """A store at ``version`` (0: a SQLite file with no table), then brought to this version's
    schema through the migrations, step by step (not the one-step path)."""
    conn = sqlite3.connect(path, isolation_level=None)
    for step in range(1, version + 1):
        for statement in MIGRATIONS[step]:
            conn.execute(statement)
    conn.execute(f"PRAGMA user_version = {version}")
    history._migrate(conn, version)
    conn.close()


def test_a_new_store_has_the_schema_of_one_migrated_from_version_0_and_1(tmp_path):
    new = tmp_path / "new.sqlite"
    conn = history._connect(new)  # no file yet: made at the final schema directly
    conn.close()
    made = _schema(new)
    for version in (0, 1):
        old = tmp_path / f"v{version}.sqlite"
        _migrated_from(old, version)
        assert _schema(old) == made
    rows, version = made
    assert version == SCHEMA_VERSION == 7
    # the five tables, SQLite's sequence table (runs' AUTOINCREMENT), three primary-key
    # indexes and households_key: 10 entries
    assert len(rows) == 10
    households = next(
        sql for kind, name, _, sql in rows if kind == "table" and name == "households"
    )
    # step 4 renamed households_4 (SQLite quotes the new name), steps 5 and 6 appended from_age
    # and so_dinh_danh (session 52)
    assert households.startswith('CREATE TABLE "households" (')
    assert "n_deprived INTEGER, from_age INTEGER, so_dinh_danh TEXT," in households
    runs = next(sql for kind, name, _, sql in rows if kind == "table" and name == "runs")
    assert runs.endswith("summary TEXT NOT NULL, later_affected INTEGER, input_dir TEXT)")


def test_a_new_store_is_made_in_one_step_and_used(tmp_path):
    """The one-step path runs no migration: MIGRATIONS emptied for the call, the store is still
    made whole (a store migrated step by step would have no table at all), and opened again
    as a store of this version."""
    path = tmp_path / "h.sqlite"
    saved = dict(MIGRATIONS)
    MIGRATIONS.clear()
    try:
        history._connect(path).close()
    finally:
        MIGRATIONS.update(saved)
    names = {name for kind, name, _, _ in _schema(path)[0] if kind == "table"}
    assert names == {
        "runs",
        "sqlite_sequence",
        "run_files",
        "snapshots",
        "hamlet_figures",
        "households",
    }
    made = _schema(path)
    history._connect(path).close()  # opened again: a store of this version, left as it is
    assert _schema(path) == made
    assert made[1] == 7
