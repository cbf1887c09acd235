#!/usr/bin/env bash
# What can be checked of the Flatpak offline: the manifest parses with no unknown property; the app
# installed into a staging prefix /app exports only files named by the app id; the merged desktop
# file, metainfo and schema validate strictly; and AppStream composes a catalogue from the staged
# tree (which fails on a missing icon).
set -euo pipefail
src=${1:?source root}
app_id=io.github.computeatlas.ComputeAtlas
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

echo "# flatpak-builder --show-manifest"
flatpak-builder --show-manifest "$src/flatpak/$app_id.json" >/dev/null 2>"$tmp/manifest.err" ||
  { cat "$tmp/manifest.err"; fail "the manifest does not parse"; }
if grep -q "Unknown property" "$tmp/manifest.err"; then cat "$tmp/manifest.err"; fail "unknown manifest property"; fi

echo "# staged install into /app"
meson setup "$tmp/build" "$src" --prefix=/app -Dtests=false -Dbenchmarks=false -Dbuildtype=plain >"$tmp/setup.log" ||
  { cat "$tmp/setup.log"; fail "meson setup"; }
meson install --quiet --destdir "$tmp/stage" -C "$tmp/build" >"$tmp/install.log" ||
  { cat "$tmp/install.log"; fail "meson install"; }
root=$tmp/stage/app

# What Flatpak exports from share/ must carry the app id, or it is not exported.
for dir in applications metainfo icons dbus-1/services mime/packages gnome-shell/search-providers; do
  [[ -d $root/share/$dir ]] || continue
  while IFS= read -r -d '' file; do
    name=$(basename "$file")
    [[ $name == "$app_id".* || $name == "$app_id"-* ]] || fail "exported file not named by the app id: ${file#"$root"/}"
    echo "ok ${file#"$root"/}"
  done < <(find "$root/share/$dir" -type f -print0)
done
for file in "share/applications/$app_id.desktop" "share/metainfo/$app_id.metainfo.xml" \
            "share/icons/hicolor/scalable/apps/$app_id.svg" "share/icons/hicolor/symbolic/apps/$app_id-symbolic.svg" \
            "share/glib-2.0/schemas/$app_id.gschema.xml" "share/locale/fr/LC_MESSAGES/compute-atlas.mo"; do
  [[ -f $root/$file ]] || fail "not installed: $file"
done

echo "# desktop-file-validate"
# It exits 0 on some errors, so its output must be empty.
out=$(desktop-file-validate "$root/share/applications/$app_id.desktop" 2>&1) || true
[[ -z $out ]] || { echo "$out"; fail "desktop-file-validate"; }
grep -q '^Name\[fr\]=' "$root/share/applications/$app_id.desktop" || fail "the desktop file is not translated"

echo "# appstreamcli validate"
appstreamcli validate --no-net --strict --override=unknown-tag=pedantic "$root/share/metainfo/$app_id.metainfo.xml" ||
  fail "appstreamcli validate"
grep -q 'xml:lang="fr"' "$root/share/metainfo/$app_id.metainfo.xml" || fail "the metainfo is not translated"
version=$(meson introspect --projectinfo "$tmp/build" | /usr/bin/python3 -c 'import json,sys; print(json.load(sys.stdin)["version"])')
grep -q "<release version=\"$version\"" "$root/share/metainfo/$app_id.metainfo.xml" ||
  fail "no <release> for the project version $version"

echo "# appstreamcli compose"
appstreamcli compose --no-net --prefix=/app --origin=compute-atlas --result-root="$tmp/compose" \
  --data-dir="$tmp/compose/data" --icons-dir="$tmp/compose/icons" --hints-dir="$tmp/compose/hints" \
  "$tmp/stage" >"$tmp/compose.log" 2>&1 || { cat "$tmp/compose.log"; fail "appstreamcli compose"; }
[[ -f $tmp/compose/icons/128x128/$app_id.png ]] || fail "compose made no 128 px icon"

echo "# glib-compile-schemas --strict --dry-run"
glib-compile-schemas --strict --dry-run "$root/share/glib-2.0/schemas" || fail "glib-compile-schemas"

echo "install checks: all passed"
