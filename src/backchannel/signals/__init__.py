"""Signal extraction: the rules that turn article text into SIGNALS.md records.

Public entry points: ``extract(article, lexicon=None) -> list[Signal]`` and
``load_lexicon(actors_files=(), issues_dir=None)``; ``stored.extract_stored`` re-extracts
articles in the database.
"""

from .extract import VERSION, ExtractionError, extract
from .lexicon import Lexicon, LexiconError, load_lexicon

__all__ = ["VERSION", "ExtractionError", "Lexicon", "LexiconError", "extract", "load_lexicon"]
