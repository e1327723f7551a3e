"""Load and validate the lexicons: issues (``data/issues/*.yaml``), cues (``data/cues.yaml``), actors.

Everything is compiled once per lexicon (one alternation regex per cue family), so the
extractor's per-sentence cost is a handful of regex searches. The ``digest`` names the
exact lexicon contents, so stored signals record which lexicon produced them and a
re-extraction after an edit is visible.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from ..records import STANCES
from .phrases import (
    AnchorScan,
    PhraseError,
    PhraseSet,
    RawPatterns,
    anchors_of,
    check_phrase,
    compile_phrases,
    phrase_to_regex,
)

CUE_FAMILIES = (
    "stance",
    "condition_markers",
    "condition_qualifiers",
    "opposition_conditions",
    "condition_terms",
    "not_conditions",
    "negation",
    "channel",
    "source",
    "hedge",
    "hedge_modal",
    "hedge_reporting",
    "reporting",
    "claims",
    "breaches",
    "calls",
    "speech_acts",
    "doubt",
    "both_sides",
    "continuation",
    "debris",
    "elsewhere",
    "this_war",
)
_SETTINGS = {
    "negation_window": (3, 1, 19),
    "condition_window": (15, 1, 60),
    "cue_window": (12, 1, 100),
    "doubt_window": (6, 1, 30),
    "elsewhere_window": (10, 1, 60),
}
ISSUE_KEYS = (
    "code",
    "label",
    "description",
    "terms",
    "patterns",
    "context_terms",
    "stance_terms",
    "yields_to",
    "circumstantial",
    "object_holders",
    "requires_object",
)
SOURCE_CUES = ("anonymous", "analyst", "media", "third_party")
CHANNEL_CUES = ("private", "public")


class LexiconError(ValueError):
    """A lexicon file that cannot be used; the message names the file and the entry."""


@dataclass(frozen=True, slots=True)
class IssueLexicon:
    """One issue: its code, the terms that name it, and phrasings that carry a stance."""

    code: str
    label: str
    description: str
    terms: re.Pattern[str]
    stance_terms: dict[str, PhraseSet]
    context_terms: PhraseSet | None = None
    yields_to: tuple[str, ...] = ()
    yields_within: int = 6
    path: str = ""
    circumstantial: re.Pattern[str] | None = None  # "after talks": the term as a time or place, no topic
    anchors: tuple[str, ...] | None = None  # a sentence without any of these has no term (None: always look)
    term_set: PhraseSet | None = None  # the terms (without raw patterns), matched anchor-first
    extra_terms: re.Pattern[str] | None = None  # the raw ``patterns``
    object_holders: tuple[str, ...] = ()  # actors the issue is about (UKR for NATO membership)
    requires_object: bool = False  # a sentence must name one of ``object_holders`` to be about the issue


@dataclass(frozen=True, slots=True)
class Cues:
    """The compiled cue families of ``cues.yaml`` (None where a family is empty)."""

    stance: dict[str, PhraseSet]
    condition_markers: re.Pattern[str] | None
    condition_qualifiers: PhraseSet | None
    opposition_conditions: PhraseSet | None
    condition_terms: re.Pattern[str] | None
    condition_window: int
    not_conditions: re.Pattern[str] | None
    negation: re.Pattern[str] | None
    negation_window: int
    cue_window: int
    channel: dict[str, PhraseSet]
    source: dict[str, PhraseSet]
    hedge: PhraseSet | None
    hedge_modal: PhraseSet | None
    hedge_reporting: re.Pattern[str] | None
    reporting: PhraseSet | None
    claims: PhraseSet | None
    calls: PhraseSet | None
    speech_acts: PhraseSet | None
    doubt: re.Pattern[str] | None
    doubt_window: int
    both_sides: PhraseSet | None
    continuation: re.Pattern[str] | None
    debris: RawPatterns | None
    breaches: PhraseSet | None = None  # acts that break a truce, in an accusation ("accused Russia of shelling")
    elsewhere: PhraseSet | None = None  # other conflicts and forums ("peace between Armenia and Azerbaijan")
    this_war: PhraseSet | None = None  # names of the war tracked, which keep a term about it
    elsewhere_window: int = 10


@dataclass(frozen=True)
class Lexicon:
    """Everything the extractor consults: issues, cues and the actor dictionary."""

    issues: tuple[IssueLexicon, ...]
    cues: Cues
    actors: Any  # backchannel.actors.ActorDictionary
    digest: str
    any_issue: re.Pattern[str] = field(repr=False, default=None)  # type: ignore[assignment]
    anchor_scan: AnchorScan | None = field(repr=False, default=None)  # every issue term's anchors, one pass

    def issue(self, code: str) -> IssueLexicon:
        for item in self.issues:
            if item.code == code:
                return item
        raise KeyError(code)


def _read_yaml(path: Path) -> tuple[Any, bytes]:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise LexiconError(f"{path}: cannot read ({exc.strerror or exc})") from None
    try:
        return yaml.safe_load(raw.decode("utf-8")), raw
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise LexiconError(f"{path}: not valid YAML ({exc})") from None


def _phrases(value: Any, where: str, *, raw: bool = False) -> list[str]:
    """A validated list of phrases at ``where`` (``file: key``)."""
    if value is None:
        return []
    if not isinstance(value, list):
        raise LexiconError(f"{where}: expected a list of phrases, got {type(value).__name__}")
    out = []
    for i, item in enumerate(value):
        if not isinstance(item, str) or not item.strip():
            raise LexiconError(f"{where}[{i}]: expected a non-empty phrase, got {item!r}")
        try:
            check_phrase(item, raw=raw)
        except PhraseError as exc:
            raise LexiconError(f"{where}[{i}] {item!r}: {exc}") from None
        out.append(item)
    return out


def _raw_patterns(patterns: list[str]) -> RawPatterns | None:
    return RawPatterns(patterns) if patterns else None


def _compile(phrases: list[str], *, raw: bool = False) -> re.Pattern[str] | None:
    return compile_phrases(phrases, raw=raw)


def _stance_map(value: Any, where: str, *, required: bool = False) -> dict[str, PhraseSet]:
    if value is None and not required:
        return {}
    if not isinstance(value, dict):
        raise LexiconError(f"{where}: expected a mapping of stance -> phrases")
    out = {}
    for key, phrases in value.items():
        if key not in STANCES:
            raise LexiconError(f"{where}: unknown stance {key!r} (expected one of {', '.join(STANCES)})")
        found = _phrases(phrases, f"{where}.{key}")
        if found:
            out[key] = PhraseSet(found)
    if required and set(out) != set(STANCES):
        missing = ", ".join(s for s in STANCES if s not in out)
        raise LexiconError(f"{where}: needs phrases for every stance (missing: {missing})")
    return out


def load_issue(path: Path) -> IssueLexicon:
    """One issue file, validated.

    ``code`` and ``terms`` are required; ``patterns`` (raw regexes), ``context_terms``,
    ``stance_terms`` and ``yields_to`` are optional.
    """
    data, _ = _read_yaml(path)
    if not isinstance(data, dict):
        raise LexiconError(f"{path}: expected a mapping with 'code' and 'terms'")
    unknown = sorted(set(data) - set(ISSUE_KEYS))
    if unknown:
        raise LexiconError(f"{path}: unknown key {unknown[0]!r} (known: {', '.join(ISSUE_KEYS)})")
    code = data.get("code")
    if not isinstance(code, str) or not re.fullmatch(r"[a-z][a-z0-9_]*", code or ""):
        raise LexiconError(f"{path}: 'code' must be a lower-case identifier such as ceasefire, got {code!r}")
    terms = _phrases(data.get("terms"), f"{path}: terms")
    if not terms:
        raise LexiconError(f"{path}: 'terms' must list at least one phrase")
    stance_terms = _stance_map(data.get("stance_terms"), f"{path}: stance_terms")
    yields = data.get("yields_to") or {}
    if not isinstance(yields, dict):
        raise LexiconError(f"{path}: 'yields_to' must be a mapping with 'issues' and 'within_words'")
    yields_issues = yields.get("issues") or []
    if not isinstance(yields_issues, list) or not all(isinstance(x, str) for x in yields_issues):
        raise LexiconError(f"{path}: yields_to.issues must be a list of issue codes")
    within = yields.get("within_words", 6)
    if not isinstance(within, int) or within < 0:
        raise LexiconError(f"{path}: yields_to.within_words must be a non-negative integer, got {within!r}")
    patterns = _phrases(data.get("patterns"), f"{path}: patterns", raw=True)
    parts = [p.pattern for p in (_compile(terms), _compile(patterns, raw=True)) if p is not None]
    pattern = re.compile("|".join(f"(?:{p})" for p in parts), re.IGNORECASE)
    context_list = _phrases(data.get("context_terms"), f"{path}: context_terms")
    context = PhraseSet(context_list) if context_list else None
    anchors: set[str] | None = set()
    for phrase in terms:
        found = anchors_of(phrase)
        if found is None or patterns:
            anchors = None
            break
        anchors |= found
    circ = _phrases(data.get("circumstantial"), f"{path}: circumstantial")
    circumstantial = (
        re.compile("(?:" + "|".join(phrase_to_regex(p) for p in circ) + r")\W+(?:\w+\W+){0,3}$", re.I) if circ else None
    )
    objects = data.get("object_holders") or []
    if not isinstance(objects, list) or not all(isinstance(x, str) and x for x in objects):
        raise LexiconError(f"{path}: object_holders must be a list of holder codes such as UKR")
    return IssueLexicon(
        code=code,
        label=str(data.get("label") or code),
        description=str(data.get("description") or ""),
        terms=pattern,
        stance_terms=stance_terms,
        context_terms=context,
        circumstantial=circumstantial,
        anchors=tuple(sorted(anchors)) if anchors is not None else None,
        term_set=PhraseSet(terms),
        extra_terms=_compile(patterns, raw=True),
        object_holders=tuple(objects),
        requires_object=bool(data.get("requires_object", False)),
        yields_to=tuple(yields_issues),
        yields_within=within,
        path=str(path),
    )


def load_cues(path: Path) -> Cues:
    """The cue file, validated: every family present is a list (or stance -> list mapping)."""
    data, _ = _read_yaml(path)
    if not isinstance(data, dict):
        raise LexiconError(f"{path}: expected a mapping of cue families")
    unknown = sorted(set(data) - set(CUE_FAMILIES) - set(_SETTINGS))
    if unknown:
        raise LexiconError(f"{path}: unknown cue family {unknown[0]!r} (known: {', '.join(CUE_FAMILIES)})")

    def sub_map(key: str, allowed: tuple[str, ...]) -> dict[str, PhraseSet]:
        value = data.get(key) or {}
        if not isinstance(value, dict):
            raise LexiconError(f"{path}: {key}: expected a mapping of {'/'.join(allowed)} -> phrases")
        out = {}
        for sub, phrases in value.items():
            if sub not in allowed:
                raise LexiconError(f"{path}: {key}: unknown entry {sub!r} (expected one of {', '.join(allowed)})")
            found = _phrases(phrases, f"{path}: {key}.{sub}")
            if found:
                out[sub] = PhraseSet(found)
        return out

    settings = {}
    for key, (default, low, high) in _SETTINGS.items():
        value = data.get(key, default)
        if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
            raise LexiconError(f"{path}: {key} must be an integer from {low} to {high}, got {value!r}")
        settings[key] = value

    def family(key: str) -> re.Pattern[str] | None:
        return _compile(_phrases(data.get(key), f"{path}: {key}"))

    def phrase_set(key: str) -> PhraseSet | None:
        found = _phrases(data.get(key), f"{path}: {key}")
        return PhraseSet(found) if found else None

    return Cues(
        stance=_stance_map(data.get("stance"), f"{path}: stance", required=True),
        condition_markers=family("condition_markers"),
        condition_qualifiers=phrase_set("condition_qualifiers"),
        opposition_conditions=phrase_set("opposition_conditions"),
        condition_terms=family("condition_terms"),
        condition_window=settings["condition_window"],
        not_conditions=family("not_conditions"),
        negation=family("negation"),
        negation_window=settings["negation_window"],
        cue_window=settings["cue_window"],
        channel=sub_map("channel", CHANNEL_CUES),
        source=sub_map("source", SOURCE_CUES),
        hedge=phrase_set("hedge"),
        hedge_modal=phrase_set("hedge_modal"),
        hedge_reporting=family("hedge_reporting"),
        reporting=phrase_set("reporting"),
        claims=phrase_set("claims"),
        calls=phrase_set("calls"),
        speech_acts=phrase_set("speech_acts"),
        doubt=family("doubt"),
        doubt_window=settings["doubt_window"],
        both_sides=phrase_set("both_sides"),
        continuation=family("continuation"),
        debris=_raw_patterns(_phrases(data.get("debris"), f"{path}: debris", raw=True)),
        breaches=phrase_set("breaches"),
        elsewhere=phrase_set("elsewhere"),
        this_war=phrase_set("this_war"),
        elsewhere_window=settings["elsewhere_window"],
    )


def _data_dir() -> Path:
    return Path(str(resources.files("backchannel") / "data"))


def _issue_files(issues_dir: Path) -> list[Path]:
    if not issues_dir.is_dir():
        raise LexiconError(f"{issues_dir}: no such issues folder")
    files = sorted(p for p in issues_dir.iterdir() if p.suffix in (".yaml", ".yml"))
    if not files:
        raise LexiconError(f"{issues_dir}: no issue files (*.yaml) in it")
    return files


def load_lexicon(
    actors_files: tuple[str | Path, ...] | list[str | Path] = (),
    issues_dir: str | Path | None = None,
    cues_file: str | Path | None = None,
) -> Lexicon:
    """The lexicon for extraction: bundled data plus the user's actor files, compiled once.

    Cached per argument set, so the CLI, the pipeline and the benchmark share one
    compiled lexicon. Raises LexiconError naming the file and entry of any bad input.
    """
    return _load(
        tuple(str(Path(p)) for p in actors_files),
        str(issues_dir) if issues_dir is not None else None,
        str(cues_file) if cues_file is not None else None,
    )


@lru_cache(maxsize=8)
def _load(actors_files: tuple[str, ...], issues_dir: str | None, cues_file: str | None) -> Lexicon:
    from ..actors import ActorDictionary

    data = _data_dir()
    idir = Path(issues_dir) if issues_dir else data / "issues"
    cpath = Path(cues_file) if cues_file else data / "cues.yaml"
    digest = hashlib.sha256()
    issues = []
    seen: dict[str, str] = {}
    for path in _issue_files(idir):
        item = load_issue(path)
        if item.code in seen:
            raise LexiconError(f"{path}: issue code {item.code!r} is already defined in {seen[item.code]}")
        seen[item.code] = str(path)
        issues.append(item)
        digest.update(path.read_bytes())
    for item in issues:
        for other in item.yields_to:
            if other not in seen:
                raise LexiconError(f"{item.path}: yields_to names unknown issue {other!r}")
    cues = load_cues(cpath)
    digest.update(cpath.read_bytes())
    try:
        actors = ActorDictionary.load(extra_files=tuple(Path(p) for p in actors_files))
    except LexiconError:
        raise
    except (ValueError, OSError) as exc:
        raise LexiconError(str(exc)) from None
    digest.update(str(getattr(actors, "digest", "")).encode())
    any_issue = re.compile("|".join(f"(?:{i.terms.pattern})" for i in issues), re.IGNORECASE)
    anchors = frozenset(w for i in issues if i.term_set is not None for w in i.term_set.anchor_words)
    scan = AnchorScan(anchors)
    return Lexicon(tuple(issues), cues, actors, digest.hexdigest()[:12], any_issue, scan if scan.usable else None)
