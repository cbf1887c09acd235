#!/usr/bin/env bash
# The accessibility walk (a11y-walk.py) needs an X server, a D-Bus session with the AT-SPI bus,
# and the app on a store of the bundled corpus. Skipped (77) where pyatspi is not installed.
set -euo pipefail
app=${1:?path to compute-atlas}
src=${2:?source root}
/usr/bin/python3 -c 'import pyatspi' 2>/dev/null || { echo "1..0 # SKIP python3-pyatspi is not installed"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export HOME=$tmp XDG_DATA_HOME=$tmp/data XDG_CONFIG_HOME=$tmp/config XDG_CACHE_HOME=$tmp/cache
unset NO_AT_BRIDGE GTK_A11Y
export GTK_A11Y=atspi

dbus-run-session -- xvfb-run -a -s '-screen 0 1400x900x24' bash -c '
  "$0" --db "$1/store.db" & pid=$!
  /usr/bin/python3 "$2/tests/a11y-walk.py" compute-atlas $A11Y_DEBUG; status=$?
  kill $pid 2>/dev/null; wait $pid 2>/dev/null
  exit $status' "$app" "$tmp" "$src"
