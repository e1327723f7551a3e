"""What the clusterer compares: word shingles, content words, and per-sentence facts.

Two kinds of evidence, because copies and rewrites differ in what they keep:

- a **near copy** keeps the wording, so it shares most word shingles (runs of
  ``shingle_size`` words) with its source, whatever boilerplate or truncation surrounds it;
- a **rewrite** keeps the facts but not the wording, so its sentences share with the
  source's sentences the names, numbers and rare words they carry, rarely four words in a row.

Features depend only on the article and the settings, never on the rest of the corpus
(no document frequencies), so clustering in two batches gives what one batch gives.
"""

from __future__ import annotations

import re
import unicodedata
import zlib
from dataclasses import dataclass
from datetime import date

import numpy as np
from datasketch import LeanMinHash, MinHash

from ..records import Article
from .config import ClusterConfig

SCHEME = "affine32"  # the datasketch MinHash scheme of every stored signature
SEED = 1

_TOKEN = re.compile(r"\w+(?:['’]\w+)*", re.UNICODE)
# A sentence ends at . ! ? (closing quotes kept) before white space, or at a line break.
_SENT_END = re.compile(r"(?<=[.!?…][\"'”’»)\]])\s+|(?<=[.!?…])\s+|\n+")

# Function words and reporting filler carry no facts: they never make two sentences alike.
STOPWORDS = frozenset(
    """a about above after again against all also am an and any are aren't as at be because been before
    being below between both but by can cannot could did do does doing down during each few for from
    further had has have having he her here hers herself him himself his how i if in into is it its
    itself just me more most my myself no nor not now of off on once only or other our ours ourselves
    out over own same she should so some such than that the their theirs them themselves then there
    these they this those through to too under until up very was we were what when where which while
    who whom why will with would you your yours yourself yourselves s t don should've ll m o re ve y
    ain aren couldn didn doesn hadn hasn haven isn ma mightn mustn needn shan shouldn wasn weren won
    wouldn also however meanwhile since though although yet still even may might must shall upon
    whether via per according""".split()  # noqa: SIM905 (a word list reads better as text)
)
# Number words a paraphrase may write out ("thirty days" for "30 days").
_SMALL_NUMBERS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty"
)
NUMBER_WORDS = {w: str(i) for i, w in enumerate(_SMALL_NUMBERS.split())} | {
    "thirty": "30",
    "forty": "40",
    "fifty": "50",
    "sixty": "60",
    "hundred": "100",
    "thousand": "1000",
}


# A line with fewer content words ("Share this", "Read more") is not a sentence to align.
MIN_SENTENCE_KEYS = 3


def fold(text: str) -> str:
    """NFKC, apostrophes unified: the form every comparison sees."""
    return unicodedata.normalize("NFKC", text).replace("’", "'")


def words(text: str) -> list[str]:
    """The article's words, case-folded, in order (punctuation dropped)."""
    return [m.group(0).casefold() for m in _TOKEN.finditer(fold(text))]


def split_sentences(text: str) -> list[str]:
    """Sentences (or lines), stripped, empty ones dropped; good enough to align two texts."""
    return [s.strip() for s in _SENT_END.split(fold(text)) if s and s.strip()]


def _hash32(value: str) -> int:
    return zlib.crc32(value.encode("utf-8"))


def shingles(tokens: list[str], size: int) -> set[int]:
    """32-bit hashes of every run of ``size`` words (the whole text when it is shorter)."""
    if len(tokens) < size:
        return {_hash32(" ".join(tokens))} if tokens else set()
    return {_hash32(" ".join(tokens[i : i + size])) for i in range(len(tokens) - size + 1)}


def content_key(token: str, cfg: ClusterConfig) -> str | None:
    """The comparable form of a content word, or None for a function word.

    Numbers keep their digits ("1,128" is two tokens "1" and "128"; both count), number
    words become digits, synonyms fold to their group's first word, and the rest is cut
    to six letters, a crude stem that makes "negotiations" meet "negotiate".
    """
    low = token.casefold()
    if low in STOPWORDS:
        return None
    if low in NUMBER_WORDS:
        return "#" + NUMBER_WORDS[low]
    if any(c.isdigit() for c in low):
        digits = "".join(c for c in low if c.isdigit())
        return "#" + digits if digits else None
    if len(low) < 3:
        return None
    low = low.removesuffix("'s")
    low = cfg.synonyms.get(low, low)
    return low[:6]


def sentence_features(sentence: str, cfg: ClusterConfig) -> dict[str, float]:
    """Content keys of a sentence with their weights: names and numbers weigh more."""
    out: dict[str, float] = {}
    for i, m in enumerate(_TOKEN.finditer(sentence)):
        token = m.group(0)
        key = content_key(token, cfg)
        if key is None:
            continue
        strong = key.startswith("#") or (token[0].isupper() and (i > 0 or token.isupper()))
        weight = cfg.name_weight if strong else cfg.word_weight
        if weight > out.get(key, 0.0):
            out[key] = weight
    return out


@dataclass(frozen=True, slots=True)
class ArticleFeatures:
    """Everything the pair tests need about one article, computed once."""

    id: str
    published: date | None
    content_hash: str
    n_words: int
    eligible: bool  # long enough to join a cluster at all
    shingles: frozenset[int]
    content: frozenset[str]  # the article's content keys (for the rewrite LSH)
    sentences: tuple[dict[str, float], ...]  # per-sentence content keys and weights

    @property
    def sort_key(self) -> tuple[int, str, str]:
        """Earliest first; undated after every dated article; ties by id."""
        return (0, self.published.isoformat(), self.id) if self.published else (1, "", self.id)


def featurize(article: Article, cfg: ClusterConfig) -> ArticleFeatures:
    """Features of ``article`` (its title is left out: a headline change is still a copy)."""
    tokens = words(article.text)
    feats = (sentence_features(s, cfg) for s in split_sentences(article.text))
    sents = tuple(f for f in feats if len(f) >= MIN_SENTENCE_KEYS)
    content = frozenset(k for f in sents for k in f)
    return ArticleFeatures(
        id=article.id,
        published=article.published,
        content_hash=article.content_hash,
        n_words=len(tokens),
        eligible=len(tokens) >= cfg.min_words,
        shingles=frozenset(shingles(tokens, cfg.shingle_size)),
        content=content,
        sentences=sents,
    )


class Signer:
    """MinHash signatures with one set of permutations, built once per settings."""

    def __init__(self, num_perm: int) -> None:
        self.num_perm = num_perm
        self._template = MinHash(num_perm=num_perm, seed=SEED, scheme=SCHEME, hashfunc=int)

    def sign_ints(self, values: set[int] | frozenset[int]) -> LeanMinHash:
        m = MinHash(
            num_perm=self.num_perm, seed=SEED, scheme=SCHEME, hashfunc=int, permutations=self._template.permutations
        )
        if values:
            m.update_batch(list(values))
        return LeanMinHash(m)

    def sign(self, feats: ArticleFeatures) -> tuple[LeanMinHash, LeanMinHash]:
        """(shingle signature, content-word signature)."""
        return self.sign_ints(feats.shingles), self.sign_ints({_hash32(k) for k in feats.content})

    def from_bytes(self, blob: bytes) -> LeanMinHash:
        """A signature stored by ``to_bytes``; raises ValueError when the length is wrong."""
        values = np.frombuffer(blob, dtype=np.uint32)
        if len(values) != self.num_perm:
            raise ValueError(f"signature has {len(values)} values, expected {self.num_perm}")
        return LeanMinHash(seed=SEED, hashvalues=values, scheme=SCHEME)


def to_bytes(sig: LeanMinHash) -> bytes:
    return np.asarray(sig.hashvalues, dtype=np.uint32).tobytes()
