#!/usr/bin/env node
// Docs that cannot drift: every file path, make target and CLI subcommand
// named in README.md and docs/**/*.md must exist.
//
//   node scripts/check-doc-paths.mjs        (run by `make lint`)
//
// What counts as a mention:
// - a file path: a token inside `code` or a fenced block that starts with one
//   of the repository's top-level entries (`src/…`, `www/…`, `.ci/run`), a
//   Markdown link target (`[x](docs/y.md)`, relative to the page), or an
//   inline code span that is a bare file name (`sw.js`: it must exist
//   somewhere in the repository). `*`, `<name>`, `{a,b}` and `…` in a path
//   match anything. Exists means: tracked by git, or new and not ignored
//   (`git ls-files --others --exclude-standard`), as a file or a folder;
// - a make target: `make a b` inside code; targets come from the Makefile;
// - a CLI subcommand: `stack-advisor x` or `cargo run … -- x` inside code,
//   and "N subcommands" anywhere; subcommands come from the CLI's dispatch
//   (the `"x" =>` arms of src/bin/stack-advisor.rs), which must agree with
//   its usage text.
// URLs, absolute paths and `~/…` are examples of the reader's own paths and
// are not checked. History may name a removed file in plain text (not as
// code): "then src/wasm/write.rs". Prints what it checked, and each problem
// as file:line; exits 1 on any problem. `--root DIR` checks another checkout;
// VERBOSE=1 also lists every path, target and subcommand it saw.

import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, dirname, normalize } from 'node:path';

// The repository: this script's parent folder, or `--root DIR`.
const rootArg = process.argv.indexOf('--root');
const root = rootArg > 0 ? process.argv[rootArg + 1] : join(dirname(new URL(import.meta.url).pathname), '..');
const CLI_SOURCE = 'src/bin/stack-advisor.rs';

// Paths the docs may name although git does not track them: each entry is a
// prefix, with why. Keep it short; a typo in a tracked path must still fail.
const EXEMPT = [
  'dist/', // written by `make build` (bundle, site, tarball, BUILD-INFO)
  'pkg/', // written by `make build` (wasm-pack's package)
  'target/', // cargo's output (benchmark reports under target/bench/)
  'node_modules/', // `npm ci`
  'fuzz/artifacts/', // cargo-fuzz writes crashes here
  'fuzz/target/', // the fuzz crate's cargo output
  'tests/e2e/artifacts/', // screenshots and traces the e2e run writes
  'test-results/', // Playwright's output folder
];
// Bare file names that are not ours to check: other projects' files
// (docs/size-comparison.md; any `*.min.js` / `*.min.css` is a third-party
// build, we ship none) and what wasm-bindgen generates into pkg/.
const EXEMPT_NAMES = new Set([
  'widgets.js', // Twitter's embed script
  'frame.js', // Intercom's Messenger bundle
  'stack-advisor.tgz', // the packed package, in dist/
  'stack-advisor-wordpress.zip', // the WordPress plugin, in dist/ (make build)
  'eleventy.js', // the package's name for integrations/eleventy/index.js (scripts/package.mjs)
  // The files the one-tag loader brings in, written by `make build` into dist/ (dist/FILES).
  'stack-advisor-engine.js',
  'stack-advisor-engine.wasm',
  'stack-advisor-mcda-glue.js',
  'stack-advisor-mcda-ui.js',
  'stack-advisor-de.js',
  'stack-advisor-texts.js',
]);
const EXEMPT_NAME_PATTERNS = [/\.min\.(js|css)$/, /^stack_advisor[\w.]*$/];
// Paths that branches being merged create (one a line, `#` comments): they
// pass while missing, and are reported once they exist. Temporary, like
// scripts/cycles-allowed.txt: the file must end empty.
const PLANNED_FILE = 'scripts/doc-paths-planned.txt';
const planned = existsSync(join(root, PLANNED_FILE))
  ? readFileSync(join(root, PLANNED_FILE), 'utf8')
      .split('\n')
      .map((text, i) => ({ line: i + 1, path: text.replace(/#.*/, '').trim().replace(/\/+$/, '') }))
      .filter((p) => p.path)
  : [];

const git = (...args) =>
  execFileSync('git', args, { cwd: root, encoding: 'utf8' }).split('\n').filter(Boolean);
// Tracked or new, and still on disk (a file deleted but not yet `git rm`ed is gone).
const files = [...git('ls-files'), ...git('ls-files', '--others', '--exclude-standard')].filter((f) =>
  existsSync(join(root, f)),
);
const fileSet = new Set(files);
const dirSet = new Set();
const baseNames = new Set();
for (const f of files) {
  const parts = f.split('/');
  baseNames.add(parts[parts.length - 1]);
  for (let i = 1; i < parts.length; i++) dirSet.add(parts.slice(0, i).join('/'));
}
const topLevel = new Set(files.map((f) => f.split('/')[0]));
for (const e of EXEMPT) topLevel.add(e.split('/')[0]);

/** The repository path `p` (no leading `./`, `/` at the end allowed) exists. */
function exists(p) {
  const clean = p.replace(/\/+$/, '');
  if (EXEMPT.some((e) => clean === e.slice(0, -1) || clean.startsWith(e))) return true;
  if (/[*<>{}…]/.test(clean)) {
    const re = new RegExp(
      '^' +
        clean
          .replace(/[.+?^$()|[\]\\]/g, '\\$&')
          .replace(/\{([^}]*)\}/g, (_, alts) => `(${alts.split(',').join('|')})`)
          .replace(/<[^>]*>/g, '[^/]+')
          .replace(/\*/g, '[^/]*')
          .replace(/…/g, '.*') +
        '(/|$)',
    );
    return files.some((f) => re.test(f));
  }
  return fileSet.has(clean) || dirSet.has(clean);
}

// Make targets: every name before a `:` at the start of a Makefile line.
const makefile = readFileSync(join(root, 'Makefile'), 'utf8');
const targets = new Set();
for (const m of makefile.matchAll(/^([A-Za-z0-9][\w.-]*(?:[ \t]+[\w.-]+)*)[ \t]*:(?!=)/gm)) {
  for (const t of m[1].split(/\s+/)) targets.add(t);
}

// CLI subcommands: the dispatch's string arms, and the usage text's lines.
const problems = [];
const cliSource = existsSync(join(root, CLI_SOURCE)) ? readFileSync(join(root, CLI_SOURCE), 'utf8') : '';
if (!cliSource) problems.push(`${CLI_SOURCE}: missing (the CLI's dispatch is read from it)`);
const dispatched = new Set(
  [...cliSource.matchAll(/^\s*"([a-z][a-z-]*)"(?:\s+if\b[^\n=]*)?\s*=>/gm)].map((m) => m[1]),
);
const usage = /const USAGE: &str = "([^"]*)"/.exec(cliSource)?.[1] ?? '';
const inUsage = new Set([...usage.matchAll(/stack-advisor ([a-z][a-z-]*)/g)].map((m) => m[1]));
for (const s of inUsage) {
  if (!dispatched.has(s)) problems.push(`${CLI_SOURCE}: the usage names '${s}', which the dispatch does not handle`);
}
for (const s of dispatched) {
  if (s !== 'help' && !inUsage.has(s)) problems.push(`${CLI_SOURCE}: '${s}' is dispatched but not in the usage`);
}
// `help` is another spelling of --help, not counted as a subcommand.
const subcommands = [...dispatched].filter((s) => s !== 'help');
const NUMBERS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

// The pages.
const pages = ['README.md'];
const walk = (dir) => {
  for (const e of readdirSync(join(root, dir), { withFileTypes: true })) {
    const p = `${dir}/${e.name}`;
    if (e.isDirectory()) walk(p);
    else if (p.endsWith('.md')) pages.push(p);
  }
};
walk('docs');

const counts = { paths: 0, targets: 0, subcommands: 0, links: 0, counts: 0, planned: 0 };
const seen = { paths: new Set(), targets: new Set(), subcommands: new Set() };

/** Strips quotes, brackets and sentence punctuation around a token, and a `:line` after a path. */
const trim = (t) =>
  t
    .replace(/^[("'[=,]+/, '')
    .replace(/[)"'\],;:.!?]+$/, '')
    .replace(/:\d+(-\d+)?$/, '');

function checkPath(page, line, raw, { bare }) {
  let p = trim(raw);
  if (!p || /^[a-z]+:\/\//i.test(p) || p.startsWith('/') || p.startsWith('~')) return;
  if (p.startsWith('./')) p = p.slice(2);
  const first = p.split('/')[0];
  if (p.includes('/')) {
    if (!topLevel.has(first)) return;
  } else if (!(bare && /^[\w-][\w.-]*\.(rs|mjs|js|json|md|toml|sh|html|css|txt|ts|lock|yml|yaml)$/.test(p)) && !fileSet.has(p)) {
    return;
  }
  counts.paths++;
  seen.paths.add(p);
  const ok = p.includes('/')
    ? exists(p)
    : baseNames.has(p) || EXEMPT_NAMES.has(p) || EXEMPT_NAME_PATTERNS.some((re) => re.test(p));
  if (!ok && planned.some((e) => e.path === p.replace(/\/+$/, ''))) counts.planned++;
  else if (!ok) problems.push(`${page}:${line}: no such file or folder: ${p}`);
}

function checkCode(page, line, code, { span }) {
  const tokens = code.split(/[\s`=(),]+/).filter(Boolean);
  const bare = span && tokens.length === 1;
  for (const t of tokens) checkPath(page, line, t, { bare });
  // make targets: the words after `make`, up to a flag, a comment or a shell operator.
  for (const m of code.matchAll(/(?:^|[\s;&|(])make((?:[ \t]+[A-Za-z][\w-]*(?:=\S*)?)+)/g)) {
    for (const t of m[1].trim().split(/\s+/)) {
      if (t.includes('=')) continue;
      counts.targets++;
      seen.targets.add(t);
      if (!targets.has(t)) problems.push(`${page}:${line}: no make target '${t}' in the Makefile`);
    }
  }
  const subs = [
    // Not `{{< stack-advisor answers=… >}}` (the Hugo shortcode's parameters).
    ...code.matchAll(/(?:^|[\s`$])stack-advisor[ \t]+([a-z][a-z-]*)(?![\w=-])/g),
    ...code.matchAll(/cargo run\b[^\n#]*?[ \t]--[ \t]+([a-z][a-z-]*)/g),
  ];
  for (const m of subs) {
    counts.subcommands++;
    seen.subcommands.add(m[1]);
    if (!dispatched.has(m[1])) problems.push(`${page}:${line}: no CLI subcommand '${m[1]}' (${CLI_SOURCE})`);
  }
}

for (const page of pages) {
  const lines = readFileSync(join(root, page), 'utf8').split('\n');
  let fence = null;
  lines.forEach((text, i) => {
    const n = i + 1;
    const f = /^\s*(```+|~~~+)/.exec(text);
    if (f) {
      fence = fence === null ? f[1] : text.trim().startsWith(fence) ? null : fence;
      return;
    }
    if (fence !== null) {
      checkCode(page, n, text, { span: false });
      return;
    }
    for (const m of text.matchAll(/`([^`]+)`/g)) checkCode(page, n, m[1], { span: true });
    for (const m of text.matchAll(/\]\(([^)\s]+)\)/g)) {
      const target = m[1].split('#')[0];
      if (!target || /^[a-z]+:/i.test(target)) continue;
      counts.links++;
      const p = normalize(join(dirname(page), target));
      if (!exists(p)) problems.push(`${page}:${n}: link to a missing file: ${m[1]}`);
    }
    for (const m of text.matchAll(/\b(\w+) (?:CLI )?subcommands\b/gi)) {
      const said = NUMBERS.indexOf(m[1].toLowerCase());
      const n2 = said >= 0 ? said : Number(m[1]);
      if (!Number.isInteger(n2)) continue;
      counts.counts++;
      if (n2 !== subcommands.length) {
        problems.push(`${page}:${n}: says ${m[1]} subcommands; the CLI has ${subcommands.length} (${subcommands.join(', ')})`);
      }
    }
  });
}

console.log(
  `check-doc-paths: ${pages.length} pages; ${counts.paths} path mentions (${seen.paths.size} distinct), ` +
    `${counts.links} links, ${counts.targets} make-target mentions (${seen.targets.size} distinct of ${targets.size} targets), ` +
    `${counts.subcommands} CLI-subcommand mentions (${seen.subcommands.size} distinct of ${subcommands.length}: ${subcommands.join(', ')}), ` +
    `${counts.counts} subcommand counts`,
);
if (counts.planned) console.log(`  ${counts.planned} mentions of paths still planned (${PLANNED_FILE})`);
for (const e of planned) {
  if (exists(e.path)) console.log(`  ${PLANNED_FILE}:${e.line}: ${e.path} exists now, remove the line`);
}
if (process.env.VERBOSE) for (const [k, v] of Object.entries(seen)) console.log(`  ${k}: ${[...v].sort().join(" ")}`);
for (const p of problems) console.log(`  ${p}`);
if (problems.length) {
  console.log(`check-doc-paths: ${problems.length} problem${problems.length === 1 ? '' : 's'}`);
  process.exit(1);
}
console.log('check-doc-paths: all exist');
