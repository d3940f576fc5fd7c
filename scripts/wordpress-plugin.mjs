// Part of `make build` (after artefacts.mjs): the WordPress plugin, ready to
// install.
//
//   dist/wordpress/stack-advisor/        integrations/wordpress/stack-advisor/ (the PHP, the
//                                        block) + assets/ (the 8 files of dist/FILES and
//                                        dist/fallback.html, dist/reserve.css) + build.php
//                                        (version, the loader's integrity from
//                                        dist/stack-advisor.js.sri, the files)
//   dist/stack-advisor-wordpress.zip     that folder as one top folder `stack-advisor/`, for
//                                        Plugins → Add New → Upload Plugin
//
// The zip is made with JSZip (a devDependency), every entry dated 1980-01-01
// in a fixed order, so the same files give the same zip.
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import JSZip from 'jszip';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const at = (...parts) => join(root, ...parts);
const SOURCE = at('integrations', 'wordpress', 'stack-advisor');
const OUT = at('dist', 'wordpress', 'stack-advisor');
const ZIP = at('dist', 'stack-advisor-wordpress.zip');

function fail(message) {
  console.error(`[wordpress] error: ${message}`);
  process.exit(1);
}

for (const needed of ['FILES', 'stack-advisor.js.sri', 'fallback.html', 'reserve.css']) {
  if (!existsSync(at('dist', needed))) fail(`dist/${needed} is missing: run scripts/bundle.mjs and scripts/artefacts.mjs first (make build)`);
}
const files = readFileSync(at('dist', 'FILES'), 'utf8').split('\n').filter(Boolean);
const integrity = readFileSync(at('dist', 'stack-advisor.js.sri'), 'utf8').trim();
if (!/^sha384-[A-Za-z0-9+/]+={0,2}$/.test(integrity)) fail('dist/stack-advisor.js.sri holds no sha384 integrity');

// The plugin's version is the package's: the header says it, the build checks it.
const version = readFileSync(at('Cargo.toml'), 'utf8').match(/^\[package\][^[]*?^version\s*=\s*"([^"]+)"/ms)?.[1];
const header = readFileSync(join(SOURCE, 'stack-advisor.php'), 'utf8').match(/^\s*\*\s*Version:\s*(\S+)/m)?.[1];
const stable = readFileSync(join(SOURCE, 'readme.txt'), 'utf8').match(/^Stable tag:\s*(\S+)/m)?.[1];
if (!version || header !== version || stable !== version) {
  fail(`the plugin's Version (${header}) and readme.txt's Stable tag (${stable}) must be the package's version (${version}, Cargo.toml)`);
}

rmSync(at('dist', 'wordpress'), { recursive: true, force: true });
cpSync(SOURCE, OUT, { recursive: true });
mkdirSync(join(OUT, 'assets'));
for (const file of files) cpSync(at('dist', file), join(OUT, 'assets', file));
cpSync(at('dist', 'fallback.html'), join(OUT, 'assets', 'fallback.html'));
cpSync(at('dist', 'reserve.css'), join(OUT, 'assets', 'reserve.css'));
const php = (s) => `'${s.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;
writeFileSync(join(OUT, 'build.php'), `<?php
// Written by scripts/wordpress-plugin.mjs (make build). The loader's Subresource Integrity hash.
defined( 'ABSPATH' ) || exit;
return array(
\t'version'   => ${php(version)},
\t'integrity' => ${php(integrity)},
\t'files'     => array( ${files.map(php).join(', ')} ),
);
`);

const entries = [];
(function walk(dir) {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else entries.push(path);
  }
})(OUT);
const zip = new JSZip();
const date = new Date(Date.UTC(1980, 0, 1));
for (const path of entries) {
  zip.file(`stack-advisor/${relative(OUT, path)}`, readFileSync(path), { date, createFolders: false });
}
const bytes = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 }, platform: 'UNIX' });
writeFileSync(ZIP, bytes);
console.log(`[wordpress] dist/stack-advisor-wordpress.zip: ${entries.length} files, ${bytes.length} bytes (plugin ${version}, loader ${integrity})`);
