#!/usr/bin/env bash
# Every user-visible string must be in po/fr.po, translated and not fuzzy:
# extract the strings afresh (same keywords as meson's glib preset), then compare.
set -euo pipefail
src=${1:?source root}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$src"

xgettext --from-code=UTF-8 --add-comments=TRANSLATORS \
  --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
  --keyword=g_dcgettext:2 --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 \
  --flag=N_:1:pass-c-format --flag=C_:2:pass-c-format --flag=NC_:2:pass-c-format \
  --flag=g_dngettext:2:pass-c-format --flag=g_strdup_printf:1:c-format \
  --flag=g_string_printf:2:c-format --flag=g_string_append_printf:2:c-format \
  --flag=g_error_new:3:c-format --flag=g_set_error:4:c-format \
  --files-from=po/POTFILES.in -o "$tmp/template.pot"

# Files with translatable strings that POTFILES.in forgot.
missing=$(grep -l -E '_\(|N_\(|translatable="yes"|g_dngettext' $(find src -name '*.c') ui/*.ui | sort | comm -23 - <(sort po/POTFILES.in))
if [[ -n $missing ]]; then
  echo "not in po/POTFILES.in:"; echo "$missing"; exit 1
fi

msgcmp po/fr.po "$tmp/template.pot"
stats=$(msgfmt --check --statistics -o /dev/null po/fr.po 2>&1)
echo "$stats"
if grep -qE 'fuzzy|untranslated' <<<"$stats"; then
  echo "po/fr.po has fuzzy or untranslated messages"; exit 1
fi
