#!/usr/bin/env bash
# bench-ingest: importing N generated articles, against what SQLite alone costs
#
#   meson test -C build --benchmark ingest --verbose
#   bench/bench-ingest.sh build/src/cli/compute-atlas-cli [N]      (default 100000)
#
# The generated feeds (half the items with _atlas, half plain for the tagger)
# are imported by `compute-atlas-cli import`: parsing, tagging, inserting and
# indexing. The reference loads the very rows that import wrote into the same
# tables, indexes and full-text index, with the sqlite3 shell reading a
# prepared SQL file in one transaction: what SQLite alone costs for them.
# Both run as child processes of GNU time, for wall time and peak memory.
set -euo pipefail

cli=${1:?usage: bench-ingest.sh COMPUTE-ATLAS-CLI [N]}
n=${2:-100000}
command -v sqlite3 >/dev/null || { echo "bench-ingest: needs the sqlite3 shell (apt-get install sqlite3)" >&2; exit 77; }
[[ -x /usr/bin/time ]] || { echo "bench-ingest: needs GNU time (apt-get install time)" >&2; exit 77; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Prints "seconds peak-kilobytes" for the command.
measure() {
  /usr/bin/time -f '%e %M' -o "$work/time" "$@" >/dev/null
  cat "$work/time"
}

"$cli" generate --out "$work/feeds" --articles "$n" --entities 3000 >/dev/null
read -r app_s app_kb < <(measure "$cli" --db "$work/app.db" import "$work"/feeds/*.json)

{
  echo "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;"
  # The schema as the store has it, less the FTS5 shadow tables its virtual table makes.
  sqlite3 "$work/app.db" .schema | grep -v "^CREATE TABLE IF NOT EXISTS 'articles_fts_"
  echo "BEGIN;"
  for table in feeds entities aliases articles mentions article_countries relations events event_entities; do
    sqlite3 "$work/app.db" ".mode insert $table" "SELECT * FROM $table"
  done
  echo "INSERT INTO articles_fts (rowid, title, summary, content) SELECT id, title, summary, content FROM articles;"
  echo "COMMIT;"
} >"$work/load.sql"
read -r ref_s ref_kb < <(measure sqlite3 "$work/ref.db" ".read $work/load.sql")

rows() { sqlite3 "$1" "SELECT (SELECT count(*) FROM articles) || ' articles, ' || (SELECT count(*) FROM mentions) || ' mentions'"; }
[[ $(rows "$work/app.db") == $(rows "$work/ref.db") ]] || { echo "bench-ingest: the reference did not load the same rows" >&2; exit 1; }

echo "$(rows "$work/app.db"), $(du -m "$work/feeds" | cut -f1) MB of feeds, SQL file $(du -m "$work/load.sql" | cut -f1) MB"
echo
echo "| | wall time | peak memory |"
echo "| --- | ---: | ---: |"
echo "| compute-atlas-cli import (parse, tag, insert, index) | ${app_s} s | $((app_kb / 1024)) MB |"
echo "| reference: sqlite3 shell loading the same rows from SQL | ${ref_s} s | $((ref_kb / 1024)) MB |"
awk -v a="$app_s" -v r="$ref_s" -v am="$app_kb" -v rm="$ref_kb" \
  'BEGIN { printf "| ratio | %.2f | %.2f |\n", a / r, am / rm }'
