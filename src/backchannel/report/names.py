"""Plain-word names for codes in briefings: "Russia" for RUS, "cease-fire" for ceasefire.

Names come from the project's own dictionaries (the issue files' ``label``, the actor
dictionary's names) so a user who adds an issue or an actor sees it named; a code that
has no entry is shown as the code itself.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

import yaml


@lru_cache(maxsize=64)
def issue_label(code: str) -> str:
    """The issue's ``label`` from data/issues/CODE.yaml, else the code with spaces."""
    path = resources.files("backchannel").joinpath(f"data/issues/{code}.yaml")
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError):
        raw = None
    label = raw.get("label") if isinstance(raw, dict) else None
    return label if isinstance(label, str) and label.strip() else code.replace("_", " ")


class ReportWordingError(ValueError):
    """``data/report.yaml`` holds something a briefing cannot use; the message names the entry."""


@lru_cache(maxsize=1)
def _phrases() -> dict[str, str]:
    """``issue_phrases`` of data/report.yaml, checked: issue code -> a non-empty phrase."""
    source = "backchannel/data/report.yaml"
    try:
        raw = yaml.safe_load(resources.files("backchannel").joinpath("data/report.yaml").read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise ReportWordingError(f"{source}: not valid YAML ({exc})") from None
    return parse_phrases(raw, source)


def parse_phrases(raw: object, source: str) -> dict[str, str]:
    """Validate a parsed report.yaml; errors name ``source`` and the entry."""
    phrases = (raw or {}).get("issue_phrases", {}) if isinstance(raw, dict) else None
    if not isinstance(phrases, dict):
        raise ReportWordingError(f"{source}: issue_phrases must map issue codes to phrases")
    for code, phrase in phrases.items():
        if not isinstance(phrase, str) or not phrase.strip():
            raise ReportWordingError(f"{source}: issue_phrases.{code} must be a non-empty phrase")
    return {str(k): v.strip() for k, v in phrases.items()}


def issue_phrase(code: str) -> str:
    """The issue as it reads after "on": "a cease-fire", "negotiations" (data/report.yaml, else its label)."""
    if code in _phrases():
        return _phrases()[code]
    label = issue_label(code)
    first = label.split(" ", 1)[0]
    return label if first.isupper() and len(first) > 1 else label[0].lower() + label[1:]


@lru_cache(maxsize=1)
def _actor_names() -> dict[str, str]:
    """Code -> ``name`` from the bundled actor dictionary's ``actors`` section.

    Read straight from the YAML: compiling the whole dictionary (its matcher) takes
    seconds and a briefing needs only the names. A file that cannot be read gives no
    names (codes are shown); ``extract`` reports the file's problem where it matters.
    """
    from ..actors import bundled_path

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        raw = yaml.load(bundled_path().read_text(encoding="utf-8"), Loader=loader)
    except (OSError, yaml.YAMLError):
        return {}
    actors = raw.get("actors") if isinstance(raw, dict) else None
    if not isinstance(actors, dict):
        return {}
    return {
        str(code): entry["name"]
        for code, entry in actors.items()
        if isinstance(entry, dict) and isinstance(entry.get("name"), str) and entry["name"].strip()
    }


def holder_name(code: str) -> str:
    """The actor dictionary's display name for a holder code ("Russia" for RUS), else the code."""
    return _actor_names().get(code, code)


def possessive(name: str) -> str:
    return f"{name}'" if name.endswith("s") else f"{name}'s"
