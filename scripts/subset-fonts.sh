#!/usr/bin/env bash
# Makes the site's fonts, app/_fonts/*.woff2, from the variable fonts of the npm packages
# @fontsource-variable/inter and @fontsource-variable/literata (SIL Open Font License 1.1, which
# allows modified versions; app/_fonts/OFL.txt). Run it again after updating either package:
#
#   bash scripts/subset-fonts.sh        (needs fonttools with brotli: apt-get install python3-fonttools python3-brotli)
#
# What it keeps, so that every page's first screen costs 48 KB of fonts instead of 100 KB:
# - Inter with its weight axis cut to 400–700 (the weights the site sets: normal, medium, semibold,
#   and bold for <strong>), Literata at 600 only (it sets the headings, always semibold);
# - the characters of German text and of our UI: Basic Latin, Latin-1, the punctuation and signs
#   below (a character outside them is drawn from the next font in the stack, the system's);
# - the default OpenType features, and tabular figures (tabular-nums).
set -euo pipefail
cd "$(dirname "$0")/.."

src=node_modules/@fontsource-variable
out=app/_fonts
unicodes="U+0020-007E,U+00A0-00FF,U+0152-0153,U+0160-0161,U+0178,U+017D-017E,U+1E9E,U+2009,U+200B,U+2010-2014,U+2018-201E,U+2020-2022,U+2026,U+202F,U+2030,U+2039-203A,U+20AC,U+2122,U+2190-2199,U+2212,U+2264-2265"
# The first python3 with fonttools and brotli (Debian's, where another python3 comes first on PATH).
python=""
for candidate in python3 /usr/bin/python3; do
  if "$candidate" -c "import fontTools, brotli" 2>/dev/null; then python=$candidate && break; fi
done
[ -n "$python" ] || { echo "needs fonttools with brotli: apt-get install python3-fonttools python3-brotli" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

make() { # <source woff2> <axis limit> <output woff2>
  "$python" -m fontTools.varLib.instancer --quiet "$1" "$2" --output "$tmp/instance.ttf"
  "$python" -m fontTools.subset "$tmp/instance.ttf" --unicodes="$unicodes" --layout-features+=tnum \
    --flavor=woff2 --output-file="$3"
  echo "$3: $(wc -c <"$3") bytes"
}

make "$src/inter/files/inter-latin-wght-normal.woff2" wght=400:700 "$out/inter-400-700.woff2"
make "$src/literata/files/literata-latin-wght-normal.woff2" wght=600 "$out/literata-600.woff2"
make "$src/literata/files/literata-latin-wght-italic.woff2" wght=600 "$out/literata-600-italic.woff2"

{
  echo "The fonts in this folder are modified versions (cut to fewer weights and characters by"
  echo "scripts/subset-fonts.sh) of Inter and Literata, under the SIL Open Font License 1.1:"
  echo
  echo "== Inter =="
  cat "$src/inter/LICENSE"
  echo
  echo "== Literata =="
  cat "$src/literata/LICENSE"
} >"$out/OFL.txt"
