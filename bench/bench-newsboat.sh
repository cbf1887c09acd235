#!/usr/bin/env bash
# bench-newsboat: subscribing to a large feed on loopback, against newsboat
#
#   meson test -C build --benchmark newsboat --verbose
#   bench/bench-newsboat.sh build/src/cli/compute-atlas-cli [N] [ENTITIES] [GENERATE-OPTION…]
#       (default 15000 articles, 3000 entities; e.g. `15600 5000 --all-atlas`)
#
# The generator writes N articles twice: as JSON Feed pages linked by
# next_url (eight pages, each under the JSON reader's 10 MB cap) and as one
# RSS 2.0 file with the same items. Python's HTTP server serves both on
# 127.0.0.1 (it answers If-Modified-Since with 304). Compute Atlas subscribes
# to each, from nothing, then refreshes the unchanged feed; newsboat reads the
# RSS file the same way. GNU time gives wall time and peak memory. newsboat
# runs with a private HOME and `max-items 0`, so it keeps every item.
set -euo pipefail

cli=${1:?usage: bench-newsboat.sh COMPUTE-ATLAS-CLI [N] [ENTITIES] [GENERATE-OPTION…]}
n=${2:-15000}
entities=${3:-3000}
shift $(($# < 3 ? $# : 3))
for tool in newsboat python3 sqlite3; do
  command -v $tool >/dev/null || { echo "bench-newsboat: needs $tool (apt-get install $tool)" >&2; exit 77; }
done
[[ -x /usr/bin/time ]] || { echo "bench-newsboat: needs GNU time (apt-get install time)" >&2; exit 77; }

work=$(mktemp -d)
server=
trap '[[ -n $server ]] && kill $server 2>/dev/null; rm -rf "$work"' EXIT

# Prints "seconds peak-kilobytes" for the command.
measure() {
  /usr/bin/time -f '%e %M' -o "$work/time" "$@" >"$work/out" 2>&1 || { cat "$work/out" >&2; exit 1; }
  cat "$work/time"
}

"$cli" generate --out "$work/feeds" --articles "$n" --entities "$entities" --per-feed $(((n + 7) / 8)) \
  --linked --rss "$work/feeds/feed.xml" "$@" >/dev/null
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
python3 -m http.server "$port" --bind 127.0.0.1 --directory "$work/feeds" >"$work/server.log" 2>&1 &
server=$!
for _ in $(seq 50); do
  python3 -c "import socket; socket.create_connection(('127.0.0.1', $port), timeout=1)" 2>/dev/null && break
  sleep 0.1
done

read -r json_cold_s json_cold_kb < <(measure "$cli" --db "$work/json.db" feeds add "http://127.0.0.1:$port/00-entities.json")
read -r json_warm_s json_warm_kb < <(measure "$cli" --db "$work/json.db" feeds refresh)
json_items=$(sqlite3 "$work/json.db" "SELECT count(*) FROM articles")
read -r rss_cold_s rss_cold_kb < <(measure "$cli" --db "$work/rss.db" feeds add "http://127.0.0.1:$port/feed.xml")
read -r rss_warm_s rss_warm_kb < <(measure "$cli" --db "$work/rss.db" feeds refresh)
rss_items=$(sqlite3 "$work/rss.db" "SELECT count(*) FROM articles")

mkdir -p "$work/home/.newsboat"
echo "http://127.0.0.1:$port/feed.xml" >"$work/home/.newsboat/urls"
echo "max-items 0" >"$work/home/.newsboat/config"
read -r nb_cold_s nb_cold_kb < <(HOME="$work/home" measure newsboat -x reload)
read -r nb_warm_s nb_warm_kb < <(HOME="$work/home" measure newsboat -x reload)
nb_items=$(sqlite3 "$work/home/.newsboat/cache.db" "SELECT count(*) FROM rss_item")

echo "$n generated articles, $entities entities ($*); RSS file $(du -m "$work/feeds/feed.xml" | cut -f1) MB"
echo "stored: Compute Atlas from the JSON pages $json_items, from the RSS file $rss_items; newsboat $nb_items"
echo
echo "| | Compute Atlas, JSON pages | Compute Atlas, RSS file | newsboat, RSS file | ratio JSON | ratio RSS |"
echo "| --- | ---: | ---: | ---: | ---: | ---: |"
awk -v a="$json_cold_s" -v r="$rss_cold_s" -v b="$nb_cold_s" \
  'BEGIN { printf "| cold subscription, wall time | %.2f s | %.2f s | %.2f s | %.2f | %.2f |\n", a, r, b, a / b, r / b }'
awk -v a="$json_cold_kb" -v r="$rss_cold_kb" -v b="$nb_cold_kb" \
  'BEGIN { printf "| cold subscription, peak memory | %.0f MB | %.0f MB | %.0f MB | %.2f | %.2f |\n", a / 1024, r / 1024, b / 1024, a / b, r / b }'
awk -v a="$json_warm_s" -v r="$rss_warm_s" -v b="$nb_warm_s" \
  'BEGIN { printf "| refresh of the unchanged feed, wall time | %.2f s | %.2f s | %.2f s | %.3f | %.3f |\n", a, r, b, (a > 0 ? a : 0.005) / b, (r > 0 ? r : 0.005) / b }'
echo
echo "requests the server answered:"
grep '"GET ' "$work/server.log" | awk '{ print $7, $9 }' | sort | uniq -c
