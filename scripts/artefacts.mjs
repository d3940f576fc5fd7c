// Part of `make build` (after bundle.mjs): the distribution artefacts made
// from the one-tag bundle and the site.
//
//   dist/snippet.html               the blogger's snippet: the loader's <script> tag with its
//                                   Subresource Integrity hash, and the element with the
//                                   default verdict as its fallback (dist/fallback.html)
//   dist/reserve.css                the page-level reserved height (scripts/reserve-css.mjs),
//                                   which the integrations print once per page
//   dist/stack-advisor-offline.html the demo article with the bundle inlined (its offline twin,
//                                   with the MCDA extension inline too): one file that
//                                   works opened from file:// with no server and no network
//   dist/site/sw.js                 the service worker, given the site's file list and a
//                                   version (hash of those files) for its cache name
//   dist/site/*.html                each demo page gets the few lines that register it
//
// The registration is added here, to the built site only: www/site/index.html stays
// the one-tag example a blogger copies, and the element never registers a worker.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pageReserveCss } from './reserve-css.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const at = (...parts) => join(root, ...parts);
const BUNDLE = at('dist', 'stack-advisor.js');
const SITE = at('dist', 'site');

function fail(message) {
  console.error(`[artefacts] error: ${message}`);
  process.exit(1);
}
const log = (message) => console.log(`[artefacts] ${message}`);

if (!existsSync(BUNDLE) || !existsSync(SITE)) fail('dist/stack-advisor.js or dist/site/ is missing: run scripts/bundle.mjs first (make build)');

const cargo = readFileSync(at('Cargo.toml'), 'utf8');
const version = cargo.match(/^\[package\][^[]*?^version\s*=\s*"([^"]+)"/ms)?.[1];
if (!version) fail('no [package] version in Cargo.toml');

const bundle = readFileSync(BUNDLE);
const integrity = `sha384-${createHash('sha384').update(bundle).digest('base64')}`;

// 1. The snippet. jsDelivr serves the package's files (dist/stack-advisor.js is in
//    it) byte for byte, so the hash holds there and for a self-hosted copy alike.
const CDN_URL = `https://cdn.jsdelivr.net/npm/stack-advisor@${version}/dist/stack-advisor.js`;
// The element's children: the default verdict as plain HTML (`stack-advisor
// render`), what readers without JavaScript, feed readers and search engines
// see, inside the height the widget reserves. Also written to dist/fallback.html.
// The CLI is built natively with the project's own toolchain (build.sh's
// nightly wasm settings are for the .wasm only).
const cargoEnv = { ...process.env };
for (const name of ['RUSTFLAGS', 'RUSTUP_TOOLCHAIN', 'CARGO_TARGET_DIR', 'CARGO_PROFILE_RELEASE_STRIP']) delete cargoEnv[name];
const rendered = execFileSync('cargo', ['run', '--quiet', '--bin', 'stack-advisor', '--', 'render'], { cwd: root, env: cargoEnv, encoding: 'utf8' });
if (!rendered.startsWith('<div class="stack-advisor-fallback"')) fail('stack-advisor render printed no fallback');
writeFileSync(at('dist', 'fallback.html'), rendered);
log(`dist/fallback.html: the default verdict for readers without JavaScript (${Buffer.byteLength(rendered)} bytes)`);
// The page-level reserve (scripts/reserve-css.mjs): the integrations print it
// once per page so the element holds its height before the loader runs.
const reserveCss = pageReserveCss();
writeFileSync(at('dist', 'reserve.css'), `${reserveCss}\n`);
log(`dist/reserve.css: the height reserved before the script runs (${reserveCss.length} bytes)`);
const FALLBACK = rendered.trimEnd().split('\n').join('\n  ');
const snippet = `<script type="module" src="${CDN_URL}"
        integrity="${integrity}"
        crossorigin="anonymous"></script>
<stack-advisor>
  ${FALLBACK}
</stack-advisor>
`;
writeFileSync(at('dist', 'snippet.html'), snippet);
log(`dist/snippet.html: stack-advisor@${version}, integrity="${integrity}"`);

// 2. The offline page: the demo article with the bundle inline. A `</script`
//    inside the code would end the inline script early; in a string, template
//    or regular expression `<\/script` means the same. `<!--` could switch the
//    HTML parser into a state where `</script>` no longer ends the script.
const page = readFileSync(at('www', 'site', 'index.html'), 'utf8');
const TAG = /<script type="module" src="(?:\.\/)?stack-advisor\.js"><\/script>/g;
const tags = page.match(TAG) ?? [];
if (tags.length !== 1) fail(`www/site/index.html should load stack-advisor.js with exactly one <script type="module" src="./stack-advisor.js"></script> (found ${tags.length})`);
// The offline twin of the bundle carries the MCDA extension inline too (it
// cannot fetch stack-advisor-mcda.wasm from file://).
const OFFLINE_BUNDLE = at('dist', 'gen', 'stack-advisor-offline.js');
if (!existsSync(OFFLINE_BUNDLE)) fail('dist/gen/stack-advisor-offline.js is missing: run scripts/bundle.mjs first (make build)');
const code = readFileSync(OFFLINE_BUNDLE, 'utf8').replace(/<\/(script)/gi, '<\\/$1');
if (code.includes('<!--')) fail('the bundle contains "<!--", which is unsafe to inline in a <script>');
const offline = page
  .replace(TAG, () => `<script type="module">\n${code.trimEnd()}\n</script>`)
  .replace(/^(<!doctype html>)/i, `$1\n<!-- stack-advisor ${version}: this page carries the whole advisor (WebAssembly included) and works offline, opened from disk. -->`);
if (/<script[^>]+\bsrc=/i.test(offline)) fail('the offline page still loads a script from a URL');
writeFileSync(at('dist', 'stack-advisor-offline.html'), offline);
log(`dist/stack-advisor-offline.html: ${Buffer.byteLength(offline)} bytes`);

// 3. The service worker: every demo page registers it (after load, so it never
//    competes with the page), then it learns the precache list and version.
const SW = join(SITE, 'sw.js');
if (!existsSync(SW)) fail('dist/site/sw.js is missing (www/site/sw.js should be copied by bundle.mjs)');
const siteFiles = [];
(function walk(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path);
    else if (path !== SW) siteFiles.push(relative(SITE, path));
  }
})(SITE);
siteFiles.sort();
const REGISTER = `<script type="module" id="register-service-worker">
    // Added by the build: the demo site works offline after one visit (sw.js).
    if ('serviceWorker' in navigator && location.protocol.startsWith('http')) {
      addEventListener('load', () => navigator.serviceWorker.register('./sw.js').catch((error) => console.info('No offline copy of this site:', error.message)));
    }
  </script>
`;
for (const file of siteFiles.filter((f) => f.endsWith('.html'))) {
  const html = readFileSync(join(SITE, file), 'utf8');
  if (html.split('</body>').length !== 2) fail(`dist/site/${file} should have exactly one </body>`);
  // Relative to the page: pages in subdirectories would need another path and scope.
  if (file.includes('/')) fail(`dist/site/${file}: only top-level pages register ./sw.js`);
  writeFileSync(join(SITE, file), html.replace('</body>', () => `  ${REGISTER}</body>`));
}
const hash = createHash('sha256');
for (const file of siteFiles) hash.update(`${file}\0`).update(readFileSync(join(SITE, file))).update('\0');
const build = { version: hash.digest('hex').slice(0, 16), files: ['./', ...siteFiles] };
const sw = readFileSync(SW, 'utf8');
const MARKER = /\/\* BUILD \*\/.*\/\* \/BUILD \*\//;
if (!MARKER.test(sw)) fail('www/site/sw.js lost its /* BUILD */ ... /* /BUILD */ line');
writeFileSync(SW, sw.replace(MARKER, () => `/* BUILD */ const BUILD = ${JSON.stringify(build)}; /* /BUILD */`));
log(`dist/site/sw.js: cache version ${build.version}, ${build.files.length} URLs precached; registered by ${siteFiles.filter((f) => f.endsWith('.html')).join(', ')}`);
