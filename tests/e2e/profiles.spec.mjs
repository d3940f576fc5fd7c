// Reader profiles clicked through in the article page give the verdicts of
// the seeds' tables (the same cases the engine's own tests check).
import { test, expect } from '@playwright/test';
import { MATRIX, VERDICT_LABEL, pick, question, tick, verdictLocator, waitReady } from './helpers.mjs';
import { test as onSharedPage } from './shared-page.mjs';

const PROFILES = [
  { name: 'a real-time app', project: 'realtime', verdict: 'node' },
  { name: 'an AI or ML product', project: 'ai-ml', verdict: 'python' },
  { name: 'a data pipeline', project: 'data-pipeline', verdict: 'python' },
  { name: 'microservices', project: 'microservices', verdict: 'node' },
  { name: 'serverless functions', project: 'serverless', verdict: 'node' },
  { name: 'an analytics platform', project: 'analytics', verdict: 'python' },
  { name: 'scientific computing', project: 'scientific', verdict: 'python' },
  { name: 'a full-stack SPA', project: 'fullstack-spa', verdict: 'node' },
  { name: 'a REST API by a Python team', project: 'rest-api', team: 'python', verdict: 'python' },
  { name: 'a REST API by a JavaScript team', project: 'rest-api', team: 'javascript', verdict: 'node' },
  { name: 'a real-time app that needs AI', project: 'realtime', needs: ['ai'], verdict: 'hybrid' },
  { name: 'an AI product with live updates', project: 'ai-ml', needs: ['realtime'], verdict: 'hybrid' },
];

// One page per worker for the profiles, reset to no answers before each (tests/e2e/shared-page.mjs).
for (const profile of PROFILES) {
  onSharedPage(`${profile.name} → ${VERDICT_LABEL[profile.verdict]}`, async ({ advisor }) => {
    await pick(advisor, 'project', profile.project);
    if (profile.team) await pick(advisor, 'team', profile.team);
    if (profile.needs) await tick(advisor, 'needs', profile.needs);

    await expect(verdictLocator(advisor)).toHaveText(VERDICT_LABEL[profile.verdict]);
    expect(await advisor.evaluate((el) => el.result.verdict)).toBe(profile.verdict);
    // The result is complete: confidence words, a bar per option, the win
    // probability sentence, reasons with citations, and flip points.
    await expect(advisor.locator('[part="confidence"]')).toHaveText(/^(clear|leaning|close call)$/);
    await expect(advisor.locator('.score-row .drawing')).toHaveCount(2);
    await expect(advisor.locator('[part="probability"]')).toHaveText(/(wins|holds) in (over |under )?\d+% of plausible readings of the evidence and your priorities\./);
    expect(await advisor.locator('[part="reasons"] li').count()).toBeGreaterThanOrEqual(3);
    expect(await advisor.locator('[part="citation"]').count()).toBeGreaterThan(0);
    await expect(advisor.locator('[part="flips"]')).toContainText('would win');
    if (profile.verdict === 'hybrid') {
      await expect(advisor.locator('[part="hybrid"]')).toContainText('Node.js');
      await expect(advisor.locator('[part="hybrid"]')).toContainText('Python');
    }
  });
}

test('a dispute shows both sides under "Sources disagree"', async ({ page }) => {
  await page.goto('/');
  const advisor = page.locator('stack-advisor');
  await waitReady(advisor);
  await expect(advisor.locator('[part="disputes"]')).toHaveCount(0);
  await pick(advisor, 'project', 'mvp');
  const disputes = advisor.locator('[part="disputes"]');
  await expect(disputes.getByRole('heading', { name: 'Sources disagree' })).toBeVisible();
  expect(await disputes.locator('.sides li').count()).toBeGreaterThanOrEqual(2);
  await expect(disputes).toContainText('Node.js:');
  await expect(disputes).toContainText('Python:');
});

test('a JavaScript team\'s skill is a named part of Node.js\'s bar, not a rule', async ({ page }) => {
  await page.goto('/');
  const advisor = page.locator('stack-advisor');
  await waitReady(advisor);
  const team = MATRIX.criteria.find((c) => c.id === 'team-javascript');
  const nodeRow = advisor.locator('.score-row').nth(MATRIX.options.findIndex((o) => o.id === 'node'));
  await expect(nodeRow.locator('[part="segment"]')).toBeHidden();
  await pick(advisor, 'team', 'javascript');
  await expect(nodeRow.locator('[part="segment"]')).toBeVisible();
  await expect(nodeRow.locator('[part="segment"]')).toHaveText(new RegExp(`^of which ${team.label} \\+\\d+$`));
  await expect(nodeRow.locator('.drawing > .part')).toHaveCount(1);
  // No "Rule" entry for the team under "Why".
  await expect(advisor.locator('[part="reasons"] .rule-tag')).toHaveCount(0);
});

test('a priority slider can flip the verdict, and "What would change this" says so', async ({ page }) => {
  await page.goto('/');
  const advisor = page.locator('stack-advisor');
  await waitReady(advisor);
  const result = await advisor.evaluate((el) => el.result);
  const flip = (result.priority_flips || []).find((f) => f.new_verdict !== result.verdict);
  test.skip(!flip, 'no priority flip for the default answers');
  const item = MATRIX.questions.find((q) => q.kind === 'priorities').items.find((i) => i.id === flip.id);
  const way = flip.flip_value > flip.value ? 'or more' : 'or less';
  const stated = flip.flip_value === 5 || flip.flip_value === 0 ? `(${flip.flip_value}/5)` : `${flip.flip_value}/5 ${way}`;
  await expect(advisor.locator('[part="flips"]')).toContainText(stated);
  const slider = advisor.getByRole('slider', { name: item.label });
  await slider.fill(String(flip.flip_value));
  await expect(verdictLocator(advisor)).toHaveText(VERDICT_LABEL[flip.new_verdict]);
});

test('an answer moves the same score rows: bars, numbers and the leader follow the result', async ({ page }) => {
  await page.goto('/');
  const advisor = page.locator('stack-advisor');
  await waitReady(advisor);
  // Tag the rows, then answer: the rows must be the tagged ones, showing the new result.
  await advisor.evaluate((el) => el.shadowRoot.querySelectorAll('.score-row').forEach((row, i) => (row.dataset.tag = String(i))));
  const before = await advisor.evaluate((el) => [...el.shadowRoot.querySelectorAll('.num')].map((n) => n.textContent));
  await pick(advisor, 'project', 'ai-ml');
  await expect(verdictLocator(advisor)).toHaveText('Python');
  const shown = await advisor.evaluate((el) => {
    const result = el.result;
    return {
      tags: [...el.shadowRoot.querySelectorAll('.score-row')].map((row) => row.dataset.tag),
      rows: [...el.shadowRoot.querySelectorAll('.score-row')].map((row) => ({
        leader: row.classList.contains('leader'),
        // The bar's and parts' layers, each clipped: inset(top right bottom left …) in % of the drawing.
        width: [row.querySelector('.drawing > .bar'), ...row.querySelectorAll('.drawing > .part')].reduce((sum, layer) => {
          const [top, right = top, , left = right] = layer.style.clipPath.replace(/^inset\(|( round .*)?\)$/g, '').split(' ');
          return sum + 100 - parseFloat(right) - parseFloat(left);
        }, 0),
        num: row.querySelector('.num').textContent,
        fresh: row.querySelector('.num').classList.contains('fresh'),
      })),
      scores: ['node', 'python'].map((id) => result.scores[id]),
      leader: result.leader,
    };
  });
  expect(shown.tags).toEqual(['0', '1']);
  expect(shown.leader).toBe('python');
  expect(shown.rows.map((r) => r.leader)).toEqual([false, true]);
  shown.rows.forEach((row, i) => {
    // Lengths are percentages of a 0–100 scale (no rule points here).
    expect(row.width).toBeCloseTo(shown.scores[i], 1);
    expect(row.num).toBe(String(Math.round(shown.scores[i])));
    // A number that changed is highlighted; one that did not is not.
    expect(row.fresh).toBe(row.num !== before[i]);
  });
  expect(shown.rows.some((r) => r.fresh)).toBe(true);

  // Another answer that changes a number again: the same node, its highlight played again (the twin animation).
  await advisor.evaluate((el) => {
    el.shadowRoot.querySelectorAll('.num').forEach((num, i) => (num.dataset.tag = String(i)));
    window.__started = [];
    el.shadowRoot.addEventListener('animationstart', (e) => window.__started.push([e.target.dataset.tag, e.animationName]));
  });
  const numbers = await advisor.evaluate((el) => [...el.shadowRoot.querySelectorAll('.num')].map((n) => n.textContent));
  await pick(advisor, 'project', 'realtime');
  await expect(verdictLocator(advisor)).toHaveText('Node.js');
  const again = await advisor.evaluate((el) => [...el.shadowRoot.querySelectorAll('.num')].map((num) => ({
    tag: num.dataset.tag,
    text: num.textContent,
    classes: num.className,
  })));
  again.forEach((num, i) => {
    expect(num.tag).toBe(String(i));
    if (num.text !== numbers[i]) expect(num.classes).toBe(shown.rows[i].fresh ? 'num fresh again' : 'num fresh');
  });
  // The animations start on the next frame: the last one each changed number started is its (twin) highlight.
  const expected = again.map((num, i) => (num.text === numbers[i] ? null : shown.rows[i].fresh ? 'stack-advisor-fade-again' : 'stack-advisor-fade'));
  await expect.poll(() => advisor.evaluate((el, wanted) => wanted.map((name, i) =>
    name && (window.__started.filter(([tag]) => tag === String(i)).at(-1)?.[1] ?? 'none')), expected)).toEqual(expected);
  expect(again.some((num, i) => num.text !== numbers[i])).toBe(true);
});

test('an answer rewrites what it changes: reasons keep their passages, sentences follow the result', async ({ page }) => {
  await page.goto('/');
  const advisor = page.locator('stack-advisor');
  await waitReady(advisor);
  await pick(advisor, 'project', 'realtime');
  await expect(verdictLocator(advisor)).toHaveText('Node.js');
  // Tag the passages under the reasons and the sections below both columns.
  const shown = () => advisor.evaluate((el) => ({
    reasons: [...el.shadowRoot.querySelectorAll('ol.reasons > li:not(.rule)')].map((li) => ({
      sentence: li.querySelector('.reason-text').textContent,
      evidence: li.querySelector('.evidence-text')?.textContent ?? null,
      tag: li.querySelector('.evidence')?.dataset.tag ?? null,
    })),
    wide: [...el.shadowRoot.querySelectorAll('.wide > .result-section')].map((s) => s.dataset.tag ?? null),
    result: el.result.reasons.map((r) => ({ label: r.label, gap: r.gap })),
  }));
  await advisor.evaluate((el) => {
    el.shadowRoot.querySelectorAll('ol.reasons .evidence').forEach((ev) => (ev.dataset.tag = ev.querySelector('.evidence-text').textContent));
    el.shadowRoot.querySelectorAll('.wide > .result-section').forEach((s, i) => (s.dataset.tag = String(i)));
  });
  const before = await shown();
  const slider = advisor.getByRole('slider', { name: question('priorities').items.find((i) => i.id === 'cost').label });
  await slider.fill('3');
  await expect.poll(async () => (await shown()).reasons.map((r) => r.sentence).join('\n')).not.toBe(before.reasons.map((r) => r.sentence).join('\n'));
  await expect(verdictLocator(advisor)).toHaveText('Node.js');
  const after = await shown();
  // Each sentence is the result's reason, with its new points.
  after.reasons.forEach((reason, i) => {
    const r = after.result[i];
    expect(reason.sentence.startsWith(`${r.label} favours Node.js by `)).toBe(true);
    expect(Number(reason.sentence.match(/by ([\d.]+) points\.$/)[1])).toBeCloseTo(r.gap, 1);
  });
  // A passage shown before and after is the same node; the same verdict keeps the guidance and the comparison.
  const again = after.reasons.filter((r) => before.reasons.some((b) => b.evidence === r.evidence));
  expect(again.length).toBeGreaterThan(0);
  for (const reason of again) expect(reason.tag).toBe(reason.evidence);
  expect(after.wide).toEqual(before.wide);
});

test('the change event: a CustomEvent whose detail is a copy of the result, made once when read', async ({ page }) => {
  await page.goto('/');
  const advisor = page.locator('stack-advisor');
  await waitReady(advisor);
  await advisor.evaluate((el) => {
    window.__change = null;
    el.addEventListener('stack-advisor-change', (event) => {
      const first = event.detail;
      const same = event.detail === first;
      first.verdict = 'changed by a listener';
      window.__change = { custom: event instanceof CustomEvent, bubbles: event.bubbles, composed: event.composed, same, event };
    }, { once: true });
  });
  await pick(advisor, 'project', 'ai-ml');
  await expect(verdictLocator(advisor)).toHaveText('Python');
  const seen = await advisor.evaluate((el) => {
    const { event, ...flags } = window.__change;
    return { ...flags, later: event.detail.verdict, result: el.result.verdict, direct: el.result };
  });
  expect(seen).toMatchObject({ custom: true, bubbles: true, composed: true, same: true, later: 'changed by a listener', result: 'python' });
  // Unchanged by the listener, the element's result is still the engine's.
  expect(seen.direct.verdict).toBe('python');

  // A listener that does not read the detail costs no copy of the result.
  const copies = await advisor.evaluate((el) => {
    let count = 0;
    const clone = window.structuredClone;
    window.structuredClone = (value) => ((count += 1), clone(value));
    let events = 0;
    el.addEventListener('stack-advisor-change', () => (events += 1));
    el.answers = { project: 'realtime' };
    el.answers = { project: 'realtime', team: 'python' };
    window.structuredClone = clone;
    return { count, events };
  });
  expect(copies).toEqual({ count: 0, events: 2 });
});
