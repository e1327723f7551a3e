"""The actor dictionary as files: loading, caching, digest, user files that add or
override, bad files that must fail with a clear error, and lookups by name.

Every sentence here is written for these tests.
"""

from __future__ import annotations

import os
import re
from datetime import date
from pathlib import Path

import pytest

from backchannel.actors import ActorDictionary, ActorFileError, Mention

FIX = Path(__file__).resolve().parent / "fixtures" / "actors"
D2024 = date(2024, 6, 1)
D2025 = date(2025, 3, 1)


@pytest.fixture(scope="module")
def actors() -> ActorDictionary:
    return ActorDictionary.load()


def found(actors: ActorDictionary, text: str, on: date | None = D2025, **kw) -> list[tuple[str, str, str | None, str]]:
    return [(m.text, m.code, m.person, m.kind) for m in actors.mentions(text, on=on, **kw)]


def test_code_of_and_known_codes(actors: ActorDictionary) -> None:
    assert actors.code_of("the Kremlin") == "RUS"
    assert actors.code_of("RUS") == "RUS"
    assert actors.code_of("Kuleba", on=D2025) is None
    assert actors.code_of("Kuleba", on=D2024) == "UKR"
    assert actors.code_of("the U.S. president") == "USA"
    assert actors.code_of("Atlantis") is None
    assert actors.is_known_code("NATO") and actors.is_known_code("VAT")
    assert not actors.is_known_code("XXX")


def test_load_is_cached_and_digest_tracks_the_data(actors: ActorDictionary) -> None:
    assert ActorDictionary.load() is actors
    assert re.fullmatch(r"[0-9a-f]{12}", actors.digest)
    assert ActorDictionary.load([FIX / "add_alias.yaml"]).digest != actors.digest


def test_digest_depends_on_content_not_location(tmp_path: Path, actors: ActorDictionary) -> None:
    a, b = tmp_path / "a.yaml", tmp_path / "b.yaml"
    for path in (a, b):
        path.write_text("actors:\n  RUS:\n    metonyms: [Staraya Ploshchad]\n", encoding="utf-8")
    assert ActorDictionary.load([a]).digest == ActorDictionary.load([b]).digest != actors.digest


def test_user_file_adds_aliases_persons_and_metonyms() -> None:
    actors = ActorDictionary.load([FIX / "add_alias.yaml"])
    assert found(actors, "Vova and Testovich met at Staraya Ploshchad.", on=D2025) == [
        ("Vova", "RUS", "Vladimir Putin", "person"),
        ("Testovich", "RUS", "Ivan Testovich", "person"),
        ("Staraya Ploshchad", "RUS", None, "country"),
    ]
    # The bundled names still work.
    assert found(actors, "Putin spoke.", on=D2025)[0][2] == "Vladimir Putin"


def test_user_file_overrides_roles_removes_and_adds_actors() -> None:
    actors = ActorDictionary.load([str(FIX / "override.yaml")])
    assert found(actors, "Ukraine’s foreign minister spoke.", on=D2025)[0][2] == "Dmytro Kuleba"
    assert found(actors, "Sybiha spoke.", on=D2025) == []
    assert found(actors, "The Atlantean government and Atlantis agreed.", on=D2025) == [
        ("Atlantean government", "ATL", None, "group"),
        ("Atlantis", "ATL", None, "country"),
    ]


@pytest.mark.parametrize(
    ("name", "pieces"),
    [
        ("bad_unknown_code.yaml", ["bad_unknown_code.yaml:5", "'Jane Roe'", "unknown code 'RUX'"]),
        ("bad_missing_field.yaml", ["bad_missing_field.yaml:2", "'John Doe'", "missing field 'roles'"]),
        ("bad_wrong_type.yaml", ["bad_wrong_type.yaml:3", "actors entry 'RUS'", "names must be a list"]),
        ("bad_date.yaml", ["bad_date.yaml:4", "'Sam Date'", "'2025-13-40' is not a valid date"]),
        ("bad_syntax.yaml", ["bad_syntax.yaml:", "YAML syntax error"]),
        ("bad_new_code.yaml", ["bad_new_code.yaml:3", "actors entry 'Atlantis'", "unknown code"]),
        ("no_such_file.yaml", ["no_such_file.yaml", "cannot read"]),
        ("bad_duplicate.yaml", ["bad_duplicate.yaml", "line 4", "'RUS' is given twice"]),
        ("bad_removed_code.yaml", ["bad_removed_code.yaml", "persons entry 'Volodymyr Zelensky'", "'UKR' was removed"]),
        ("bad_sole_code.yaml", ["bad_sole_code.yaml", "titles entry 'pope'", "sole_code 'VTX' is no actor code"]),
        ("bad_sole_code_type.yaml", ["bad_sole_code_type.yaml:2", "titles entry 'emir'", "sole_code must be"]),
        ("bad_belligerents.yaml", ["bad_belligerents.yaml", "belligerents", "unknown code 'XYZ'"]),
    ],
)
def test_bad_user_files_name_file_entry_and_line(name: str, pieces: list[str]) -> None:
    with pytest.raises(ActorFileError) as info:
        ActorDictionary.load([FIX / name])
    message = str(info.value)
    assert "\n" not in message
    for piece in pieces:
        assert piece in message, message


def test_actor_file_error_is_a_value_error() -> None:
    assert issubclass(ActorFileError, ValueError)
    assert Mention(0, 1, "x", "RUS", None, "country", None).active


def test_code_of_needs_the_whole_string_to_be_one_mention(actors: ActorDictionary) -> None:
    assert actors.code_of("Zelensky’s") == "UKR"
    assert actors.code_of("Erdogan") == "TUR"
    assert actors.code_of("Putin and Zelensky") is None
    assert actors.code_of("the Russian troops") is None
    assert actors.code_of("Russian") == "RUS"


def test_an_edited_user_file_is_read_again(tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text("actors:\n  RUS:\n    metonyms: [Staraya Ploshchad]\n", encoding="utf-8")
    first = ActorDictionary.load([path])
    assert ActorDictionary.load([path]) is first
    path.write_text("actors:\n  RUS:\n    metonyms: [Lubyanka Square]\n", encoding="utf-8")
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 1_000_000))
    second = ActorDictionary.load([path])
    assert second is not first
    assert [m.code for m in second.mentions("Lubyanka Square said no.")] == ["RUS"]


def test_empty_and_partial_inputs(actors: ActorDictionary) -> None:
    assert actors.mentions("") == []
    assert actors.resolve("", [], []) == []
    assert actors.mentions("Putin spoke.", 5, 5) == []
    text = "No actor here.\n\nNone here either."
    assert actors.resolve(text, [(0, 14), (16, 33)], [(0, 14), (16, 33)]) == [[], []]
