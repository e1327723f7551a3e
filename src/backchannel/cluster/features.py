"""What the clusterer compares: word shingles, content words, and per-sentence facts.

Two kinds of evidence, because copies and rewrites differ in what they keep:

- a **near copy** keeps the wording, so it shares most word shingles (runs of
  ``shingle_size`` words) with its source, whatever boilerplate or truncation surrounds it;
- a **rewrite** keeps the facts but not the wording, so its sentences share with the
  source's sentences the names, numbers and rare words they carry, rarely four words in a row.
  Its candidate signature is over *pairs* of a name or number with another content word
  of the same sentence ("Fidan" with "Geneva", "14" with "inspectors"): a rewrite keeps
  many of them, while two articles on one topic share single names ("Putin") far more
  often than such pairs, so the LSH proposes few unrelated pairs (see ``fact_pairs``).

Features depend only on the article and the settings, never on the rest of the corpus
(no document frequencies), so clustering in two batches gives what one batch gives.
"""

from __future__ import annotations

import re
import unicodedata
import zlib
from dataclasses import dataclass, replace
from datetime import date

import numpy as np
from datasketch import MinHash

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
    return _TOKEN.findall(fold(text).casefold())


def split_sentences(text: str) -> list[str]:
    """Sentences (or lines), stripped, empty ones dropped; good enough to align two texts."""
    return [s.strip() for s in _SENT_END.split(fold(text)) if s and s.strip()]


def _hash32(value: str) -> int:
    return zlib.crc32(value.encode("utf-8"))


_SHINGLE_MIX = np.uint64(0x100000001B3)
_WORD_HASHES: dict[str, int] = {}


def shingles(tokens: list[str], size: int) -> np.ndarray:
    """Sorted unique 32-bit hashes of every run of ``size`` words (the whole text when shorter).

    Each word is hashed once (memoised), and a run's hash mixes its words' hashes in
    order, vectorised: the cost is per word, not per word times ``size``.
    """
    if not tokens:
        return np.empty(0, dtype=np.uint32)
    memo = _WORD_HASHES
    if len(memo) > 1_000_000:
        memo.clear()
    hashes = []
    for t in tokens:
        h = memo.get(t)
        if h is None:
            h = memo[t] = _hash32(t)
        hashes.append(h)
    h64 = np.array(hashes, dtype=np.uint64)
    width = min(size, len(h64))
    n = len(h64) - width + 1
    with np.errstate(over="ignore"):
        out = h64[:n].copy()
        for j in range(1, width):
            out = (out * _SHINGLE_MIX) ^ h64[j : j + n]
        out ^= out >> np.uint64(32)
    return np.unique((out & np.uint64(0xFFFFFFFF)).astype(np.uint32))


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


# Per-settings memo of token -> (hashed content key, is a number, capitalised, all
# capitals), or (0,) for a function word: news reuses a small
# vocabulary, and computing a key costs more than looking it up. Built on first use, bounded.
_KEY_MEMO: dict[int, tuple[ClusterConfig, dict]] = {}
_MEMO_LIMIT = 500_000


def _memo(cfg: ClusterConfig) -> dict:
    entry = _KEY_MEMO.get(id(cfg))
    if entry is None or entry[0] is not cfg:
        entry = _KEY_MEMO[id(cfg)] = (cfg, {})
    if len(entry[1]) > _MEMO_LIMIT:
        entry[1].clear()
    return entry[1]


def sentence_features(sentence: str, cfg: ClusterConfig) -> dict[str, float]:
    """Content keys of a sentence with their weights: names and numbers weigh more."""
    out: dict[str, float] = {}
    for i, m in enumerate(_TOKEN.finditer(sentence)):
        token = m.group(0)
        key = content_key(token, cfg)
        if key is None:
            continue
        strong = key[0] == "#" or (token[0].isupper() and (i > 0 or token.isupper()))
        weight = cfg.name_weight if strong else cfg.word_weight
        if weight > out.get(key, 0.0):
            out[key] = weight
    return out


# At most this many names and numbers of a sentence make its co-occurrence pairs: those
# with the smallest hashes, a consistent sample (two sentences sharing most of their
# names sample alike), so a sentence listing twenty countries gives 6 x 20 pairs, not 400.
FACT_NAMES_PER_SENTENCE = 6
_PAIR_MIX = np.uint64(0x9E3779B1)
_LOW32 = np.uint64(0xFFFFFFFF)


def _sentence_hashes(sentence: str, cfg: ClusterConfig, memo: dict) -> dict[int, bool]:
    """Hashed content keys of a sentence -> whether the key is a name or number there.

    A capitalised word is a name unless it opens the sentence (then only when all
    capitals, "NATO"); numbers always count as strong.
    """
    out: dict[int, bool] = {}
    first = True
    for token in _TOKEN.findall(sentence):
        entry = memo.get(token)
        if entry is None:
            key = content_key(token, cfg)
            entry = memo[token] = (
                (_hash32(key), key[0] == "#", token[0].isupper(), token.isupper()) if key is not None else (0,)
            )
        if entry[0]:
            hashed, number, cap, caps = entry
            strong = number or (cap and (caps or not first))
            if strong:
                out[hashed] = True
            elif hashed not in out:
                out[hashed] = False
        first = False
    return out


def fact_pairs(keys: np.ndarray, strong: np.ndarray, bounds: np.ndarray) -> np.ndarray:
    """Hashes of (name or number, other content key) pairs that occur in one sentence.

    A rewrite keeps the names and numbers and many of the words beside them; two
    articles on one topic share names, but far fewer name-word pairs within a sentence.
    Measured on tests/data, the sample corpus and ../shared: rewrites keep Jaccard
    >= 0.13 (median 0.35) of these pairs with their source, while of 5,485 pairs of
    different stories 11 exceed 0.08 (single names alone: 4,100 exceed 0.08).
    """
    parts = []
    k64 = keys.astype(np.uint64)
    with np.errstate(over="ignore"):
        for s, e in zip(bounds[:-1].tolist(), bounds[1:].tolist(), strict=True):
            sent, names = k64[s:e], k64[s:e][strong[s:e]]
            if not len(names):
                continue
            names = np.sort(names)[:FACT_NAMES_PER_SENTENCE]
            lo = np.minimum(names[:, None], sent[None, :])
            hi = np.maximum(names[:, None], sent[None, :])
            mixed = ((lo * _PAIR_MIX) ^ hi) & _LOW32
            parts.append(mixed[lo != hi])
    if not parts:
        return np.empty(0, dtype=np.uint32)
    return np.unique(np.concatenate(parts)).astype(np.uint32)


def canonical_order(article_id: str, published: date | None) -> tuple[int, str, str]:
    """The canonical of a cluster is its smallest: earliest first, undated last, ties by id."""
    return (0, published.isoformat(), article_id) if published else (1, "", article_id)


@dataclass(frozen=True, slots=True, eq=False)
class ArticleFeatures:
    """Everything the pair tests need about one article, computed once, in compact arrays.

    Sentences are flattened: sentence i's hashed content keys are
    ``keys[bounds[i]:bounds[i + 1]]``, with ``strong`` marking names and numbers.
    """

    id: str
    published: date | None
    content_hash: str
    n_words: int
    eligible: bool  # long enough to join a cluster at all
    shingles: np.ndarray  # sorted unique uint32 shingle hashes
    keys: np.ndarray  # uint32 content-key hashes, sentence after sentence
    strong: np.ndarray  # bool, beside keys
    bounds: np.ndarray  # int32, len = sentences + 1
    vocab: np.ndarray  # sorted unique uint32 content-key hashes of the whole article
    facts: np.ndarray | None  # fact pairs for the rewrite signature (dropped once signed)

    @property
    def n_sentences(self) -> int:
        return len(self.bounds) - 1

    @property
    def sort_key(self) -> tuple[int, str, str]:
        return canonical_order(self.id, self.published)

    def sentences(self, cfg: ClusterConfig) -> tuple[dict[int, float], ...]:
        """Per sentence, its keys with their weights (names and numbers weigh more)."""
        keys, strong, b = self.keys.tolist(), self.strong.tolist(), self.bounds.tolist()
        hi, lo = cfg.name_weight, cfg.word_weight
        return tuple({keys[j]: hi if strong[j] else lo for j in range(b[i], b[i + 1])} for i in range(len(b) - 1))

    def signed(self) -> ArticleFeatures:
        """The same features without the fact pairs, which only the signature needs."""
        return replace(self, facts=None)


def featurize(article: Article, cfg: ClusterConfig) -> ArticleFeatures:
    """Features of ``article`` (its title is left out: a headline change is still a copy)."""
    tokens = words(article.text)
    memo = _memo(cfg)
    keys: list[int] = []
    strong: list[bool] = []
    bounds = [0]
    for sentence in split_sentences(article.text):
        feats = _sentence_hashes(sentence, cfg, memo)
        if len(feats) >= MIN_SENTENCE_KEYS:
            keys.extend(feats)
            strong.extend(feats.values())
            bounds.append(len(keys))
    k = np.array(keys, dtype=np.uint32)
    st = np.array(strong, dtype=bool)
    bd = np.array(bounds, dtype=np.int32)
    return ArticleFeatures(
        id=article.id,
        published=article.published,
        content_hash=article.content_hash,
        n_words=len(tokens),
        eligible=len(tokens) >= cfg.min_words,
        shingles=shingles(tokens, cfg.shingle_size),
        keys=k,
        strong=st,
        bounds=bd,
        vocab=np.unique(k),
        facts=fact_pairs(k, st, bd),
    )


Signature = np.ndarray  # uint32 MinHash values, or None for an empty set


class Signer:
    """datasketch MinHash signatures with one set of permutations, built once per settings."""

    def __init__(self, num_perm: int) -> None:
        self.num_perm = num_perm
        self._template = MinHash(num_perm=num_perm, seed=SEED, scheme=SCHEME, hashfunc=int)

    def sign_ints(self, values: np.ndarray) -> Signature | None:
        """The MinHash values of a set of 32-bit hashes; None for the empty set (never banded)."""
        if not len(values):
            return None
        m = MinHash(
            num_perm=self.num_perm, seed=SEED, scheme=SCHEME, hashfunc=int, permutations=self._template.permutations
        )
        m.update_batch(values.tolist())
        return np.asarray(m.hashvalues, dtype=np.uint32)

    def sign(self, feats: ArticleFeatures) -> tuple[Signature | None, Signature | None]:
        """(shingle signature, fact-pair signature)."""
        facts = feats.facts if feats.facts is not None else np.empty(0, dtype=np.uint32)
        return self.sign_ints(feats.shingles), self.sign_ints(facts)

    def from_bytes(self, blob: bytes) -> Signature | None:
        """A signature stored by ``to_bytes``; raises ValueError when the length is wrong."""
        if not blob:
            return None
        values = np.frombuffer(blob, dtype=np.uint32)
        if len(values) != self.num_perm:
            raise ValueError(f"signature has {len(values)} values, expected {self.num_perm}")
        return values


def to_bytes(sig: Signature | None) -> bytes:
    return b"" if sig is None else np.asarray(sig, dtype=np.uint32).tobytes()
