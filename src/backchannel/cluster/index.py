"""The two LSH indexes that propose candidate pairs, and their file beside the database.

``near`` indexes shingle signatures (near copies share wording); ``rewrite`` indexes
content-word signatures (rewrites share facts). Only proposed pairs are compared, which
keeps the work far below all pairs.

The file is a cache: the signatures it holds are also in the database
(``cluster_signatures``), and the file records the database's index generation when
it was saved. A file that is missing, unreadable, damaged (its SHA-256 does not match),
built with other settings, or from another generation is rebuilt from the database, and
the caller is told why: a stale index would silently miss copies.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from pathlib import Path

from datasketch import LeanMinHash, MinHashLSH

MAGIC = b"BCLSH1\n"
FORMAT_VERSION = 1


class IndexProblem(Exception):
    """The index file cannot be used; the message says why (shown to the user as a warning)."""


class StoryIndex:
    """Candidate generation for story clustering: two MinHash LSH indexes over article ids."""

    def __init__(self, num_perm: int, near_threshold: float, rewrite_threshold: float, settings: str) -> None:
        self.settings = settings
        self.near = MinHashLSH(threshold=near_threshold, num_perm=num_perm)
        self.rewrite = MinHashLSH(threshold=rewrite_threshold, num_perm=num_perm)
        self.ids: set[str] = set()

    def __len__(self) -> int:
        return len(self.ids)

    def add(self, article_id: str, near_sig: LeanMinHash, rewrite_sig: LeanMinHash) -> None:
        if article_id in self.ids:
            return
        self.near.insert(article_id, near_sig, check_duplication=False)
        self.rewrite.insert(article_id, rewrite_sig, check_duplication=False)
        self.ids.add(article_id)

    def candidates(self, near_sig: LeanMinHash, rewrite_sig: LeanMinHash) -> set[str]:
        """Ids that share a band with either signature (the article itself included, if indexed)."""
        return set(self.near.query(near_sig)) | set(self.rewrite.query(rewrite_sig))

    def save(self, path: Path, generation: str) -> None:
        """Write atomically (temp file, then rename), so a crash never leaves half a file."""
        payload = pickle.dumps(
            {
                "version": FORMAT_VERSION,
                "settings": self.settings,
                "generation": generation,
                "near": self.near,
                "rewrite": self.rewrite,
                "ids": self.ids,
            },
            protocol=pickle.HIGHEST_PROTOCOL,
        )
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(MAGIC + hashlib.sha256(payload).digest() + payload)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise

    @classmethod
    def load(cls, path: Path, *, settings: str, generation: str, count: int) -> StoryIndex:
        """The index saved at ``path`` if it matches the database, else ``IndexProblem``.

        The file is only unpickled after its SHA-256 matches: it is backchannel's own
        cache beside the database, and a damaged file is reported, never half-read.
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
            data = pickle.loads(blob[head:])
        except Exception as exc:  # a matching checksum over an unreadable payload: another version
            raise IndexProblem(f"index file {path} cannot be decoded ({exc})") from None
        if not isinstance(data, dict) or data.get("version") != FORMAT_VERSION:
            raise IndexProblem(f"index file {path} has an unknown format version")
        if data.get("settings") != settings:
            raise IndexProblem(f"index file {path} was built with other clustering settings")
        if data.get("generation") != generation:
            raise IndexProblem(f"index file {path} is out of date with the database")
        if len(data["ids"]) != count:
            raise IndexProblem(f"index file {path} holds {len(data['ids'])} articles, the database {count}")
        index = cls.__new__(cls)
        index.settings = settings
        index.near, index.rewrite, index.ids = data["near"], data["rewrite"], data["ids"]
        return index
