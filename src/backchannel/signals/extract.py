"""``extract(article)``: the signals of one article, each with its evidence sentence and why.

The pipeline per sentence: skip debris and headings; find issue terms (or carry the
issue of the previous signal sentence into a continuation such as "We are ready for
that."); find stance cues with negation and conditions; find the attribution (speaker,
source cue, reported content); pick the holder(s); then channel, source, hedging, time
and a confidence. A sentence with an actor and an issue but no position yields nothing.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..records import Article, Signal
from ..sentences import Span, split
from .analysis import Cue, finditer, inside, quote_spans, stance_cues
from .attributes import confidence, fill_when
from .claims import before_the_accusation, claim_records, contrasted_records, onlooker_accusation
from .clauses import only_the_aim_of_talks, owners_of_issue_phrases, passive_agent, targets_of_terms
from .context import DocContext, Topic, build_context, sentence_actors
from .found import Found, build_record, side
from .holders import DEONTIC, Actorish, Attribution, cue_owners, partners, proposers, select_holders
from .lexicon import Lexicon, load_lexicon
from .ownership import nearest_issue_is, outside_names, owned_elsewhere
from .reporting import attribution
from .terms import issue_hits, narrow_terms, talks_about_the_topic
from .topics import OPENING_QUOTE, continues_topic, quote_goes_on, topic_hits

VERSION = "rules-1"
_TOPIC_WINDOW = 5  # sentences a signal keeps its issue the topic for context terms
_CARRY_WINDOW = 1  # a signal sentence's topic carries into the next sentence only (then the next signal renews it)
# A both-sides phrase right after these is an object or an audience ("urged both sides",
# "telling the leaders of the G20"), not the pair taking the position.
_OBJECT_BEFORE = re.compile(
    r"\b(?:to|between|on|of|with|from|for|by|urged|called on|asked"
    r"|told|tell|tells|telling|address(?:ed|es|ing)?|brief(?:ed|s|ing)?|warn(?:ed|s|ing)?|thank(?:ed|s|ing)?"
    r"|invit(?:ed|es|ing))\s+$",
    re.IGNORECASE,
)
_JOINT_TEXT = re.compile(r"\b(?:statement|declaration|communiqu)", re.IGNORECASE)
_EXISTENTIAL = re.compile(
    r"\bthere\s+(?:is|are|was|were|has\s+been|have\s+been|remains?)\s+(?:[\w-]+\s+){0,4}$", re.IGNORECASE
)
_TOLD = re.compile(
    r"\b(?:we|I)(?:['’]ve|['’]d)?\s+(?:have\s+|had\s+|keep\s+|kept\s+|also\s+)*(?:heard|hear|been\s+told|were\s+told"
    r"|was\s+told|are\s+told|am\s+told|being\s+told|hearing)\b[^.;:]{0,40}?\bthat\s+(?:[\w’'-]+\s+){0,5}$",
    re.IGNORECASE,
)
_LEADERS = re.compile(r"\b(?:leaders|presidents)\b", re.IGNORECASE)
_QUESTION_END = re.compile(r"\?[\"'”’»)]*$")
_CAPTION_END = re.compile(r"\s[–—-]\s(?:video|audio|in pictures)\s+(?=[A-Z])")  # an embed's title ends so


class ExtractionError(ValueError):
    """An article the extractor cannot read; the message names the article."""


def extract(article: Article, *, lexicon: Lexicon | None = None) -> list[Signal]:
    """The signals of ``article`` in text order; raises ExtractionError for an unreadable text."""
    lex = lexicon or load_lexicon()
    text = article.text
    if not text or not text.strip():
        raise ExtractionError(f"article {article.id!r}: text is empty")
    parts = split(text)
    if not any(any(ch.isalpha() for ch in s.of(text)) for s in parts.sentences):
        raise ExtractionError(f"article {article.id!r}: text has no sentences (no words in it)")
    ctx = build_context(lex, article, parts)
    narrowed = narrow_terms(lex, text)
    out: list[Signal] = []
    where: list[int] = []  # sentence index of each signal in ``out``
    topic: Topic | None = None
    last: Topic | None = None  # the latest signal sentence, which no paragraph break resets
    recent: list[tuple[int, tuple[str, ...]]] = []  # (sentence index, issues) of signal sentences
    for i, span in enumerate(parts.sentences):
        para = parts.paragraph_of[i]
        if topic is not None and topic.paragraph != para and not ctx.continues(topic.paragraph, para):
            topic = replace(topic, paragraph=para) if quote_goes_on(text, parts, para, topic, ctx) else None
        if topic is not None and i - topic.sentence > _CARRY_WINDOW:
            topic = None  # a long speech moves on: "We will continue the water project" is not about the truce
        if ctx.skip[para]:
            continue
        sentence = span.of(text)
        hits = issue_hits(lex, sentence, narrowed, span.start)
        if hits and last is not None and i - last.sentence <= _CARRY_WINDOW:
            hits = talks_about_the_topic(lex, sentence, hits, last.issues)
        carried = ""
        skipped = 0
        if not hits:
            recent_issues = [code for j, codes in reversed(recent) if i - j <= _TOPIC_WINDOW for code in codes]
            if not recent_issues and topic is None:
                continue
            hits, carried = topic_hits(lex, sentence, list(dict.fromkeys(recent_issues)), topic)
        if not hits:
            continue
        if _QUESTION_END.search(sentence):
            continue  # a question states no position (and in a transcript it is the journalist's)
        if lex.cues.debris is not None and lex.cues.debris.search(sentence):
            # A video embed glued to the next sentence ("04:41 'Title' – video But diplomats said ..."):
            # the words after the caption are body text.
            tail = _CAPTION_END.search(sentence)
            if tail is None:
                continue
            skipped = tail.end()
            span = Span(span.start + skipped, span.end)
            sentence = span.of(text)
            hits = issue_hits(lex, sentence, narrowed, span.start)
            if not hits or carried or lex.cues.debris.search(sentence):
                continue
        quotes = quote_spans(sentence)
        actors = sentence_actors(lex, ctx, i, sentence, quotes, skipped)
        hits = outside_names(hits, actors.plain)
        if not hits:
            continue
        attr = attribution(lex, sentence, actors.plain, quotes)
        actors = actors.with_first_person(attr.speaker)
        found: list[Found] = []
        for code in hits:
            others = [c for other, cues in hits.items() if other != code for c in cues]
            found += _signals_for_issue(
                lex, ctx, i, sentence, code, hits[code], quotes, actors.all, attr, carried, topic, others, last
            )
        accused = claim_records(lex, ctx, i, sentence, hits, quotes, actors.all, found, carried, topic, last)
        overridden = {(f.holder, f.issue) for f in accused if f.overrides}
        overridden |= {(f.displaces, f.issue) for f in accused if f.displaces}
        found = _dedupe([f for f in found if (f.holder, f.issue) not in overridden] + accused)
        found += contrasted_records(sentence, actors.all, found, attr.speaker)
        for f in found:
            where.append(i)
            out.append(
                Signal(
                    article_id=article.id,
                    sentence=sentence,
                    start=span.start,
                    end=span.end,
                    holder=f.holder,
                    issue=f.issue,
                    stance=f.stance,  # type: ignore[arg-type]
                    channel=f.channel,  # type: ignore[arg-type]
                    source=f.source,  # type: ignore[arg-type]
                    hedged=f.hedged,
                    when=f.when,
                    person=f.person,
                    confidence=round(f.confidence, 3),
                    why=tuple(f.why),
                )
            )
        if found:
            issues = tuple(dict.fromkeys(f.issue for f in found))
            holders = tuple(dict.fromkeys(f.holder for f in found if f.issue == found[0].issue))
            topic = last = Topic(para, issues, found[0].holder, found[0].when, holders, i)
            recent.append((i, topic.issues))
            ctx.last_speaker = attr.speaker or ctx.last_speaker
        else:
            if attr.speaker is not None:
                ctx.last_speaker = attr.speaker
            voice = _quoted_speaker(attr, quotes) if not carried else None
            if voice is not None:
                # Words of a speaker that name the issue without a position ("It will be good to
                # achieve a truce"): the speaker's next words ("We are in favour of it") are about it.
                topic = Topic(para, tuple(hits), voice, None, (voice,), i)
    return fill_when(out, where, ctx)


def _quoted_speaker(attr: Attribution, quotes: list[tuple[int, int]]) -> str | None:
    """The code of the speaker a quote is credited to, if any.

    (A transcript turn's speaker naming the issue is not enough: there the next sentences
    are as often about something else, and the turn's own signals set the topic.)
    """
    if attr.speaker is not None and attr.speaker.code and quotes and not inside(attr.speaker.start, quotes):
        return attr.speaker.code
    return None


def _dedupe(found: list[Found]) -> list[Found]:
    """One record per (holder, issue) in a sentence: the most confident one."""
    best: dict[tuple[str, str], Found] = {}
    for f in found:
        key = (f.holder, f.issue)
        if key not in best or f.confidence > best[key].confidence:
            best[key] = f
    return list(best.values())


def _signals_for_issue(
    lex: Lexicon,
    ctx: DocContext,
    index: int,
    sentence: str,
    code: str,
    hits_of_issue: list[Cue],
    quotes: list[tuple[int, int]],
    mentions: list[Actorish],
    attr: Attribution,
    carried: str,
    topic: Topic | None,
    other_terms: list[Cue] = (),  # type: ignore[assignment]
    last: Topic | None = None,  # the latest signal sentence, in any paragraph
) -> list[Found]:
    sc = stance_cues(lex, code, sentence, hits_of_issue)
    if other_terms and sc.polar:
        sc = replace(
            sc, polar=tuple(c for c in sc.polar if not owned_elsewhere(sentence, c, hits_of_issue, other_terms))
        )
    item = lex.issue(code)
    if item.requires_object and not _names_object(sentence, mentions, item.object_holders):
        return []
    props = [] if carried == "carried" or item.object_holders else proposers(sentence, mentions, hits_of_issue)
    if not sc.polar and not sc.conditions and not attr.claim and not props:
        return []
    if carried == "carried" and not continues_topic(lex, ctx, index, sentence, sc, mentions, topic, attr):
        return []
    if only_the_aim_of_talks(sentence, sc):
        return []
    agents = {c: passive_agent(sentence, c, mentions) for c in sc.polar}
    if any(passive and agent is None for passive, agent in agents.values()):
        # "a plan that was dismissed by most observers": no actor took that stance
        sc = replace(sc, polar=tuple(c for c in sc.polar if not (agents[c][0] and agents[c][1] is None)))
        if not sc.polar and not sc.conditions and not attr.claim and not props:
            return []
    # A condition word that is itself the subject ("The terms ... require"): the next cue places the holder.
    conditions = [c for c in sc.conditions if not any(m.start <= c.start < m.end for m in mentions)] or list(
        sc.conditions
    )
    cue_pos = (list(sc.polar) or conditions or [None])[0]
    if cue_pos is not None:
        attr = attribution(lex, sentence, [m for m in mentions if m.kind != "first_person"], quotes, cue_pos.start)
    if onlooker_accusation(lex, attr):
        # "Johnson blamed Russia for breaches of the truce": no record of the accused; what the
        # onlooker said before accusing ("urged a truce and accused ...") is its own.
        sc, attr = before_the_accusation(sc, attr)
        if not sc.polar and not sc.conditions:
            return []
        conditions = [c for c in conditions if c.end <= attr.content[1]]
    lo, hi = attr.content
    in_content = [c for c in sc.polar if lo <= c.start < hi]
    first_cue = (in_content or list(sc.polar) or conditions or [None])[0]
    term_spans = [(c.start, c.end) for c in hits_of_issue] if item.object_holders else []
    last_term = max((c.end for c in hits_of_issue), default=len(sentence))
    calls = [
        c for c in finditer(lex.cues.calls, sentence, "call") if c.start < last_term and not inside(c.start, quotes)
    ]
    call = calls[0] if calls and lo <= calls[0].start < hi else None
    heads, how = select_holders(sentence, mentions, first_cue, attr, term_spans, call, item.object_holders, sc.polar)
    if heads and len(sc.polar) > 1:
        # a later stance noun's possessor, when that noun is about this issue rather than another one
        own = tuple(c for c in sc.polar if nearest_issue_is(sentence, c, hits_of_issue, other_terms))
        seen_codes = {h.code for h in heads}
        heads = heads + [m for m in cue_owners(sentence, mentions, own, first_cue) if m.code not in seen_codes]
    agent = agents.get(first_cue, (False, None))[1] if first_cue is not None else None
    if agent is not None:
        heads, how = [agent], f"agent of the passive ({first_cue.text!r} by)"
    if heads and first_cue is not None and _TOLD.search(sentence, 0, first_cue.start) is not None:
        # "we keep hearing that the door is open to us": what the speaker was told is someone else's line
        return []
    if not sc.polar and not sc.conditions and not attr.claim:
        heads = []  # only the proposal's author has a position here
    both = [
        b
        for b in finditer(lex.cues.both_sides, sentence, "both")
        if not _OBJECT_BEFORE.search(sentence, 0, b.start)
        # "X said all parties should support talks": the parties are told what to do, X holds the position
        and not (attr.speaker is not None and DEONTIC.match(sentence, b.end))
    ]
    if (
        not both
        and heads
        and heads[0].kind == "pronoun"
        and heads[0].text.lower() == "they"
        and not sentence[: heads[0].start].strip(' ,“"')  # "They agreed ...": a plural subject opening the sentence
    ):
        both = [Cue("both", heads[0].start, heads[0].end, heads[0].text)]  # "They agreed": the pair last named
    if both and (not heads or both[0].start < (first_cue.start if first_cue else len(sentence))):
        # Coreference may already know whom the phrase stands for ("The leaders" after a call of two).
        at_span = list(dict.fromkeys(m.code for m in mentions if m.start < both[0].end and both[0].start < m.end))
        persons = _LEADERS.search(both[0].text) is not None  # coreference knows the last two leaders named
        sides = at_span if persons and len(at_span) >= 2 else ctx.sides(index, before=both[0].start)
        if len(sides) >= 2:
            if _JOINT_TEXT.search(both[0].text):
                # "A joint statement said ...": each side's own text, on the record.
                heads = [Actorish(0, 0, both[0].text, code_, None, "group", "document") for code_ in sides[:2]]
            else:
                heads = [side(code_) for code_ in sides[:2]]
            how = f"both sides ({both[0].text})"
    if heads and any(c.kind == "open" for c in sc.polar):
        heads = heads + partners(sentence, mentions, heads)
    if not heads and topic is not None and topic.paragraph == ctx.paragraph_of(index) and (sc.polar or sc.conditions):
        # No actor named: the paragraph is still about the previous signal's holder.
        heads, how = [side(code_) for code_ in (topic.holders or (topic.holder,))], "holder of the previous sentence"
        speaker = ctx.last_speaker
        if (
            attr.speaker is None
            and speaker is not None
            and speaker.code == topic.holder
            and OPENING_QUOTE.match(sentence)
        ):
            attr = replace(
                attr, speaker=speaker
            )  # '"Maybe I'll call Trump."' after '"...," he said': his quote goes on
    if (
        not heads
        and last is not None
        and last.sentence == index - 1
        and ctx.voice is None
        and not ctx.transcript
        and not any(m.code for m in mentions)
        and sc.polar
    ):
        # A news paragraph that opens naming no one ("Such frequent hints of interest in a
        # cease-fire are ...") goes on about the holder of the sentence just before it.
        heads, how = [side(code_) for code_ in (last.holders or (last.holder,))], "holder of the sentence before"
    voice = ctx.speaker_of[ctx.paragraph_of(index)]
    names_others = bool(ctx.others) and ctx.others[index]  # "Our Western partners rejected it": not the speaker
    if (
        not heads
        and voice is not None
        and not any(m.code for m in mentions)
        and not names_others
        and (sc.polar or sc.conditions)
        # "there is an offer to meet", "there is broad support for a just peace": someone's, not the speaker's
        and not (
            sc.polar
            and not sc.polar[0].text.lower().startswith("agree")  # "there was an agreement": the speaker's side too
            and _EXISTENTIAL.search(sentence, max(0, sc.polar[0].start - 60), sc.polar[0].start)
        )
    ):
        # A transcript turn or an official text that names no one: its speaker states a position of its own.
        heads, how = [voice], "speaker of the turn"
    if not heads and not props:
        return []
    term = hits_of_issue[0].text if hits_of_issue else None
    out = []
    seen: set[str] = set()
    targets = targets_of_terms(sentence, hits_of_issue, mentions)
    for head in heads:
        if not head.code or head.code in seen or head.code in targets:
            continue  # "aiming to inflict strategic defeat on Moscow": the target holds no such aim
        seen.add(head.code)
        out.append(build_record(lex, ctx, index, sentence, code, term, quotes, sc, attr, head, how, carried, topic))
    for prop in props:
        if prop.code and prop.code not in seen:
            seen.add(prop.code)
            rec = build_record(
                lex, ctx, index, sentence, code, term, quotes, sc, attr, prop, "proposer", carried, topic
            )
            rec.restate("open", f"author of the proposal: {prop.text!r}")
            # A named official's or body's proposal ("Trump's peace plan"), or one quoted from their own
            # text, is theirs on the record; "a U.S. proposal" is the article's own account.
            own = prop.kind in ("person", "title", "group") or (
                bool(ctx.document_text) and ctx.document_text[ctx.paragraph_of(index)]
            )
            rec.source, rec.channel = ("holder", "public") if own else ("author", "unknown")
            rec.confidence, _ = confidence(sc, "proposer", carried, rec.source)
            out.append(rec)
    for owner, cue in owners_of_issue_phrases(sentence, mentions, sc.issue_polar, seen):
        # "opposition to Ukraine's bid to join NATO": the owner of the issue's own phrase holds it too.
        seen.add(owner.code)
        rec = build_record(lex, ctx, index, sentence, code, term, quotes, sc, attr, owner, "owner", carried, topic)
        rec.restate(cue.kind, f"its own {cue.text!r}")
        out.append(rec)
    return out


def _names_object(sentence: str, mentions: list[Actorish], codes: tuple[str, ...]) -> bool:
    """Whether the sentence names (or speaks as) one of the issue's object holders."""
    return any(m.code in codes for m in mentions)
