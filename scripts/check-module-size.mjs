#!/usr/bin/env node
// Fails when a module under src/ or www/ is longer than LIMIT lines (issue 14:
// a module holds one concern and reads in one sitting). The demo site's
// pages and scripts (www/site/) are not counted.
//
//   node scripts/check-module-size.mjs          # run by `make lint`
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const LIMIT = 450;
const repo = fileURLToPath(new URL('..', import.meta.url));
const SKIP = ['www/site'];

function* files(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const rel = relative(repo, path);
    if (SKIP.includes(rel)) continue;
    if (statSync(path).isDirectory()) yield* files(path);
    else if (/\.(rs|js|mjs)$/.test(name)) yield rel;
  }
}

let count = 0;
let longest = ['', 0];
const over = [];
for (const root of ['src', 'www']) {
  for (const file of files(join(repo, root))) {
    const lines = readFileSync(join(repo, file), 'utf8').split('\n').length - 1;
    count += 1;
    if (lines > longest[1]) longest = [file, lines];
    if (lines > LIMIT) over.push(`  ${file}: ${lines} lines (limit ${LIMIT}): split it along its concerns`);
  }
}
console.log(`check-module-size: ${count} modules under src/ and www/, longest ${longest[0]} (${longest[1]} lines)`);
if (over.length) {
  console.log(over.join('\n'));
  console.log(`check-module-size: ${over.length} over the limit`);
  process.exit(1);
}
