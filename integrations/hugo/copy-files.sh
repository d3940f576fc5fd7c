#!/bin/sh
# Copies the built advisor into a Hugo site, for the stack-advisor shortcode
# (integrations/hugo/layouts/shortcodes/stack-advisor.html):
#
#   integrations/hugo/copy-files.sh DIST SITE
#
#   DIST  the build's dist/ folder (`make build` writes it)
#   SITE  the Hugo site's root folder (the one with hugo.toml)
#
# Writes, into SITE:
#   static/stack-advisor/<the 8 files dist/FILES lists>   served by the site itself, no CDN
#   data/stack_advisor.yaml                              the loader's integrity hash, the
#                                                        default verdict as HTML (dist/fallback.html)
#                                                        and the page's reserved height (dist/reserve.css)
# Both are build output: run this before `hugo` whenever the advisor is
# rebuilt, and keep them out of the site's git (the shortcode stops the build
# with a message when the data file is missing).
# POSIX sh and coreutils only: no Node.js, no Go.
set -eu

die() { printf 'copy-files.sh: %s\n' "$*" >&2; exit 1; }

[ "$#" -eq 2 ] || die "usage: copy-files.sh DIST SITE (e.g. copy-files.sh dist ../my-site)"
dist=$1
site=$2
[ -d "$site" ] || die "$site is not a folder (the Hugo site's root)"
for file in FILES stack-advisor.js.sri fallback.html reserve.css; do
  [ -f "$dist/$file" ] || die "$dist/$file is missing: run \`make build\` first (DIST is the build's dist/ folder)"
done

integrity=$(cat "$dist/stack-advisor.js.sri")
case $integrity in
  sha384-*) ;;
  *) die "$dist/stack-advisor.js.sri holds no sha384- hash" ;;
esac
# The hash is base64: nothing in it needs quoting in YAML, but check.
printf '%s' "$integrity" | grep -Eqx 'sha384-[A-Za-z0-9+/]+={0,2}' || die "$dist/stack-advisor.js.sri: not a SHA-384 integrity value"

# The reserve CSS goes into a <style> element as it is: one line, no "<".
[ "$(wc -l <"$dist/reserve.css")" -le 1 ] && ! grep -q '<' "$dist/reserve.css" || die "$dist/reserve.css is not one line of CSS without <"

mkdir -p "$site/static/stack-advisor" "$site/data"
count=0
while IFS= read -r name; do
  [ -n "$name" ] || continue
  printf '%s' "$name" | grep -Eqx 'stack-advisor[A-Za-z0-9.-]*' || die "$dist/FILES names an unexpected file: $name"
  [ -f "$dist/$name" ] || die "$dist/$name is missing (listed in $dist/FILES): run \`make build\` again"
  cp "$dist/$name" "$site/static/stack-advisor/$name"
  count=$((count + 1))
done <"$dist/FILES"
[ "$count" -gt 0 ] || die "$dist/FILES lists no file"

# The fallback as a YAML literal block: every line indented by two spaces, so
# the HTML needs no escaping at all (`|2`: the indentation is stated, not guessed).
data="$site/data/stack_advisor.yaml"
{
  printf '# Written by stack-advisor integrations/hugo/copy-files.sh: build output, do not edit or commit.\n'
  printf 'integrity: "%s"\n' "$integrity"
  printf 'fallback: |2\n'
  sed 's/^/  /' "$dist/fallback.html"
  printf 'reserve_css: |2\n'
  sed 's/^/  /' "$dist/reserve.css"
} >"$data.tmp"
mv "$data.tmp" "$data"
printf 'copy-files.sh: %s files into %s/static/stack-advisor/, %s (integrity %s)\n' "$count" "$site" "$data" "$integrity"
