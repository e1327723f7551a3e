"""HTML pages: main text, title, date, site name and author through trafilatura.

trafilatura strips navigation, ads, share widgets and comment sections; what little
debris survives inside the main text (a "Read more" link line, a credit, a standfirst
that repeats the page's description) goes through the same cleaner as text inputs. Paragraphs are separated by a blank line, as in text
inputs, so later stages see one layout whatever the source.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from lxml import html as lxml_html

from ..clean import clean_text
from ..clean_head import real_author
from ..records import Article, parse_date
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

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", re.IGNORECASE)
_BLOCKS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "section", "article", "pre"}


def declared_charset(data: bytes) -> str | None:
    """The charset a page declares in its ``<meta>`` (first 4 KB), if any."""
    m = _META_CHARSET.search(data[:4096])
    return m.group(1).decode("ascii", "ignore") if m else None


def html_to_article(
    data: bytes,
    *,
    source: str,
    opts: ReadOptions,
    where: str = "",
    url: str | None = None,
    path: Path | None = None,
    published: date | None = None,
    charset: str | None = None,
    article_id: str | None = None,
    extra: dict | None = None,
) -> Iterator[Article | Problem]:
    """One HTML page as an Article, or the problems that kept it from being one.

    ``url`` and ``published`` come from the caller when it knows better than the page
    (a WARC record, a fetched URL, a feed entry): the page's own date wins when found.
    """
    import trafilatura

    if looks_binary(data):
        yield Problem(source, "binary data, not an HTML page", where)
        return
    decoded = decode_bytes(data, charset or declared_charset(data))
    if decoded.note:
        yield Problem(source, decoded.note, where, "warning")
    try:
        doc = trafilatura.bare_extraction(decoded.text, url=url, with_metadata=True, include_comments=False)
    except Exception as exc:  # trafilatura/lxml fail on pathological markup
        yield Problem(source, f"cannot parse HTML: {exc}", where)
        return
    if doc is None or not (doc.text or "").strip():
        yield Problem(source, "no article text found in the HTML page", where, "skipped")
        return
    raw = "\n\n".join(line.strip() for line in normalize_spaces(doc.text).split("\n") if line.strip())
    title = normalize_spaces(doc.title or "").strip() or None
    cleaned = clean_text(raw, known_title=title, known_summary=doc.description)
    why = too_short(cleaned.text, opts)
    if why:
        yield Problem(source, why, where, "skipped")
        return
    page_url = url or doc.url or None
    if article_id is None:
        article_id = id_from_url(page_url) if page_url else id_from_path(path or Path(source))
    yield Article(
        id=article_id,
        text=cleaned.text,
        title=title,
        url=page_url,
        outlet=(doc.sitename or "").strip() or domain_of(page_url),
        author=real_author(doc.author) or cleaned.author,
        published=parse_date(doc.date) or published or cleaned.published,
        source_path=str(path) if path else source,
        extra=extra or {},
    )


def fragment_text(fragment: str) -> str:
    """Plain text of an HTML fragment (a feed entry's content), one block a paragraph."""
    if "<" not in fragment:
        return fragment.strip()
    try:
        root = lxml_html.fragment_fromstring(fragment, create_parent="div")
    except Exception:  # not parseable as HTML: keep it as text
        return fragment.strip()
    for bad in root.xpath("//script|//style|//noscript"):
        bad.drop_tree()
    for el in root.iter():
        if isinstance(el.tag, str) and el.tag.lower() in _BLOCKS:
            el.tail = "\n\n" + (el.tail or "")
    text = normalize_spaces(root.text_content())
    paragraphs = (" ".join(p.split()) for p in re.split(r"\n\s*\n", text))
    return "\n\n".join(p for p in paragraphs if p)
