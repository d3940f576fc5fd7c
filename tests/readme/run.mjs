// `make readme` (a step of `make test`): every fenced code block in README.md
// runs, in README order, in a temporary copy of this checkout, so the README
// cannot drift from what the project does.
//
//   sh     each command runs with bash in the copy (cwd carries over within a
//          block); it must exit 0, or the code a trailing `# exit N` names.
//          `make demo` is started, must serve the demo, and is stopped.
//   js     runs in Node (ES module) in an app that installed the packed
//          tarball; `console.log(x); // "a" "b"` must log exactly those
//          values, `expr; // Float64Array` must be one.
//   html   loaded in Chromium (Playwright): every <stack-advisor> must render a
//          verdict, with no console error; a block of <iframe data-stack-advisor>
//          frames instead: each frame's widget must, and with the host script in
//          the block each frame must fit its content.
//   css    applied to a page with the widget in Chromium: its rules must apply.
//   (none) the Layout listing: every path it names must exist.
//   shortcode, wp-block (under "WordPress") not run here: tests/integrations/wordpress.test.mjs
//          reads them from the README and posts them in a real WordPress (make integrations).
//   under "Hugo" and "Eleventy" (INTEGRATION_SECTIONS): not run here; the
//          platform's test in tests/integrations/ builds a site from them.
//   tsx, vue  must be, verbatim, a file of the consumer fixtures that
//          `make consumers` runs in Chromium (FIXTURE_BLOCKS): React and Vue
//          need a bundler and a framework, which the fixtures have.
//
// What is replaced before a block runs, and which commands are not run, is
// printed as two tables; a replacement or exemption that no longer matches
// anything fails the run (the README changed: update the table).
//
//   node tests/readme/run.mjs             # needs `make build` (dist/, pkg/) and `make bootstrap`
//   README=path node tests/readme/run.mjs # another README (e.g. to see a broken block fail)
//   KEEP=1 ...                            # keep the temporary directory
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fencedBlocks, jsClaims, shellCommands } from './blocks.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const README = resolve(process.env.README || join(ROOT, 'README.md'));
const README_TEXT = readFileSync(README, 'utf8');

const log = (message) => console.log(`[readme] ${message}`);
class Failure extends Error {}
const fail = (message) => { throw new Failure(message); };

for (const needed of ['dist/stack-advisor.js', 'dist/stack-advisor.tgz', 'dist/snippet.html', 'pkg/package.json']) {
  if (!existsSync(join(ROOT, needed))) {
    console.error(`[readme] error: ${needed} is missing: run \`make build\` first`);
    process.exit(1);
  }
}
if (!existsSync(join(ROOT, 'node_modules/@playwright/test'))) {
  console.error('[readme] error: node_modules is missing: run `make bootstrap` first');
  process.exit(1);
}

// --- the temporary copy ---------------------------------------------------------
// One directory per checkout, the same on every run: the copy keeps the files'
// times (tar), so the Rust build in it (`make demo`) is incremental on reruns.
const TMP = join(tmpdir(), `stack-advisor-readme-${createHash('sha256').update(ROOT).digest('hex').slice(0, 12)}`);
rmSync(TMP, { recursive: true, force: true });
mkdirSync(TMP, { recursive: true });
const CLONE = join(TMP, 'stack-advisor');
const APP = join(TMP, 'your-app');
const SITE = join(TMP, 'your-site');

/** A copy of the files git tracks, as they are in the working tree (uncommitted edits included). */
function copyCheckout() {
  mkdirSync(CLONE);
  const git = spawnSync('git', ['-C', ROOT, 'rev-parse', '--is-inside-work-tree'], { encoding: 'utf8' });
  const list = git.status === 0
    ? 'git ls-files -z --cached'
    : "find . -path ./node_modules -prune -o -path ./target -prune -o -path ./dist -prune -o -path ./pkg -prune -o -type f -print0";
  const copy = spawnSync('bash', ['-c', `set -o pipefail; ${list} | tar --null --ignore-failed-read -T - -cf - | tar -xf - -C "$1"`, 'copy', CLONE], { cwd: ROOT, encoding: 'utf8' });
  if (copy.status !== 0) fail(`could not copy the checkout: ${copy.stderr}`);
  // Installed tools and build caches are shared (read by the copy, and the
  // Rust build reuses the compiled dependencies); the build output is copied.
  symlinkSync(join(ROOT, 'node_modules'), join(CLONE, 'node_modules'));
  mkdirSync(join(ROOT, 'target'), { recursive: true });
  symlinkSync(join(ROOT, 'target'), join(CLONE, 'target'));
  cpSync(join(ROOT, 'dist'), join(CLONE, 'dist'), { recursive: true, preserveTimestamps: true });
  cpSync(join(ROOT, 'pkg'), join(CLONE, 'pkg'), { recursive: true, preserveTimestamps: true });
  mkdirSync(APP);
  writeFileSync(join(APP, 'package.json'), `${JSON.stringify({ name: 'your-app', version: '1.0.0', private: true }, null, 2)}\n`);
  mkdirSync(SITE);
}

const EXAMPLE_FILE = join(ROOT, 'data/examples/postgres-vs-mongodb.json');
const EXAMPLE = JSON.parse(readFileSync(EXAMPLE_FILE, 'utf8'));
const DEFAULT = JSON.parse(readFileSync(join(ROOT, 'data/node-vs-python.json'), 'utf8'));
const INTEGRITY = /integrity="(sha384-[^"]+)"/.exec(readFileSync(join(ROOT, 'dist/snippet.html'), 'utf8'))?.[1]
  ?? fail('dist/snippet.html has no integrity hash');

// --- what is replaced, what is not run ------------------------------------------
/** Text replaced in a block before it runs. `uses` counts the blocks it applied to. */
const SUBSTITUTIONS = [
  { langs: ['sh'], from: '/path/to/stack-advisor', to: () => CLONE, shown: '<tmp>/stack-advisor', why: 'this checkout (the temporary copy)' },
  { langs: ['sh'], from: '/path/to/your-app', to: () => APP, shown: '<tmp>/your-app', why: 'a new app: a package.json only' },
  { langs: ['sh'], from: '/path/to/your-site', to: () => SITE, shown: '<tmp>/your-site', why: 'a new site directory, served to Chromium for the HTML blocks' },
  { langs: ['sh'], from: 'cargo run --release --', to: () => 'cargo run --quiet --', why: "the debug build `cargo test` made (same code; no extra release build)" },
  { langs: ['html'], from: 'https://cdn.jsdelivr.net/npm/stack-advisor@0.1.0/dist/', to: () => '/__dist/', why: "the unpublished package's CDN URL -> the copy's dist/, same origin" },
  { langs: ['html'], from: 'https://your-site.example/advisor/', to: () => '/__dist/', why: "the iframe mode's files on your site -> the copy's dist/ (embed.html and the files beside it)" },
  { langs: ['html'], from: /sha384-<[^>"]*>/g, to: () => INTEGRITY, shown: 'sha384-… of this build', why: 'the hash `make build` printed (dist/snippet.html)' },
  { langs: ['html'], from: '{ "version": 1, "id": "queue-choice", ... }', to: () => JSON.stringify(EXAMPLE).replaceAll('</', '<\\/'), shown: '{…}', why: 'the elided matrix -> data/examples/postgres-vs-mongodb.json' },
].map((s) => ({ ...s, uses: 0 }));

/** Commands that are not run, and why. `uses` counts the times each matched. */
const EXEMPTIONS = [
  { match: /^make test\b/, why: 'this run is `make test`' },
  { match: /^make bench\b/, why: 'minutes of benchmarks; not part of `make test`' },
  { match: /^make build\b/, why: "ran as `make test`'s build step; its dist/ and pkg/ are copied in (`make demo` below builds again in the copy)" },
].map((e) => ({ ...e, uses: 0 }));

/**
 * README sections whose blocks are not run here: an integration test builds a
 * site from them (`readmeBlocks(heading)` in tests/integrations/lib/static-site.mjs)
 * with the platform's own tool, in `make integrations`.
 */
const INTEGRATION_SECTIONS = [
  { heading: 'Hugo', test: 'tests/integrations/hugo.test.mjs' },
  { heading: 'Eleventy', test: 'tests/integrations/eleventy.test.mjs' },
].map((s) => ({ ...s, uses: 0 }));

/** A block of an INTEGRATION_SECTIONS section: its test must read the section's blocks. */
function integrationBlock(block) {
  const section = INTEGRATION_SECTIONS.find((s) => s.heading === block.heading);
  if (!section) return false;
  const test = join(ROOT, section.test);
  if (!existsSync(test) || !readFileSync(test, 'utf8').includes(`readmeBlocks('${section.heading}')`)) {
    fail(`README.md line ${block.line}: ${section.test} should build its site from the "${section.heading}" blocks (readmeBlocks('${section.heading}'))`);
  }
  section.uses++;
  log(`    not run here: ${section.test} builds a site from it (make integrations)`);
  return true;
}

/**
 * Blocks that are fixtures' files (tsx, vue): each must equal one of the files
 * listed for its language and heading; `make consumers` runs those files.
 * `inline` is README prose that must also appear in the fixture that runs it.
 */
const FIXTURE_BLOCKS = [
  { lang: 'tsx', heading: 'React', file: 'tests/consumers/frameworks/react/advisor.tsx', why: 'React 19 client render (createRoot)' },
  { lang: 'tsx', heading: 'React', file: 'tests/consumers/frameworks/react/server-advisor.tsx', why: 'renderToString + hydrateRoot' },
  { lang: 'vue', heading: 'Vue', file: 'tests/consumers/frameworks/vue/Advisor.vue', why: 'Vue 3 single-file component' },
].map((f) => ({ ...f, uses: 0 }));
const FIXTURE_INLINE = [
  { text: "vue({ template: { compilerOptions: { isCustomElement: (tag) => tag === 'stack-advisor' } } })", file: 'tests/consumers/frameworks/vite.config.mjs' },
];

/** How the HTML and CSS blocks are served (not a replacement of their text). */
const SERVED = [
  ['/__dist/', 'dist/ of the copy (the one-tag bundle, the MCDA .wasm)'],
  ['/matrices/', 'data/examples/ of the copy'],
  ['/ (everything else)', 'the site directory the shell blocks copied files into'],
  ['HTML without the script tag', 'gets <script type="module" src="/__dist/stack-advisor.js">'],
];

function substitute(lang, text) {
  let out = text;
  for (const s of SUBSTITUTIONS) {
    if (!s.langs.includes(lang)) continue;
    const before = out;
    out = typeof s.from === 'string' ? out.replaceAll(s.from, s.to()) : out.replace(s.from, s.to());
    if (out !== before) s.uses++;
  }
  return out;
}

// --- runners ----------------------------------------------------------------------
function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

/** The environment of the copy's commands: as a user's shell, without `make test`'s own markers. */
function userEnv(extra = {}) {
  const env = { ...process.env, ...extra };
  delete env.BOOTSTRAP_DONE;
  delete env.MAKEFLAGS;
  delete env.MAKELEVEL;
  delete env.MFLAGS;
  return env;
}

/** Runs shell commands as one bash script; each must end with its expected exit code. */
function runShell(commands) {
  const failFile = join(TMP, 'failed-command');
  rmSync(failFile, { force: true });
  const script = ['set -uo pipefail'];
  commands.forEach((c, index) => {
    script.push(`printf '[readme]   $ %s\\n' ${shellQuote(c.command)}`);
    script.push(c.command);
    script.push(`rc=$?; if [[ $rc != ${c.exit} ]]; then echo "${index} $rc" >"$README_FAILED"; exit 1; fi`);
  });
  const run = spawnSync('bash', ['-c', script.join('\n')], {
    cwd: CLONE, env: userEnv({ README_FAILED: failFile }), stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', maxBuffer: 64 * 1024 * 1024,
  });
  const output = `${run.stdout}${run.stderr}`.trimEnd();
  // Long outputs (the default matrix) are cut in the log, not in the check.
  const lines = output.split('\n');
  const shown = lines.length > 40 ? [...lines.slice(0, 25), `… (${lines.length - 35} lines)`, ...lines.slice(-10)] : lines;
  if (output) console.log(shown.map((l) => (l.startsWith('[readme]') ? l : `[readme]     ${l}`)).join('\n'));
  if (run.status !== 0) {
    const [index, rc] = existsSync(failFile) ? readFileSync(failFile, 'utf8').trim().split(' ').map(Number) : [-1, run.status];
    const c = commands[index];
    fail(c ? `README.md line ${c.line}: \`${c.command}\` exited ${rc}, expected ${c.exit}` : `a shell block failed (exit ${rc})`);
  }
}

function shellQuote(text) {
  return `'${text.replaceAll("'", "'\\''")}'`;
}

/** `make demo`: started in the copy on a free port, must serve the demo, then stopped. */
async function runDemo(command, line) {
  const port = await freePort();
  const text = command.replace(/\bDEMO_PORT=\d+/g, `DEMO_PORT=${port}`);
  log(`  $ ${text}   (DEMO_PORT=${port}; started, checked, stopped)`);
  const child = spawn('bash', ['-c', text], { cwd: CLONE, env: userEnv({ DEMO_PORT: String(port) }), detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  let announced = false;
  const onData = (chunk) => {
    output += chunk;
    if (output.includes(`Demo: http://127.0.0.1:${port}/`)) announced = true;
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  const exited = new Promise((resolveExit) => child.on('exit', (code, signal) => resolveExit({ code, signal })));
  let exitedEarly = null;
  exited.then((status) => { exitedEarly = status; });
  const stop = async () => {
    if (exitedEarly) return;
    try { process.kill(-child.pid, 'SIGTERM'); } catch { /* already gone */ }
    const timer = setTimeout(() => { try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ } }, 5_000);
    await exited;
    clearTimeout(timer);
  };
  try {
    const deadline = Date.now() + 15 * 60_000;
    while (!announced) {
      if (exitedEarly) fail(`README.md line ${line}: make demo exited (${JSON.stringify(exitedEarly)}) before serving:\n${output.slice(-3000)}`);
      if (Date.now() > deadline) fail(`README.md line ${line}: make demo did not announce the demo within 15 min`);
      await new Promise((r) => setTimeout(r, 250));
    }
    const base = `http://127.0.0.1:${port}/`;
    let page = null;
    for (let i = 0; i < 120 && !page; i++) {
      try {
        const response = await fetch(base);
        if (response.ok) page = await response.text();
      } catch { /* not listening yet */ }
      if (!page) await new Promise((r) => setTimeout(r, 250));
    }
    if (!page) fail(`README.md line ${line}: nothing answered at ${base}:\n${output.slice(-3000)}`);
    if (!page.includes('<stack-advisor')) fail(`README.md line ${line}: ${base} is not the demo page`);
    const bundle = await fetch(`${base}stack-advisor.js`);
    if (!bundle.ok) fail(`README.md line ${line}: ${base}stack-advisor.js answered ${bundle.status}`);
    await checkDemoLinks(base);
    const built = /\[build\] built with (.*)/.exec(output)?.[1];
    log(`    served ${base} (the demo page and its bundle); ${built ? `built with ${built}` : 'no toolchain line in the build output'}`);
    if (!built) fail(`README.md line ${line}: the build did not say which toolchain built the files`);
  } finally {
    await stop();
  }
}

/** The first <stack-advisor>'s scores on `url`, once it has a result. */
async function scoresAt(url) {
  const page = await browser.newPage();
  try {
    await page.goto(url);
    return await page.evaluate(() => new Promise((ok, no) => {
      const el = document.querySelector('stack-advisor');
      if (!el) return no(new Error('no <stack-advisor> on the page'));
      if (el.result) return ok(JSON.stringify(el.result.scores));
      const timer = setTimeout(() => no(new Error('no result within 15 s')), 15_000);
      el.addEventListener('stack-advisor-change', (e) => { clearTimeout(timer); ok(JSON.stringify(e.detail.scores)); }, { once: true });
    }));
  } finally {
    await page.close();
  }
}

/**
 * The README's links into the demo (`http://127.0.0.1:8080/#sa-…`), opened on
 * the running demo: their answers must change the result, and the same state
 * under `#sa=` (for an element without an id) must not.
 */
async function checkDemoLinks(base) {
  const links = [...new Set(README_TEXT.match(/http:\/\/127\.0\.0\.1:8080\/#[^\s`)]+/g) ?? [])];
  if (links.length === 0) return;
  await startBrowser();
  const plain = await scoresAt(base);
  for (const link of links) {
    const hash = link.slice(link.indexOf('#'));
    if ((await scoresAt(base + hash)) === plain) fail(`the README's demo link ${link}: the demo ignores its answers`);
    const unnamed = hash.replace(/^#sa-[^=]+=/, '#sa=');
    if (unnamed !== hash && (await scoresAt(base + unnamed)) !== plain) fail(`${unnamed} changed the demo's answers: the README says the demo ignores it`);
    log(`    the README's link ${hash} sets the demo's answers; ${unnamed} is ignored, as the README says`);
  }
}

async function runShellBlock(block) {
  const commands = shellCommands(substitute('sh', block.code), block.line + 1);
  let pending = [];
  const flush = () => {
    if (pending.length > 0) runShell(pending);
    pending = [];
  };
  for (const c of commands) {
    const exemption = EXEMPTIONS.find((e) => e.match.test(c.command));
    if (exemption) {
      flush();
      exemption.uses++;
      log(`  - ${c.command}   (not run: ${exemption.why})`);
    } else if (/^(\w+=\S*\s+)*make demo\b/.test(c.command)) {
      flush();
      await runDemo(c.command, c.line);
    } else {
      pending.push(c);
    }
  }
  flush();
}

const JS_HELPERS = `
import { deepStrictEqual as __readmeEqual } from 'node:assert';
function __readmeExpect(actual, expected, index) {
  __readmeEqual(actual, expected, \`block line \${index + 1}: logs \${JSON.stringify(actual)}, the comment says \${JSON.stringify(expected)}\`);
  console.log(...actual);
}
function __readmeInstance(value, type, text, index) {
  if (!(value instanceof type)) throw new Error(\`block line \${index + 1}: \${text} is not a \${type.name}\`);
}
`;

/** Names a JS block uses without defining them, provided before it runs. */
const JS_CONTEXT = [
  {
    match: /new Float64Array\(w\)/,
    prelude: "import { init, rank } from 'stack-advisor';\nawait init();\nconst w = [3, 1, 2];\nconst c = [0, 1, 0];\nconst values = Float64Array.from({ length: 3000 }, (_, i) => (i * 37) % 11);",
    why: 'rank after init(); w, c and 1,000 x 3 values',
    uses: 0,
  },
];

function runJsBlock(block) {
  if (!existsSync(join(APP, 'node_modules/stack-advisor/package.json'))) {
    fail(`README.md line ${block.line}: a JS block before the README installed the package (npm install …/dist/stack-advisor.tgz)`);
  }
  const { code, claims } = jsClaims(substitute('js', block.code));
  const context = JS_CONTEXT.find((c) => c.match.test(block.code));
  if (context) context.uses++;
  const file = join(APP, `readme-line-${block.line}.mjs`);
  writeFileSync(file, `${JS_HELPERS}\n${context ? `${context.prelude}\n` : ''}${code}\n`);
  const run = spawnSync(process.execPath, [file], { cwd: APP, encoding: 'utf8' });
  const output = `${run.stdout}${run.stderr}`.trimEnd();
  if (output) console.log(output.split('\n').map((l) => `[readme]     ${l}`).join('\n'));
  if (run.status !== 0) fail(`README.md line ${block.line}: the JS block failed in Node (above)`);
  log(`    ran in Node against the installed tarball; ${claims} claim(s) in comments checked`);
}

let browser = null;
let server = null;
let serverBase = '';

async function startBrowser() {
  if (browser) return;
  const port = await freePort();
  server = spawn(process.execPath, [join(CLONE, 'scripts/serve.mjs'), '--port', String(port), '--root', SITE,
    '--mount', `/__dist=${join(CLONE, 'dist')}`, '--mount', `/matrices=${join(CLONE, 'data/examples')}`], { stdio: ['ignore', 'ignore', 'inherit'] });
  serverBase = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 80; i++) {
    try { if ((await fetch(`${serverBase}/__dist/stack-advisor.js`, { method: 'HEAD' })).ok) break; } catch { /* starting */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  const { chromium } = await import('@playwright/test');
  const { default: config } = await import(join(ROOT, 'playwright.config.mjs'));
  browser = await chromium.launch(config.use.launchOptions);
}

/** Loads `html` as a page of the site; every <stack-advisor> must show a verdict, with no console error. */
async function renderPage(where, name, html, allowed) {
  await startBrowser();
  writeFileSync(join(SITE, name), html);
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`console: ${m.text()}`); });
  // An element's error can come before the check below starts listening.
  await page.addInitScript(() => {
    window.__readmeErrors = [];
    addEventListener('stack-advisor-error', (e) => window.__readmeErrors.push(`stack-advisor-error: ${e.detail.message}`), true);
  });
  try {
    await page.goto(`${serverBase}/${name}`);
    const count = await page.locator('stack-advisor').count();
    if (count === 0) fail(`${where}: no <stack-advisor> on the page`);
    const results = await page.evaluate(() => Promise.all([...document.querySelectorAll('stack-advisor')].map((el) => new Promise((ok, no) => {
      const verdict = () => el.shadowRoot?.querySelector('[part~="verdict"]')?.innerText?.replace(/\s+/g, ' ').trim() ?? '';
      if (window.__readmeErrors.length > 0) return no(new Error(window.__readmeErrors.join('; ')));
      if (el.result) return ok({ verdict: el.result.verdict, text: verdict() });
      const timer = setTimeout(() => no(new Error('no result within 15 s')), 15_000);
      el.addEventListener('stack-advisor-change', (e) => { clearTimeout(timer); ok({ verdict: e.detail.verdict, text: verdict() }); }, { once: true });
      el.addEventListener('stack-advisor-error', (e) => { clearTimeout(timer); no(new Error(`stack-advisor-error: ${e.detail.message}`)); }, { once: true });
    }))));
    for (const r of results) {
      if (!allowed.includes(r.verdict)) fail(`${where}: verdict "${r.verdict}", expected one of ${allowed.join(', ')}`);
      if (!r.text) fail(`${where}: the verdict is not shown`);
    }
    if (errors.length > 0) fail(`${where}: errors in the page:\n  ${errors.join('\n  ')}`);
    return { page, results };
  } catch (error) {
    await page.close();
    if (error instanceof Failure) throw error;
    throw new Failure(`${where}: ${error.message.split('\n')[0]}`);
  }
}

const SCRIPT_TAG = '<script type="module" src="/__dist/stack-advisor.js"></script>';
const pageOf = (body) => `<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<link rel="icon" href="data:,">\n<title>README block</title>\n</head>\n<body>\n${body}\n</body>\n</html>\n`;

/**
 * An iframe-mode block (`<iframe data-stack-advisor>`): each frame's widget
 * must render a verdict with no error; with the host script in the block,
 * each frame must fit its content (no inner scroll).
 */
async function runFrameBlock(block, html) {
  await startBrowser();
  const name = `readme-line-${block.line}.html`;
  writeFileSync(join(SITE, name), pageOf(html));
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`console: ${m.text()}`); });
  const where = `README.md line ${block.line}`;
  try {
    await page.goto(`${serverBase}/${name}`);
    const frames = page.locator('iframe[data-stack-advisor]');
    const count = await frames.count();
    const sized = html.includes('stack-advisor-frame.js');
    const verdicts = [];
    for (let i = 0; i < count; i++) {
      const frame = await (await frames.nth(i).elementHandle()).contentFrame();
      const verdict = await frame.waitForFunction(() => document.querySelector('stack-advisor')?.result?.verdict, null, { timeout: 15_000 })
        .then((h) => h.jsonValue(), () => fail(`${where}: frame ${i + 1} showed no verdict within 15 s`));
      verdicts.push(verdict);
      if (sized) {
        const deadline = Date.now() + 10_000;
        for (;;) {
          const box = await frames.nth(i).evaluate((el) => el.getBoundingClientRect().height);
          const content = await frame.evaluate(() => document.documentElement.scrollHeight);
          if (Math.abs(box - content) <= 1) break;
          if (Date.now() > deadline) fail(`${where}: frame ${i + 1} is ${box} px tall for ${content} px of content (the host script did not size it)`);
          await page.waitForTimeout(100);
        }
      }
    }
    if (errors.length > 0) fail(`${where}: errors in the page:\n  ${errors.join('\n  ')}`);
    log(`    ${count} frame(s) rendered in Chromium: ${verdicts.join(', ')}${sized ? '; each sized to its content by the host script' : ''}`);
  } finally {
    await page.close();
  }
}

async function runHtmlBlock(block) {
  const html = substitute('html', block.code);
  if (/<iframe[^>]*\bdata-stack-advisor\b/.test(html)) {
    if (/<stack-advisor\b/.test(html)) fail(`README.md line ${block.line}: a block with both an iframe and a <stack-advisor>: split it`);
    return runFrameBlock(block, html);
  }
  const body = /stack-advisor\.js["']/.test(html) ? html : `${SCRIPT_TAG}\n${html}`;
  const usesExample = html.includes(EXAMPLE.id) || html.includes('postgres-vs-mongodb');
  const allowed = usesExample ? [...EXAMPLE.options.map((o) => o.id), 'hybrid'] : [...DEFAULT.options.map((o) => o.id), 'hybrid'];
  const { page, results } = await renderPage(`README.md line ${block.line}`, `readme-line-${block.line}.html`, pageOf(body), allowed);
  await page.close();
  log(`    rendered in Chromium: ${results.map((r) => `"${r.text}"`).join(', ')}`);
}

async function runCssBlock(block) {
  const css = substitute('css', block.code);
  const { page } = await renderPage(`README.md line ${block.line}`, `readme-line-${block.line}.html`,
    pageOf(`<style>\n${css}\n</style>\n${SCRIPT_TAG}\n<stack-advisor><p>Fallback.</p></stack-advisor>`), [...DEFAULT.options.map((o) => o.id), 'hybrid']);
  // Each `selector { property: value; }` rule without a media query must apply
  // to the element (the viewport is 1280 px wide).
  const rules = [...css.replace(/@media[^{]*\{[^}]*\}\s*\}/g, '').matchAll(/stack-advisor\s*\{([^}]*)\}/g)];
  if (rules.length === 0) fail(`README.md line ${block.line}: no stack-advisor rule to check`);
  for (const [, body] of rules) {
    for (const declaration of body.split(';').map((d) => d.trim()).filter(Boolean)) {
      const [property, value] = declaration.split(':').map((s) => s.trim());
      const applied = await page.evaluate(([p, v]) => {
        const el = document.querySelector('stack-advisor');
        const probe = document.createElement('div');
        probe.style.setProperty(p, v);
        el.parentElement.append(probe);
        const fontSize = getComputedStyle(el).fontSize;
        probe.style.fontSize = fontSize;
        const want = getComputedStyle(probe).getPropertyValue(p);
        probe.remove();
        return { want, got: getComputedStyle(el).getPropertyValue(p) };
      }, [property, value]);
      if (applied.want !== applied.got) fail(`README.md line ${block.line}: ${property}: ${value} does not apply (computed ${applied.got}, expected ${applied.want})`);
    }
  }
  await page.close();
  log(`    applied in Chromium: ${rules.length} rule(s) hold on a 1280 px page, and the widget rendered`);
}

function runFixtureBlock(block) {
  const candidates = FIXTURE_BLOCKS.filter((f) => f.lang === block.lang && f.heading === block.heading);
  const match = candidates.find((f) => existsSync(join(CLONE, f.file)) && readFileSync(join(CLONE, f.file), 'utf8') === `${block.code}\n`);
  if (!match) {
    fail(`README.md line ${block.line}: this ${block.lang} block under "${block.heading}" is not, verbatim, any of ${candidates.map((f) => f.file).join(', ') || '(no file listed for it in FIXTURE_BLOCKS)'}: copy it to the fixture (make consumers runs it), or list it`);
  }
  match.uses++;
  log(`    is ${match.file} (${match.why}; run by make consumers)`);
}

function checkFixtureInline() {
  for (const { text, file } of FIXTURE_INLINE) {
    if (!README_TEXT.includes(text)) fail(`the README no longer says \`${text}\`: update FIXTURE_INLINE in tests/readme/run.mjs`);
    if (!readFileSync(join(CLONE, file), 'utf8').includes(text)) fail(`${file} does not contain the README's \`${text}\``);
    log(`  README prose \`${text}\` is in ${file}`);
  }
}

function runLayoutBlock(block) {
  const missing = [];
  const lines = block.code.split('\n').filter((l) => l.trim());
  lines.forEach((line, i) => {
    // The first line lists files; the others start with one directory.
    const names = i === 0 ? line.trim().split(/\s+/) : [line.trim().split(/\s+/)[0]];
    for (const name of names) if (!existsSync(join(CLONE, name))) missing.push(name);
  });
  if (missing.length > 0) fail(`README.md line ${block.line}: the Layout names paths that do not exist: ${missing.join(', ')}`);
  log(`    every path named exists (${lines.length} lines)`);
}

// --- main -------------------------------------------------------------------------
const started = Date.now();
let failed = null;
try {
  copyCheckout();
  log(`README: ${README}`);
  log(`copy of the checkout: ${CLONE}`);
  const blocks = fencedBlocks(README_TEXT);
  log(`${blocks.length} code blocks`);
  for (const block of blocks) {
    const t = Date.now();
    log(`README.md:${block.line} ${block.lang || '(no language)'} under "${block.heading}"`);
    if (integrationBlock(block)) { /* built by its integration test */ }
    else if (['sh', 'bash', 'shell'].includes(block.lang)) await runShellBlock(block);
    else if (['js', 'javascript', 'mjs'].includes(block.lang)) runJsBlock(block);
    else if (block.lang === 'html') await runHtmlBlock(block);
    else if (block.lang === 'css') await runCssBlock(block);
    else if (block.lang === '' && block.heading === 'Layout') runLayoutBlock(block);
    else if (block.heading === 'WordPress' && ['shortcode', 'wp-block'].includes(block.lang)) log('    posted in a real WordPress by tests/integrations/wordpress.test.mjs (make integrations), which reads it from here');
    else if (['tsx', 'vue'].includes(block.lang)) runFixtureBlock(block);
    else fail(`README.md line ${block.line}: no runner for a "${block.lang}" block under "${block.heading}": add one to tests/readme/run.mjs`);
    log(`  ok (${((Date.now() - t) / 1000).toFixed(1)} s)`);
  }
  for (const s of [...SUBSTITUTIONS, ...EXEMPTIONS, ...JS_CONTEXT]) {
    if (s.uses === 0) fail(`"${s.from ?? s.match}" matched no block: the README changed; update the tables in tests/readme/run.mjs`);
  }
  for (const s of INTEGRATION_SECTIONS) {
    if (s.uses === 0) fail(`no block under a "${s.heading}" heading: the README changed; update INTEGRATION_SECTIONS in tests/readme/run.mjs`);
  }
  for (const f of FIXTURE_BLOCKS) {
    if (f.uses === 0) fail(`${f.file} is in no ${f.lang} block under "${f.heading}": the README changed; update FIXTURE_BLOCKS in tests/readme/run.mjs`);
  }
  checkFixtureInline();
} catch (error) {
  failed = error;
} finally {
  await browser?.close();
  server?.kill();
  if (process.env.KEEP) log(`kept ${TMP}`);
  else rmSync(TMP, { recursive: true, force: true });
}

log('substitutions (README text -> what ran):');
for (const s of SUBSTITUTIONS) log(`  [${s.langs.join(',')}] ${String(s.from)}  ->  ${s.shown ?? s.to()}  (${s.why}; ${s.uses} block(s))`);
for (const c of JS_CONTEXT) log(`  [js] block using ${c.match}: prelude (${c.why}; ${c.uses} block(s))`);
for (const [what, how] of SERVED) log(`  [html,css] ${what}  ->  ${how}`);
log('fixture blocks (not run here: make consumers runs these files):');
for (const f of FIXTURE_BLOCKS) log(`  [${f.lang}] under "${f.heading}" = ${f.file}  (${f.why}; ${f.uses} block(s))`);
log('exemptions (commands not run as written):');
for (const e of EXEMPTIONS) log(`  ${e.match}  ${e.why} (${e.uses} time(s))`);
log('  make demo  started on a free DEMO_PORT, the page and bundle fetched, then stopped');
for (const s of INTEGRATION_SECTIONS) log(`  blocks under "${s.heading}"  built into a site by ${s.test} (${s.uses} block(s))`);

if (failed) {
  console.error(`[readme] error: ${failed instanceof Failure ? failed.message : failed.stack}`);
  process.exit(1);
}
log(`every README block ran in ${((Date.now() - started) / 1000).toFixed(0)} s`);
