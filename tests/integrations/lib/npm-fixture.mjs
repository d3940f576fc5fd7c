// Installs an npm fixture's tools and the packed stack-advisor package, as
// scripts/consumers.sh does for tests/consumers/: `npm ci` of the committed
// package-lock.json (which it never writes) only when the lock or Node changed,
// and the tarball (dist/stack-advisor.tgz, what a user installs) with
// `npm install --no-save` only when it changed. Stamps in node_modules/ record
// what is installed, so a warm run installs nothing.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, lstatSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const sha256 = (file) => createHash('sha256').update(readFileSync(file)).digest('hex');

function npm(dir, args) {
  execFileSync('npm', [...args, '--no-audit', '--no-fund', '--loglevel=error'], { cwd: dir, stdio: ['ignore', 'inherit', 'inherit'] });
}

/**
 * Makes `dir`'s node_modules match its package-lock.json, with `tarball`
 * installed on top. Returns what it did, for the test's log.
 * @param {string} dir the fixture (package.json + package-lock.json)
 * @param {string} tarball the packed stack-advisor package
 */
export function installFixture(dir, tarball) {
  const done = [];
  const lock = join(dir, 'package-lock.json');
  const toolsStamp = join(dir, 'node_modules', '.fixture-stamp');
  const wantTools = `${sha256(lock)} node-${process.version}`;
  const packageStamp = join(dir, 'node_modules', '.stack-advisor-stamp');
  let t = performance.now();
  if (existsSync(toolsStamp) && readFileSync(toolsStamp, 'utf8') === wantTools) {
    done.push('npm ci skipped (node_modules matches package-lock.json)');
  } else {
    const before = sha256(lock);
    npm(dir, ['ci']);
    assert.equal(sha256(lock), before, `npm ci changed ${lock}`);
    writeFileSync(toolsStamp, wantTools);
    // npm ci emptied node_modules: the tarball goes in again.
    done.push(`npm ci in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  }
  t = performance.now();
  const wantPackage = sha256(tarball);
  const installed = join(dir, 'node_modules', 'stack-advisor');
  if (existsSync(packageStamp) && readFileSync(packageStamp, 'utf8') === wantPackage && existsSync(join(installed, 'package.json'))) {
    done.push('the installed stack-advisor is this tarball');
  } else {
    const before = [sha256(lock), sha256(join(dir, 'package.json'))];
    npm(dir, ['install', '--no-save', tarball]);
    assert.deepEqual([sha256(lock), sha256(join(dir, 'package.json'))], before, 'npm install --no-save changed package.json or its lock');
    writeFileSync(packageStamp, wantPackage);
    done.push(`stack-advisor installed from ${tarball} in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  }
  // An installed copy, never a link into the repository.
  assert.ok(lstatSync(installed).isDirectory() && !lstatSync(installed).isSymbolicLink(), 'node_modules/stack-advisor is not an installed copy');
  return done;
}
