"""Plain text and Markdown files: the first line is the title, the rest the body.

The body goes through ``clean.clean_text``: a page copied or saved as text keeps the
debris around the article, and a Markdown front matter block (``---`` ... ``---``) or a
byline and dateline above the body become the article's metadata.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from ..clean import clean_text
from ..records import Article
from .base import (
    Problem,
    ReadOptions,
    decode_bytes,
    domain_of,
    id_from_path,
    id_from_url,
    looks_binary,
    normalize_spaces,
    too_short,
)


def text_to_article(data: bytes, *, source: str, path: Path, opts: ReadOptions) -> Iterator[Article | Problem]:
    """One text or Markdown file as an Article (or a problem saying why not)."""
    if looks_binary(data):
        yield Problem(source, "binary file, not text (use --format if it is something else)")
        return
    decoded = decode_bytes(data)
    if decoded.note:
        yield Problem(source, decoded.note, severity="warning")
    cleaned = clean_text(normalize_spaces(decoded.text), title_first_line=True)
    why = too_short(cleaned.text, opts)
    if why:
        yield Problem(source, why, severity="skipped")
        return
    url = cleaned.url if cleaned.url and cleaned.url.startswith(("http://", "https://")) else None
    yield Article(
        id=id_from_url(url) if url else id_from_path(path),
        text=cleaned.text,
        title=cleaned.title,
        url=url,
        outlet=cleaned.outlet or domain_of(url),
        author=cleaned.author,
        published=cleaned.published,
        source_path=str(path),
    )
