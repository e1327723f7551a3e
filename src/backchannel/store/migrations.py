"""Where every migration is registered: importing this module imports them all.

Numbers are taken in order and never reused:
1. ``schema``: articles, signals, cluster members.
2. ``clusters``: cluster signatures and index state.
3. ``search``: full-text search (FTS5 indexes and triggers on SQLite).
Later stages add theirs in their own store module and import it here.
"""

from . import schema  # noqa: F401
from . import clusters  # noqa: F401
from . import search  # noqa: F401
