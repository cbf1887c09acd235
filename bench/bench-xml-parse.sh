#!/usr/bin/env bash
# bench-xml-parse: reading an RSS file into the feed structs, against libxml2's own streaming parse
#
#   meson test -C build --benchmark xml-parse --verbose
#   bench/bench-xml-parse.sh COMPUTE-ATLAS-CLI BENCH-FEED-READ [N] [RUNS]   (default 15000 articles, 5 runs)
#
# The generator's RSS twin of N articles is read by bench-feed-read (the
# whole reader: encoding check and repair, SAX parse, HTML to text, dates,
# ids and digests) and by `xmllint --stream --noout` (libxml2's reader alone,
# no work on what it reads), each as a whole process under GNU time, in
# turn; the medians and the ratio of their throughputs are printed.
set -euo pipefail

cli=${1:?usage: bench-xml-parse.sh COMPUTE-ATLAS-CLI BENCH-FEED-READ [N] [RUNS]}
reader=${2:?usage: bench-xml-parse.sh COMPUTE-ATLAS-CLI BENCH-FEED-READ [N] [RUNS]}
n=${3:-15000}
runs=${4:-5}
command -v xmllint >/dev/null || { echo "bench-xml-parse: needs xmllint (apt-get install libxml2-utils)" >&2; exit 77; }
[[ -x /usr/bin/time ]] || { echo "bench-xml-parse: needs GNU time (apt-get install time)" >&2; exit 77; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$cli" generate --out "$work/feeds" --articles "$n" --entities 3000 --per-feed $((n + 1)) --rss "$work/feed.xml" >/dev/null
mb=$(awk -v b="$(stat -c %s "$work/feed.xml")" 'BEGIN { printf "%.1f", b / 1048576 }')

ours=() theirs=()
for _ in $(seq "$runs"); do
  /usr/bin/time -f '%e %M' -o "$work/t" "$reader" "$work/feed.xml" >/dev/null
  ours+=("$(cat "$work/t")")
  /usr/bin/time -f '%e %M' -o "$work/t" xmllint --stream --noout "$work/feed.xml"
  theirs+=("$(cat "$work/t")")
done
median() { printf '%s\n' "$@" | awk '{ print $1 }' | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
peak() { printf '%s\n' "$@" | awk '{ print $2 }' | sort -n | tail -1; }
a=$(median "${ours[@]}")
b=$(median "${theirs[@]}")

echo "$n articles, RSS file of $mb MB, median of $runs runs"
echo
echo "| | bench-feed-read | xmllint --stream | ratio |"
echo "| --- | ---: | ---: | ---: |"
awk -v a="$a" -v b="$b" 'BEGIN { printf "| wall time | %.2f s | %.2f s | %.2f |\n", a, b, a / b }'
awk -v a="$a" -v b="$b" -v mb="$mb" 'BEGIN { printf "| throughput | %.0f MB/s | %.0f MB/s | %.2f |\n", mb / a, mb / b, b / a }'
awk -v a="$(peak "${ours[@]}")" -v b="$(peak "${theirs[@]}")" 'BEGIN { printf "| peak memory | %.0f MB | %.0f MB | %.2f |\n", a / 1024, b / 1024, a / b }'
