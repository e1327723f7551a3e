"""The command line: thin wrappers that parse arguments, call the library, print.

Each command group lives in its own module and registers itself on ``app``.
"""

from .app import app, main

__all__ = ["app", "main"]
