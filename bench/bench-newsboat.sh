#!/usr/bin/env bash
# bench-newsboat: subscribing to a large feed on loopback, against newsboat
#
#   meson test -C build --benchmark newsboat --verbose
#   bench/bench-newsboat.sh build/src/cli/compute-atlas-cli [N]      (default 15000)
#
# The generator writes N articles twice: as JSON Feed pages linked by
# next_url (about 4 MB each, under the reader's 10 MB cap) and as one RSS 2.0
# file with the same items, for newsboat, which reads RSS. Python's HTTP
# server serves both on 127.0.0.1 (it answers If-Modified-Since with 304).
# Each reader starts from nothing, subscribes (cold), then refreshes the
# unchanged feed (warm); GNU time gives wall time and peak memory. newsboat
# runs with a private HOME and `max-items 0`, so it keeps every item.
set -euo pipefail

cli=${1:?usage: bench-newsboat.sh COMPUTE-ATLAS-CLI [N]}
n=${2:-15000}
for tool in newsboat python3; do
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

"$cli" generate --out "$work/feeds" --articles "$n" --entities 3000 --per-feed $(((n + 7) / 8)) \
  --linked --rss "$work/feeds/feed.xml" >/dev/null
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
python3 -m http.server "$port" --bind 127.0.0.1 --directory "$work/feeds" >"$work/server.log" 2>&1 &
server=$!
for _ in $(seq 50); do
  python3 -c "import socket; socket.create_connection(('127.0.0.1', $port), timeout=1)" 2>/dev/null && break
  sleep 0.1
done

read -r app_cold_s app_cold_kb < <(measure "$cli" --db "$work/app.db" feeds add "http://127.0.0.1:$port/00-entities.json")
read -r app_warm_s app_warm_kb < <(measure "$cli" --db "$work/app.db" feeds refresh)
app_items=$(sqlite3 "$work/app.db" "SELECT count(*) FROM articles" 2>/dev/null || echo "?")

mkdir -p "$work/home/.newsboat"
echo "http://127.0.0.1:$port/feed.xml" >"$work/home/.newsboat/urls"
echo "max-items 0" >"$work/home/.newsboat/config"
read -r nb_cold_s nb_cold_kb < <(HOME="$work/home" measure newsboat -x reload)
read -r nb_warm_s nb_warm_kb < <(HOME="$work/home" measure newsboat -x reload)
nb_items=$(sqlite3 "$work/home/.newsboat/cache.db" "SELECT count(*) FROM rss_item" 2>/dev/null || echo "?")

echo "$n generated articles; Compute Atlas stored $app_items, newsboat $nb_items"
echo
echo "| | Compute Atlas | newsboat | ratio |"
echo "| --- | ---: | ---: | ---: |"
awk -v a="$app_cold_s" -v b="$nb_cold_s" 'BEGIN { printf "| cold subscription, wall time | %.2f s | %.2f s | %.2f |\n", a, b, a / b }'
awk -v a="$app_cold_kb" -v b="$nb_cold_kb" 'BEGIN { printf "| cold subscription, peak memory | %.0f MB | %.0f MB | %.2f |\n", a / 1024, b / 1024, a / b }'
awk -v a="$app_warm_s" -v b="$nb_warm_s" 'BEGIN { printf "| refresh of the unchanged feed, wall time | %.2f s | %.2f s | %.3f |\n", a, b, (a > 0 ? a : 0.005) / b }'
echo
echo "requests the server answered:"
grep '"GET ' "$work/server.log" | awk '{ print $7, $9 }' | sort | uniq -c
