// What to do next: the verdict's guidance (hiring, learning time, starter
// code, the hybrid architecture) and the "Compare all factors" table, for
// each verdict; disclosures, lazy content, Copy, Markdown, German and axe.
// Screenshots with everything expanded: tests/screenshots/ (`make screenshots`).
import { test, expect } from '@playwright/test';
import { axeResults, summarise } from './axe.mjs';
import { MATRIX, VERDICT_LABEL, answerForVerdict, expandAll, openWithVerdict as open, pick, verdictLocator, waitReady } from './helpers.mjs';
import { test as onSharedPage } from './shared-page.mjs';

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

const option = (id) => MATRIX.options.find((o) => o.id === id);
const hybridRule = MATRIX.rules.find((r) => r.kind === 'hybrid');
const source = (id) => MATRIX.sources.find((s) => s.id === id);

/** The guidance sections the data file gives each verdict, in the order shown. */
const EXPECTED = {
  node: option('node').guidance,
  python: option('python').guidance,
  hybrid: [...hybridRule.guidance, ...hybridRule.split.flatMap((part) => option(part.option).guidance)],
};

for (const verdict of ['node', 'python', 'hybrid']) {
  test(`${VERDICT_LABEL[verdict]}: its guidance renders as cited disclosures, built when opened`, async ({ page }) => {
    const advisor = await open(page, verdict);
    const guidance = advisor.locator('[part="guidance"]');
    await expect(guidance.getByRole('heading', { name: 'What to do next', level: 3 })).toBeVisible();
    const buttons = guidance.locator('.disclosure');
    await expect(buttons).toHaveText(EXPECTED[verdict].map((s) => s.title));

    for (const [i, section] of EXPECTED[verdict].entries()) {
      const button = buttons.nth(i);
      // The button is the heading's content and controls a region labelled by it.
      // Under "Use both" the sections sit a level below their runtime's heading.
      await expect(guidance.getByRole('heading', { name: section.title, level: verdict === 'hybrid' ? 5 : 4 })).toBeVisible();
      await expect(button).toHaveAttribute('aria-expanded', 'false');
      const region = advisor.locator(`#${await button.getAttribute('aria-controls')}`);
      await expect(region).toBeHidden();
      // Lazy: nothing is built before the reader opens it.
      expect(await region.evaluate((el) => el.childNodes.length)).toBe(0);

      await button.click();
      await expect(button).toHaveAttribute('aria-expanded', 'true');
      await expect(region).toBeVisible();
      await expect(region).toHaveAttribute('role', 'region');
      await expect(advisor.getByRole('region', { name: section.title, exact: true })).toBeVisible();

      for (const item of section.items || []) {
        const li = region.locator('li', { hasText: item.text });
        await expect(li).toHaveCount(1);
        await expect(li.locator('strong')).toHaveText(item.label);
        // One chip per cited source, naming its publisher; the vendor's marked as such.
        const chips = li.locator('[part="citation"]');
        await expect(chips).toHaveCount(item.sources.length);
        for (const [k, id] of item.sources.entries()) {
          await expect(chips.nth(k)).toContainText(source(id).publisher);
          await expect(chips.nth(k).locator('[part="vendor"]')).toHaveCount(source(id).sponsored ? 1 : 0);
        }
      }
      if (section.code) {
        await expect(region.locator('pre code')).toHaveText(section.code.replace(/\n$/, ''));
        await expect(region.getByRole('region', { name: `Code: ${section.title}` })).toBeVisible();
        await region.getByRole('button', { name: 'Copy code' }).click();
        await expect(region.locator('.copy-note')).toHaveText('Code copied.');
        expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(section.code);
      }
      if (section.note) {
        const note = region.locator('.guide-note');
        await expect(note).toContainText(section.note);
        await expect(note.locator('[part="citation"]')).toHaveCount(section.sources.length);
      }

      await button.click();
      await expect(button).toHaveAttribute('aria-expanded', 'false');
      await expect(region).toBeHidden();
    }
  });

  onSharedPage(`${VERDICT_LABEL[verdict]}: Copy as Markdown includes the verdict's guidance`, async ({ article: page, advisor }) => {
    await answerForVerdict(advisor, verdict);
    await advisor.getByRole('button', { name: 'Copy as Markdown' }).click();
    await expect(advisor.locator('.action-note')).toHaveText('Markdown copied.');
    const md = await page.evaluate(() => navigator.clipboard.readText());
    expect(md).toContain('### What to do next');
    let at = md.indexOf('### What to do next');
    const level = verdict === 'hybrid' ? '#####' : '####';
    for (const section of EXPECTED[verdict]) {
      const next = md.indexOf(`${level} ${section.title}\n`, at);
      expect(next, section.title).toBeGreaterThan(at);
      at = next;
    }
    for (const section of EXPECTED[verdict].filter((s) => s.code)) {
      expect(md).toContain('```' + section.language + '\n' + section.code.replace(/\n$/, '') + '\n```');
    }
    // Guidance that is not the verdict's stays out.
    const others = Object.entries(EXPECTED).filter(([v]) => v !== verdict).flatMap(([, s]) => s);
    for (const section of others) if (!EXPECTED[verdict].includes(section)) expect(md).not.toContain(`# ${section.title}\n`);
    // Figures survive exactly, with their numbered citation.
    if (verdict !== 'python') expect(md).toMatch(/\$145,000–\$185,000.*\[\d\]/);
    if (verdict !== 'node') expect(md).toMatch(/£95,000-£135,000\+.*\[\d\]/);
  });
}

onSharedPage('the wasm engine reads and checks guidance: the default is valid, a broken one names the path', async ({ article: page }) => {
  const issues = await page.evaluate(async () => {
    const engine = await import('/stack-advisor.js');
    await engine.loadEngine();
    const matrix = engine.defaultMatrix();
    const valid = engine.validateMatrix(matrix);
    matrix.options[0].guidance[0].items[0].sources = ['nowhere'];
    matrix.options[1].guidance[3].code = 'x'.repeat(4001);
    matrix.rules.find((r) => r.kind === 'hybrid').guidance[0].kind = 'table';
    const broken = engine.validateMatrix(matrix);
    matrix.rules.find((r) => r.kind === 'hybrid').guidance[0].kind = 'list';
    return { valid, broken, checked: engine.validateMatrix(matrix).map((i) => i.path) };
  });
  expect(issues.valid).toEqual([]);
  expect(issues.broken.map((i) => i.path).join()).toMatch(/guidance\[0\]\.kind/);
  expect(issues.checked).toEqual(['options[0].guidance[0].items[0].sources[0]', 'options[1].guidance[3].code']);
});

test('an opened section stays open when the answers change, and follows the verdict', async ({ page }) => {
  const advisor = await open(page, 'node');
  const hiring = advisor.locator('[part="guidance"] .disclosure', { hasText: 'Hiring Node.js developers' });
  await hiring.click();
  await advisor.getByRole('slider', { name: 'Hiring cost and speed' }).fill('4');
  await expect(hiring).toHaveAttribute('aria-expanded', 'true');
  await expect(advisor.getByRole('region', { name: 'Hiring Node.js developers' })).toContainText('$145,000–$185,000');
  // A Python verdict shows Python's guidance, closed.
  await pick(advisor, 'project', 'ai-ml');
  await expect(advisor.locator('[part="guidance"] .disclosure').first()).toHaveText('Hiring Python developers');
  await expect(advisor.locator('[part="guidance"] .disclosure').first()).toHaveAttribute('aria-expanded', 'false');
});

/** Criterion labels in the order the reader's weights give (heaviest first, ties in matrix order). */
async function expectedOrder(advisor) {
  const weights = await advisor.evaluate((el) => el.result.weights);
  return MATRIX.criteria
    .map((c, i) => ({ label: c.label, w: weights[c.id], i }))
    .sort((a, b) => b.w - a.w || a.i - b.i)
    .map((c) => c.label);
}

test('Compare all factors: a headed table of every criterion, ordered by the reader\'s weights, live', async ({ page }) => {
  const advisor = await open(page, 'node');
  const section = advisor.locator('[part="compare"]');
  const button = section.getByRole('button', { name: 'Compare all factors' });
  await expect(section.getByRole('heading', { name: 'Compare all factors', level: 3 })).toBeVisible();
  await expect(button).toHaveAttribute('aria-expanded', 'false');
  await expect(section.locator('table')).toHaveCount(0);
  await button.click();
  await expect(button).toHaveAttribute('aria-expanded', 'true');

  const table = advisor.getByRole('table');
  await expect(table).toBeVisible();
  await expect(table.locator('caption')).toContainText('the ones you weigh most first');
  await expect(table.locator('thead th[scope="col"]')).toHaveText(['Factor', 'Built in', 'Yours', 'Node.js', 'Python']);
  const rows = table.locator('tbody th[scope="row"]');
  await expect(rows).toHaveCount(MATRIX.criteria.length);
  const factors = () => rows.evaluateAll((ths) => ths.map((th) => th.firstChild.textContent));
  // Each row shows the factor's built-in weight (the matrix's) and the reader's, with its share.
  const weights = await advisor.evaluate((el) => el.result.weights);
  const order = await factors();
  const byLabel = Object.fromEntries(MATRIX.criteria.map((c) => [c.label, c]));
  const shownWeights = await table.locator('tbody > tr:first-child').evaluateAll((trs) => trs.map((tr) => [tr.querySelector('.weight-base').textContent, tr.querySelector('.weight-yours').textContent]));
  shownWeights.forEach(([base, yours], i) => {
    const c = byLabel[order[i]];
    expect(Number(base)).toBeCloseTo(c.weight ?? 0, 1);
    expect(yours).toMatch(/^[\d.,]+ \(<?\d+%\)$/);
    expect(Number(yours.split(' ')[0])).toBeCloseTo(weights[c.id], 1);
  });
  expect(await factors()).toEqual(await expectedOrder(advisor));
  // Real-time weighs most for a real-time app; each row has both scores and cited evidence.
  expect((await factors())[0]).toBe('Real-time and WebSockets');
  const first = table.locator('tbody').first();
  const score = (o) => MATRIX.scores.find((x) => x.option === o && x.criterion === 'realtime').value;
  await expect(first.locator('td.n .value')).toHaveText([`${score('node')}/10`, `${score('python')}/10`]);
  await expect(first.locator('td.best .value')).toHaveText(`${score('node')}/10`);
  // A score with a range shows it; a lopsided one says which way it leans.
  for (const s of MATRIX.scores.filter((x) => x.criterion === 'realtime')) {
    const cell = first.locator('td.n').nth(2 + MATRIX.options.findIndex((o) => o.id === s.option));
    if (s.low != null && s.high != null && (s.low !== s.value || s.high !== s.value)) await expect(cell.locator('.range')).toContainText(`${s.low}–${s.high}`);
  }
  await expect(first.locator('.evidence-row li')).toHaveCount(2);
  expect(await first.locator('[part="citation"]').count()).toBeGreaterThanOrEqual(2);

  // A new answer re-orders the open table: AI weighs most for an AI product.
  await pick(advisor, 'project', 'ai-ml');
  await expect(button).toHaveAttribute('aria-expanded', 'true');
  await expect.poll(async () => (await factors())[0]).toBe('AI and machine learning');
  expect(await factors()).toEqual(await expectedOrder(advisor));
  // Weighting one factor by hand moves it up.
  await advisor.getByRole('slider', { name: 'Type safety' }).fill('5');
  await expect.poll(async () => (await factors()).indexOf('Type safety')).toBeLessThan(3);
  expect(await factors()).toEqual(await expectedOrder(advisor));
});

test('Compare all factors keeps its rows while open and shows the latest weights when opened again', async ({ page }) => {
  const advisor = await open(page, 'node');
  const button = advisor.locator('[part="compare"]').getByRole('button', { name: 'Compare all factors' });
  await button.click();
  const table = advisor.getByRole('table');
  await expect(table).toBeVisible();
  const rows = () => table.locator('tbody').evaluateAll((bodies) => bodies.map((tbody) => ({
    tag: tbody.dataset.tag ?? null,
    factor: tbody.querySelector('th').firstChild.textContent,
    yours: tbody.querySelector('.weight-yours').textContent,
    line: tbody.querySelector('.weight').textContent,
  })));
  /** Each row shows the result's weight for its factor, in the result's order. */
  const showsResult = async () => {
    const weights = await advisor.evaluate((el) => el.result.weights);
    const shown = await rows();
    const byLabel = Object.fromEntries(MATRIX.criteria.map((c) => [c.label, c]));
    expect(shown.map((r) => r.factor)).toEqual(await expectedOrder(advisor));
    for (const row of shown) {
      expect(Number(row.yours.split(' ')[0])).toBeCloseTo(weights[byLabel[row.factor].id], 1);
      expect(row.line.endsWith(`yours ${row.yours}`)).toBe(true);
    }
    return shown;
  };
  // Tag the rows: an answer that moves only weights keeps them (re-ordered).
  await table.locator('tbody').evaluateAll((bodies) => bodies.forEach((tbody, i) => (tbody.dataset.tag = String(i))));
  const slider = advisor.getByRole('slider', { name: 'Type safety' });
  await slider.fill('5');
  await expect.poll(async () => (await rows()).map((r) => r.factor).indexOf('Type safety')).toBeLessThan(3);
  const kept = await showsResult();
  expect(kept.map((r) => r.tag).sort((a, b) => a - b)).toEqual(MATRIX.criteria.map((_, i) => String(i)));
  // Closed, the table is not kept up to date; opened again, it shows the answers given meanwhile.
  await button.click();
  await expect(table).toBeHidden();
  await slider.fill('0');
  await advisor.getByRole('slider', { name: 'Easy to learn' }).fill('5');
  await button.click();
  await expect(table).toBeVisible();
  const reopened = await showsResult();
  expect(reopened.map((r) => r.factor).indexOf('Type safety')).toBeGreaterThan(reopened.map((r) => r.factor).indexOf('Easy to learn'));
});

test('German: headings, titles and the table speak German; cited texts stay as written', async ({ page }) => {
  await page.goto('/');
  const advisor = page.locator('stack-advisor');
  await advisor.evaluate((el) => el.setAttribute('lang', 'de'));
  await waitReady(advisor);
  await advisor.evaluate((el) => el.setAttribute('answers', '{"project":"realtime","needs":["ai"]}'));
  await expect(verdictLocator(advisor)).toHaveText('Beides nutzen');
  const guidance = advisor.locator('[part="guidance"]');
  await expect(guidance.getByRole('heading', { name: 'Wie es weitergeht' })).toBeVisible();
  await expect(guidance.locator('.disclosure').first()).toHaveText('Node.js und Python gemeinsam betreiben');
  await expect(guidance.locator('.disclosure', { hasText: 'Start-Endpunkt: Python mit FastAPI' })).toHaveCount(1);
  await guidance.locator('.disclosure', { hasText: 'Start-Endpunkt: Node.js mit Fastify' }).click();
  await expect(guidance.getByRole('button', { name: 'Code kopieren' })).toBeVisible();
  await advisor.getByRole('button', { name: 'Alle Faktoren vergleichen' }).click();
  await expect(advisor.getByRole('table').locator('thead th')).toHaveText(['Faktor', 'Eingebaut', 'Ihres', 'Node.js', 'Python']);
  await expect(advisor.getByRole('table').locator('tbody th').first()).toHaveText(/^Echtzeit und WebSocketseingebaut [\d,]+ · Ihres [\d,]+ \(\d+\s%\)$/);
  await expect(guidance.getByRole('heading', { name: 'Node.js-Seite', level: 4 })).toBeVisible();
});

test('no-sources hides the guidance chips; expanding everything makes one request, for the texts part', async ({ page }) => {
  const requests = [];
  page.on('request', (r) => { if (!r.url().startsWith('data:')) requests.push(new URL(r.url()).pathname); });
  const advisor = await open(page, 'hybrid');
  const before = requests.length;
  await expandAll(advisor);
  await expect(advisor.locator('.disclosure[aria-expanded="false"]')).toHaveCount(0);
  await expect(advisor.locator('.waiting')).toHaveCount(0);
  // The default matrix's guidance bodies and evidence come once, with the first section opened (docs/size.md).
  expect(requests.slice(before)).toEqual(['/stack-advisor-texts.js']);
  await advisor.evaluate((el) => el.setAttribute('no-sources', ''));
  expect(await advisor.locator('.disclosure-body [part="citation"]:visible').count()).toBe(0);
  // Still expanded after the attribute re-render, content intact.
  await expect(advisor.locator('.disclosure[aria-expanded="false"]')).toHaveCount(0);
  await expect(advisor.getByRole('table')).toBeVisible();
});

for (const scheme of ['light', 'dark']) {
  test(`axe: no WCAG 2.2 AA violations with every guidance section and the table expanded, ${scheme}`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    const advisor = await open(page, 'hybrid');
    await expandAll(advisor);
    await advisor.locator('.disclosure-body [part="citation"]').first().click();
    const results = await axeResults(page, { include: 'stack-advisor' });
    expect(results.violations, summarise(results.violations)).toEqual([]);
  });
}

test('no horizontal scroll at 320 px with the code and the table open', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  const advisor = await open(page, 'hybrid');
  await expandAll(advisor);
  const widths = await page.evaluate(() => ({ doc: document.documentElement.scrollWidth, view: window.innerWidth }));
  expect(widths.doc).toBeLessThanOrEqual(widths.view);
  // Long code lines scroll inside their block, which is keyboard-focusable.
  const pre = advisor.locator('pre.code').first();
  await expect(pre).toHaveAttribute('tabindex', '0');
  expect(await pre.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
});
