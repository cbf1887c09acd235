#!/usr/bin/env bash
# Runs the feed reader's libFuzzer target for FUZZ_SECONDS (default 60) in a clang
# build of its own. Skips (exit 77) where clang cannot link libFuzzer. A crash fails
# the test; its input is left in the fuzz build folder as crash-*: copy it into
# tests/fuzz/crashes/ so that fuzz-corpus replays it in every normal build.
set -euo pipefail
src=${1:?source root}
build=${2:?fuzz build folder}
seconds=${FUZZ_SECONDS:-60}

probe=$(mktemp -d)
trap 'rm -rf "$probe"' EXIT
printf 'int LLVMFuzzerTestOneInput (const char *d, unsigned long s) { return 0; }\n' > "$probe/probe.c"
if ! command -v clang >/dev/null || ! clang -fsanitize=fuzzer "$probe/probe.c" -o "$probe/probe" 2>/dev/null; then
  echo "clang with libFuzzer not found: the fuzzer is not run"
  exit 77
fi

if [[ ! -f $build/build.ninja ]]; then
  CC=clang meson setup "$build" "$src" -Dfuzzing=true -Dbuildtype=debugoptimized >/dev/null
fi
ninja -C "$build" tests/fuzz/fuzz-feed-reader >/dev/null

corpus=$probe/corpus
mkdir -p "$corpus"
cp "$src"/tests/fuzz/corpus/* "$src"/tests/data/feeds/* "$src"/data/corpus/*.json "$corpus"/
# Epoch's smaller files as seeds for the CSV reader and its importer.
cp "$src"/data/epoch/data_centers.csv "$src"/data/epoch/ai_companies_funding_rounds.csv "$corpus"/
G_SLICE=always-malloc ASAN_OPTIONS=detect_leaks=1 \
  "$build/tests/fuzz/fuzz-feed-reader" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -error_exitcode=1 \
  -dict="$src/tests/fuzz/feed.dict" -print_final_stats=1 -artifact_prefix="$build/" "$corpus" 2>&1 | tail -n 25
