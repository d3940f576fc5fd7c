#!/usr/bin/env bash
# `make consumers`: the consumer fixtures in tests/consumers/, each against the
# PACKED package (dist/stack-advisor.tgz from `make build`), never the source tree.
#
#   1. html     the README's one-tag snippet in a blog page (Chromium)
#   2. vite     a Vite 7 app importing stack-advisor/define: vite build, then Chromium
#   3. webpack  a webpack 5 app with the element and recommend(): webpack, then Chromium
#   4. node     Node.js ESM: `import { recommend } from 'stack-advisor'`, every init() form,
#               and the README's example
#   5. ssr      stack-advisor/element, /define and /bundle import in Node without a DOM
#   6. ts       tsc --strict --noEmit against the package's types (bundler and Node16;
#               the bundler run also checks the React 19 JSX types, stack-advisor/react)
#   7. offline  dist/stack-advisor-offline.html from file://; the demo site offline (Chromium)
#   8. react    React 19: createRoot, and renderToString + hydrateRoot (Vite build, Chromium)
#   9. vue      Vue 3 single-file component with isCustomElement (same Vite build, Chromium)
#
# The fixtures' tools (vite, webpack, webpack-cli, typescript, react, react-dom,
# vue, @vitejs/plugin-vue, esbuild, React's types) are pinned in
# tests/consumers/package-lock.json; they are installed only when that file
# changes (stamp, as in bootstrap.sh), and the tarball only when it changes.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$PWD
DIR=tests/consumers
TARBALL=dist/stack-advisor.tgz

log() { printf '[consumers] %s\n' "$*"; }
die() { printf '[consumers] error: %s\n' "$*" >&2; exit 1; }

for file in "$TARBALL" dist/stack-advisor-offline.html dist/site/sw.js; do
  [[ -f $file ]] || die "$file is missing: run \`make build\` first"
done
[[ -x node_modules/.bin/playwright ]] || die "Playwright is missing: run \`make bootstrap\` first"

started=$SECONDS
timings=()
step() { # name, command...
  local name=$1 t=$SECONDS
  shift
  log "$name"
  "$@"
  timings+=("$(printf '%-34s %4d s' "$name" $((SECONDS - t)))")
}

install_tools() {
  local stamp=$DIR/node_modules/.consumers-stamp want
  want="$(sha256sum "$DIR/package-lock.json" | cut -d' ' -f1) node-$(node --version)"
  if [[ -f $stamp && $(cat "$stamp") == "$want" ]]; then
    log "  skip npm ci (node_modules matches package-lock.json)"
  else
    # `npm ci`: exactly the committed lock file, which it never writes. The
    # lock lists rollup's optional packages for every platform, so it is
    # complete whichever platforms a registry serves; `npm ci` fetches only
    # this machine's (the others' os/cpu do not match) and refuses a lock that
    # does not match package.json instead of rewriting it.
    local before
    before=$(sha256sum "$DIR/package-lock.json" | cut -d' ' -f1)
    (cd "$DIR" && npm ci --no-audit --no-fund --loglevel=error)
    [[ $(sha256sum "$DIR/package-lock.json" | cut -d' ' -f1) == "$before" ]] ||
      die "npm ci changed $DIR/package-lock.json (it should never write it): check \`git diff $DIR/package-lock.json\`"
    printf '%s' "$want" >"$stamp"
  fi
}

install_package() {
  local stamp=$DIR/node_modules/.stack-advisor-stamp want
  want=$(sha256sum "$TARBALL" | cut -d' ' -f1)
  if [[ -f $stamp && $(cat "$stamp") == "$want" && -f $DIR/node_modules/stack-advisor/package.json ]]; then
    log "  skip (the installed package is this tarball)"
  else
    # --no-save: package.json and the lock file stay as committed.
    (cd "$DIR" && npm install --no-save --no-audit --no-fund --loglevel=error "$ROOT/$TARBALL")
    printf '%s' "$want" >"$stamp"
  fi
  # Installed from the tarball: a real directory, not a link into the repo.
  [[ -d $DIR/node_modules/stack-advisor && ! -L $DIR/node_modules/stack-advisor ]] ||
    die "node_modules/stack-advisor is not an installed copy"
  log "  stack-advisor@$(node -p "require('./$DIR/node_modules/stack-advisor/package.json').version") from $TARBALL ($(stat -c %s "$TARBALL") bytes)"
}

in_fixtures() { (cd "$DIR" && "$@"); }

build_webpack() {
  in_fixtures node_modules/.bin/webpack --config webpack/webpack.config.mjs
  cp "$DIR/webpack/index.html" target/consumers/site/webpack/
}

step "install fixture tools (npm)" install_tools
step "install the packed tarball" install_package
step "4. node: engine API" in_fixtures node node/engine.mjs
step "4. node: init() forms" in_fixtures node node/init-forms.mjs
step "4. node: README example" in_fixtures node node/readme.mjs
step "5. ssr: imports without a DOM" in_fixtures node ssr/import.mjs
# tsc keeps what it checked in target/consumers/ (its hashes of every file it
# read, with their errors): a rerun with the same files checks nothing again.
typecheck() { # tsconfig, name of its record
  in_fixtures node_modules/.bin/tsc --strict --noEmit -p "$1" --incremental --tsBuildInfoFile "$ROOT/target/consumers/tsc-$2.tsbuildinfo"
}
mkdir -p target/consumers
step "6. ts: tsc --strict (bundler)" typecheck ts/tsconfig.json bundler
step "6. ts: tsc --strict (Node16)" typecheck ts/tsconfig.node16.json node16
step "1. html: pages from the README" in_fixtures node html/make-pages.mjs
step "2. vite build" in_fixtures node_modules/.bin/vite build --config vite/vite.config.mjs
step "3. webpack build" build_webpack
step "8-9. React + Vue: vite build, SSR" in_fixtures node frameworks/build.mjs
step "1-3, 7-9: Chromium (Playwright)" node_modules/.bin/playwright test -c "$DIR/playwright.config.mjs"

log "timings:"
for line in "${timings[@]}"; do log "  $line"; done
log "all consumers passed in $((SECONDS - started)) s"
