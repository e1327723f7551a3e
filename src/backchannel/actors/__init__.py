"""The actor dictionary: who a name, title, metonym or pronoun in a news sentence stands for.

``ActorDictionary.load()`` reads the bundled ``data/actors.yaml`` and any user files
(merged in order, see ``loader``), validates them and compiles one regex; it is cached
per argument tuple and nothing is built at import time.

- ``mentions(text)`` finds every actor mention in a span: longest match wins, no
  overlaps, sorted. Persons out of office on ``on`` (former leaders, candidates, titles
  after "former") are no holder and are left out unless ``include_inactive=True`` (then
  ``Mention.active`` is False). "The West", "Western leaders", "the international
  community", "European allies" are no holder: left out unless
  ``include_non_holders=True`` (kind ``non_holder``, code "").
- ``resolve(text, sentences, paragraphs)`` does the same per sentence and resolves
  pronouns (he/she/they, "it" when it acts, first person in quotes), bare titles ("the
  president", "his spokesman"), anaphors ("the alliance") and plurals ("both sides": one
  mention per side, on the same span) within the paragraph (see ``coref``; who "he" means
  among several people follows ``salience``, "they" for two and "both sides" ``plurals``).
- Kinds: country (names and metonyms, also for NATO/EU/UN), person, title, group,
  demonym (a bare adjective, or a name used as a modifier: "Russia-backed"), pronoun,
  non_holder. ``speaker`` marks the one a reporting verb credits ("Peskov said");
  ``locative`` a place ("talks in Moscow"), which callers should not take as a holder.
- Dates: a role's ``from`` is inclusive and ``until`` exclusive, so on 2025-01-20 "the
  U.S. president" is Trump. With ``on=None`` the date is unknown: every person counts
  as a holder (with their latest code) and a title goes to its current holder.
- A title followed by a name the dictionary lacks names that person ("Russian Deputy
  Foreign Minister Alexander Pankin"), and a later bare surname is him too.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import asdict
from datetime import date
from functools import lru_cache
from pathlib import Path

from .coref import keep, resolve, to_mention
from .loader import ActorFileError, check_complete, merge_file
from .matcher import Matcher, Raw, fold
from .model import KINDS, Actor, ActorData, Mention, Person, Role, Title

__all__ = [
    "KINDS",
    "Actor",
    "ActorData",
    "ActorDictionary",
    "ActorFileError",
    "Mention",
    "Person",
    "Role",
    "Title",
    "bundled_path",
    "load_actors",
]


def bundled_path() -> Path:
    """The actor file shipped with backchannel."""
    return Path(__file__).resolve().parent.parent / "data" / "actors.yaml"


class ActorDictionary:
    """Loaded, validated actor data and its compiled matcher; immutable and safe to share."""

    def __init__(self, data: ActorData) -> None:
        self.data = data
        self._matcher = Matcher(data)
        # The content, not where the files live: the same lexicon has the same digest anywhere.
        content = {k: v for k, v in asdict(data).items() if k != "sources"}
        payload = json.dumps(content, sort_keys=True, default=str, ensure_ascii=False)
        self.digest: str = hashlib.sha256(payload.encode("utf-8")).hexdigest()[:12]

    @classmethod
    def load(cls, extra_files: Sequence[str | Path] = ()) -> ActorDictionary:
        """The bundled dictionary with ``extra_files`` merged in order; cached per file list.

        Raises ActorFileError naming the file, entry and line of the first problem.
        """
        return load_actors(tuple(_file_key(Path(p)) for p in extra_files))

    @property
    def codes(self) -> frozenset[str]:
        """Every holder code the dictionary knows."""
        return frozenset(self.data.actors)

    def is_known_code(self, code: str) -> bool:
        """Whether ``code`` is a holder code of this dictionary (RUS, NATO, ...)."""
        return code in self.data.actors

    def actor_name(self, code: str) -> str | None:
        """The display name of a code ("Russia"), for reports."""
        actor = self.data.actors.get(code)
        return actor.name if actor else None

    def mentions(
        self,
        text: str,
        start: int = 0,
        end: int | None = None,
        *,
        on: date | None = None,
        include_inactive: bool = False,
        include_non_holders: bool = False,
    ) -> list[Mention]:
        """Every actor mention in text[start:end] (offsets into ``text``), without coreference.

        Pronouns, bare titles ("the president") and anaphors ("the alliance") need a
        paragraph to resolve, so they are only returned by ``resolve``.
        """
        stop = len(text) if end is None else end
        raws = self._matcher.scan(text, start, stop, on)
        return [to_mention(r, text) for r in raws if keep(r, include_inactive, include_non_holders)]

    def resolve(
        self,
        text: str,
        sentences: Sequence[tuple[int, int]],
        paragraphs: Sequence[tuple[int, int]],
        *,
        on: date | None = None,
        include_inactive: bool = False,
        include_non_holders: bool = False,
        speaker: str | Mention | None = None,
        carry_over: bool = False,
    ) -> list[list[Mention]]:
        """Per sentence (in the order given), its mentions with coreference resolved.

        A pronoun or bare title takes the last fitting mention earlier in the same
        paragraph; one that nothing fits is dropped. First-person pronouns in a quote
        go to the quote's speaker; outside quotes to ``speaker`` (a name, title or code
        such as "President of Russia", for transcripts), else they are dropped. With
        ``carry_over`` a pronoun that opens a paragraph may take the previous
        paragraph's last speaker (news style: "...,” he said." on its own line).
        """
        owner = self.speaker_of(speaker, on=on) if isinstance(speaker, str) else speaker
        raw = None
        if owner is not None:
            raw = Raw(
                owner.start, owner.end, owner.kind, owner.code, owner.person, owner.role, owner.title, owner.active
            )
        return resolve(
            self._matcher,
            text,
            sentences,
            paragraphs,
            on,
            include_inactive=include_inactive,
            include_non_holders=include_non_holders,
            speaker=raw,
            carry_over=carry_over,
        )

    def speaker_of(self, label: str, *, on: date | None = None) -> Mention | None:
        """The actor a byline or outlet names ("President of Russia (en.kremlin.ru)"), or None.

        The first mention that is not a bare demonym; for a transcript's ``speaker``.
        """
        for mention in self.mentions(label, on=on):
            if mention.kind != "demonym":
                return mention
        return None

    def code_of(self, name: str, *, on: date | None = None) -> str | None:
        """The holder code a name, title or code stands for ("the Kremlin" -> RUS), or None.

        The whole string must be one mention (an optional leading "the" and trailing
        possessive aside). A person out of office on ``on`` gives None, as does anything
        the dictionary does not know.
        """
        cleaned = " ".join(name.split())
        if cleaned in self.data.actors:
            return cleaned
        for candidate in dict.fromkeys((cleaned, fold(cleaned))):
            found = self.mentions(candidate, on=on, include_inactive=True)
            strong = [m for m in found if m.kind != "demonym"] or found
            if len(strong) == 1:
                m = strong[0]
                head = candidate[: m.start].strip().lower()
                tail = candidate[m.end :].strip()
                if head in ("", "the") and tail in ("", "'s", "’s", "'", "’"):
                    return m.code if m.active else None
        return None

    def person(self, name: str) -> Person | None:
        """A person record by canonical name."""
        return self.data.persons.get(name)


def _file_key(path: Path) -> tuple[str, int]:
    """A user file and its modification time: an edited file is read again, not served stale."""
    try:
        return str(path), path.stat().st_mtime_ns
    except OSError:
        return str(path), -1  # merge_file reports the missing file clearly


@lru_cache(maxsize=16)
def load_actors(extra_files: tuple[tuple[str, int] | str, ...] = ()) -> ActorDictionary:
    """Load and compile once per file list (see ``ActorDictionary.load``)."""
    data = merge_file(None, bundled_path())
    for item in extra_files:
        data = merge_file(data, Path(item[0] if isinstance(item, tuple) else item))
    return ActorDictionary(check_complete(data))
