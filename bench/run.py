"""Run every benchmark in bench/ (modules named bench_*.py) and print one table.

Each module has ``run(quick: bool) -> list[dict]``; a dict has ``name``, ``items``
(articles), ``seconds``, ``per_second``, ``baseline`` (what it is compared with),
``baseline_per_second``, ``ratio`` (per_second / baseline_per_second) and optional
``notes``. Speed is measured here, never in a timed test.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="smaller inputs, for a smoke run")
    parser.add_argument("only", nargs="*", help="run only these modules (e.g. bench_ingest)")
    args = parser.parse_args()
    names = args.only or sorted(p.stem for p in HERE.glob("bench_*.py"))
    rows = []
    for name in names:
        module = importlib.import_module(name)
        print(f"== {name}", flush=True)
        for row in module.run(args.quick):
            rows.append(row)
            print(
                f"  {row['name']:<34} {row['items']:>8} items {row['seconds']:>8.2f} s "
                f"{row['per_second']:>10.1f}/s   vs {row['baseline']}: {row['baseline_per_second']:.1f}/s "
                f"ratio {row['ratio']:.3f}",
                flush=True,
            )
            for note in row.get("notes", []):
                print(f"      {note}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
