"""Where every migration is registered: importing this module imports them all.

Numbers are taken in order and never reused:
1. ``schema``: articles, signals, cluster members.
Later stages add theirs in their own store module and import it here.
"""

from . import schema  # noqa: F401
