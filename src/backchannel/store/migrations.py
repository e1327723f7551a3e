"""Where every migration is registered: importing this module imports them all.

Numbers are taken in order and never reused:
1. ``schema``: articles, signals, cluster members.
2. ``clusters``: cluster signatures and index state.
3. ``search``: full-text search (FTS5 indexes and triggers on SQLite).
4. ``copies``: exact copies seen at other addresses (sightings of a stored article).
Later stages add theirs in their own store module and import it here.
"""

from . import (
    clusters,  # noqa: F401
    copies,  # noqa: F401
    schema,  # noqa: F401
    search,  # noqa: F401
)
