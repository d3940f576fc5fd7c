// The npm lock files are complete for every platform: each optional
// dependency (rollup's and esbuild's per-platform binaries) has its own
// entry. `npm ci` refuses a lock without them, and `npm install` would add
// them (rewriting a tracked file) on a registry that serves them; with them,
// `npm ci` installs this machine's and fetches no other, whatever the
// registry serves.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

/** The optional dependencies a lock file names but has no entry for. */
function missingOptional(lock) {
  const missing = [];
  for (const [path, entry] of Object.entries(lock.packages ?? {})) {
    for (const name of Object.keys(entry.optionalDependencies ?? {})) {
      // npm resolves from the package's own node_modules up to the root's.
      const parts = path.split('/node_modules/');
      const found = parts.some((_, i) => `${parts.slice(0, parts.length - i).join('/node_modules/')}/node_modules/${name}` in lock.packages) ||
        `node_modules/${name}` in lock.packages;
      if (!found) missing.push(`${path} -> ${name}`);
    }
  }
  return missing;
}

for (const file of ['package-lock.json', 'tests/consumers/package-lock.json']) {
  test(`${file} lists every optional dependency (all platforms)`, () => {
    const lock = JSON.parse(readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8'));
    assert.deepEqual(missingOptional(lock), []);
  });
}

test('a lock without the other platforms is caught', () => {
  const lock = {
    packages: {
      '': { devDependencies: { rollup: '4.0.0' } },
      'node_modules/rollup': { optionalDependencies: { '@rollup/rollup-linux-x64-gnu': '4.0.0', '@rollup/rollup-darwin-arm64': '4.0.0' } },
      'node_modules/@rollup/rollup-linux-x64-gnu': { optional: true },
    },
  };
  assert.deepEqual(missingOptional(lock), ['node_modules/rollup -> @rollup/rollup-darwin-arm64']);
});
