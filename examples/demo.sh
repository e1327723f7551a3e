#!/usr/bin/env bash
# The main job on the bundled sample corpus, into a fresh SQLite file: ingest (read,
# clean, cluster, extract), then what an analyst looks at. Run by `make demo`.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT="${1:-demo}"
BC=".venv/bin/backchannel"
rm -rf "$OUT"
mkdir -p "$OUT"
export BACKCHANNEL_DB="$OUT/backchannel.db"

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "Ingest the sample corpus (HTML pages, blog text, an RSS feed, a JSONL file)"
"$BC" ingest examples/corpus/html examples/corpus/text examples/corpus/feeds examples/corpus/articles.jsonl

step "Re-running the same ingest adds nothing"
"$BC" ingest examples/corpus/html examples/corpus/text examples/corpus/feeds examples/corpus/articles.jsonl | tail -n 4

step "Story clusters: syndicated copies and rewrites count once"
"$BC" clusters list --min-size 2

step "Signals Russia gave on a cease-fire"
"$BC" signals --holder RUS --issue ceasefire --limit 12

step "Tracker: Russia on a cease-fire, public line against private line"
"$BC" track --holder RUS --issue ceasefire --by month

step "Briefings"
"$BC" brief --holder RUS --issue ceasefire --format html --out "$OUT/brief-RUS-ceasefire.html"
"$BC" brief --holder RUS --issue ceasefire --format md --out "$OUT/brief-RUS-ceasefire.md"
"$BC" export signals --format csv --out "$OUT/signals.csv"

step "Extraction quality on the sample corpus's own gold annotations"
"$BC" eval tests/data/sample_gold.jsonl

cat <<TXT

Done. The database is $BACKCHANNEL_DB; the briefing is $OUT/brief-RUS-ceasefire.html
(and .md beside it); all signals are in $OUT/signals.csv.
Browse it all in the dashboard:  $BC serve --db $BACKCHANNEL_DB   (then open http://127.0.0.1:8000)
TXT
