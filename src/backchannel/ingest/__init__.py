"""Reading articles from files, folders, feeds, web archives and URLs.

``read_paths(paths, opts)`` yields ``Article`` records and ``Problem`` reports (file,
line or record, message) and never raises on one bad input. One module per reader:
``html``, ``text`` (plain and Markdown), ``tabular`` (JSONL, JSON, CSV with a field
mapping), ``feed`` (RSS/Atom), ``warc``; ``fetch`` gets URLs within limits; ``paths``
expands folders and detects formats.
"""

from .base import FORMATS, MIN_CHARS, MIN_WORDS, FetchOptions, Problem, ReadOptions
from .fetch import FetchError, fetch
from .paths import Source, expand, read_paths, read_source, sniff_format
from .tabular import MapError, parse_map

__all__ = [
    "FORMATS",
    "MIN_CHARS",
    "MIN_WORDS",
    "FetchError",
    "FetchOptions",
    "MapError",
    "Problem",
    "ReadOptions",
    "Source",
    "expand",
    "fetch",
    "parse_map",
    "read_paths",
    "read_source",
    "sniff_format",
]
