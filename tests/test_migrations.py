"""Library format upgrades: the migrations build exactly the models' schema, and every older format upgrades
on open, after a backup, with its data intact (one test per format)."""

from __future__ import annotations

import json
import sqlite3
import zlib
from importlib.resources import files
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine

from cjmapper.model import PERSONA_COLOURS, CardStatus, Persona, Rating
from cjmapper.store import Library, migrate
from cjmapper.store.schema import METADATA
from cjmapper.store.sqlite import APPLICATION_ID
from cjmapper.store.versions import V1_TOUCHPOINT_FIELDS as V1_FIELDS


def build_library_at(path: Path, revision: str) -> None:
    """A library file as the cjmapper of format `revision` left it."""
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        conn.exec_driver_sql(f"PRAGMA application_id = {APPLICATION_ID}")
        conn.exec_driver_sql("PRAGMA journal_mode = WAL")
        migrate.upgrade(conn, revision)
        conn.exec_driver_sql(
            "INSERT INTO cjm_meta (key, value) VALUES ('format', :f), ('created_by', '0.0.1'), ('written_by', '0.0.1')",
            {"f": str(int(revision))},
        )
        if int(revision) < 7:
            conn.exec_driver_sql(
                "INSERT INTO journeys (id, title, description, language, framework, persona_name, persona_description,"
                " persona_goals, persona_frustrations)"
                " VALUES (7, 'Bakkerij', '', 'nl', 'five-phase', 'Sanne', '', '', '')"
            )
        else:  # format 7 keeps its personas in a table of their own
            conn.exec_driver_sql(
                "INSERT INTO journeys (id, title, description, language, framework)"
                " VALUES (7, 'Bakkerij', '', 'nl', 'five-phase')"
            )
            conn.exec_driver_sql(
                "INSERT INTO personas (id, journey_id, position, name, description, goals, frustrations, color)"
                " VALUES (1, 7, 0, 'Sanne', '', '', '', NULL)"
            )
        conn.exec_driver_sql(
            "INSERT INTO phases (id, journey_id, position, name, description, color)"
            " VALUES (3, 7, 0, 'Aankoop', '', NULL)"
        )
        conn.exec_driver_sql(
            "INSERT INTO lanes (id, journey_id, position, name, kind, color)"
            " VALUES (4, 7, 0, 'Contact', 'touchpoints', NULL)"
        )
        conn.exec_driver_sql(
            "INSERT INTO touchpoints (id, journey_id, phase_id, lane_id, position, title, notes, channel, score,"
            " expectation, owner, color, votes) VALUES (9, 7, 3, 4, 0, 'Afrekenen', '', 'webshop', 2, '', '', NULL, 3)"
        )
    engine.dispose()


def test_migrations_build_exactly_the_models_schema(tmp_path: Path) -> None:
    engine = create_engine(f"sqlite:///{tmp_path / 'schema.cjm'}")
    with engine.begin() as conn:
        migrate.upgrade(conn)
        differences = compare_metadata(MigrationContext.configure(conn), METADATA)
    engine.dispose()
    assert differences == []


def test_revisions_listed_match_the_migration_scripts() -> None:
    versions = files("cjmapper.store") / "migrations" / "versions"
    scripts = sorted(p.name.split("_")[0] for p in versions.iterdir() if p.name[0].isdigit() and p.name.endswith(".py"))
    assert tuple(scripts) == migrate.REVISIONS
    assert len(migrate.REVISIONS) == migrate.FORMAT


@pytest.mark.parametrize("revision", migrate.REVISIONS[:-1])
def test_older_format_upgrades_after_a_backup(tmp_path: Path, revision: str) -> None:
    path = tmp_path / "old.cjm"
    build_library_at(path, revision)
    with Library.open(path) as lib:
        journey = lib.load_journey(7)
        assert journey.title == "Bakkerij"
        assert journey.persona is not None
        assert journey.persona.name == "Sanne"
        [card] = journey.touchpoints
        assert (card.id, card.title, card.channel, card.score, card.votes) == (9, "Afrekenen", "webshop", 2, 3)
        lib.update_touchpoint(9, title="Afrekenen (nieuw)")
    raw = sqlite3.connect(path)
    assert raw.execute("SELECT version_num FROM alembic_version").fetchone() == (migrate.HEAD,)
    assert dict(raw.execute("SELECT key, value FROM cjm_meta").fetchall())["format"] == str(migrate.FORMAT)
    raw.close()
    backup = tmp_path / f"old.cjm.format{int(revision)}.bak"
    old = sqlite3.connect(backup)
    assert old.execute("SELECT version_num FROM alembic_version").fetchone() == (revision,)
    assert old.execute("SELECT title FROM touchpoints").fetchone() == ("Afrekenen",)
    old.close()


def test_second_upgrade_of_same_name_does_not_overwrite_the_first_backup(tmp_path: Path) -> None:
    path = tmp_path / "old.cjm"
    build_library_at(path, migrate.REVISIONS[0])
    first_backup = tmp_path / f"old.cjm.format{int(migrate.REVISIONS[0])}.bak"
    first_backup.write_bytes(b"an earlier backup")
    Library.open(path).close()
    assert first_backup.read_bytes() == b"an earlier backup"
    assert (tmp_path / f"old.cjm.format{int(migrate.REVISIONS[0])}.2.bak").exists()


def test_current_library_opens_without_a_backup(tmp_path: Path) -> None:
    path = tmp_path / "now.cjm"
    Library.open(path).close()
    Library.open(path).close()
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith("now.cjm-")) == ["now.cjm"]


def test_format_2_upgrades_to_named_versions(tmp_path: Path) -> None:
    """Format 3 adds the journey_versions table: a format-2 library gains it, keeps its data, and is backed up."""
    path = tmp_path / "two.cjm"
    build_library_at(path, "0002")
    with Library.open(path) as lib:
        assert lib.load_journey(7).touchpoints[0].title == "Afrekenen"
        assert lib.list_versions(7) == []
        info = lib.save_version(7, "Na de upgrade")
        assert lib.load_version(info.id).touchpoints[0].title == "Afrekenen"
    raw = sqlite3.connect(path)
    assert raw.execute("SELECT version_num FROM alembic_version").fetchone() == (migrate.HEAD,)
    assert raw.execute("SELECT name, touchpoints FROM journey_versions").fetchall() == [("Na de upgrade", 1)]
    raw.close()
    backup = sqlite3.connect(tmp_path / "two.cjm.format2.bak")
    assert backup.execute("SELECT version_num FROM alembic_version").fetchone() == ("0002",)
    tables = {row[0] for row in backup.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert "journey_versions" not in tables
    assert backup.execute("SELECT title FROM touchpoints").fetchone() == ("Afrekenen",)
    backup.close()


def test_format_3_upgrades_version_snapshots_to_named_card_fields(tmp_path: Path) -> None:
    """Format 4 names a snapshot's card fields: a format-3 version (positional, snapshot version 1) is rewritten
    as version 2 with the same values, and reads as before; a snapshot that was damaged stays as it was."""
    path = tmp_path / "three.cjm"
    build_library_at(path, "0003")
    old = {
        "format": "cjmapper.version", "version": 1, "title": "Bakkerij", "description": "", "language": "nl",
        "framework": "five-phase", "persona": None, "phases": [[3, "Aankoop", "", None]],
        "lanes": [[4, "Contact", "touchpoints", None]],
        "touchpoints": [[9, 3, 4, 0, "Afrekenen", "n", "webshop", 2, "snel", "Jan", "#aabbcc", 3]],
    }  # fmt: skip
    raw = sqlite3.connect(path)
    raw.execute(
        "INSERT INTO journey_versions (id, journey_id, name, created_at, touchpoints, snapshot)"
        " VALUES (1, 7, 'Oud', '2026-01-02 03:04:05', 1, ?), (2, 7, 'Kapot', '2026-01-02 03:04:06', 1, ?)",
        (zlib.compress(json.dumps(old).encode()), b"not zlib"),
    )
    raw.commit()
    raw.close()
    with Library.open(path) as lib:
        [card] = lib.load_version(1).touchpoints
        assert (card.id, card.title, card.notes, card.channel, card.score) == (9, "Afrekenen", "n", "webshop", 2)
        assert (card.expectation, card.owner, card.color, card.votes) == ("snel", "Jan", "#aabbcc", 3)
    raw = sqlite3.connect(path)
    stored = dict(raw.execute("SELECT id, snapshot FROM journey_versions").fetchall())
    raw.close()
    upgraded = json.loads(zlib.decompress(stored[1]))
    assert upgraded["version"] == 2
    assert upgraded["touchpoint_fields"][:12] == list(V1_FIELDS)
    assert upgraded["touchpoints"] == old["touchpoints"]
    assert stored[2] == b"not zlib"


def test_format_4_upgrades_to_a_status_per_card(tmp_path: Path) -> None:
    """Format 5 adds a card's status: a format-4 library's cards have none, and take one after the upgrade."""
    path = tmp_path / "four.cjm"
    build_library_at(path, "0004")
    with Library.open(path) as lib:
        assert lib.load_journey(7).touchpoints[0].status is None
        lib.update_touchpoint(9, status="in-progress")
        assert lib.load_journey(7).touchpoints[0].status is CardStatus.IN_PROGRESS
    raw = sqlite3.connect(path)
    assert raw.execute("SELECT status FROM touchpoints").fetchall() == [("in-progress",)]
    raw.close()


def test_format_5_upgrades_to_personas_the_persona_and_scores_the_first_ones(tmp_path: Path) -> None:
    """Format 7 brings several personas: a format-5 library's persona becomes the journey's first persona, its cards'
    scores that persona's, with no target; a journey without a persona keeps its scores as the map's. A second
    persona, its scores and the targets then store and load."""
    path = tmp_path / "five.cjm"
    build_library_at(path, "0005")
    raw = sqlite3.connect(path)
    raw.execute(
        "INSERT INTO journeys (id, title, description, language, framework, persona_name, persona_description,"
        " persona_goals, persona_frustrations) VALUES (8, 'Kaal', '', 'nl', 'aida', NULL, '', '', '')"
    )
    raw.execute("INSERT INTO phases (id, journey_id, position, name, description) VALUES (5, 8, 0, 'Een', '')")
    raw.execute("INSERT INTO lanes (id, journey_id, position, name, kind) VALUES (6, 8, 0, 'Contact', 'touchpoints')")
    raw.execute(
        "INSERT INTO touchpoints (id, journey_id, phase_id, lane_id, position, title, notes, score, expectation, owner,"
        " votes) VALUES (10, 8, 5, 6, 0, 'Bellen', '', 5, '', '', 0)"
    )
    raw.commit()
    raw.close()
    with Library.open(path) as lib:
        journey = lib.load_journey(7)
        assert journey.personas == [Persona("Sanne")]
        assert journey.persona_colours() == [PERSONA_COLOURS[0]]
        [card] = journey.touchpoints
        assert (card.score, card.target, card.ratings) == (2, None, {})
        bare = lib.load_journey(8)
        assert bare.personas == []
        assert [t.score for t in bare.touchpoints] == [5]
        karel = lib.add_persona(7, Persona("Karel")).value
        lib.set_rating(9, karel.id, Rating(4, 5))
        lib.set_rating(9, journey.personas[0].id, Rating(2, 3))
        again = lib.load_journey(7)
        assert [p.name for p in again.personas] == ["Sanne", "Karel"]
        assert [again.touchpoints[0].rating(again, i) for i in (0, 1)] == [Rating(2, 3), Rating(4, 5)]
    raw = sqlite3.connect(path)
    assert raw.execute("SELECT journey_id, position, name FROM personas ORDER BY position").fetchall() == [
        (7, 0, "Sanne"),
        (7, 1, "Karel"),
    ]
    columns = [row[1] for row in raw.execute("PRAGMA table_info(journeys)")]
    assert not any(name.startswith("persona") for name in columns)
    raw.close()
