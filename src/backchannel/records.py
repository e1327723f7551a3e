"""The typed records every stage shares.

Data flows one way: ``Article`` (ingest, clean) -> ``ClusterMembership`` (cluster)
-> ``Signal`` (signals) -> tracks and reports. Each stage is a plain function over
these records, so it can be tested alone and run in any engine (a loop, a process
pool, Dask). Field names and values follow ``SIGNALS.md`` exactly where the spec
defines them, so the article file format is ``Article.to_json`` / ``from_json``.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import asdict, dataclass, field, replace
from datetime import date, datetime
from typing import Any, Literal

Issue = str  # issue codes come from data/issues/*.yaml, so the set is open
Stance = Literal["open", "opposed", "conditional"]
Channel = Literal["public", "private", "unknown"]
Source = Literal["holder", "third_party", "anonymous", "analyst", "media", "author"]
Relation = Literal["canonical", "exact", "near_copy", "rewrite"]

STANCES: tuple[str, ...] = ("open", "opposed", "conditional")
CHANNELS: tuple[str, ...] = ("public", "private", "unknown")
SOURCES: tuple[str, ...] = ("holder", "third_party", "anonymous", "analyst", "media", "author")
RELATIONS: tuple[str, ...] = ("canonical", "exact", "near_copy", "rewrite")

_WHEN_PART = r"\d{4}(?:-\d{2}(?:-\d{2})?)?"
WHEN_RE = re.compile(rf"^{_WHEN_PART}(?:/{_WHEN_PART})?$")


def content_hash(text: str) -> str:
    """Hash of the text with case, Unicode form and white space folded.

    Two files that differ only in line wrapping or a trailing newline are the same
    article; that is what "exact copy" means to a reader.
    """
    folded = unicodedata.normalize("NFKC", text).casefold()
    folded = " ".join(folded.split())
    return hashlib.sha256(folded.encode("utf-8")).hexdigest()


def parse_date(value: Any) -> date | None:
    """An ISO date (or datetime) string, a date, or None; anything else is None."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        return None


@dataclass(frozen=True, slots=True)
class Article:
    """One news article (or transcript, or web page) as stored.

    ``text`` is the cleaned body: every character offset of later stages refers to
    it, so cleaning happens once, before an Article is made.
    """

    id: str
    text: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    author: str | None = None
    published: date | None = None
    source_path: str | None = None
    content_hash: str = ""
    ingested_at: datetime | None = None
    story: str | None = None  # gold story label, when the input carries one
    extra: dict[str, Any] = field(default_factory=dict)  # other input fields, kept

    def __post_init__(self) -> None:
        if not self.content_hash:
            object.__setattr__(self, "content_hash", content_hash(self.text))

    @classmethod
    def from_json(cls, obj: dict[str, Any], *, source_path: str | None = None) -> Article:
        """Build from one line of the spec's article file (unknown keys go to ``extra``)."""
        known = {"id", "text", "title", "url", "outlet", "author", "published", "story"}
        skip = known | {"signals", "cluster", "content_hash", "ingested_at", "source_path"}
        return cls(
            id=str(obj["id"]),
            text=str(obj["text"]),
            title=obj.get("title"),
            url=obj.get("url"),
            outlet=obj.get("outlet"),
            author=obj.get("author"),
            published=parse_date(obj.get("published")),
            source_path=source_path,
            story=obj.get("story"),
            extra={k: v for k, v in obj.items() if k not in skip},
        )

    def to_json(self) -> dict[str, Any]:
        """The spec's article fields (plus ``extra``), JSON-ready."""
        out: dict[str, Any] = dict(self.extra)
        out.update(
            id=self.id,
            url=self.url,
            outlet=self.outlet,
            title=self.title,
            published=self.published.isoformat() if self.published else None,
            text=self.text,
        )
        if self.author:
            out["author"] = self.author
        if self.story is not None:
            out["story"] = self.story
        return out

    def with_(self, **changes: Any) -> Article:
        """A copy with ``changes``; new text without a new ``content_hash`` gets its hash recomputed."""
        if "text" in changes and "content_hash" not in changes and changes["text"] != self.text:
            changes["content_hash"] = ""  # __post_init__ hashes the new text
        return replace(self, **changes)


@dataclass(frozen=True, slots=True)
class Signal:
    """One position of a holder on an issue, with the sentence that carries it.

    ``start``/``end`` are character offsets of ``sentence`` in the article's text
    (``text[start:end] == sentence``). ``why`` names the cues that produced each
    field, so a user can see why the tool said it.
    """

    article_id: str
    sentence: str
    start: int
    end: int
    holder: str
    issue: Issue
    stance: Stance
    channel: Channel = "unknown"
    source: Source = "author"
    hedged: bool = False
    when: str | None = None
    person: str | None = None
    confidence: float = 0.5
    why: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        """The spec's signal record (article id omitted: it sits inside its article)."""
        out = asdict(self)
        out.pop("article_id")
        out["why"] = list(self.why)
        return out

    @classmethod
    def from_json(cls, obj: dict[str, Any], *, article_id: str) -> Signal:
        return cls(
            article_id=article_id,
            sentence=obj["sentence"],
            start=int(obj.get("start", -1)),
            end=int(obj.get("end", -1)),
            holder=obj["holder"],
            issue=obj["issue"],
            stance=obj["stance"],
            channel=obj.get("channel", "unknown"),
            source=obj.get("source", "author"),
            hedged=bool(obj.get("hedged", False)),
            when=obj.get("when"),
            person=obj.get("person"),
            confidence=float(obj.get("confidence", 0.5)),
            why=tuple(obj.get("why", ())),
        )


@dataclass(frozen=True, slots=True)
class ClusterMembership:
    """Which story cluster an article belongs to, and how it relates to the canonical."""

    article_id: str
    cluster_id: str
    relation: Relation
    similarity: float = 1.0  # to the canonical member; 1.0 for the canonical itself


@dataclass(frozen=True, slots=True)
class StoryCluster:
    """Copies and rewrites of one report; ``canonical_id`` is the earliest member."""

    id: str
    canonical_id: str
    members: tuple[ClusterMembership, ...]
    sightings: tuple[CopySighting, ...] = ()  # exact copies of members seen at other addresses

    @property
    def size(self) -> int:
        """Articles in the story: the stored members and the exact copies seen elsewhere."""
        return len(self.members) + len(self.sightings)


@dataclass(frozen=True, slots=True)
class CopySighting:
    """An exact copy of a stored article seen at another address (URL, or file and record id).

    The text is stored once, under ``article_id``; the copy keeps only where it was seen
    and what that page called itself. It belongs to the stored article's story cluster
    with relation ``exact`` and counts as an article, never as an independent report.
    """

    article_id: str  # the stored article whose text it repeats
    input_id: str | None = None  # the id its input gave it
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    author: str | None = None
    published: date | None = None
    source_path: str | None = None
    seen_at: datetime | None = None
