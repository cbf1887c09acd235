#!/usr/bin/env bash
# test-full-disk: a store on a disk that fills up, for real.
#
#   tests/reliability/test-full-disk.sh COMPUTE-ATLAS-CLI
#
# The store lives on a 1 MiB tmpfs mounted in a private mount namespace
# (unshare, so it needs neither root nor a mount left behind). An import
# that does not fit must exit non-zero saying the disk is full, leave every
# article stored before and an intact store; once the disk has room the same
# import succeeds. Exits 77 (skipped) where mount namespaces are not allowed.
set -euo pipefail

cli=${1:?usage: test-full-disk.sh COMPUTE-ATLAS-CLI}

if [[ ${ATLAS_FULL_DISK_INSIDE:-} != 1 ]]; then
  if ! unshare --mount --map-root-user true 2>/dev/null; then
    echo "test-full-disk: this machine does not allow mount namespaces; skipped"
    exit 77
  fi
  ATLAS_FULL_DISK_INSIDE=1 exec unshare --mount --map-root-user --propagation private "$0" "$@"
fi

work=$(mktemp -d)
trap 'umount "$work/disk" 2>/dev/null || true; rm -rf "$work"' EXIT

fail() {
  echo "test-full-disk: $*" >&2
  exit 1
}

count_articles() {
  "$cli" --db "$1" articles --json | python3 -c 'import json, sys; print(len(json.load(sys.stdin)))'
}

integrity() {
  python3 -c 'import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
print(db.execute("PRAGMA integrity_check").fetchone()[0])
db.execute("INSERT INTO articles_fts (articles_fts) VALUES (\"integrity-check\")")' "$1"
}

"$cli" generate --out "$work/small" --articles 20 --entities 40 --seed 1 >/dev/null
"$cli" generate --out "$work/large" --articles 3000 --entities 40 --seed 2 --per-feed 3000 >/dev/null

mkdir "$work/disk"
mount -t tmpfs -o size=1m tmpfs "$work/disk"
db="$work/disk/store.db"

"$cli" --db "$db" import "$work/small"/*.json >/dev/null || fail "the small import did not fit on 1 MiB"
before=$(count_articles "$db")
[[ $before == 20 ]] || fail "the small import stored $before articles, not 20"

if "$cli" --db "$db" import "$work/large"/*.json >"$work/out" 2>&1; then
  fail "an import larger than the disk exited 0"
fi
grep -q "disk is full" "$work/out" || fail "the failed import did not say the disk is full: $(cat "$work/out")"
after=$(count_articles "$db")
[[ $after == "$before" ]] || fail "the failed import changed the articles: $before before, $after after"
[[ $(integrity "$db") == ok ]] || fail "the store is not intact after the failed import"
echo "full disk: exit non-zero, \"$(grep -m1 'disk is full' "$work/out")\", $after articles kept, store intact"

mount -o remount,size=64m "$work/disk"
"$cli" --db "$db" import "$work/large"/*.json >/dev/null || fail "the import failed once the disk had room"
# The generator's ids repeat across seeds: the large feed updates the 20 it shares.
grown=$(count_articles "$db")
[[ $grown == 3000 ]] || fail "after room was made the store holds $grown articles, not 3000"
[[ $(integrity "$db") == ok ]] || fail "the store is not intact after the second import"
echo "with room: $grown articles, store intact"
