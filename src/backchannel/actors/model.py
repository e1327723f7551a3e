"""The actor dictionary's record types: what a mention is, and what the YAML describes.

These are plain frozen records so the compiled dictionary can be shared freely between
threads and cached; all behaviour that needs the whole dictionary lives in ``matcher``
and ``coref``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

# Mention kinds. 'non_holder' ("the West") is only returned when asked for; it exists
# so that "they" after "Western leaders" binds to them (and is dropped) instead of to
# an earlier country.
KINDS: tuple[str, ...] = ("country", "person", "title", "group", "demonym", "pronoun", "non_holder")


@dataclass(frozen=True, slots=True)
class Mention:
    """One actor mention: a span of the text passed in, and the actor it names.

    ``code`` is the holder code (a country or organisation; "" only for non_holder
    mentions). ``person`` is the canonical person name when the mention is a person, or
    a title or pronoun that resolved to one. ``active`` is False for a person outside
    all their dated roles at the date asked for (a former leader, a candidate): such a
    person is no holder, so these are only returned with ``include_inactive=True``.
    ``title`` is the title key (``president``, ``foreign_minister``...) when known.
    ``speaker`` marks a mention next to a reporting verb ("Peskov said", "said Peskov"):
    the one credited for what the sentence reports. ``locative`` marks a place rather
    than an actor acting ("talks in Moscow", "at the White House").
    """

    start: int
    end: int
    text: str
    code: str
    person: str | None
    kind: str
    role: str | None
    title: str | None = None
    active: bool = True
    speaker: bool = False
    locative: bool = False


@dataclass(frozen=True, slots=True)
class Role:
    """A dated role of a person: holder code, title key, coarse role; ``until`` is exclusive."""

    code: str
    title: str
    role: str
    start: date | None = None
    until: date | None = None

    def active(self, on: date | None) -> bool:
        """Held on that day (from inclusive, until exclusive); with no date, a role still held."""
        if on is None:
            return self.until is None
        return (self.start is None or self.start <= on) and (self.until is None or on < self.until)


@dataclass(frozen=True, slots=True)
class Person:
    """A named person with aliases and dated roles; a person is never a holder, their role's code is."""

    name: str
    aliases: tuple[str, ...]
    gender: str | None
    roles: tuple[Role, ...]

    def roles_on(self, on: date | None) -> list[Role]:
        """Roles held on that day. Without a date every role counts (the date is unknown, not today)."""
        if on is None:
            # Latest roles first, so a person's current code wins when the date is unknown.
            return sorted(self.roles, key=lambda r: (r.until is None, r.until or date.max, r.start or date.min))[::-1]
        return [r for r in self.roles if r.active(on)]

    @property
    def codes(self) -> frozenset[str]:
        """Every code the person ever held a role for."""
        return frozenset(r.code for r in self.roles)


@dataclass(frozen=True, slots=True)
class Actor:
    """A country or organisation: its code and the words that name it.

    ``names`` are proper names ("Russia"), ``metonyms`` stand for its government
    ("Moscow", "Kremlin"), ``demonyms`` are adjectives ("Russian"), ``anaphors`` are
    definite descriptions that refer back to it in a paragraph ("the alliance").
    ``organization`` marks a body (NATO, EU, UN) rather than a country: it has no foreign
    minister or president of its own unless a person's role says so, which coreference
    uses so that "its foreign minister" skips "NATO" for the country named before it.
    """

    code: str
    name: str
    names: tuple[str, ...]
    metonyms: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    anaphors: tuple[str, ...] = ()
    organization: bool = False


@dataclass(frozen=True, slots=True)
class Title:
    """A title or office ("foreign minister"), with the words that name it.

    ``nouns`` name it after a demonym or country ("Russian foreign minister", "the
    president of Ukraine") and after "the" for coreference when ``bare``. ``covers``
    lists narrower titles it also means ("leader" covers "president"). ``modifiers``
    (metonyms, or ``<leader>`` for any sitting leader's possessive) turn
    ``modifier_nouns`` into this title: "Kremlin spokesman" and "Putin's spokesman" are
    the presidential spokesperson, while "Russian spokesman" stays generic.
    ``sole_code`` names the one actor that has this title at all ("pope": VAT), so a bare
    "the pope" resolves to it even when the paragraph names no Vatican mention.
    """

    key: str
    role: str
    nouns: tuple[str, ...]
    bare: bool = True
    covers: tuple[str, ...] = ()
    modifiers: tuple[str, ...] = ()
    modifier_nouns: tuple[str, ...] = ()
    sole_code: str | None = None


@dataclass(frozen=True, slots=True)
class ActorData:
    """The validated, merged content of the bundled and user YAML files."""

    actors: dict[str, Actor]
    persons: dict[str, Person]
    titles: dict[str, Title]
    groups: dict[str, str]  # group noun (lower case) -> coarse role
    bare_groups: frozenset[str]  # group nouns that "the <noun>" refers back with
    honorifics: tuple[str, ...]
    non_holders: tuple[str, ...]
    not_actors: tuple[str, ...]
    plurals: dict[str, tuple[str, ...]] = field(default_factory=dict)  # role -> "both sides", "the two leaders"
    heads: dict[str, str] = field(default_factory=dict)  # "foreign ministry" -> foreign_minister ("head of the ...")
    reporting_verbs: tuple[str, ...] = ()
    locative_words: tuple[str, ...] = ()
    modified_nouns: tuple[str, ...] = ()  # "NATO aspirations", "US aid": the name is a modifier
    belligerents: tuple[str, ...] = ()  # the war's sides: what "both sides" means once both are named
    sources: tuple[str, ...] = field(default=())
