"""What a briefing says, built from a track: the finding, the evidence, the figures behind them.

``build_briefing(track)`` is pure (no database, no files): it decides the wording and
which signals are cited, so both renderers (Markdown, HTML) say the same thing. Every
statement carries the numbers of the evidence items it rests on (``cites``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime

from ..track import Shift, SignalRef, Track, TrackConfig, load_config
from .names import holder_name, issue_phrase, possessive

KEY_PER_SIDE = 8  # evidence items shown per side (overtures, rejections) besides those cited elsewhere


@dataclass(frozen=True, slots=True)
class Evidence:
    """One quoted signal, numbered for citation, with how many articles and reports carry it.

    ``articles``/``reports`` come from the cluster stage's ``support`` (articles carrying
    the same signal, and their independent story clusters) when the briefing is built from
    the store; without it, the articles of its own report that carry the same stance and
    channel, from one report.
    """

    number: int
    ref: SignalRef
    articles: int
    reports: int = 1

    @property
    def anchor(self) -> str:
        return f"e{self.number}"


@dataclass(frozen=True, slots=True)
class Statement:
    """A sentence of the briefing and the evidence numbers it cites."""

    text: str
    cites: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class Briefing:
    title: str
    holder: str
    issue: str
    holder_name: str
    issue_phrase: str
    range_text: str
    generated: datetime
    finding: Statement
    figures: tuple[Statement, ...]
    shifts: tuple[Statement, ...]
    overtures: tuple[Evidence, ...]  # open and conditional
    rejections: tuple[Evidence, ...]  # opposed
    sources: tuple[Statement, ...]
    methods: tuple[str, ...]
    track: Track
    evidence: dict[int, Evidence] = field(default_factory=dict)  # number -> item
    numbers: dict[int, int] = field(default_factory=dict)  # signal id -> the evidence number that quotes it

    def cited(self, signal_ids: Iterable[int]) -> tuple[int, ...]:
        """The evidence numbers for ``signal_ids`` (a repeated quote maps to its one item)."""
        return tuple(sorted({self.numbers[i] for i in signal_ids if i in self.numbers}))


def _when(d: date | None) -> str:
    return d.isoformat() if d else "undated"


def _when_text(ref: SignalRef) -> str:
    """The signal's time as the text gives it ("2022", "2023-09/2023-11"), else its day."""
    return ref.when or _when(ref.day)


def _same_quote(refs: Sequence[SignalRef]) -> dict[int, int]:
    """Each signal id -> the id of the one quote shown for its sentence and stance.

    Copies of a wire story that the clustering kept apart, or a sentence repeated in two
    articles, would otherwise be quoted twice; the firmest (then earliest) telling stands for all.
    """
    best: dict[tuple[str, str], SignalRef] = {}
    for r in refs:
        key = (" ".join(r.sentence.casefold().split()), r.stance)
        cur = best.get(key)
        if cur is None or (r.weight, -(r.day or date.max).toordinal(), -r.id) > (
            cur.weight, -(cur.day or date.max).toordinal(), -cur.id
        ):  # fmt: skip
            best[key] = r
    return {r.id: best[(" ".join(r.sentence.casefold().split()), r.stance)].id for r in refs}


def _latest_lines(track: Track, cfg: TrackConfig) -> list[tuple[str, list[int]]]:
    """ "Latest public line: open (2025-06)" and the same for private, with the signals behind each."""
    out = []
    for channel in ("public", "private"):
        last = next((p for p in reversed(track.periods) if p.value(channel) is not None), None)
        if last is None:
            continue
        ids = [r.id for r in track.signals if r.channel == channel and last.start <= (r.day or date.min) <= last.end]
        out.append((f"Latest {channel} line: {cfg.label(last.value(channel))} ({last.value(channel):+.2f}) in "
                    f"{last.label}, on {_count(last.support[channel], 'independent report')}.", ids[:3]))  # fmt: skip
    return out


def _count(n: int, word: str, plural: str | None = None) -> str:
    return f"{n} {word if n == 1 else (plural or word + 's')}"


def _support(refs: Sequence[SignalRef]) -> str:
    arts = len({r.article_id for r in refs})
    reps = len({r.report for r in refs})
    return f"reported by {_count(arts, 'article')} from {_count(reps, 'independent report')}"


def _representatives(refs: Sequence[SignalRef]) -> list[tuple[SignalRef, int]]:
    """One signal per (report, stance, channel): the firmest, earliest; with its article count."""
    groups: dict[tuple[str, str, str], list[SignalRef]] = {}
    for r in refs:
        groups.setdefault((r.report, r.stance, r.channel), []).append(r)
    out = []
    for members in groups.values():
        best = max(members, key=lambda r: (r.weight, -(r.day or date.max).toordinal(), -r.id))
        out.append((best, len({m.article_id for m in members})))
    return out


def _turned(word: str) -> str:
    """ "turned open", "turned mixed", but "began leaning opposed"."""
    return f"began {word}" if word.startswith("leaning ") else f"turned {word}"


def _series_text(track: Track, series: str, cfg: TrackConfig) -> tuple[str, Shift | None]:
    """How one line moved, in words: "turned open from 2023-09", "stayed opposed", ...

    A detected shift (the latest, when there are several) is the story; without one the
    words give the balance over the range, never claiming a change the shift test did not
    find (the latest period's line is among the key figures).
    """
    have = [p for p in track.periods if p.value(series) is not None]
    shifts = [s for s in track.shifts if s.series == series]
    if shifts:
        last = shifts[-1]
        return f"{_turned(cfg.label(last.after))} from {last.period} (before: {cfg.label(last.before)})", last
    words = [cfg.label(p.value(series)) for p in have]
    if len(have) == 1:
        return f"were {words[0]} ({have[0].label})", None
    if len(set(words)) == 1:
        return f"stayed {words[0]} from {have[0].label} to {have[-1].label}", None
    overall = cfg.label(track.totals.value(series) if track.totals else None)
    return f"were {overall} on balance from {have[0].label} to {have[-1].label}", None


def _line_refs(track: Track, channel: str, shift: Shift | None, limit: int = 3) -> list[int]:
    if shift is not None and shift.signal_ids:
        return list(shift.signal_ids[:limit])
    mine = [r for r in track.signals if r.channel == channel]
    reps = sorted(_representatives(mine), key=lambda x: (-x[0].weight, -x[1], x[0].id))
    return [r.id for r, _ in reps[:limit]]


def _finding(track: Track, name: str, phrase: str, cfg: TrackConfig) -> tuple[str, list[int]]:
    has_pub = any(p.public is not None for p in track.periods)
    has_priv = any(p.private is not None for p in track.periods)
    who = possessive(name)
    if has_pub and has_priv:
        pub, pub_shift = _series_text(track, "public", cfg)
        priv, priv_shift = _series_text(track, "private", cfg)
        pub = pub.replace("were ", "was ", 1)
        same = cfg.label(track.totals.public) == cfg.label(track.totals.private)  # type: ignore[union-attr]
        joint = "and" if same else "while"
        text = f"{who} public line on {phrase} {pub} {joint} private signals {priv}."
        return text, _line_refs(track, "public", pub_shift, 2) + _line_refs(track, "private", priv_shift, 2)
    if has_pub or has_priv:
        channel = "public" if has_pub else "private"
        desc, shift = _series_text(track, channel, cfg)
        if has_pub:
            text = f"{who} public line on {phrase} {desc.replace('were ', 'was ', 1)}; no private signals were found."
        else:
            text = f"{who} private signals on {phrase} {desc}; no public statements were found."
        return text, _line_refs(track, channel, shift, 3)
    desc, shift = _series_text(track, "overall", cfg)
    text = f"{who} signals on {phrase}, through channels the reports do not name, {desc}."
    return text, _line_refs(track, "unknown", shift, 3)


def _shift_statement(s: Shift, cfg: TrackConfig, window: int) -> str:
    """One shift in words: what moved, where, from which level to which, and how sure."""
    names = {"overall": "The overall index", "public": "The public line", "private": "The private line"}
    levels = f"mean of up to {window} periods with signals on each side"
    if s.series == "gap":
        return (
            f"From {s.period} (after {s.previous}) the gap between the private and the public line moved from "
            f"{s.before:+.2f} to {s.after:+.2f}, {s.direction} ({levels}; change {s.change:+.2f} against a "
            f"threshold of {s.threshold:.2f})."
        )
    return (
        f"{names[s.series]} moved {s.direction} from {s.period} (after {s.previous}): from {cfg.label(s.before)} "
        f"({s.before:+.2f}) to {cfg.label(s.after)} ({s.after:+.2f}; {levels}), a change of {s.change:+.2f} "
        f"against a threshold of {s.threshold:.2f}; {_count(s.reports, 'independent report')} in {s.period}."
    )


def build_briefing(
    track: Track,
    *,
    config: TrackConfig | None = None,
    support: Callable[[Sequence[int]], Mapping[int, tuple[int, int]]] | None = None,
    now: datetime | None = None,
) -> Briefing:
    """The briefing for ``track`` (which must have signals; see ``Track.empty``).

    ``support`` is asked, once, for the quoted signals' (articles, independent reports): how
    many stored articles carry each and from how many story clusters (the cluster stage's
    count; asking only for the quoted few keeps a large track's briefing fast).
    """
    if track.empty or track.totals is None:
        raise ValueError(f"no signals for {track.holder}/{track.issue}: nothing to brief")
    cfg = config or load_config()
    name, phrase = holder_name(track.holder), issue_phrase(track.issue)
    finding_text, finding_ids = _finding(track, name, phrase, cfg)

    reps = _representatives(track.signals)
    copies = {r.id: n for r, n in reps}
    by_id = {r.id: r for r in track.signals}
    canon = _same_quote(track.signals)
    latest_lines = _latest_lines(track, cfg)
    cited_ids: list[int] = list(finding_ids) + [track.first.id, track.latest.id]  # type: ignore[union-attr]
    for s in track.shifts:
        cited_ids.extend(s.signal_ids[:4])
    for _, ids in latest_lines:
        cited_ids.extend(ids)

    def side(stances: set[str]) -> list[int]:
        # Firmest first; among equals the more widely carried, then the more recent (what a reader asks about).
        mine = sorted(
            (x for x in reps if x[0].stance in stances),
            key=lambda x: (-x[0].weight, -x[1], -(x[0].day or date.min).toordinal(), x[0].id),
        )
        picked: list[int] = []
        for r, _ in mine:
            if canon[r.id] not in picked:
                picked.append(canon[r.id])
            if len(picked) == KEY_PER_SIDE:
                break
        return picked

    chosen = set(side({"open", "conditional"})) | set(side({"opposed"})) | {canon[i] for i in cited_ids}
    ordered = sorted((by_id[i] for i in chosen), key=lambda r: (r.day or date.max, r.id))
    evidence: dict[int, Evidence] = {}
    carried = support([r.id for r in ordered]) if support else {}
    for n, ref in enumerate(ordered, 1):
        n_articles = copies.get(ref.id) or len(
            {
                r.article_id
                for r in track.signals
                if (r.report, r.stance, r.channel) == (ref.report, ref.stance, ref.channel)
            }
        )
        arts, reports = carried.get(ref.id, (n_articles, 1))
        evidence[n] = Evidence(n, ref, arts, reports)
    num = {e.ref.id: n for n, e in evidence.items()}
    num.update({i: num[c] for i, c in canon.items() if c in num})  # a repeated quote cites its one item

    def cites(ids: Iterable[int]) -> tuple[int, ...]:
        return tuple(sorted({num[i] for i in ids if i in num}))

    t = track.totals
    refs = track.signals
    over = [r for r in refs if r.stance != "opposed"]
    rej = [r for r in refs if r.stance == "opposed"]
    figures = [
        Statement(
            f"{_count(t.signals, 'signal')} in {_count(t.articles, 'article')} from "
            f"{_count(t.reports, 'independent report')}, {_when(track.first.day)} to {_when(track.latest.day)}"  # type: ignore[union-attr]
            + (f" ({track.undated} more undated, not counted)" if track.undated else "") + ".",
            cites([track.first.id, track.latest.id]),  # type: ignore[union-attr]
        ),
        Statement(
            f"Over the whole range: stance index {t.index:+.2f} ({cfg.label(t.index)})"
            + (f"; public line {t.public:+.2f} ({cfg.label(t.public)})" if t.public is not None else "; no public line")
            + (f"; private line {t.private:+.2f} ({cfg.label(t.private)})" if t.private is not None else "; no private line")
            + ".",
        ),
        Statement(f"Overtures (open or conditional): {_support(over)}." if over else "No overtures were found.",
                  cites(r.id for r in over)),
        Statement(f"Denials and rejections: {_support(rej)}." if rej else "No denials or rejections were found.",
                  cites(r.id for r in rej)),
    ]  # fmt: skip
    first, latest = track.first, track.latest
    assert first is not None and latest is not None
    figures.append(Statement(f"First signal {_when_text(first)} ({first.stance}, {first.channel}); latest "
                             f"{_when_text(latest)} ({latest.stance}, {latest.channel}).",
                             cites([first.id, latest.id])))  # fmt: skip
    figures.extend(Statement(text, cites(ids)) for text, ids in latest_lines)

    window = int(track.method["shifts"]["window"])
    shifts = tuple(Statement(_shift_statement(s, cfg, window), cites(s.signal_ids[:4])) for s in track.shifts)
    anonymous = [r for r in refs if r.source == "anonymous"]
    hedged = [r for r in refs if r.hedged]
    either = [r for r in refs if r.hedged or r.source == "anonymous"]
    pct = round(100 * len(either) / len(refs))
    sources = (
        Statement(f"{len(either)} of {len(refs)} signals ({pct}%) rest on anonymous sources or are hedged by the "
                  f"article: {len(anonymous)} anonymous, {len(hedged)} hedged.", cites(r.id for r in either)),
        *(Statement(f"{s.source.replace('_', ' ')}: {_count(s.signals, 'signal')} from "
                    f"{_count(s.reports, 'independent report')}, {s.hedged} hedged.",
                    cites(r.id for r in refs if r.source == s.source))
          for s in track.sources),
    )  # fmt: skip
    m = track.method
    sv = m["stance_values"]
    methods = (
        "Counted: signals of this holder on this issue that backchannel extracted from stored articles, by "
        f"{track.by}. A signal is dated by the time the text gives for it, else by its article's publication date.",
        "Independent reports: copies and rewrites of one story (one story cluster) count once per stance and "
        "channel in a period; an article not yet clustered counts as its own report. Repeats of a position within "
        "an article also count once.",
        f"Weights: each signal weighs its extraction confidence{'' if m['use_confidence'] else ' (not used here)'}"
        f", times {m['hedged_weight']} when the article hedges it; a report counts with its firmest signal.",
        f"Stance index: the weighted mean of opposed {sv['opposed']:+g}, conditional {sv['conditional']:+g}, open "
        f"{sv['open']:+g}, from -1 (flat refusal) to +1 (plain openness). The public line uses public-channel "
        "reports only, the private line private-channel ones; reports whose channel the text does not state count "
        "in the overall index only.",
        f"Shifts: at a boundary between periods with signals, the mean index of up to {m['shifts']['window']} "
        f"periods after it against that of up to {m['shifts']['window']} before it, when the change exceeds "
        f"{m['shifts']['k']:g} standard errors (from how much reports of a period disagree and how much the line "
        f"drifts from period to period) and {m['shifts']['min_change']:g}, the step at the boundary itself goes the "
        f"same way, and the periods after it rest on at least {m['shifts']['min_reports']} independent reports.",
        "Not counted: signals without any date, other holders and issues, and anything the extractor missed; "
        "the figures describe what the stored coverage reports, not what the holder decided.",
    )  # fmt: skip
    rng = f"{_when(track.since or first.day)} to {_when(track.until or latest.day)}"
    return Briefing(
        title=f"{name} on {phrase}: the public and the private line",
        holder=track.holder,
        issue=track.issue,
        holder_name=name,
        issue_phrase=phrase,
        range_text=rng,
        generated=now or datetime.now(UTC).replace(microsecond=0),
        finding=Statement(finding_text, cites(finding_ids)),
        figures=tuple(figures),
        shifts=shifts,
        overtures=tuple(e for e in evidence.values() if e.ref.stance != "opposed"),
        rejections=tuple(e for e in evidence.values() if e.ref.stance == "opposed"),
        sources=sources,
        methods=methods,
        track=track,
        evidence=evidence,
        numbers=num,
    )
