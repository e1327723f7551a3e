"""The article body as HTML with each signal's sentence highlighted and labelled.

Signals carry character offsets into the cleaned text; several may cover one sentence
(two holders, two issues) or overlap. The text is cut at every span boundary, each
piece escaped, and the pieces covered by a signal wrapped in ``<mark>``; each signal's
label follows the end of its span. A signal whose offsets do not match the text (an
older extraction of a since re-cleaned article) is located by its sentence, or else
reported as not found rather than highlighted in the wrong place.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

from ..records import Signal


@dataclass(frozen=True, slots=True)
class Placed:
    """A signal with its number on the page and where it sits in the text (None: not found)."""

    number: int
    signal_id: int  # the stored signal's id: the page anchor is ``s<id>``
    signal: Signal
    span: tuple[int, int] | None


def place_signals(text: str, signals: Sequence[tuple[int, Signal]]) -> list[Placed]:
    """Number the (id, signal) pairs in text order and find each one's span in ``text``."""
    out = []
    ordered = sorted(signals, key=lambda pair: (pair[1].start, pair[1].end, pair[0]))
    for n, (sid, s) in enumerate(ordered, 1):
        span: tuple[int, int] | None = None
        if 0 <= s.start < s.end <= len(text) and text[s.start : s.end] == s.sentence:
            span = (s.start, s.end)
        elif s.sentence:
            at = text.find(s.sentence)
            if at >= 0:
                span = (at, at + len(s.sentence))
        out.append(Placed(n, sid, s, span))
    return out


def _label(p: Placed) -> str:
    s = p.signal
    parts = [s.holder, s.issue.replace("_", " "), s.stance, s.channel, s.source.replace("_", " ")]
    if s.hedged:
        parts.append("hedged")
    chips = "".join(f'<span class="chip">{escape(x)}</span>' for x in parts[1:])
    return (
        f'<a class="sig-label stance-{escape(s.stance)}" href="#signal-{p.signal_id}" '
        f'title="signal {p.number}: {escape(" · ".join(parts))}">'
        f'<span class="sig-num">{p.number}</span><span class="chip holder">{escape(s.holder)}</span>{chips}</a>'
    )


def render_article(text: str, placed: Sequence[Placed]) -> Markup:
    """The escaped text with ``<mark>`` around signal spans and a label after each span."""
    located = [p for p in placed if p.span]
    cuts = {0, len(text)}
    for p in located:
        cuts.update(p.span)  # type: ignore[arg-type]
    bounds = sorted(cuts)
    starts: dict[int, list[Placed]] = {}
    ends: dict[int, list[Placed]] = {}
    for p in located:
        starts.setdefault(p.span[0], []).append(p)  # type: ignore[index]
        ends.setdefault(p.span[1], []).append(p)  # type: ignore[index]
    html: list[str] = []
    for a, b in zip(bounds, bounds[1:], strict=False):
        covering = [p for p in located if p.span[0] <= a and b <= p.span[1]]  # type: ignore[index]
        piece = str(escape(text[a:b]))
        for p in starts.get(a, []):
            html.append(f'<span class="anchor" id="s{p.signal_id}"></span>')
        if covering:
            stances = {p.signal.stance for p in covering}
            stance = stances.pop() if len(stances) == 1 else "mixed"
            nums = " ".join(str(p.number) for p in covering)
            html.append(f'<mark class="sig stance-{escape(stance)}" data-signals="{nums}">{piece}</mark>')
        else:
            html.append(piece)
        for p in sorted(ends.get(b, []), key=lambda p: p.number):
            html.append(_label(p))
    return Markup("".join(html))
