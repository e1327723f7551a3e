"""One compiled regex per dictionary, and the reading of its matches into mentions.

The regex has these alternatives, tried left to right at each word start (a lookahead
first lets through only capitals and the few lower-case words some phrase starts with):

0. ``head of (the) [PREFIX] BODY``: "head of the Russian Foreign Ministry", "head of the
   Kremlin" (the title that heads that body).
1. ``PREFIX NOUN [NOUN]``: a demonym, name, metonym or person (optionally possessive) before a
   title or group noun: "Russian officials", "Ukraine's foreign minister", "Kremlin
   spokesman", "Trump administration".
2. ``NOUN of NAME``: "President of Ukraine"; after a determiner also lower case ("the
   leadership of Russia").
3. ``the|his|her|their|its NOUN``: a bare title or group that only coreference can
   resolve ("the president", "his spokesman", "the ministry").
4. a literal: names, metonyms, demonyms, persons, anaphors ("the alliance"),
   non-holders ("the West") and not-actors ("Washington Post", which shadow a name).
5. an honorific ("President", "Mr") that only counts when a person follows, and a
   pronoun.

Names are case-sensitive (so "turkey" and "china" do not match); title and group nouns
are not ("Foreign Minister", "foreign minister").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from .cues import RoleCues
from .model import ActorData, Person, Title
from .names import FORMER_RE, Raw, cap, case_variants, fold, named_after_titles, norm, part_of_other_name
from .trie import SPACE, trie_regex

# Pronoun -> what it needs: m(ale) or f(emale) person, p(lural) group or country, s(ingular)
# country or body ("it", "its"), 1 first person (the speaker).
PRONOUNS = {
    "he": "m",
    "him": "m",
    "his": "m",
    "she": "f",
    "her": "f",
    "hers": "f",
    "they": "p",
    "them": "p",
    "their": "p",
    "i": "1",
    "me": "1",
    "my": "1",
    "we": "1",
    "us": "1",
    "our": "1",
    "it": "s",
    "its": "s",
}
DETERMINERS = ("the", "his", "her", "their", "its")
_GAP_RE = re.compile(r"[^\S\n]*,?[^\S\n]*")


@dataclass(frozen=True, slots=True)
class Target:
    """What a literal surface names: an actor (as name, metonym, demonym...) or a person."""

    kind: str  # country, demonym, person, anaphor, plural, non_holder, not_actor
    code: str | None = None
    person: str | None = None


class Matcher:
    """The compiled regex and lookup tables of one ActorData."""

    def __init__(self, data: ActorData) -> None:
        self.data = data
        self.literals: dict[str, list[Target]] = {}
        self.prefixes: dict[str, list[Target]] = {}
        self.names: dict[str, str] = {}  # proper names (after "of") -> code
        self.noun_title: dict[str, str] = {}
        self.noun_group: dict[str, str] = data.groups
        self.modifier_titles: list[Title] = [t for t in data.titles.values() if t.modifiers]
        self.holders: dict[tuple[str, str], list[tuple[Person, object]]] = {}
        self._literal_cache: dict[tuple[str, date | None], tuple] = {}
        self._person_cache: dict[tuple[str, date | None], tuple[str, str | None, str | None, bool]] = {}
        self._title_fit: dict[tuple[str, str], bool] = {}
        self._build()
        self.regex = self._compile()

    # -- building -----------------------------------------------------------------------
    def _add(self, table: dict[str, list[Target]], surface: str, target: Target) -> None:
        forms = {surface, fold(surface)}
        forms |= {f.replace("'", "’") for f in forms} | {f.replace("’", "'") for f in forms}
        for form in forms:
            bucket = table.setdefault(norm(form), [])
            if target not in bucket:
                bucket.append(target)

    def _build(self) -> None:
        data = self.data
        for title in data.titles.values():
            for noun in title.nouns:
                self.noun_title.setdefault(noun, title.key)
        for actor in data.actors.values():
            country = Target("country", actor.code)
            for name in actor.names:
                self._add(self.literals, name, country)
                self._add(self.prefixes, name, country)
                for form in {name, fold(name)}:
                    self.names[norm(form)] = actor.code
            for name in actor.metonyms:
                self._add(self.literals, name, country)
                self._add(self.prefixes, name, country)
            for name in actor.demonyms:
                self._add(self.literals, name, Target("demonym", actor.code))
                self._add(self.prefixes, name, country)
            for phrase in actor.anaphors:
                for form in (phrase, cap(phrase)):
                    self._add(self.literals, form, Target("anaphor", actor.code))
        for person in data.persons.values():
            target = Target("person", person.roles[0].code, person.name)
            for alias in (person.name, *person.aliases):
                self._add(self.literals, alias, target)
                self._add(self.prefixes, alias, target)
                if len(alias) > 3:  # transcript labels: "PRESIDENT ZELENSKYY:", "MR. SULLIVAN:"
                    self._add(self.literals, alias.upper(), target)
            for role in person.roles:
                self.holders.setdefault((role.code, role.title), []).append((person, role))
        for role, phrases in data.plurals.items():
            for phrase in phrases:
                for form in case_variants(phrase):
                    self._add(self.literals, form, Target("plural", role))
        for phrase in data.non_holders:
            self._add(self.literals, phrase, Target("non_holder"))
        for phrase in data.not_actors:
            self._add(self.literals, phrase, Target("not_actor"))
        # A surface that is both a name and a demonym ("U.S.") reads as the name.
        for surface, bucket in self.literals.items():
            if len(bucket) > 1:
                self.literals[surface] = sorted(bucket, key=lambda t: t.kind != "country")

    def _compile(self) -> re.Pattern[str]:
        nouns = set(self.noun_title) | set(self.noun_group)
        for title in self.data.titles.values():
            nouns |= set(title.modifier_nouns)
        bare = {n for n, k in self.noun_title.items() if self.data.titles[k].bare} | set(self.data.bare_groups)
        honorifics = set(self.data.honorifics) | {h.upper() for h in self.data.honorifics}
        for noun in self.noun_title:
            honorifics |= {v for v in case_variants(noun) if v[:1].isupper()}
        # Nouns are matched in their usual spellings ("foreign minister", "Foreign Minister",
        # "Foreign minister", "PM") rather than with (?i:...), which defeats the regex
        # engine's fast first-character test and made the scan three times slower.
        variants = {v for noun in nouns for v in case_variants(noun)}
        noun_re = trie_regex(variants)
        # Without a determiner, "NOUN of NAME" is only tried capitalised ("President of Russia"):
        # lower-case word starts are most of the text, and the fewer phrases can start
        # there, the faster the scan (see the lookahead below).
        upper_noun_re = trie_regex({v for v in variants if v[:1].isupper()})
        # "I" only in capitals, "us" only in lower case ("US" is the United States).
        forms = {p for w in PRONOUNS if w not in ("i", "us") for p in (w, cap(w))} | {"I", "us"}
        pron = "|".join(sorted(forms, key=len, reverse=True))
        dets = "|".join(sorted({p for w in DETERMINERS for p in (w, cap(w), w.upper())}))
        names_re = trie_regex(self.names)
        prefix_re = trie_regex(self.prefixes)
        # Most word starts are lower-case words that begin no phrase; a lookahead that admits
        # only capitals and the few lower-case first words any phrase has makes the engine
        # give up on them after one test instead of trying every alternative (3x faster).
        lower_first = {p.split(" ")[0] for p in (*self.literals, *self.prefixes, *forms) if p[:1].islower()}
        lower_first |= {d for d in DETERMINERS} | {"head", "chief"}
        gate = rf"(?=[A-Z\u00c0-\u00de\u0100-\u024f]|(?:{trie_regex(lower_first)})(?![\w]))"
        source = (
            rf"(?<![\w]){gate}(?:"
            rf"(?P<hword>[Hh]ead|[Cc]hief){SPACE}of{SPACE}(?:the{SPACE})?(?:(?P<hpre>{prefix_re})(?:['’]s)?{SPACE})?"
            rf"(?P<hnoun>{trie_regex({v for noun in self.data.heads for v in case_variants(noun)})})"
            rf"|(?P<pre>{prefix_re})(?P<ppos>['’]s?)?{SPACE}(?P<noun>{noun_re})"
            rf"(?:{SPACE}(?P<noun2>{noun_re}))?"
            rf"|(?P<onoun>{upper_noun_re}){SPACE}of{SPACE}(?:the{SPACE})?(?P<oname>{names_re})"
            rf"|(?P<bdet>{dets}){SPACE}(?:(?P<onoun2>{noun_re}){SPACE}of{SPACE}(?:the{SPACE})?(?P<oname2>{names_re})"
            rf"|(?P<bnoun>{trie_regex({v for noun in bare for v in case_variants(noun)})}))"
            rf"|(?P<lit>{trie_regex(self.literals)})"
            rf"|(?P<hon>{trie_regex(honorifics)})"
            rf"|(?P<pron>{pron})"
            r")(?P<poss>['’]s?)?(?![\w])"
        )
        self._roles = RoleCues(self.data.reporting_verbs, self.data.locative_words, self.data.modified_nouns)
        return re.compile(source)

    # -- titles by date -------------------------------------------------------------------
    def expand(self, key: str) -> set[str]:
        """A title key and every narrower title it covers, transitively."""
        seen: set[str] = set()
        todo = [key]
        while todo:
            item = todo.pop()
            if item in seen or item not in self.data.titles:
                continue
            seen.add(item)
            todo.extend(self.data.titles[item].covers)
        return seen

    def holder(self, code: str, key: str, on: date | None) -> str | None:
        """The one person holding that title for that code on that day, or None (nobody, or several)."""
        # A narrower title counts only with the wider one's role: "the Russian leader" is the
        # president (role leader), not the prime minister whose title "leader" also covers.
        wanted = self.data.titles[key].role
        found = {
            person.name
            for title in self.expand(key)
            for person, role in self.holders.get((code, title), ())
            if role.active(on) and (title == key or role.role == wanted)  # type: ignore[attr-defined]
        }
        return next(iter(found)) if len(found) == 1 else None

    def has_title(self, code: str, key: str) -> bool:
        """Whether ``code`` can have that title: every country can; an organisation only one a person holds there.

        So "its foreign minister" passes over NATO for the country named before it, while
        "its secretary general" finds NATO.
        """
        found = self._title_fit.get((code, key))
        if found is None:
            actor = self.data.actors.get(code)
            if actor is None or not actor.organization:
                found = True
            else:
                wanted = self.expand(key)
                role = self.data.titles[key].role if key in self.data.titles else None
                found = any(
                    c == code and (title in wanted or any(r.role == role for _p, r in people))
                    for (c, title), people in self.holders.items()
                )
            self._title_fit[(code, key)] = found
        return found

    def person_on(self, name: str, on: date | None) -> tuple[str, str | None, str | None, bool]:
        """(code, role, title, active) of a person on a day; inactive persons keep their latest code."""
        key = (name, on)
        found = self._person_cache.get(key)
        if found is None:
            if len(self._person_cache) > 200_000:
                self._person_cache.clear()
            person = self.data.persons[name]
            roles = person.roles_on(on)
            if roles:
                found = (roles[0].code, roles[0].role, roles[0].title, True)
            else:
                latest = max(person.roles, key=lambda r: r.until or date.max)
                found = (latest.code, None, None, False)
            self._person_cache[key] = found
        return found

    def pick_person(self, targets: list[Target], on: date | None) -> Target:
        """Among persons sharing an alias ("Johnson"), the one in office that day, else the first."""
        persons = [t for t in targets if t.kind == "person"]
        for target in persons:
            if self.data.persons[target.person].roles_on(on):  # type: ignore[index]
                return target
        return persons[0] if persons else targets[0]

    # -- scanning ---------------------------------------------------------------------------
    def scan(self, text: str, start: int, end: int, on: date | None) -> list[Raw]:
        """Every raw match in text[start:end], with titles after a person merged into it."""
        out: list[Raw] = []
        for match in self.regex.finditer(text, start, end):
            for raw in self._read(match, text, on):
                if raw.kind == "person":
                    self._absorb_prefixes(out, raw, text)
                out.append(raw)
        starts, ends = {r.start for r in out}, {r.end for r in out}
        kept = [
            r
            for r in out
            if r.kind not in ("honorific", "not_actor")
            and not (r.kind == "person" and part_of_other_name(r, starts, ends, text, self.data.honorifics))
        ]
        for raw in kept:
            if raw.kind in ("title", "group") and FORMER_RE.search(text, max(0, raw.start - 12), raw.start):
                raw.active = False  # "former Ukrainian foreign minister", "ex-president": no holder
                raw.person = None
        if any(r.kind == "title" for r in kept):
            kept = named_after_titles(kept, text, end)
        self._roles.flag(kept, text)
        return kept

    def _absorb_prefixes(self, out: list[Raw], person: Raw, text: str) -> None:
        """'Russian Foreign Minister Sergei Lavrov' is one person mention, not a title and a person."""
        codes = self.data.persons[person.person].codes  # type: ignore[index]
        while out:
            prev = out[-1]
            if prev.kind not in ("title", "group", "honorific", "bare") or prev.possessive:
                return
            if prev.kind == "bare" and prev.det != "the":
                return
            if prev.code is not None and prev.code not in codes:
                return
            if not _GAP_RE.fullmatch(text, prev.end, person.start):
                return
            out.pop()
            person.start = prev.start

    def _read(self, match: re.Match[str], text: str, on: date | None) -> list[Raw]:
        # Literals and pronouns are nine matches in ten, so they are tested first; start() of
        # an unmatched group is -1 and cheaper than group().
        poss = match.start("poss") >= 0
        if match.start("lit") >= 0:
            return [self._literal(match, text, on, poss)]
        if match.start("pron") >= 0:
            return [Raw(match.start("pron"), match.end("pron"), "pronoun", None, det=match.group("pron").lower())]
        if match.start("pre") >= 0:
            return self._compound(match, "pre", "noun", on, poss)
        if match.start("hnoun") >= 0:
            return [self._head(match, on, poss)]
        if match.start("onoun2") >= 0:
            return self._compound(match, "oname2", "onoun2", on, poss)
        if match.start("hon") >= 0:
            return [Raw(match.start("hon"), match.end("hon"), "honorific", None)]
        if match.start("bnoun") >= 0:
            if match.group("bdet").lower() == "the" and norm(match.group("bnoun")) in self.literals:
                # "the State Department", "the Foreign Office": a metonym, not a bare group.
                return [self._literal(match, text, on, poss, "bnoun")]
            noun = norm(match.group("bnoun")).lower()
            key = self.noun_title.get(noun)
            role = self.data.titles[key].role if key else self.noun_group.get(noun)
            det = match.group("bdet").lower()
            return [
                Raw(
                    match.start("bdet"),
                    match.end("bnoun"),
                    "bare",
                    None,
                    None,
                    role,
                    key,
                    det=det,
                    possessive=poss,
                    noun=noun,
                )
            ]
        if match.start("onoun") >= 0:
            return self._compound(match, "oname", "onoun", on, poss)
        raise AssertionError(f"unexpected match {match.group()!r}")  # pragma: no cover - the regex has no other

    def _literal(self, match: re.Match[str], text: str, on: date | None, poss: bool, group: str = "lit") -> Raw:
        start, end = match.span(group)
        surface = norm(match.group(group)) if group != "lit" else match.group(group)
        key = (surface, on)
        found = self._literal_cache.get(key)
        if found is None:
            targets = self.literals.get(surface) or self.literals[norm(surface)]
            target = self.pick_person(targets, on) if targets[0].kind == "person" else targets[0]
            if target.kind == "person":
                code, role, title, active = self.person_on(target.person, on)  # type: ignore[arg-type]
                found = ("person", code, target.person, role, title, active)
            else:
                found = (target.kind, target.code if target.kind != "non_holder" else "", None, None, None, True)
            if len(self._literal_cache) > 200_000:
                self._literal_cache.clear()
            self._literal_cache[key] = found
        kind = found[0]
        if (
            kind == "country"
            and not poss
            and (
                (text[end : end + 1] == "-" and text[end + 1 : end + 2].isalpha())
                or (start > 1 and text[start - 1] == "-" and text[start - 2].isalpha())
            )
        ):
            kind = "demonym"  # "Russia-backed", "Moscow-annexed", "US-Ukraine": a modifier, not the actor acting
        elif kind == "demonym" and text[end - 1 : end] == "s" and text[max(0, start - 4) : start] in ("the ", "The "):
            # "the Russians want...", "the Americans proposed": the side, not an adjective.
            return Raw(start, end, "group", found[1], None, "government", None, True, possessive=poss, noun="side")
        return Raw(start, end, kind, found[1], found[2], found[3], found[4], found[5], possessive=poss)

    def _head(self, match: re.Match[str], on: date | None, poss: bool) -> Raw:
        """ "head of the Russian Foreign Ministry", "head of the Kremlin": the title that heads it."""
        noun = norm(match.group("hnoun"))
        key = self.data.heads[noun.lower()]
        role = self.data.titles[key].role
        code = None
        if match.start("hpre") >= 0:
            target = self.prefixes[norm(match.group("hpre"))][0]
            code = target.code if target.kind != "person" else self.person_on(target.person, on)[0]  # type: ignore[arg-type]
        elif noun in self.literals and self.literals[noun][0].kind == "country":
            code = self.literals[noun][0].code  # "head of the Kremlin", "head of the Pentagon"
        start, end = match.start("hword"), match.end("hnoun")
        if code is None:  # "the head of the delegation said": resolved by coreference
            return Raw(start, end, "bare", None, None, role, key, det="the", possessive=poss, noun=noun.lower())
        return Raw(start, end, "title", code, self.holder(code, key, on), role, key, possessive=poss)

    def _compound(
        self, match: re.Match[str], pre_group: str, noun_group: str, on: date | None, poss: bool
    ) -> list[Raw]:
        """A prefix and a title or group noun; "Putin's spokesman" is two mentions, Putin and his spokesman."""
        pre = norm(match.group(pre_group))
        if pre_group == "pre" and match.start("noun2") >= 0:
            noun_group = "noun2"  # "foreign ministry officials": the last noun is the head
        noun = norm(match.group(noun_group)).lower()
        table = self.prefixes if pre_group == "pre" else None
        if table is not None:
            targets = table[pre]
            target = self.pick_person(targets, on) if targets[0].kind == "person" else targets[0]
        else:
            target = Target("country", self.names[pre])
        active = True
        leader = False
        if target.kind == "person":
            code, role, _title, active = self.person_on(target.person, on)  # type: ignore[arg-type]
            leader = role == "leader"
        else:
            code = target.code  # type: ignore[assignment]
        key = None
        for title in self.modifier_titles:
            if noun in title.modifier_nouns and (pre in title.modifiers or (leader and "<leader>" in title.modifiers)):
                key = title.key
                break
        if key is None:
            key = self.noun_title.get(noun)
        if pre_group == "pre":  # PREFIX NOUN
            start, end = match.start("pre"), match.end(noun_group)
        else:  # NOUN of NAME
            start, end = match.start(noun_group), match.end(pre_group)
        out: list[Raw] = []
        if target.kind == "person" and match.group("ppos") is not None:
            _code, role, title, _active = self.person_on(target.person, on)  # type: ignore[arg-type]
            out.append(
                Raw(start, match.end("pre"), "person", code, target.person, role, title, active, possessive=True)
            )
            start = match.start("noun")
        if key is not None:
            person = self.holder(code, key, on) if active else None
            out.append(Raw(start, end, "title", code, person, self.data.titles[key].role, key, active, possessive=poss))
        else:
            group = Raw(start, end, "group", code, None, self.noun_group.get(noun), None, active, possessive=poss)
            group.noun = noun
            out.append(group)
        return out
