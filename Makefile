# stack-advisor: build, test and demo.
#
#   make test     everything CI runs (installs what is missing first)
#   make demo     builds and serves the demo on http://127.0.0.1:8080/
#   make help     all targets
#
# Steps run in the order listed (they share target/ and dist/); only the
# steps joined by "+" in TEST_STEPS run side by side.
# `make test` runs its steps (TEST_STEPS) through scripts/steps.sh, which
# prints the time of each.
.NOTPARALLEL:
.DEFAULT_GOAL := help
SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c

export PATH := $(or $(CARGO_HOME),$(HOME)/.cargo)/bin:$(PATH)
export CHROMEDRIVER ?= /usr/bin/chromedriver

WASM_TARGET := wasm32-unknown-unknown
DEMO_PORT ?= 8080

.PHONY: help bootstrap bootstrap-demo clean-tree readme build build-stable demo test lint fmt test-native test-wasm test-js e2e screenshots browsers consumers integrations fuzz test-fuzz mutants test-mutants bench bench-native bench-browser bench-peer bench-lighthouse size reference clean distclean

help: ## this list
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-14s %s\n", $$1, $$2}'

# Inside `make test`, scripts/steps.sh runs `bootstrap` once as the first step
# and sets BOOTSTRAP_DONE, so the later steps do not run the installer again.
bootstrap: ## install what make test needs: toolchains, wasm tools, npm packages, Chromium (skips what is present)
	@if [[ -z "$${BOOTSTRAP_DONE:-}" ]]; then scripts/bootstrap.sh --for test; fi

bootstrap-demo: ## install what make build/demo need: as bootstrap, without Chromium and ChromeDriver
	@if [[ -z "$${BOOTSTRAP_DONE:-}" ]]; then scripts/bootstrap.sh --for demo; fi

build: bootstrap-demo ## wasm package (pkg/), one-tag bundle (dist/stack-advisor.js), site (dist/site/), size check
	@scripts/build.sh

build-stable: ## like build, with the stable toolchain only (build uses the pinned nightly's build-std)
	@NIGHTLY=0 scripts/build.sh

# The demo reports a size overrun but still serves (the ceilings gate `make test`).
demo: bootstrap-demo ## build, then serve the demo site on http://127.0.0.1:8080/ (DEMO_PORT=N to change)
	@SIZE_ENFORCE=0 scripts/build.sh
	@echo "Demo: http://127.0.0.1:$(DEMO_PORT)/"
	@node scripts/serve.mjs --port $(DEMO_PORT)

# The steps of `make test`, in order (each also a target of its own); "a+b"
# runs both at the same time (scripts/steps.sh): `browsers` and `integrations`,
# `consumers` and `readme` only read dist/ and pkg/ (each works in its own
# folders) and much of their time is spent waiting on browsers and servers;
# `test-wasm` builds in target/ and `test-js` only reads pkg/ and dist/, each
# leaving a core idle much of the time (41 s one after the other, 27 s together).
TEST_STEPS := bootstrap lint test-native test-fuzz test-mutants build test-wasm+test-js e2e browsers+integrations consumers+readme clean-tree

test: ## everything: lint, Rust tests (native, wasm in Node + Chromium), fuzzing (CI only), build + size, JS unit tests, e2e, Firefox + WebKit, consumer fixtures, README blocks, clean tree
	@scripts/steps.sh $(TEST_STEPS)
	@echo "make test: all passed"

lint: bootstrap ## rustfmt --check, clippy -D warnings (native and wasm32), paths named in the docs, import cycles, module length
	node scripts/check-doc-paths.mjs
	node scripts/check-cycles.mjs
	node scripts/check-module-size.mjs
	cargo fmt --all --check
	cargo fmt --manifest-path fuzz/Cargo.toml --check
	cargo clippy --all-targets -- -D warnings
	cargo clippy --all-targets --target $(WASM_TARGET) --all-features -- -D warnings

fmt: ## format the Rust code
	cargo fmt --all

test-native: bootstrap ## cargo test (native), then the whole answer space optimised (tests/coherence.rs)
	cargo test
	cargo test --profile test-opt --test coherence

# Fuzzing in `make test` only when CI or FUZZ_SECONDS is set: FUZZ_SECONDS per
# target (default CI_FUZZ_SECONDS), after building the fuzz crate with nightly.
CI_FUZZ_SECONDS ?= 10

fuzz: ## run every cargo-fuzz target for FUZZ_SECONDS each (default 30); installs the pinned nightly + cargo-fuzz if missing
	@scripts/fuzz.sh $(or $(FUZZ_SECONDS),30)

test-fuzz: ## in make test: every fuzz target briefly, only when CI or FUZZ_SECONDS is set
	@if [[ -n "$${CI:-}" || -n "$${FUZZ_SECONDS:-}" ]]; then \
	  scripts/fuzz.sh "$${FUZZ_SECONDS:-$(CI_FUZZ_SECONDS)}"; \
	else \
	  echo "test-fuzz: skipped (set CI=1 or FUZZ_SECONDS=N to fuzz each target N seconds)"; \
	fi

# Mutation testing (docs/testing.md). `make mutants` tests every mutant of the
# core (hours on two cores); `make test` runs only the mutants of the lines a
# change touches, within MUTANTS_SECONDS, when CI or MUTANTS_SECONDS is set.
mutants: bootstrap ## cargo-mutants on the whole core (src/ but src/wasm/, src/bin/): table per module, report in mutants.out/
	@scripts/mutants.sh

test-mutants: ## in make test: cargo-mutants on the core lines changed since the base (scripts/mutants-diff.sh), only when CI or MUTANTS_SECONDS is set
	@if [[ -n "$${CI:-}" || -n "$${MUTANTS_SECONDS:-}" ]]; then \
	  scripts/mutants-diff.sh; \
	else \
	  echo "test-mutants: skipped (set CI=1 or MUTANTS_SECONDS=N to mutate the changed lines for up to N seconds)"; \
	fi

test-wasm: bootstrap ## cargo test on wasm32: Node, and headless Chromium via chromedriver
	cargo test --target $(WASM_TARGET)

test-js: ## JS unit tests of the element (node --test tests/unit/; needs pkg/ from make build)
	node --test --test-reporter=spec tests/unit/

e2e: ## Playwright end-to-end tests against dist/site (run `make build` first)
	@test -f dist/site/stack-advisor.js || { echo "dist/site is missing: run make build first" >&2; exit 1; }
	@scripts/fault-site.sh
	node_modules/.bin/playwright test

# Pictures for a person to look at; they compare nothing, so not in `make test`.
screenshots: ## the demo page and the widget at 375 and 1280 px, light and dark, into tests/e2e/artifacts/screenshots/ (run `make build` first)
	@test -f dist/site/stack-advisor.js || { echo "dist/site is missing: run make build first" >&2; exit 1; }
	node_modules/.bin/playwright test -c tests/screenshots/playwright.config.mjs
	@echo "screenshots: $$(ls tests/e2e/artifacts/screenshots/*.png | wc -l) files in tests/e2e/artifacts/screenshots/"

# Firefox ESR, WebKitGTK and WPE WebKit over W3C WebDriver (selenium-webdriver
# against geckodriver, WebKitWebDriver, WPEWebDriver; scripts/bootstrap-browsers.sh
# installs them). One browser at a time: the machine has two cores.
browsers: ## the widget in Firefox ESR and WebKitGTK, the old-Safari fallback in WPE WebKit (run `make build` first)
	@if [[ "$${SKIP_BROWSERS:-0}" == 1 ]]; then echo "browsers: skipped (SKIP_BROWSERS=1)"; exit 0; fi; \
	test -f dist/site/stack-advisor.js || { echo "dist/site is missing: run make build first" >&2; exit 1; }; \
	echo "browsers: $$(/usr/bin/firefox-esr --version) with $$(geckodriver --version 2>/dev/null | sed -n '1s/ (.*//;1p');" \
	  "WebKitGTK $$(dpkg-query -W -f '$${Version}' webkit2gtk-driver) (MiniBrowser, Xvfb);" \
	  "WPE WebKit $$(dpkg-query -W -f '$${Version}' wpewebkit-driver) (cog $$(dpkg-query -W -f '$${Version}' cog))"; \
	start=$$SECONDS; node --test --test-reporter=spec --test-concurrency=1 tests/browsers/ && \
	  echo "browsers: passed in $$((SECONDS - start)) s"

readme: ## every code block in README.md, run in a temporary clone (run `make build` first)
	@node tests/readme/run.mjs

clean-tree: ## git status: the run changed no tracked file and left no new unignored one
	@scripts/check-clean-tree.sh

consumers: ## consumer fixtures (tests/consumers/) against the packed dist/stack-advisor.tgz (run `make build` first)
	@scripts/consumers.sh

# Real platforms on 127.0.0.1 (tests/integrations/*.test.mjs, one at a time):
# a WordPress with MariaDB and PHP, Hugo and Eleventy sites, each answered in
# Chromium. scripts/bootstrap-integrations.sh installs the Debian packages.
integrations: ## the widget in a real WordPress (plugin, oEmbed), Hugo and Eleventy sites, in Chromium (run `make build` first)
	@if [[ "$${SKIP_INTEGRATIONS:-0}" == 1 ]]; then echo "integrations: skipped (SKIP_INTEGRATIONS=1)"; exit 0; fi; \
	test -f dist/site/stack-advisor.js || { echo "dist/site is missing: run make build first" >&2; exit 1; }; \
	start=$$SECONDS; node --test --test-reporter=spec --test-concurrency=1 tests/integrations/ && \
	  echo "integrations: passed in $$((SECONDS - start)) s"

# Benchmarks (docs/benchmarks.md); not part of `make test`. The browser and
# peer steps build pkg/ and dist/ only when missing: `make build bench` for a
# fresh build. JSON reports go to target/bench/.
bench: bench-native bench-browser bench-peer ## cargo bench (criterion), then the in-browser and the pymcdm benchmarks
	@echo "make bench: done (figures above; JSON in target/bench/)"

bench-native: bootstrap ## cargo bench: criterion, recommend and rank natively
	cargo bench

bench-browser: bootstrap ## the one-tag embed in headless Chromium: first result, input change -> result, recommend in wasm; the widget below the fold
	@test -f dist/stack-advisor.js || scripts/build.sh
	node benches/browser/run.mjs
	node benches/browser/lazy.mjs

bench-peer: bootstrap ## TOPSIS and weighted sum, 1,000x50 and 10,000x100: pymcdm vs our wasm (Node) and native
	@test -f pkg/node.js || scripts/build.sh
	benches/peer/run.sh

# Not in `make bench` (a few minutes, and a package of its own): Lighthouse's
# npm package is installed into benches/lighthouse/ on first use.
bench-lighthouse: ## Lighthouse: the article with the widget below the fold vs without it, 5 runs each (run `make build` first)
	@test -f dist/stack-advisor.js || { echo "dist/ is missing: run make build first" >&2; exit 1; }
	@test -x benches/lighthouse/node_modules/.bin/lighthouse || (cd benches/lighthouse && npm ci --no-audit --no-fund)
	node benches/lighthouse/run.mjs

reference: ## regenerate tests/fixtures/reference/*.json with pymcdm (pip, in a venv under /tmp)
	@scripts/reference/run.sh

size: ## raw/gzip/brotli sizes; fails over the ceilings (.wasm 56 KB gzip, bundle 80 KB gzip)
	@node scripts/size.mjs

clean: ## remove build output (target/, pkg/, dist/, test artefacts)
	rm -rf target pkg dist tests/e2e/artifacts test-results playwright-report

distclean: clean ## clean, and remove node_modules/ (the fixtures' too)
	rm -rf node_modules tests/consumers/node_modules tests/integrations/fixtures/eleventy-site/node_modules
