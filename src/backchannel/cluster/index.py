"""The two LSH indexes that propose candidate pairs, and their file beside the database.

``near`` bands the shingle signatures (near copies share wording); ``rewrite`` bands the
fact signatures (rewrites share names and facts). Only proposed pairs are compared,
which keeps the work far below all pairs. Signatures are datasketch MinHashes and the
band layout (bands x rows) is the one datasketch's ``MinHashLSH`` picks for the
threshold; the buckets are kept here in numpy arrays rather than in MinHashLSH's
dict-of-sets storage, which at 100,000 articles took about 2.8 GB against 0.1 GB here.
Two articles are candidates when any band of either signature is equal: that depends
only on the two signatures, so batch and incremental clustering see the same pairs.

The file is a cache: the signatures are also in the database (``cluster_signatures``),
and the file records the database's index generation when it was saved. A file that is
missing, unreadable, damaged (SHA-256 mismatch), built with other settings, or from
another generation is rebuilt from the database, and the caller is told why: a stale
index would silently miss copies.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import numpy as np
from datasketch import MinHashLSH

MAGIC = b"BCLSH2\n"
_MIX = np.uint64(0xFF51AFD7ED558CCD)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


class IndexProblem(Exception):
    """The index file cannot be used; the message says why (shown to the user as a warning)."""


def band_layout(threshold: float, num_perm: int) -> tuple[int, int]:
    """(bands, rows) that datasketch's MinHashLSH chooses for ``threshold``."""
    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
    return lsh.b, lsh.r


def band_keys(signatures: np.ndarray, bands: int, rows: int) -> np.ndarray:
    """(n, bands) uint64 keys; two signatures share a key exactly when that band is equal.

    Up to two rows pack exactly into 64 bits; more rows are mixed (a collision would only
    add a candidate, which the pair tests then reject).
    """
    sig = signatures.astype(np.uint64, copy=False).reshape(len(signatures), -1)
    out = np.empty((len(sig), bands), dtype=np.uint64)
    with np.errstate(over="ignore"):
        for band in range(bands):
            part = sig[:, band * rows : (band + 1) * rows]
            if rows <= 2:
                key = part[:, 0] << np.uint64(32)
                if rows == 2:
                    key |= part[:, 1]
            else:
                key = part[:, 0].copy()
                for k in range(1, rows):
                    key = (key * _MIX) ^ part[:, k]
            out[:, band] = key
    return out


class BandTable:
    """Band keys of many articles, with per-band sorted views for lookups."""

    def __init__(self, bands: int, rows: int) -> None:
        self.bands, self.rows = bands, rows
        self._chunks: list[np.ndarray] = []
        self._keys = np.empty((0, bands), dtype=np.uint64)
        self._sorted: tuple[np.ndarray, np.ndarray] | None = None

    @property
    def keys(self) -> np.ndarray:
        if self._chunks:
            self._keys = np.concatenate([self._keys, *self._chunks])
            self._chunks = []
        return self._keys

    def add(self, keys: np.ndarray) -> None:
        self._chunks.append(keys.reshape(-1, self.bands))
        self._sorted = None

    def _views(self) -> tuple[np.ndarray, np.ndarray]:
        if self._sorted is None:
            keys = self.keys
            order = np.argsort(keys, axis=0, kind="stable")
            self._sorted = (order, np.take_along_axis(keys, order, axis=0))
        return self._sorted

    def lookup(self, keys: np.ndarray) -> set[int]:
        """Row numbers sharing any band key with ``keys`` (one article's bands)."""
        order, sorted_keys = self._views()
        out: set[int] = set()
        for band in range(self.bands):
            col = sorted_keys[:, band]
            lo = np.searchsorted(col, keys[band], side="left")
            hi = np.searchsorted(col, keys[band], side="right")
            if hi > lo:
                out.update(order[lo:hi, band].tolist())
        return out

    def pairs(self) -> Iterator[tuple[int, int]]:
        """Every pair of rows sharing a band (each pair possibly more than once)."""
        order, sorted_keys = self._views()
        for band in range(self.bands):
            col = sorted_keys[:, band]
            if len(col) < 2:
                continue
            same = np.flatnonzero(col[1:] == col[:-1])
            if not len(same):
                continue
            # Runs of equal keys: starts where the previous position is not equal.
            starts = same[np.r_[True, same[1:] != same[:-1] + 1]]
            for s in starts.tolist():
                e = s + 1
                while e < len(col) and col[e] == col[s]:
                    e += 1
                members = order[s:e, band].tolist()
                for i, a in enumerate(members):
                    for b in members[i + 1 :]:
                        yield (a, b) if a < b else (b, a)


class StoryIndex:
    """Candidate generation for story clustering: near-copy and rewrite band tables over article ids."""

    def __init__(self, num_perm: int, near_threshold: float, rewrite_threshold: float, settings: str) -> None:
        self.settings = settings
        self.num_perm = num_perm
        self.near = BandTable(*band_layout(near_threshold, num_perm))
        self.rewrite = BandTable(*band_layout(rewrite_threshold, num_perm))
        self.ids: list[str] = []
        self._row: dict[str, int] = {}
        self.has_near: list[bool] = []
        self.has_rewrite: list[bool] = []

    def __len__(self) -> int:
        return len(self.ids)

    def __contains__(self, article_id: str) -> bool:
        return article_id in self._row

    def keys_of(self, near_sig: np.ndarray, rewrite_sig: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        return (
            band_keys(near_sig.reshape(1, -1), self.near.bands, self.near.rows)[0],
            band_keys(rewrite_sig.reshape(1, -1), self.rewrite.bands, self.rewrite.rows)[0],
        )

    def add(self, article_id: str, near_sig: np.ndarray | None, rewrite_sig: np.ndarray | None) -> None:
        """Index one article; a None signature (an empty set: no shingles, no facts) is never banded."""
        self.add_many([article_id], [near_sig], [rewrite_sig])

    def add_many(self, ids: list[str], near: list[np.ndarray | None], rewrite: list[np.ndarray | None]) -> None:
        fresh = [i for i, aid in enumerate(ids) if aid not in self._row]
        if not fresh:
            return
        empty = np.zeros(self.num_perm, dtype=np.uint32)
        for table, sigs, flags in ((self.near, near, self.has_near), (self.rewrite, rewrite, self.has_rewrite)):
            stack = np.stack([sigs[i] if sigs[i] is not None else empty for i in fresh])
            keys = band_keys(stack, table.bands, table.rows)
            for n, i in enumerate(fresh):
                if sigs[i] is None:  # an empty set: a key no real band has (max hash values never pack to it)
                    keys[n] = np.uint64(len(self.ids) + n) | np.uint64(1 << 63)
            table.add(keys)
            flags.extend(sigs[i] is not None for i in fresh)
        for i in fresh:
            self._row[ids[i]] = len(self.ids)
            self.ids.append(ids[i])

    def candidates(self, near_sig: np.ndarray | None, rewrite_sig: np.ndarray | None) -> set[str]:
        """Ids that share a band with either signature (the article itself included, if indexed)."""
        rows: set[int] = set()
        if near_sig is not None:
            rows |= self.near.lookup(band_keys(near_sig.reshape(1, -1), self.near.bands, self.near.rows)[0])
        if rewrite_sig is not None:
            rows |= self.rewrite.lookup(band_keys(rewrite_sig.reshape(1, -1), self.rewrite.bands, self.rewrite.rows)[0])
        return {self.ids[r] for r in rows}

    def all_pairs(self) -> set[tuple[str, str]]:
        """Every candidate pair among the indexed articles (batch clustering), ids sorted in each pair."""
        out: set[tuple[int, int]] = set(self.near.pairs())
        out.update(self.rewrite.pairs())
        ids = self.ids
        return {(ids[a], ids[b]) if ids[a] < ids[b] else (ids[b], ids[a]) for a, b in out}

    # --- the file -------------------------------------------------------------------------

    def save(self, path: Path, generation: str) -> None:
        """Write atomically (temp file, then rename), so a crash never leaves half a file."""
        header = {
            "settings": self.settings,
            "generation": generation,
            "num_perm": self.num_perm,
            "near": [self.near.bands, self.near.rows],
            "rewrite": [self.rewrite.bands, self.rewrite.rows],
        }
        buf = io.BytesIO()
        np.savez(
            buf,
            header=np.frombuffer(json.dumps(header).encode(), dtype=np.uint8),
            ids=np.frombuffer(json.dumps(self.ids).encode(), dtype=np.uint8),
            near=self.near.keys,
            rewrite=self.rewrite.keys,
            has_near=np.array(self.has_near, dtype=bool),
            has_rewrite=np.array(self.has_rewrite, dtype=bool),
        )
        payload = buf.getvalue()
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(MAGIC + hashlib.sha256(payload).digest() + payload)
            os.chmod(tmp, 0o666 & ~_umask())  # readable like the database beside it, not 0600
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise

    @classmethod
    def load(cls, path: Path, *, settings: str, generation: str, count: int, template: StoryIndex) -> StoryIndex:
        """The index saved at ``path`` if it matches the database, else ``IndexProblem``.

        ``template`` is an empty index with the current settings (band layout to check).
        """
        try:
            blob = path.read_bytes()
        except FileNotFoundError:
            raise IndexProblem(f"index file {path} is missing") from None
        except OSError as exc:
            raise IndexProblem(f"index file {path} cannot be read ({exc})") from None
        head = len(MAGIC) + 32
        if len(blob) < head or not blob.startswith(MAGIC):
            raise IndexProblem(f"index file {path} is not a backchannel index")
        if hashlib.sha256(blob[head:]).digest() != blob[len(MAGIC) : head]:
            raise IndexProblem(f"index file {path} is corrupt (checksum mismatch)")
        try:
            data = np.load(io.BytesIO(blob[head:]), allow_pickle=False)
            header = json.loads(data["header"].tobytes())
            ids = json.loads(data["ids"].tobytes())
            near, rewrite = data["near"], data["rewrite"]
            has_near, has_rewrite = data["has_near"].tolist(), data["has_rewrite"].tolist()
        except Exception as exc:  # a matching checksum over an unreadable payload: another version
            raise IndexProblem(f"index file {path} cannot be decoded ({exc})") from None
        layout = [[template.near.bands, template.near.rows], [template.rewrite.bands, template.rewrite.rows]]
        if header.get("settings") != settings or [header.get("near"), header.get("rewrite")] != layout:
            raise IndexProblem(f"index file {path} was built with other clustering settings")
        if header.get("generation") != generation:
            raise IndexProblem(f"index file {path} is out of date with the database")
        if (
            len(ids) != count
            or near.shape != (count, template.near.bands)
            or rewrite.shape != (count, template.rewrite.bands)
        ):
            raise IndexProblem(f"index file {path} holds {len(ids)} articles, the database {count}")
        index = template
        index.ids = list(ids)
        index._row = {aid: i for i, aid in enumerate(ids)}
        index.near.add(near)
        index.rewrite.add(rewrite)
        index.has_near, index.has_rewrite = has_near, has_rewrite
        return index
