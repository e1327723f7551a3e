"""Read, validate and merge actor YAML files (the bundled ``data/actors.yaml`` plus a user's).

A user's file has the same sections as the bundled one and is merged into it, entry
by entry: for an actor or person that already exists, list fields (``names``,
``aliases``...) are extended and scalar fields replaced; ``roles`` given for a person
replace that person's roles; ``replace: true`` replaces the whole entry and
``remove: true`` deletes it. Every error is an ``ActorFileError`` naming the file,
the entry and the line, so a user can fix a typo without reading code.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from .model import Actor, ActorData, Person, Role, Title

CODE_RE = re.compile(r"^[A-Z]{3}$")
ORG_CODE_RE = re.compile(r"^[A-Z][A-Z0-9]{1,9}$")
GENDERS = ("m", "f")
SECTIONS = (
    "version",
    "titles",
    "groups",
    "bare_groups",
    "plurals",
    "belligerents",
    "heads",
    "honorifics",
    "reporting_verbs",
    "locative_words",
    "modified_nouns",
    "non_holders",
    "not_actors",
    "actors",
    "persons",
)


class ActorFileError(ValueError):
    """A bad actor file: the message names the file, the entry and (when known) the line."""


class _LineDict(dict):
    """A YAML mapping that remembers the line it started on, for error messages."""

    line: int = 0


class _Loader(yaml.SafeLoader):
    """Safe YAML with line-aware mappings and dates kept as text (checked by us, with a clear error)."""


def _construct_mapping(loader: _Loader, node: yaml.MappingNode) -> _LineDict:
    loader.flatten_mapping(node)
    out = _LineDict()
    out.line = node.start_mark.line + 1
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        try:
            hash(key)
        except TypeError:
            raise ActorFileError(f"line {key_node.start_mark.line + 1}: a mapping key must be a plain value") from None
        if key in out:
            raise ActorFileError(f"line {key_node.start_mark.line + 1}: {key!r} is given twice in the same mapping")
        out[key] = loader.construct_object(value_node, deep=True)
    return out


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_Loader.add_constructor("tag:yaml.org,2002:timestamp", lambda loader, node: loader.construct_scalar(node))


class _Ctx:
    """Where we are in a file, so each error says file, line and entry."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def fail(self, where: str, message: str, line: int | None = None) -> ActorFileError:
        place = f"{self.path}:{line}" if line else str(self.path)
        return ActorFileError(f"{place}: {where}: {message}")


def read_yaml(path: Path) -> dict[str, Any]:
    """The top mapping of one actor file; syntax and structure errors name the file and line."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ActorFileError(f"{path}: cannot read actor file: {exc.strerror or exc}") from None
    except UnicodeDecodeError as exc:
        raise ActorFileError(f"{path}: not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    try:
        doc = yaml.load(text, Loader=_Loader)  # noqa: S506 - _Loader is a SafeLoader subclass
    except ActorFileError as exc:
        raise ActorFileError(f"{path}: {exc}") from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = f":{mark.line + 1}" if mark else ""
        raise ActorFileError(f"{path}{line}: YAML syntax error: {exc.problem or exc.context}") from None
    except yaml.YAMLError as exc:
        raise ActorFileError(f"{path}: YAML error: {exc}") from None
    if doc is None:
        return {}
    if not isinstance(doc, dict):
        raise ActorFileError(f"{path}: the file must be a mapping of sections ({', '.join(SECTIONS[1:])})")
    for key in doc:
        if key not in SECTIONS:
            raise ActorFileError(
                f"{path}:{getattr(doc, 'line', 1)}: unknown section {key!r}; expected one of {', '.join(SECTIONS)}"
            )
    return doc


def _line(value: Any, default: int | None) -> int | None:
    return getattr(value, "line", None) or default


def _strings(ctx: _Ctx, where: str, value: Any, line: int | None, *, field: str) -> tuple[str, ...]:
    """A list of non-empty strings (a single string is accepted as a list of one)."""
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        raise ctx.fail(where, f"{field} must be a list of strings, not {type(value).__name__}", line)
    out = []
    for item in value:
        if not isinstance(item, str) or not item.strip():
            raise ctx.fail(where, f"{field} must hold non-empty strings, found {item!r}", line)
        out.append(" ".join(item.split()))
    return tuple(out)


def _strip_the(name: str) -> str:
    """'the Kremlin' is stored as 'Kremlin': the article is never part of a mention's span."""
    return name[4:] if name[:4] in ("the ", "The ") and len(name) > 4 else name


def _date(ctx: _Ctx, where: str, value: Any, line: int | None, field: str) -> date | None:
    if value is None:
        return None
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        raise ctx.fail(where, f"{field} must be a date YYYY-MM-DD, not {value!r}", line)
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise ctx.fail(where, f"{field} {value!r} is not a valid date (YYYY-MM-DD)", line) from None


def _mapping(ctx: _Ctx, where: str, value: Any, line: int | None) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise ctx.fail(where, f"must be a mapping, not {type(value).__name__}", line)
    return value


def _check_keys(ctx: _Ctx, where: str, entry: dict, allowed: tuple[str, ...], line: int | None) -> None:
    for key in entry:
        if key not in allowed:
            raise ctx.fail(where, f"unknown field {key!r}; allowed: {', '.join(allowed)}", line)


def _merge_list(old: tuple[str, ...], new: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(old + new))


def merge_file(data: ActorData | None, path: Path) -> ActorData:
    """``data`` with one more file merged in (``data`` None: the file is the base)."""
    ctx = _Ctx(path)
    doc = read_yaml(path)
    top = getattr(doc, "line", 1)
    base = data or ActorData({}, {}, {}, {}, frozenset(), (), (), ())
    titles = dict(base.titles)
    for key, value in _mapping(ctx, "titles", doc.get("titles") or {}, top).items():
        titles[str(key)] = _title(ctx, str(key), value, titles.get(str(key)))
    for title in titles.values():
        for other in title.covers:
            if other not in titles:
                raise ctx.fail(f"titles entry {title.key!r}", f"covers unknown title {other!r}")
    groups = dict(base.groups)
    for role, value in _mapping(ctx, "groups", doc.get("groups") or {}, top).items():
        for noun in _strings(ctx, f"groups entry {role!r}", value, _line(value, top), field="nouns"):
            groups[noun.lower()] = str(role)
    bare_groups = set(base.bare_groups)
    for noun in _strings(ctx, "bare_groups", doc.get("bare_groups"), top, field="bare_groups"):
        if noun.lower() not in groups:
            raise ctx.fail("bare_groups", f"{noun!r} is not a group noun (add it under groups first)", top)
        bare_groups.add(noun.lower())
    lists = {
        name: _merge_list(getattr(base, name), _strings(ctx, name, doc.get(name), top, field=name))
        for name in ("honorifics", "reporting_verbs", "locative_words", "modified_nouns", "non_holders", "not_actors")
    }
    heads = dict(base.heads)
    for key, value in _mapping(ctx, "heads", doc.get("heads") or {}, top).items():
        where = f"heads entry {key!r}"
        if str(key) not in titles:
            raise ctx.fail(where, f"unknown title {key!r}; known: {', '.join(sorted(titles))}", _line(value, top))
        for noun in _strings(ctx, where, value, _line(value, top), field="nouns"):
            heads[noun.lower()] = str(key)
    plurals = dict(base.plurals)
    for role, value in _mapping(ctx, "plurals", doc.get("plurals") or {}, top).items():
        phrases = _strings(ctx, f"plurals entry {role!r}", value, _line(value, top), field="phrases")
        plurals[str(role)] = _merge_list(plurals.get(str(role), ()), phrases)
    actors = dict(base.actors)
    for code, value in _mapping(ctx, "actors", doc.get("actors") or {}, top).items():
        _actor(ctx, str(code), value, actors)
    belligerents = base.belligerents
    if doc.get("belligerents") is not None:
        belligerents = _strings(ctx, "belligerents", doc.get("belligerents"), top, field="belligerents")
        unknown = [code for code in belligerents if code not in actors]
        if len(belligerents) != 2 or unknown:
            problem = f"unknown code {unknown[0]!r}" if unknown else f"needs two codes, not {len(belligerents)}"
            raise ctx.fail("belligerents", problem, _line(doc.get("belligerents"), top))
    persons = dict(base.persons)
    raw_persons = doc.get("persons") or []
    if not isinstance(raw_persons, list):
        raise ctx.fail("persons", f"must be a list of entries, not {type(raw_persons).__name__}", top)
    for index, value in enumerate(raw_persons, 1):
        _person(ctx, index, value, persons, actors, titles)
    return ActorData(
        actors=actors,
        persons=persons,
        titles=titles,
        groups=groups,
        bare_groups=frozenset(bare_groups),
        honorifics=lists["honorifics"],
        plurals=plurals,
        heads=heads,
        reporting_verbs=lists["reporting_verbs"],
        locative_words=lists["locative_words"],
        modified_nouns=lists["modified_nouns"],
        non_holders=lists["non_holders"],
        not_actors=lists["not_actors"],
        belligerents=tuple(belligerents),
        sources=base.sources + (str(path),),
    )


def _title(ctx: _Ctx, key: str, value: Any, old: Title | None) -> Title:
    where = f"titles entry {key!r}"
    line = _line(value, None)
    entry = _mapping(ctx, where, value, line)
    _check_keys(
        ctx, where, entry, ("role", "nouns", "bare", "covers", "modifiers", "modifier_nouns", "sole_code"), line
    )
    role = entry.get("role", old.role if old else None)
    if not isinstance(role, str) or not role:
        raise ctx.fail(where, "missing field 'role' (a coarse role such as leader, foreign_minister)", line)
    bare = entry.get("bare", old.bare if old else True)
    if not isinstance(bare, bool):
        raise ctx.fail(where, f"bare must be true or false, not {bare!r}", line)
    sole = entry.get("sole_code", old.sole_code if old else None)
    if sole is not None and (not isinstance(sole, str) or not ORG_CODE_RE.match(sole)):
        raise ctx.fail(where, f"sole_code must be an actor code such as VAT, not {sole!r}", line)
    lower = {
        f: tuple(s.lower() for s in _strings(ctx, where, entry.get(f), line, field=f))
        for f in ("nouns", "modifier_nouns")
    }
    title = Title(
        key=key,
        role=role,
        nouns=_merge_list(old.nouns if old else (), lower["nouns"]),
        bare=bare,
        covers=_merge_list(old.covers if old else (), _strings(ctx, where, entry.get("covers"), line, field="covers")),
        modifiers=_merge_list(
            old.modifiers if old else (), _strings(ctx, where, entry.get("modifiers"), line, field="modifiers")
        ),
        modifier_nouns=_merge_list(old.modifier_nouns if old else (), lower["modifier_nouns"]),
        sole_code=sole,
    )
    if not title.nouns and not title.modifier_nouns:
        raise ctx.fail(where, "needs at least one of nouns, modifier_nouns", line)
    return title


_ACTOR_FIELDS = ("name", "names", "metonyms", "demonyms", "anaphors", "organization", "replace", "remove")


def _actor(ctx: _Ctx, code: str, value: Any, actors: dict[str, Actor]) -> None:
    where = f"actors entry {code!r}"
    line = _line(value, None)
    entry = _mapping(ctx, where, value, line)
    _check_keys(ctx, where, entry, _ACTOR_FIELDS, line)
    if entry.get("remove") is True:
        actors.pop(code, None)
        return
    old = None if entry.get("replace") is True else actors.get(code)
    if old is None and code not in actors:
        pattern = ORG_CODE_RE if entry.get("organization") is True else CODE_RE
        if not pattern.match(code):
            kind = "an organisation code (A-Z, 0-9)" if pattern is ORG_CODE_RE else "an ISO 3166 alpha-3 code"
            raise ctx.fail(where, f"unknown code {code!r}: a new actor needs {kind} (or organization: true)", line)
    name = entry.get("name", old.name if old else None)
    if not isinstance(name, str) or not name.strip():
        raise ctx.fail(where, "missing field 'name' (the display name, e.g. Russia)", line)
    fields = {
        f: _strings(ctx, where, entry.get(f), line, field=f) for f in ("names", "metonyms", "demonyms", "anaphors")
    }
    for f in ("names", "metonyms"):
        fields[f] = tuple(_strip_the(s) for s in fields[f])
    if old is not None:
        fields = {f: _merge_list(getattr(old, f), v) for f, v in fields.items()}
    if not fields["names"]:
        fields["names"] = (name.strip(),)
    organization = entry.get("organization", old.organization if old else False)
    if not isinstance(organization, bool):
        raise ctx.fail(where, f"field 'organization' must be true or false, not {organization!r}", line)
    actors[code] = Actor(code=code, name=name.strip(), **fields, organization=organization)


_PERSON_FIELDS = ("name", "aliases", "gender", "roles", "replace", "remove")
_ROLE_FIELDS = ("code", "title", "role", "from", "until")


def _person(
    ctx: _Ctx, index: int, value: Any, persons: dict[str, Person], actors: dict[str, Actor], titles: dict[str, Title]
) -> None:
    line = _line(value, None)
    entry = _mapping(ctx, f"persons entry {index}", value, line)
    name = entry.get("name")
    if not isinstance(name, str) or not name.strip():
        raise ctx.fail(f"persons entry {index}", "missing field 'name' (the canonical person name)", line)
    name = " ".join(name.split())
    where = f"persons entry {name!r}"
    _check_keys(ctx, where, entry, _PERSON_FIELDS, line)
    if entry.get("remove") is True:
        persons.pop(name, None)
        return
    old = None if entry.get("replace") is True else persons.get(name)
    gender = entry.get("gender", old.gender if old else None)
    if gender is not None and gender not in GENDERS:
        raise ctx.fail(where, f"gender must be one of {', '.join(GENDERS)}, not {gender!r}", line)
    aliases = _strings(ctx, where, entry.get("aliases"), line, field="aliases")
    aliases = _merge_list(old.aliases if old else (), aliases)
    if "roles" in entry or old is None:
        raw = entry.get("roles")
        if not isinstance(raw, list) or not raw:
            raise ctx.fail(where, "missing field 'roles' (a list of {code, title, from, until})", line)
        roles = tuple(_role(ctx, where, i, r, line, actors, titles) for i, r in enumerate(raw, 1))
    else:
        roles = old.roles
    persons[name] = Person(name=name, aliases=aliases, gender=gender, roles=roles)


def _role(
    ctx: _Ctx, where: str, index: int, value: Any, line: int | None, actors: dict[str, Actor], titles: dict[str, Title]
) -> Role:
    line = _line(value, line)
    here = f"{where}, role {index}"
    entry = _mapping(ctx, here, value, line)
    _check_keys(ctx, here, entry, _ROLE_FIELDS, line)
    code = entry.get("code")
    if not isinstance(code, str) or not code:
        raise ctx.fail(here, "missing field 'code' (the holder code, e.g. RUS)", line)
    if code not in actors:
        raise ctx.fail(here, f"unknown code {code!r} (define it under actors first)", line)
    title = entry.get("title")
    if not isinstance(title, str) or not title:
        raise ctx.fail(here, "missing field 'title' (a key of titles, e.g. president)", line)
    if title not in titles:
        raise ctx.fail(here, f"unknown title {title!r}; known: {', '.join(sorted(titles))}", line)
    role = entry.get("role", titles[title].role)
    if not isinstance(role, str) or not role:
        raise ctx.fail(here, f"role must be a non-empty string, not {role!r}", line)
    start = _date(ctx, here, entry.get("from"), line, "from")
    until = _date(ctx, here, entry.get("until"), line, "until")
    if start and until and until <= start:
        raise ctx.fail(here, f"until {until} is not after from {start}", line)
    return Role(code=code, title=title, role=role, start=start, until=until)


def check_complete(data: ActorData) -> ActorData:
    """Cross-file checks once everything is merged: every role's code still exists."""
    for person in data.persons.values():
        for role in person.roles:
            if role.code not in data.actors:
                raise ActorFileError(
                    f"{data.sources[-1]}: persons entry {person.name!r}: code {role.code!r} was removed"
                )
    for title in data.titles.values():
        if title.sole_code is not None and title.sole_code not in data.actors:
            raise ActorFileError(
                f"{data.sources[-1]}: titles entry {title.key!r}: sole_code {title.sole_code!r} is no actor code"
            )
    return data
