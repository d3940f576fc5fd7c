// Author matrices (src attribute, readable errors), the demo page with its own
// matrix, TOPSIS as a second opinion, and "Calibrate my priorities".
import { readFileSync } from 'node:fs';
import { test, expect } from '@playwright/test';
import { axeResults, summarise } from './axe.mjs';
import { recordEvents, verdictLocator, waitReady } from './helpers.mjs';

const EXAMPLE_PATH = new URL('../../data/examples/postgres-vs-mongodb.json', import.meta.url);
const EXAMPLE = JSON.parse(readFileSync(EXAMPLE_PATH, 'utf8'));
const MATRIX_URL = '/matrices/postgres-vs-mongodb.json';

/** Serves `body` at the fixture page's matrix URL, and records every request the page makes. */
async function serveMatrix(page, { status = 200, body = JSON.stringify(EXAMPLE), contentType = 'application/json' } = {}) {
  const requests = [];
  page.on('request', (r) => requests.push(new URL(r.url())));
  await page.route(`**${MATRIX_URL}`, (route) => route.fulfill({ status, body, contentType }));
  return requests;
}

test('src loads a same-origin matrix; with TOPSIS the MCDA extension is the only other request', async ({ page }) => {
  const requests = await serveMatrix(page);
  await page.goto('/fixtures/src.html');
  const advisor = page.locator('stack-advisor');
  await waitReady(advisor);
  await expect(advisor.getByRole('heading', { level: 2 })).toHaveText('PostgreSQL or MongoDB?');
  await expect(verdictLocator(advisor)).toHaveText('PostgreSQL');
  const paths = requests.filter((u) => u.protocol.startsWith('http')).map((u) => u.pathname);
  // methods="wsm topsis": the engine chunk fetches the MCDA extension (its glue and .wasm) and the element's
  // TOPSIS interface, once, from next to itself.
  const engine = ['/stack-advisor.js', '/stack-advisor-engine.js', '/stack-advisor-engine.wasm'];
  expect(paths.sort()).toEqual(['/fixtures/src.html', MATRIX_URL, ...engine, '/stack-advisor-mcda-glue.js', '/stack-advisor-mcda-ui.js', '/stack-advisor-mcda.wasm'].sort());
  expect(requests.every((u) => u.origin === new URL(page.url()).origin || !u.protocol.startsWith('http'))).toBe(true);
});

const FAILURES = [
  { name: '404', serve: { status: 404, body: 'Not Found', contentType: 'text/plain' }, message: /the server answered 404/, fix: /no file is served at this address/ },
  { name: 'an HTML page', serve: { body: '<!doctype html><title>Home</title><p>Welcome</p>', contentType: 'text/html' }, message: /sent an HTML page \(text\/html\), not JSON/, fix: /\.json file itself/ },
  { name: 'malformed JSON', serve: { body: '{"version": 1, "id": "x",}' }, message: /not valid JSON/, fix: /trailing comma/ },
  { name: 'a file over 256 KB', serve: { body: JSON.stringify({ ...EXAMPLE, title: 'x'.repeat(300_000) }) }, message: /more than the limit of 262144/, fix: /split the matrix/ },
];

for (const failure of FAILURES) {
  test(`src serving ${failure.name} shows a readable error and fires stack-advisor-error`, async ({ page }) => {
    await page.addInitScript(recordEvents);
    await serveMatrix(page, failure.serve);
    await page.goto('/fixtures/src.html');
    const advisor = page.locator('stack-advisor');
    await expect(advisor.locator('[part="notice"]')).toHaveText(/decision matrix has a problem/);
    const issues = advisor.locator('[part="issues"]');
    await expect(issues).toBeVisible();
    await expect(issues.locator('.issue-path')).toHaveText(`src (${MATRIX_URL})`);
    await expect(issues.locator('.issue-message')).toHaveText(failure.message);
    await expect(issues.locator('.issue-fix')).toHaveText(failure.fix);
    await expect(page.getByText('Fallback summary.')).toBeVisible();
    const errors = await page.evaluate(() => window.__events.filter((e) => e.type === 'stack-advisor-error'));
    expect(errors).toEqual([expect.objectContaining({ kind: 'matrix', message: expect.stringMatching(/^src/) })]);
  });
}

test('a cross-origin src is refused without a request', async ({ page }) => {
  const requests = await serveMatrix(page);
  await page.goto('/fixtures/src.html');
  const advisor = page.locator('stack-advisor');
  await waitReady(advisor);
  await advisor.evaluate((el) => { el.src = 'https://other.example/matrix.json'; });
  const issues = advisor.locator('[part="issues"]');
  await expect(issues.locator('.issue-message')).toHaveText(/https:\/\/other\.example is not this page's origin/);
  await expect(issues.locator('.issue-fix')).toHaveText(/copy the \.json file onto this site/);
  expect(requests.some((u) => u.hostname === 'other.example')).toBe(false);
  // Back to a good address: the widget recovers.
  await advisor.evaluate((el) => { el.src = '/matrices/postgres-vs-mongodb.json'; });
  await expect(verdictLocator(advisor)).toHaveText('PostgreSQL');
  await expect(issues).toHaveCount(0);
});

test('an invalid matrix lists every problem with path, message and fix inside the widget', async ({ page }) => {
  const broken = { ...EXAMPLE, id: 'Not An Id', criteria: EXAMPLE.criteria.map((c, i) => (i === 0 ? { ...c, weight: -1 } : c)) };
  await serveMatrix(page, { body: JSON.stringify(broken) });
  await page.goto('/fixtures/src.html');
  const advisor = page.locator('stack-advisor');
  await expect(advisor.locator('[part="notice"]')).toHaveText(/decision matrix has 2 problems/);
  const items = advisor.locator('[part="issues"] .issue');
  await expect(items).toHaveCount(2);
  await expect(items.nth(0)).toContainText('id');
  await expect(items.nth(0)).toContainText('is not a valid id');
  await expect(items.nth(1)).toContainText('criteria[0].weight');
  await expect(items.nth(1).locator('.issue-fix')).toHaveText(/Fix: use 0 to rely on the answers alone/);
});

test('custom.html renders its own matrix with TOPSIS beside the weighted sum', async ({ page }) => {
  await page.goto('/custom.html');
  const advisor = page.locator('stack-advisor');
  await waitReady(advisor);
  await expect(advisor.getByRole('heading', { level: 2 })).toHaveText('PostgreSQL or MongoDB?');
  await expect(advisor.getByRole('radiogroup', { name: 'What does your data look like?' })).toBeVisible();
  await expect(verdictLocator(advisor)).toHaveText('PostgreSQL');
  const opinion = advisor.locator('[part="second-opinion"]');
  await expect(opinion.getByRole('heading', { name: 'Second opinion: TOPSIS' })).toBeVisible();
  await expect(opinion).toContainText('TOPSIS ranks PostgreSQL first too.');
  await expect(advisor.locator('[part="methods-disagree"]')).toHaveCount(0);
  const result = await advisor.evaluate((el) => el.result);
  expect(Object.keys(result.scores).sort()).toEqual(['mongodb', 'postgres']);
});

test('a page without TOPSIS or calibration never fetches the MCDA extension', async ({ page }) => {
  const requests = [];
  page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  await page.goto('/');
  await waitReady(page.locator('stack-advisor'));
  await page.waitForTimeout(300);
  expect(requests).not.toContain('/stack-advisor-mcda.wasm');
});

test('an MCDA extension that is not the one the bundle was built with is refused; the widget works without it', async ({ page }) => {
  // A CDN serving a different file: the engine chunk has it checked against its SHA-384 before compiling it.
  await page.route('**/stack-advisor-mcda.wasm', async (route) => {
    const response = await route.fetch();
    const bytes = Buffer.from(await response.body());
    bytes[bytes.length - 1] ^= 1;
    await route.fulfill({ response, body: bytes });
  });
  const warnings = [];
  page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
  await page.addInitScript(recordEvents);
  await page.goto('/custom.html');
  const advisor = page.locator('stack-advisor');
  await waitReady(advisor);
  await expect(verdictLocator(advisor)).toHaveText('PostgreSQL');
  await expect(advisor.locator('[part="second-opinion"]')).toHaveCount(0);
  expect(warnings.join('\n')).toMatch(/TOPSIS and calibration are unavailable: .*is not the file this build was made with/);
  const errors = (await page.evaluate(() => window.__events)).filter((e) => e.type === 'stack-advisor-error');
  expect(errors.map((e) => e.kind)).toEqual(['engine']);
  expect(errors[0].message).toMatch(/stack-advisor-mcda\.wasm is not the file this build was made with \(its SHA-384 differs\), so it was refused/);
});

test('the widget notes when TOPSIS and the weighted sum disagree', async ({ page }) => {
  await page.goto('/custom.html');
  const advisor = page.locator('stack-advisor');
  await waitReady(advisor);
  await advisor.getByRole('radio', { name: 'Self-contained documents whose fields vary' }).click();
  await advisor.getByLabel('Reporting and new questions of the data').fill('0');
  // The weighted sum now favours MongoDB; TOPSIS, which rescales each factor,
  // weighs the licence gap (1 vs 5 of 10) far more and stays with PostgreSQL.
  await expect(verdictLocator(advisor)).toHaveText('MongoDB');
  const note = advisor.locator('[part="methods-disagree"]');
  await expect(note).toBeVisible();
  await expect(note).toContainText('The two methods disagree: TOPSIS ranks PostgreSQL first, the weighted sum MongoDB.');
  // Back to an agreeing answer: the note goes.
  await advisor.getByRole('radio', { name: 'Records that refer to each other (orders, customers, invoices)' }).click();
  await expect(note).toHaveCount(0);
});

test('calibrate mode turns pairwise comparisons into weights and states the consistency ratio', async ({ page }) => {
  await page.goto('/custom.html');
  const advisor = page.locator('stack-advisor');
  await waitReady(advisor);
  await advisor.getByRole('button', { name: 'Calibrate my priorities' }).click();
  const panel = advisor.locator('.calibrate-panel');
  const selects = panel.locator('select');
  await expect(selects).toHaveCount(10); // 5 criteria: 10 pairs
  await expect(panel.locator('.calibrate-weights li')).toHaveText([
    'Joins, constraints and transactions: 20%',
    'Changing data shape without migrations: 20%',
    'Spreading writes across many servers: 20%',
    'Ad-hoc queries and reporting: 20%',
    'Licence restrictions: 20%',
  ]);
  await expect(panel.locator('.calibrate-cr')).toHaveText(/fit together \(consistency ratio 0\.00/);

  // Consistent: writes 5× over everything else.
  const pick = (a, b, option) => panel.getByLabel(`Which matters more: ${a} or ${b}?`).selectOption({ label: option });
  const scale = 'Spreading writes across many servers';
  await pick('Joins, constraints and transactions', scale, `${scale}, strongly more (5×)`);
  await pick('Changing data shape without migrations', scale, `${scale}, strongly more (5×)`);
  await pick(scale, 'Ad-hoc queries and reporting', `${scale}, strongly more (5×)`);
  await pick(scale, 'Licence restrictions', `${scale}, strongly more (5×)`);
  await expect(panel.locator('.calibrate-weights li').nth(2)).toHaveText(`${scale}: 56%`);
  await expect(panel.locator('.calibrate-cr')).toHaveText(/fit together \(consistency ratio 0\.00/);

  await panel.getByRole('button', { name: 'Use these weights' }).click();
  await expect(verdictLocator(advisor)).toHaveText('MongoDB');
  const weights = await advisor.evaluate((el) => el.result.weights);
  expect(weights['horizontal-scaling']).toBeCloseTo(5.556, 3);
  expect(weights['relational-integrity']).toBeCloseTo(1.111, 3);
  await expect(panel.locator('.calibrate-state')).toHaveText(/uses these weights/);

  // Contradictory: joins over flexibility over writes over joins.
  const flex = 'Changing data shape without migrations';
  const joins = 'Joins, constraints and transactions';
  await pick(joins, flex, `${joins}, extremely more (9×)`);
  await pick(flex, scale, `${flex}, extremely more (9×)`);
  await pick(joins, scale, `${scale}, extremely more (9×)`);
  await expect(panel.locator('.calibrate-cr')).toHaveText(/contradict each other \(consistency ratio \d+\.\d\d; above 0\.10/);
  await expect(panel.locator('.calibrate-worst')).toHaveText(/fits the others least:/);

  await panel.getByRole('button', { name: 'Back to the weights from my answers' }).click();
  await expect(verdictLocator(advisor)).toHaveText('PostgreSQL');
  await expect(panel.locator('.calibrate-state')).toHaveText(/weights your answers give/);
});

test('calibrate is not offered for a matrix with more than six criteria', async ({ page }) => {
  await page.goto('/');
  const advisor = page.locator('stack-advisor').first();
  await waitReady(advisor);
  await advisor.evaluate((el) => { el.calibrate = true; });
  await expect(advisor.getByRole('button', { name: 'Calibrate my priorities' })).toHaveCount(0);
});

for (const scheme of ['light', 'dark']) {
  test(`axe: custom.html with the TOPSIS note and the calibration open, and the error list, ${scheme}`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    const check = async () => {
      const results = await axeResults(page);
      expect(results.violations, summarise(results.violations)).toEqual([]);
    };
    await page.goto('/custom.html');
    const advisor = page.locator('stack-advisor');
    await waitReady(advisor);
    await advisor.getByRole('radio', { name: 'Self-contained documents whose fields vary' }).click();
    await advisor.getByLabel('Reporting and new questions of the data').fill('0');
    await expect(advisor.locator('[part="methods-disagree"]')).toBeVisible();
    await advisor.getByRole('button', { name: 'Calibrate my priorities' }).click();
    await expect(advisor.locator('.calibrate-weights li')).toHaveCount(5);
    await check();

    await serveMatrix(page, { body: '{"version": 1,' });
    await page.goto('/fixtures/src.html');
    await expect(page.locator('stack-advisor [part="issues"]')).toBeVisible();
    await check();
  });
}
