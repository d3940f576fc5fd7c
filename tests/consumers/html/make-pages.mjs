// Consumer 1, setup: the blog pages, made from the snippet in the installed
// package's README (the one a blogger copies), into target/consumers/site/html/:
//   index.html        the snippet verbatim (its CDN URL is answered by the test
//                     with the packed dist/stack-advisor.js, integrity and all)
//   self-hosted.html  the same snippet pointing at a copy of the package's dist/ on 127.0.0.1
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, '..', '..', '..', 'target', 'consumers', 'site', 'html');
const packageDir = dirname(createRequire(import.meta.url).resolve('stack-advisor/package.json'));
const readme = readFileSync(join(packageDir, 'README.md'), 'utf8');
const snippet = readme.match(/```html\n([\s\S]*?)```/)?.[1];
assert.ok(snippet, 'the package README shows an html snippet');
assert.match(snippet, /<script type="module" src="https:\/\/[^"]+\/stack-advisor\.js"\s+integrity="sha384-[A-Za-z0-9+/=]{64}"\s+crossorigin="anonymous"><\/script>/);
assert.match(snippet, /<stack-advisor>[\s\S]*<\/stack-advisor>/);

const page = readFileSync(join(here, 'page.html'), 'utf8');
mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'index.html'), page.replace('<!-- SNIPPET -->', snippet));
writeFileSync(join(out, 'self-hosted.html'), page.replace('<!-- SNIPPET -->', snippet.replace(/src="[^"]+"/, 'src="./stack-advisor.js"')));
// The folder a self-hoster copies: the package's dist/ (its type declarations are not needed).
cpSync(join(packageDir, 'dist'), out, { recursive: true, filter: (file) => !file.endsWith('.d.ts') });
console.log(`html: pages with the README's snippet in ${out}`);
