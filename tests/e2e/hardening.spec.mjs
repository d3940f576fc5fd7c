// The widget on hostile pages (issue 6): a Content Security Policy that blocks
// WebAssembly, three independent instances with three matrices on one page,
// author matrices over the limits or broken in every way they can arrive, and
// script/HTML payloads in every text field of a matrix.
import { readFileSync } from 'node:fs';
import { test, expect } from '@playwright/test';
import { pick, recordEvents, verdictLocator, waitReady } from './helpers.mjs';

const EXAMPLE = JSON.parse(readFileSync(new URL('../../data/examples/postgres-vs-mongodb.json', import.meta.url), 'utf8'));

/** Page errors and console errors, except the lines a test expects. */
function collectErrors(page) {
  const errors = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    // Chromium's own /favicon.ico request (the CSP page cannot have a data: icon) gets
    // a 204 from scripts/serve.mjs, so it is no exception here.
    if (m.type() === 'error') errors.push(`console: ${m.text()} (${m.location().url})`);
  });
  return errors;
}

/** Serves `body` (an object is sent as JSON) at `path` for this page. */
async function serve(page, path, body, contentType = 'application/json') {
  await page.route(`**${path}`, (route) =>
    route.fulfill({ status: 200, contentType, body: typeof body === 'string' ? body : JSON.stringify(body) }),
  );
}

// ------------------------------------------------------------------ 1. CSP

test("a CSP without 'wasm-unsafe-eval': fallback, a message naming the fix, an error event, nothing uncaught", async ({ page }) => {
  const errors = collectErrors(page);
  const failed = [];
  page.on('response', (r) => { if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`); });
  await page.addInitScript(recordEvents);
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto('/fixtures/csp-no-wasm.html');
  const advisor = page.locator('#blocked');
  const notice = advisor.locator('[part="notice"]');
  await expect(notice).toBeVisible();
  // Tells the page's author what blocks the widget and what to add.
  await expect(notice).toContainText('Content Security Policy');
  await expect(notice).toContainText('WebAssembly');
  await expect(notice).toContainText("script-src needs 'wasm-unsafe-eval'");
  // The author's fallback, not a blank box; no questions.
  await expect(page.getByText('Node.js for real-time and I/O-heavy services; Python for AI, data and science.')).toBeVisible();
  await expect(advisor.locator('[part="questions"]')).toBeHidden();
  expect(await advisor.evaluate((el) => el.matches(':state(error)') && el.result === null)).toBe(true);
  expect((await advisor.boundingBox()).height).toBeGreaterThan(100);

  // One error event for programs, with the loader's explanation and the fix.
  const events = await page.evaluate(() => window.__events);
  expect(events).toEqual([expect.objectContaining({ type: 'stack-advisor-error', kind: 'engine', target: 'blocked', bubbles: true, composed: true })]);
  expect(events[0].message).toMatch(/^stack-advisor: the WebAssembly engine could not be loaded \(the page's Content Security Policy blocks WebAssembly; add 'wasm-unsafe-eval' to script-src/);
  const detail = await page.evaluate(() => new Promise((resolve) => {
    // A second element on the same page tries again and reports the same way.
    const el = document.createElement('stack-advisor');
    el.addEventListener('stack-advisor-error', (e) => resolve({ code: e.detail.error.code, hint: e.detail.hint, cause: e.detail.error.cause?.name }), { once: true });
    document.body.append(el);
  }));
  expect(detail).toEqual({ code: 'csp', hint: "add 'wasm-unsafe-eval' to script-src in the page's Content-Security-Policy", cause: 'CompileError' });

  // The browser did block WebAssembly (so this page really tests the CSP case) ...
  expect(await page.evaluate(() => window.__violations)).toContain('script-src wasm-eval');
  // ... and nothing else went wrong: no uncaught error, no failed request.
  expect(errors).toEqual([]);
  expect(failed).toEqual([]);
});

// ------------------------------------------------------ 2. three instances

test('three instances with three matrices and different answers stay independent', async ({ page, context }) => {
  const errors = collectErrors(page);
  await serve(page, '/matrices/postgres-vs-mongodb.json', EXAMPLE);
  await page.goto('/fixtures/three.html');
  const stack = page.locator('#stack');
  const db = page.locator('#db');
  const drink = page.locator('#drink');
  await Promise.all([waitReady(stack), waitReady(db), waitReady(drink)]);

  // Each shows its own matrix.
  await expect(stack.getByRole('heading', { level: 2 })).toHaveText('Node.js or Python for your backend?');
  await expect(db.getByRole('heading', { level: 2 })).toHaveText('PostgreSQL or MongoDB?');
  await expect(drink.getByRole('heading', { level: 2 })).toHaveText('Tea or coffee?');
  const optionIds = (el) => el.evaluate((e) => Object.keys(e.result.scores).sort());
  expect(await optionIds(stack)).toEqual(['node', 'python']);
  expect(await optionIds(db)).toEqual(['mongodb', 'postgres']);
  expect(await optionIds(drink)).toEqual(['coffee', 'tea']);

  /** What a reader sees of an instance: verdict, confidence, scores, checked chips. */
  const snapshot = (el) => el.evaluate((e) => {
    const root = e.shadowRoot;
    const text = (sel) => [...root.querySelectorAll(sel)].map((n) => n.textContent.trim());
    return {
      verdict: text('[part="verdict"] .verdict-label').join(),
      confidence: text('[part="confidence"]').join(),
      scores: text('[part="scores"] li'),
      checked: text('[role="radio"][aria-checked="true"]'),
      reasons: text('[part="reasons"] li'),
      answers: e.answers,
      result: e.result,
    };
  });

  // Different answers in each.
  await pick(stack, 'project', 'realtime');
  await expect(verdictLocator(stack)).toHaveText('Node.js');
  await drink.getByRole('radio', { name: 'Tired' }).click();
  await expect(verdictLocator(drink)).toHaveText('Coffee');
  expect(await db.evaluate((e) => e.answers)).toEqual({ 'data-shape': 'documents' });

  // Changing one changes nothing in the other two, then the same for each.
  const change = [
    ['stack', stack, async () => { await pick(stack, 'project', 'ai-ml'); await expect(verdictLocator(stack)).toHaveText('Python'); }],
    ['db', db, async () => {
      await db.getByRole('radio', { name: 'Records that refer to each other (orders, customers, invoices)' }).click();
      await db.getByLabel('Reporting and new questions of the data').fill('5');
      await expect(verdictLocator(db)).toHaveText('PostgreSQL');
    }],
    ['drink', drink, async () => { await drink.getByRole('radio', { name: 'Tense' }).click(); await expect(verdictLocator(drink)).toHaveText('Tea'); }],
  ];
  const all = { stack, db, drink };
  for (const [name, el, act] of change) {
    const before = {};
    for (const [other, loc] of Object.entries(all)) if (other !== name) before[other] = await snapshot(loc);
    const mine = await snapshot(el);
    await act();
    expect((await snapshot(el)).answers).not.toEqual(mine.answers);
    for (const [other, snap] of Object.entries(before)) expect(await snapshot(all[other]), `${other} changed when ${name} did`).toEqual(snap);
  }

  // Each instance keeps its own part of the URL hash (written once the reader pauses) ...
  await expect(page).toHaveURL(/sa-drink=mood:tense/);
  const url = page.url();
  expect(url).toContain('sa-stack=project:ai-ml');
  expect(url).toMatch(/sa-db=[^&]*data-shape:related/);
  expect(url).toContain('sa-drink=mood:tense');
  // ... and a fresh page restores each one from it, with its own verdict.
  const other = await context.newPage();
  await serve(other, '/matrices/postgres-vs-mongodb.json', EXAMPLE);
  await other.goto(url);
  const restored = { stack: other.locator('#stack'), db: other.locator('#db'), drink: other.locator('#drink') };
  await Promise.all(Object.values(restored).map(waitReady));
  for (const [name, el] of Object.entries(restored)) {
    expect(await el.evaluate((e) => e.answers), name).toEqual(await all[name].evaluate((e) => e.answers));
  }
  await expect(verdictLocator(restored.stack)).toHaveText('Python');
  await expect(verdictLocator(restored.db)).toHaveText('PostgreSQL');
  await expect(verdictLocator(restored.drink)).toHaveText('Tea');
  await other.close();

  // One instance breaking (its src now 404s) leaves the other two working.
  await page.route('**/matrices/gone.json', (route) => route.fulfill({ status: 404, body: 'Not Found', contentType: 'text/plain' }));
  await db.evaluate((e) => { e.src = '/matrices/gone.json'; });
  await expect(db.locator('[part="issues"] .issue-message')).toHaveText(/the server answered 404/);
  await expect(page.getByText('Database fallback.')).toBeVisible();
  await pick(stack, 'project', 'realtime');
  await expect(verdictLocator(stack)).toHaveText('Node.js');
  await drink.getByRole('radio', { name: 'Tired' }).click();
  await expect(verdictLocator(drink)).toHaveText('Coffee');
  expect(errors.filter((e) => !/404/.test(e))).toEqual([]);
});

// ----------------------------------------------------- 3. limits and junk

/** A valid matrix with `n` options, `c` criteria and `q` questions (every score present). */
function sized({ n = 2, c = 2, q = 0 } = {}) {
  const options = Array.from({ length: n }, (_, i) => ({ id: `o${i}`, label: `Option ${i}` }));
  const criteria = Array.from({ length: c }, (_, i) => ({ id: `c${i}`, label: `Criterion ${i}`, weight: 1 }));
  const scores = options.flatMap((o, i) => criteria.map((k, j) => ({ option: o.id, criterion: k.id, value: (i + j) % 11 })));
  const questions = Array.from({ length: q }, (_, i) => ({
    id: `q${i}`, kind: 'single', label: `Question ${i}?`, choices: [{ id: 'yes', label: 'Yes', weights: { c0: 1 } }],
  }));
  return { version: 1, id: 'sized', title: 'Sized', options, criteria, scores, questions };
}

const LIMIT_CASES = [
  {
    name: '65 options via the matrix property',
    via: 'property', matrix: sized({ n: 65 }),
    path: 'options', message: /^65 entries is more than the limit of 64$/, fix: /keep at most 64/,
  },
  {
    name: '65 criteria via the matrix property',
    via: 'property', matrix: sized({ c: 65 }),
    path: 'criteria', message: /^65 entries is more than the limit of 64$/, fix: /keep at most 64/,
  },
  {
    name: '65 questions via src',
    via: 'src', matrix: sized({ q: 65 }),
    path: 'questions', message: /^65 entries is more than the limit of 64$/, fix: /keep at most 64/,
  },
  {
    name: '65 options via src',
    via: 'src', matrix: sized({ n: 65 }),
    path: 'options', message: /^65 entries is more than the limit of 64$/, fix: /keep at most 64/,
  },
  {
    name: 'a 300 KB object via the matrix property',
    via: 'property', matrix: { ...EXAMPLE, title: 'x'.repeat(300_000) },
    path: '(root)', message: /^the value is \d{6} characters as JSON, more than the limit of 262144$/, fix: /shorten its texts or split it/,
  },
  {
    name: 'a 300 KB JSON string via the matrix property',
    via: 'property', matrix: JSON.stringify({ ...EXAMPLE, title: 'x'.repeat(300_000) }),
    path: '(root)', message: /more than the limit of 262144$/, fix: /shorten its texts or split it/,
  },
  {
    name: 'malformed JSON via the matrix property',
    via: 'property', matrix: '{"version": 1, "id": "x",}',
    path: 'matrix (property)', message: /^not valid JSON \(/, fix: /pass an object, or a string of valid JSON/,
  },
  {
    name: 'malformed JSON in a child script',
    via: 'script', matrix: '{"version": 1, "title": "unterminated}',
    path: 'script (child <script type="application/json">)', message: /^not valid JSON \(/, fix: /write <\\\/script> for a <\/script> inside it/,
  },
  {
    name: 'JSON that is not an object (an array) via the matrix property',
    via: 'property', matrix: '[1, 2, 3]',
    path: '(root)', message: /invalid type: sequence, expected struct Matrix/, fix: /change the value to the expected type/,
  },
  {
    name: 'nesting 5000 levels deep via src',
    // The rest of the matrix is sound, so the one structural problem is the title.
    via: 'src', matrix: JSON.stringify({ ...EXAMPLE, title: 0 }).replace('"title":0', `"title":${'['.repeat(5000)}${']'.repeat(5000)}`),
    path: 'title', message: /invalid type/, fix: /./,
  },
];

for (const c of LIMIT_CASES) {
  test(`${c.name}: a readable error inside the widget`, async ({ page }) => {
    const errors = collectErrors(page);
    await page.addInitScript(recordEvents);
    let advisor;
    if (c.via === 'src') {
      await serve(page, '/matrices/postgres-vs-mongodb.json', c.matrix);
      await page.goto('/fixtures/src.html');
      advisor = page.locator('#from-src');
    } else {
      await page.goto('/');
      const first = page.locator('stack-advisor').first();
      await waitReady(first);
      if (c.via === 'property') {
        advisor = first;
        await advisor.evaluate((el, m) => { el.matrix = m; }, c.matrix);
      } else {
        // A new element whose child script holds the JSON, added after the page loaded.
        await page.evaluate((json) => {
          const el = document.createElement('stack-advisor');
          el.id = 'scripted';
          const script = document.createElement('script');
          script.type = 'application/json';
          script.textContent = json;
          const fallback = document.createElement('p');
          fallback.textContent = 'Scripted fallback.';
          el.append(script, fallback);
          document.querySelector('main, body').append(el);
        }, c.matrix);
        advisor = page.locator('#scripted');
      }
    }
    await expect(advisor.locator('[part="notice"]')).toHaveText(/decision matrix has a problem, so a short summary is shown instead/);
    const issues = advisor.locator('[part="issues"] .issue');
    await expect(issues).toHaveCount(1);
    await expect(issues.locator('.issue-path')).toHaveText(c.path);
    await expect(issues.locator('.issue-message')).toHaveText(c.message);
    await expect(issues.locator('.issue-fix')).toHaveText(c.fix);
    await expect(advisor.locator('[part="questions"]')).toBeHidden();
    expect(await advisor.evaluate((el) => el.matches(':state(error)'))).toBe(true);
    const events = await page.evaluate(() => window.__events.filter((e) => e.type === 'stack-advisor-error'));
    expect(events).toEqual([expect.objectContaining({ kind: 'matrix' })]);
    expect(errors).toEqual([]);
  });
}

// ------------------------------------------------- 4. payloads everywhere

/** A payload that would record `tag` in window.__pwned if any of it ran, and fetch /x if parsed as HTML. */
const payload = (tag) =>
  `<img src=x onerror="__pwned.push('${tag}')"><svg onload="__pwned.push('${tag}')"></svg>` +
  `<script>__pwned.push('${tag}')<\/script><a href="javascript:__pwned.push('${tag}')">${tag}</a>` +
  `<iframe src="javascript:parent.__pwned.push('${tag}')"></iframe>{{${tag}}}`;

/**
 * A valid matrix with a payload in every text field the format has. Options:
 * a (favoured by c1) and b (by c2); q1 = "both" makes the hybrid rule apply,
 * q1 = "rule" the override, and a dispute always shows.
 */
function hostileMatrix(url = "https://example.invalid/?q=\"><img src=x onerror=__pwned.push('url')>") {
  const P = payload;
  const guidance = (who) => [
    { id: 'list', kind: 'list', title: P(`${who}.guidance.title`), items: [{ label: P(`${who}.item.label`), text: P(`${who}.item.text`), sources: ['s1'] }], note: P(`${who}.guidance.note`), sources: ['s1'] },
    { id: 'code', kind: 'code', title: P(`${who}.code.title`), language: 'javascript', code: P(`${who}.code`) },
  ];
  return {
    version: 1,
    id: 'hostile',
    title: P('title'),
    options: [
      { id: 'a', label: P('option.a.label'), summary: P('option.a.summary'), guidance: guidance('a') },
      { id: 'b', label: P('option.b.label'), summary: P('option.b.summary'), guidance: guidance('b') },
    ],
    criteria: [
      { id: 'c1', label: P('c1.label'), description: P('c1.description'), weight: 1, evidence: [{ source: 's1', section: P('c1.section'), text: P('c1.evidence') }] },
      { id: 'c2', label: P('c2.label'), description: P('c2.description'), weight: 1, evidence: [{ source: 's2', section: P('c2.section'), text: P('c2.evidence') }] },
      { id: 'c3', label: P('c3.label'), weight: 1 },
    ],
    scores: [
      { option: 'a', criterion: 'c1', value: 9, sources: ['s1'] }, { option: 'b', criterion: 'c1', value: 2, sources: ['s1'] },
      { option: 'a', criterion: 'c2', value: 2, sources: ['s2'] }, { option: 'b', criterion: 'c2', value: 9, sources: ['s2'] },
      { option: 'a', criterion: 'c3', value: 5 }, { option: 'b', criterion: 'c3', value: 6 },
    ],
    sources: [
      { id: 's1', title: P('s1.title'), publisher: P('s1.publisher'), date: '2026-01', url, sponsored: true, note: P('s1.note') },
      { id: 's2', title: P('s2.title'), publisher: P('s2.publisher'), date: '2025', url: 'http://example.invalid/s2' },
    ],
    questions: [
      { id: 'q1', kind: 'single', label: P('q1.label'), help: P('q1.help'), choices: [
        { id: 'first', label: P('q1.first'), weights: { c1: 6 } },
        { id: 'both', label: P('q1.both'), weights: { c1: 6, c2: 6 } },
        { id: 'rule', label: P('q1.rule'), weights: { c2: 1 } },
      ] },
      { id: 'q2', kind: 'multi', label: P('q2.label'), help: P('q2.help'), choices: [{ id: 'm', label: P('q2.m'), weights: { c3: 1 } }] },
      { id: 'q3', kind: 'priorities', label: P('q3.label'), help: P('q3.help'), items: [{ id: 'p', label: P('q3.p'), criteria: { c3: 1 }, default: 1 }] },
    ],
    rules: [
      { id: 'override', kind: 'override', text: P('rule.override'), sources: ['s2'], when: { question: 'q1', choice: 'rule' }, option: 'b', within: 50 },
      {
        id: 'hybrid', kind: 'hybrid', label: P('rule.hybrid.label'), text: P('rule.hybrid.text'), sources: ['s1', 's2'],
        groups: [{ option: 'a', criteria: ['c1'], min_weight: 4 }, { option: 'b', criteria: ['c2'], min_weight: 4 }],
        split: [{ option: 'a', role: P('split.a') }, { option: 'b', role: P('split.b') }],
        guidance: [{ id: 'both', kind: 'list', title: P('hybrid.guidance.title'), items: [{ label: P('hybrid.item.label'), text: P('hybrid.item.text'), sources: ['s2'] }], note: P('hybrid.guidance.note'), sources: ['s2'] }],
      },
    ],
    disputes: [
      { id: 'd1', topic: P('dispute.topic'), sides: [
        { option: 'a', source: 's1', section: P('dispute.a.section'), text: P('dispute.a.text') },
        { option: 'b', source: 's2', section: P('dispute.b.section'), text: P('dispute.b.text') },
      ] },
    ],
  };
}

/**
 * Markup or script in the widget (or the page) that could only come from an
 * author string parsed as HTML: elements the widget never makes, event
 * handler attributes, and URLs that are not http(s).
 */
function injectedMarkup(el) {
  const found = [];
  const banned = ['img', 'script', 'iframe', 'object', 'embed', 'link', 'meta', 'base', 'form', 'frame', 'b', 'i', 'u'];
  const nodes = [...el.shadowRoot.querySelectorAll('*'), ...document.body.querySelectorAll('*')];
  for (const node of nodes) {
    const tag = node.tagName.toLowerCase();
    const inPage = node.getRootNode() === document;
    // The page's own module script is the one script allowed.
    if (banned.includes(tag) && !(inPage && tag === 'script' && node.type === 'module' && node.getAttribute('src') === '/stack-advisor.js')) found.push(tag);
    if (tag === 'svg' && (inPage || node.getAttribute('aria-hidden') !== 'true')) found.push('svg');
    for (const attr of node.getAttributeNames()) {
      if (attr.startsWith('on')) found.push(`${tag}[${attr}]`);
      const value = node.getAttribute(attr).trim().toLowerCase();
      const ours = inPage && ['script', 'stack-advisor'].includes(tag) && attr === 'src'; // the page's own
      if (['href', 'src', 'action', 'formaction', 'xlink:href', 'srcdoc'].includes(attr) && !ours && !/^https?:\/\//.test(value)) {
        found.push(`${tag}[${attr}=${value.slice(0, 40)}]`);
      }
    }
  }
  return found;
}

/** Opens every disclosure and citation so lazily built parts are in the DOM too. */
async function expandAll(advisor) {
  await advisor.evaluate((el) => {
    for (const b of el.shadowRoot.querySelectorAll('button.disclosure[aria-expanded="false"], button.cite[aria-expanded="false"]')) b.click();
  });
}

test('script and HTML in every text field of a matrix render as text and nothing runs', async ({ page }) => {
  const errors = collectErrors(page);
  const dialogs = [];
  page.on('dialog', async (d) => { dialogs.push(d.message()); await d.dismiss(); });
  const stray = [];
  page.on('request', (r) => { const u = new URL(r.url()); if (/\/x$/.test(u.pathname) || u.protocol === 'javascript:') stray.push(r.url()); });
  await page.addInitScript(() => { window.__pwned = []; });
  const matrix = hostileMatrix();
  await serve(page, '/matrices/hostile.json', matrix);
  // A hostile link too: payloads in the hash for this element's answers.
  await page.goto(`/fixtures/hostile-matrix.html#sa-xss=${encodeURIComponent(`q1:${payload('hash')};q2:${payload('hash2')}`)}`);
  const advisor = page.locator('#xss');
  await waitReady(advisor);
  expect(await advisor.evaluate((el) => el.answers)).toEqual({});
  await expect(advisor.getByRole('heading', { level: 2 })).toHaveText(payload('title'));

  // Walk through the states that show every part: the plain result, the hybrid
  // verdict (split, hybrid guidance), the override rule; open everything.
  const seen = new Set();
  const collect = async () => {
    await expandAll(advisor);
    const text = await advisor.evaluate((el) => {
      const parts = [el.shadowRoot.textContent];
      for (const n of el.shadowRoot.querySelectorAll('[aria-label], [title], [aria-valuetext]')) parts.push(n.getAttribute('aria-label') || '', n.getAttribute('title') || '');
      for (const o of el.shadowRoot.querySelectorAll('option')) parts.push(o.textContent);
      return parts.join('\n');
    });
    // Each payload's marker {{tag}} found in the widget comes with the whole payload, unaltered.
    for (const [, tag] of text.matchAll(/\{\{([^}]+)\}\}/g)) {
      expect(text.includes(payload(tag)), `${tag} rendered altered`).toBe(true);
      seen.add(tag);
    }
    expect(await advisor.evaluate(injectedMarkup)).toEqual([]);
  };
  await collect();
  await advisor.getByRole('radio', { name: payload('q1.first') }).click();
  await expect(verdictLocator(advisor)).toHaveText(payload('option.a.label'));
  await collect();
  await advisor.getByRole('radio', { name: payload('q1.both') }).click();
  await expect(verdictLocator(advisor)).toHaveText(payload('rule.hybrid.label'));
  await collect();
  await advisor.getByRole('radio', { name: payload('q1.rule') }).click();
  await expect(verdictLocator(advisor)).toHaveText(payload('option.b.label'));
  await collect();
  await advisor.getByRole('checkbox', { name: payload('q2.m') }).check();
  await advisor.getByRole('slider', { name: payload('q3.p') }).fill('4');
  await advisor.getByRole('button', { name: 'Calibrate my priorities' }).click();
  await collect();

  // Every text field the widget shows was shown, exactly as written (option
  // summaries and criterion descriptions are not shown by the widget at all).
  const shown = [
    'title', 'option.a.label', 'option.b.label',
    'a.guidance.title', 'a.item.label', 'a.item.text', 'a.guidance.note', 'a.code.title', 'a.code',
    'b.guidance.title', 'b.item.label', 'b.item.text', 'b.guidance.note', 'b.code.title', 'b.code',
    'c1.label', 'c2.label', 'c3.label', 'c1.section', 'c1.evidence', 'c2.section', 'c2.evidence',
    's1.title', 's1.publisher', 's1.note', 's2.title', 's2.publisher',
    'q1.label', 'q1.help', 'q1.first', 'q1.both', 'q1.rule', 'q2.label', 'q2.help', 'q2.m', 'q3.label', 'q3.help', 'q3.p',
    'rule.override', 'rule.hybrid.label', 'rule.hybrid.text', 'split.a', 'split.b',
    'hybrid.guidance.title', 'hybrid.item.label', 'hybrid.item.text', 'hybrid.guidance.note',
    'dispute.topic', 'dispute.a.section', 'dispute.a.text', 'dispute.b.section', 'dispute.b.text',
  ];
  expect([...seen].sort()).toEqual(expect.arrayContaining(shown.sort()));
  // The hash payloads were dropped, never shown.
  expect(seen.has('hash')).toBe(false);
  expect(seen.has('hash2')).toBe(false);

  // Source links: only the matrix's http(s) URLs, as inert links in a new tab.
  const links = await advisor.evaluate((el) => [...el.shadowRoot.querySelectorAll('a')].map((a) => ({ href: a.getAttribute('href'), rel: a.rel, target: a.target })));
  expect(links.length).toBeGreaterThan(0);
  for (const link of links) {
    expect([matrix.sources[0].url, matrix.sources[1].url]).toContain(link.href);
    expect(link.rel).toMatch(/noopener/);
    expect(link.target).toBe('_blank');
  }

  // Copy as Markdown escapes them: outside code blocks no raw "<" that a
  // Markdown renderer would pass through as HTML (autolinks <https://...> aside).
  const markdown = await advisor.evaluate((el) => el.toMarkdown());
  expect(markdown).toContain('\\<img src=x onerror=');
  const prose = markdown.replace(/^```[^\n]*\n[\s\S]*?\n```$/gm, '');
  expect(prose).not.toMatch(/(?<!\\)<(?!https?:\/\/)/);
  // And still nothing ran.
  await page.waitForTimeout(300); // let any onerror/onload that was queued fire
  expect(await page.evaluate(() => window.__pwned)).toEqual([]);
  expect(dialogs).toEqual([]);
  expect(stray).toEqual([]);
  expect(errors).toEqual([]);
});

const BAD_URLS = [
  "javascript:__pwned.push('js')",
  "JavaScript:__pwned.push('JS')",
  " javascript:__pwned.push('space')",
  "java\tscript:__pwned.push('tab')",
  "data:text/html,<script>__pwned.push('data')</script>",
  "vbscript:__pwned.push('vb')",
  "//example.invalid/protocol-relative",
];

test('javascript:, data: and other non-http source URLs are refused, never rendered as links', async ({ page }) => {
  const errors = collectErrors(page);
  await page.addInitScript(() => { window.__pwned = []; });
  await page.addInitScript(recordEvents);
  const matrix = hostileMatrix();
  matrix.sources = BAD_URLS.map((url, i) => ({ id: `s${i + 1}`, title: `Source ${i + 1}`, publisher: 'P', date: '2026', url }));
  await serve(page, '/matrices/hostile.json', matrix);
  await page.goto('/fixtures/hostile-matrix.html');
  const advisor = page.locator('#xss');
  await expect(advisor.locator('[part="notice"]')).toHaveText(/decision matrix has \d+ problems?/);
  const paths = await advisor.locator('[part="issues"] .issue-path').allTextContents();
  // Every bad URL is named by its path.
  for (let i = 0; i < BAD_URLS.length; i++) expect(paths).toContain(`sources[${i}].url`);
  expect(await advisor.evaluate((el) => el.shadowRoot.querySelectorAll('a').length)).toBe(0);
  expect(await advisor.evaluate(injectedMarkup)).toEqual([]);
  await expect(page.getByText('Fallback.')).toBeVisible();
  expect((await page.evaluate(() => window.__events)).map((e) => e.kind)).toEqual(['matrix']);

  // The same bad URLs handed over as the matrix property, one at a time, after
  // a good matrix: each one is refused and no link appears.
  const good = hostileMatrix('https://example.invalid/ok');
  const goodUrls = good.sources.map((x) => x.url);
  await advisor.evaluate((el, m) => { el.matrix = m; }, good);
  await waitReady(advisor);
  for (const url of BAD_URLS) {
    await advisor.evaluate((el, m) => { el.matrix = m; }, hostileMatrix(url));
    await expect(advisor.locator('[part="issues"] .issue-path')).toContainText(['sources[0].url']);
    // The previous (good) matrix's links stay hidden in the DOM; none is the bad URL.
    await expect(advisor.locator('[part="questions"]')).toBeHidden();
    expect(await advisor.evaluate(injectedMarkup), url).toEqual([]);
    expect(await advisor.evaluate((el, goodUrls) => [...el.shadowRoot.querySelectorAll('a')].map((a) => a.getAttribute('href')).filter((h) => !goodUrls.includes(h)), goodUrls), url).toEqual([]);
    await advisor.evaluate((el, m) => { el.matrix = m; }, good);
    await expect(advisor.locator('[part="issues"]')).toHaveCount(0);
  }
  expect(await page.evaluate(() => window.__pwned)).toEqual([]);
  expect(errors).toEqual([]);
});
