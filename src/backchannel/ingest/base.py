"""What every reader shares: problems, options, ids, outlets, decoding, length checks.

Readers never raise on one bad input: they yield a ``Problem`` naming the file and the
line or record, and go on, so one broken file never stops a batch of thousands.
"""

from __future__ import annotations

import codecs
import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal
from urllib.parse import urlsplit

Severity = Literal["failed", "skipped", "warning"]

# An article shorter than this is a stub, a teaser or an error page, not something a
# reader can quote a position from. Both limits must be met.
MIN_CHARS = 200
MIN_WORDS = 30

FORMATS: tuple[str, ...] = ("auto", "html", "text", "jsonl", "csv", "feed", "warc")


@dataclass(frozen=True, slots=True)
class Problem:
    """One bad input: ``source`` (file or URL), ``where`` (line/record, may be empty), ``message``.

    ``failed`` inputs are errors; ``skipped`` ones hold nothing to store (too short, not
    an article); a ``warning`` goes with an article that was still read (e.g. an
    encoding fallback).
    """

    source: str
    message: str
    where: str = ""
    severity: Severity = "failed"

    def __str__(self) -> str:
        loc = f"{self.source}:{self.where}" if self.where else self.source
        return f"{loc}: {self.message}"


@dataclass(frozen=True, slots=True)
class FetchOptions:
    """Limits for every URL fetched: a page larger, slower or redirected more is refused."""

    timeout: float = 15.0  # seconds, for connecting and for each read
    max_bytes: int = 5_000_000
    max_redirects: int = 5
    user_agent: str = "backchannel/0.1 (+https://github.com/backchannel)"


@dataclass(frozen=True, slots=True)
class ReadOptions:
    """How to read: the format (or ``auto``), column mapping, link fetching, length minimum."""

    fmt: str = "auto"
    recursive: bool = False
    mapping: dict[str, str] = field(default_factory=dict)  # article field -> input column
    fetch_links: bool = False
    min_chars: int = MIN_CHARS
    min_words: int = MIN_WORDS
    fetch: FetchOptions = field(default_factory=FetchOptions)


def too_short(text: str, opts: ReadOptions) -> str | None:
    """Why ``text`` is too short to be an article, or None when it is long enough."""
    stripped = text.strip()
    if not stripped:
        return "empty text"
    words = len(stripped.split())
    if len(stripped) < opts.min_chars or words < opts.min_words:
        return (
            f"text too short ({len(stripped)} characters, {words} words; "
            f"the minimum is {opts.min_chars} characters and {opts.min_words} words)"
        )
    return None


_ODD_SPACES = re.compile("[\u00a0\u2000-\u200a\u202f\u205f\u3000]")
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")


def normalize_spaces(text: str) -> str:
    """No-break, thin and zero-width spaces as plain spaces (or nothing), so "of\u00a0Russia"
    reads as "of Russia" to every later stage."""
    return _ODD_SPACES.sub(" ", _INVISIBLE.sub("", text))


_SLUG_RE = re.compile(r"[^a-z0-9]+")


def slugify(text: str, max_len: int = 60) -> str:
    """Lower-case ASCII words joined by hyphens: a readable part of an id."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    slug = _SLUG_RE.sub("-", ascii_text).strip("-")
    return slug[:max_len].rstrip("-") or "article"


def short_hash(key: str, n: int = 8) -> str:
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:n]


def site_name(host: str) -> str:
    """The name part of a host: ``en.kremlin.ru`` -> ``kremlin``, ``www.bbc.co.uk`` -> ``bbc``."""
    labels = [x for x in host.lower().removeprefix("www.").split(".") if x]
    if (
        len(labels) >= 3
        and labels[-2] in {"co", "com", "org", "gov", "ac", "net", "gv", "edu"}
        and len(labels[-1]) == 2
    ):
        labels = labels[:-1]
    return labels[-2] if len(labels) >= 2 else (labels[0] if labels else "")


def id_from_url(url: str) -> str:
    """A stable id for a page: its site and last path segments, plus a hash of the whole URL."""
    parts = urlsplit(url)
    segments = [s for s in parts.path.split("/") if s]
    readable = slugify("-".join([site_name(parts.hostname or ""), *segments[-2:]]))
    return f"{readable}-{short_hash(url)}"


def id_from_path(path: Path, record: str = "") -> str:
    """A stable id for a file (or a record in it): its stem, plus a hash of the absolute path."""
    key = str(path.resolve()) + (f"#{record}" if record else "")
    stem = path.name
    for suffix in (".gz", ".warc", ".jsonl", ".csv", ".html", ".htm", ".txt", ".md", ".xml"):
        stem = stem.removesuffix(suffix)
    readable = slugify(f"{stem}-{record}" if record else stem)
    return f"{readable}-{short_hash(key)}"


def domain_of(url: str | None) -> str | None:
    """The host of ``url`` without ``www.``, or None (the outlet of last resort)."""
    if not url:
        return None
    host = urlsplit(url).hostname
    return host.removeprefix("www.") if host else None


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str
    note: str | None = None  # set when the encoding was a guess or a fallback: tell the user


_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


_NOT_CONTROL = bytes(b for b in range(256) if b >= 32 or b in (9, 10, 12, 13, 27))  # deleted to count the rest


def looks_binary(data: bytes) -> bool:
    """NUL bytes (outside a UTF-16 file) or many control characters: not a text file."""
    head = data[:8192]
    if any(head.startswith(bom) for bom, enc in _BOMS if enc == "utf-16"):
        return False
    if b"\x00" in head:
        return True
    controls = len(head.translate(None, _NOT_CONTROL))
    return bool(head) and controls / len(head) > 0.1


def _cp1252_bytes(err: UnicodeDecodeError) -> tuple[str, int]:
    """Decode error handler: read each byte UTF-8 rejects as Windows-1252 (mixed files)."""
    bad = err.object[err.start : err.end]
    return bad.decode("cp1252", errors="replace"), err.end


codecs.register_error("backchannel-cp1252", _cp1252_bytes)


def decode_bytes(data: bytes, declared: str | None = None) -> Decoded:
    """Text from bytes: BOM, then UTF-8, then the declared charset, then detection.

    A file that is mostly UTF-8 with a few Windows-1252 bytes (a mixed file, the
    common result of pasting) keeps its UTF-8 and reads only the bad bytes as
    Windows-1252. Every guess is reported in ``note``.
    """
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return Decoded(data.decode(enc, errors="replace"), enc)
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    if declared:
        try:
            codec = codecs.lookup(declared).name
            return Decoded(data.decode(codec), codec)
        except (LookupError, UnicodeDecodeError):
            pass
    # Valid multi-byte UTF-8 before the first bad byte means the file is UTF-8 with stray bytes.
    if re.search(rb"[\xc2-\xf4][\x80-\xbf]", data[:first_bad]):
        bad = _count_invalid_utf8(data)
        return Decoded(
            data.decode("utf-8", errors="backchannel-cp1252"),
            "utf-8",
            f"mixed encoding: {bad} byte(s) are not UTF-8 and were read as Windows-1252",
        )
    from charset_normalizer import from_bytes

    matches = from_bytes(data[:200_000])
    best = matches.best()
    if best is not None:
        # Equally good single-byte guesses: Windows-1252 is by far the most common on the web.
        tied = [m.encoding for m in matches if m.chaos <= best.chaos + 1e-3 and m.coherence >= best.coherence - 1e-3]
        if "cp1252" in tied:
            best = next(m for m in matches if m.encoding == "cp1252")
    if best is not None and best.encoding:
        try:
            text = data.decode(best.encoding)
            return Decoded(text, best.encoding, f"not UTF-8; decoded as {best.encoding} (detected)")
        except (LookupError, UnicodeDecodeError):
            pass
    return Decoded(
        data.decode("cp1252", errors="replace"),
        "cp1252",
        "not UTF-8 and the encoding could not be detected; read as Windows-1252",
    )


def _count_invalid_utf8(data: bytes) -> int:
    """Bytes UTF-8 rejects (each becomes one replacement character)."""
    return data.decode("utf-8", errors="replace").count("\ufffd") - data.decode("utf-8", errors="ignore").count(
        "\ufffd"
    )
