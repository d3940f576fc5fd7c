# shellcheck shell=bash
# The pinned nightly toolchain, sourced by bootstrap.sh, build.sh and fuzz.sh.
#
# The release .wasm files are built with this nightly's -Zbuild-std (smaller
# than stable: docs/size.md). A dated nightly, not `nightly`: the same sources
# then give the same .wasm on every machine and on every day. Bump it
# deliberately (the size figures in README.md and docs/size.md change with it)
# and check `make test` passes, then `make size`.
#
# nightly-2026-05-20 is rustc 1.97.0-nightly (e50aa6fba 2026-05-19).
NIGHTLY_PINNED=nightly-2026-05-20

# NIGHTLY_TOOLCHAIN overrides the pin (e.g. to try a newer nightly); the build
# then says in its output and in dist/BUILD-INFO that it is not the pinned one.
NIGHTLY_TOOLCHAIN=${NIGHTLY_TOOLCHAIN:-$NIGHTLY_PINNED}
