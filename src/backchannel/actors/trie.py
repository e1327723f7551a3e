"""Compile many literal phrases into one regex that matches the longest one at each position.

A flat alternation of thousands of phrases makes the regex engine try each one at every
character; a character trie turns that into one branch per distinct next character, so
a position that starts no phrase fails after a single test. Greedy optional tails make
the longest phrase win, and backtracking falls back to a shorter one when a longer one
is not word-bounded.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

SPACE = r"[^\S\n]+"  # one or more blanks, never a line break: a name does not run across lines


def trie_regex(phrases: Iterable[str]) -> str:
    """A regex source (no groups) matching any of ``phrases``; spaces match runs of blanks.

    Returns a pattern that never matches when ``phrases`` is empty.
    """
    root: dict = {}
    for phrase in phrases:
        if not phrase:
            continue
        node = root
        for char in phrase:
            node = node.setdefault(char, {})
        node[""] = {}
    if not root:
        return r"(?!x)x"
    return _emit(root)


def _atom(char: str) -> str:
    return SPACE if char == " " else re.escape(char)


def _emit(node: dict) -> str:
    terminal = "" in node
    branches = []
    for char in sorted(k for k in node if k):
        child = node[char]
        chain = [char]
        # Compress single-child chains into one literal run ("Putin" rather than nested groups).
        while len(child) == 1 and "" not in child:
            (nxt,) = child
            chain.append(nxt)
            child = child[nxt]
        rest = _emit(child) if set(child) != {""} else ""
        branches.append("".join(_atom(c) for c in chain) + rest)
    if not branches:
        return ""
    if len(branches) == 1 and not terminal:
        return branches[0]
    body = "(?:" + "|".join(branches) + ")"
    return body + "?" if terminal else body
